import { createRoute, z } from '@hono/zod-openapi';
import { auditEntrySchema } from '../../../domain/audit/audit.schema';
import { capitalQuerySchema, capitalReportSchema } from '../../../domain/project/capital';
import {
  capitalAmountSchema,
  createProjectInputSchema,
  investmentEventInputSchema,
  investmentEventSchema,
  projectDetailSchema,
  projectListQuerySchema,
  projectSummarySchema,
  updateProjectInputSchema,
} from '../../../domain/project/project.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const detail = projectDetailSchema.meta({ id: 'ProjectDetail' });
const event = investmentEventSchema.meta({ id: 'InvestmentEvent' });
const tags = ['Registry: tenant projects'];

export const listProjectsRoute = createRoute({
  method: 'get',
  path: '/api/projects',
  tags,
  summary: 'Tenant projects visible to the caller, each with its registered capital per currency',
  request: { query: projectListQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(projectSummarySchema.meta({ id: 'ProjectSummary' })),
        total: z.number(),
        asOf: z.string(),
      }),
      'A page of projects',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const createProjectRoute = createRoute({
  method: 'post',
  path: '/api/projects',
  tags,
  summary: 'Register a tenant project in a zone you manage (its capital is added as investment events)',
  request: { body: jsonBody(createProjectInputSchema.meta({ id: 'CreateProjectInput' })) },
  responses: { 201: jsonResponse(detail, 'Created'), ...errorResponses(400, 401, 403) },
});

export const getProjectRoute = createRoute({
  method: 'get',
  path: '/api/projects/{code}',
  tags,
  summary: 'One project with its capital ledger (404 outside your scope)',
  request: { params: codeParam },
  responses: { 200: jsonResponse(detail, 'The project'), ...errorResponses(401, 403, 404) },
});

export const updateProjectRoute = createRoute({
  method: 'patch',
  path: '/api/projects/{code}',
  tags,
  summary:
    'Edit a project; `version` must be the one you read (409 with the current record and the changes since)',
  request: { params: codeParam, body: jsonBody(updateProjectInputSchema.meta({ id: 'UpdateProjectInput' })) },
  responses: { 200: jsonResponse(detail, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const projectHistoryRoute = createRoute({
  method: 'get',
  path: '/api/projects/{code}/history',
  tags,
  summary: 'Who changed what and when — edits and capital ledger events — from the audit trail, newest first',
  request: { params: codeParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(auditEntrySchema) }), 'History'),
    ...errorResponses(401, 403, 404),
  },
});

export const listInvestmentEventsRoute = createRoute({
  method: 'get',
  path: '/api/projects/{code}/investment-events',
  tags,
  summary: 'The capital ledger in order, each event with the running registered capital of its currency',
  request: { params: codeParam },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(event), registeredCapital: z.array(capitalAmountSchema) }),
      'The ledger',
    ),
    ...errorResponses(401, 403, 404),
  },
});

export const addInvestmentEventRoute = createRoute({
  method: 'post',
  path: '/api/projects/{code}/investment-events',
  tags,
  summary:
    'Append to the capital ledger (append-only): one `new` first; no decrease below zero; nothing after a termination',
  request: {
    params: codeParam,
    body: jsonBody(investmentEventInputSchema.meta({ id: 'InvestmentEventInput' })),
  },
  responses: { 201: jsonResponse(event, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const capitalRoute = createRoute({
  method: 'get',
  path: '/api/capital',
  tags: ['Registry: capital'],
  summary:
    'Capital attracted in a period (new + increases) and registered at its end, per currency and converted to USD, FDI/domestic',
  request: { query: capitalQuerySchema },
  responses: {
    200: jsonResponse(capitalReportSchema.meta({ id: 'CapitalReport' }), 'Totals over your scope'),
    ...errorResponses(400, 401, 403),
  },
});
