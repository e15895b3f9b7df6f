import { createRoute, z } from '@hono/zod-openapi';
import {
  briefingCreateSchema,
  briefingIssueSchema,
  briefingListSchema,
  briefingReadQuerySchema,
  briefingTemplateInputSchema,
  briefingTemplateListSchema,
  briefingUpdateSchema,
  briefingViewSchema,
} from '../../../domain/briefing/briefing.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Briefings'];
const view = briefingViewSchema.meta({ id: 'BriefingView' });
const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const templates = briefingTemplateListSchema.meta({ id: 'BriefingTemplateList' });

export const listBriefingsRoute = createRoute({
  method: 'get',
  path: '/api/briefings',
  tags,
  summary: 'The quarterly briefings (báo cáo giao ban) the caller may read, newest period first',
  responses: { 200: jsonResponse(briefingListSchema, 'The briefings'), ...errorResponses(401, 403) },
});

export const createBriefingRoute = createRoute({
  method: 'post',
  path: '/api/briefings',
  tags,
  summary: 'A new draft briefing of a date range and scope, with the stored sentence templates',
  request: { body: jsonBody(briefingCreateSchema) },
  responses: { 200: jsonResponse(view, 'The draft, computed now'), ...errorResponses(400, 401, 403) },
});

export const getBriefingRoute = createRoute({
  method: 'get',
  path: '/api/briefings/{id}',
  tags,
  summary:
    'A briefing: an issued one as frozen, a draft computed now; `asOf` regenerates it from the history as it stood at that instant',
  request: { params: idParam, query: briefingReadQuerySchema },
  responses: { 200: jsonResponse(view, 'The briefing'), ...errorResponses(400, 401, 404) },
});

export const updateBriefingRoute = createRoute({
  method: 'patch',
  path: '/api/briefings/{id}',
  tags,
  summary: 'Edit a draft’s wording (sentence templates with named placeholders), tasks, number or title',
  request: { params: idParam, body: jsonBody(briefingUpdateSchema) },
  responses: { 200: jsonResponse(view, 'The draft'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const issueBriefingRoute = createRoute({
  method: 'post',
  path: '/api/briefings/{id}/issue',
  tags,
  summary: 'Issue a draft: its figures and text are frozen with their "as of" instant',
  request: { params: idParam, body: jsonBody(briefingIssueSchema) },
  responses: { 200: jsonResponse(view, 'The issued briefing'), ...errorResponses(401, 403, 404, 409) },
});

const fileTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const exportBriefingRoute = (format: keyof typeof fileTypes) =>
  createRoute({
    method: 'get',
    path: `/api/briefings/{id}/export.${format}`,
    tags,
    summary:
      format === 'xlsx'
        ? 'The briefing’s annex tables as XLSX'
        : `The briefing as ${format.toUpperCase()} (Decree 30/2020 layout)${format === 'pdf' ? '; 503 without LibreOffice' : ''}`,
    request: { params: idParam, query: briefingReadQuerySchema },
    responses: {
      200: {
        description: 'The file',
        content: { [fileTypes[format]]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses(400, 401, 404),
    },
  });

export const listBriefingTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/briefing-templates',
  tags,
  summary: 'The sentence templates of the briefing’s sections (stored, else the shipped default)',
  responses: { 200: jsonResponse(templates, 'The templates'), ...errorResponses(401, 403) },
});

export const setBriefingTemplateRoute = createRoute({
  method: 'put',
  path: '/api/briefing-templates/{key}',
  tags,
  summary: 'Store a section’s sentence template (`version` null to create, else the version read)',
  request: {
    params: z.object({
      key: z
        .string()
        .max(64)
        .openapi({ param: { name: 'key', in: 'path' } }),
    }),
    body: jsonBody(briefingTemplateInputSchema),
  },
  responses: { 200: jsonResponse(templates, 'The templates'), ...errorResponses(400, 401, 403, 404, 409) },
});
