import { createRoute, z } from '@hono/zod-openapi';
import { auditEntrySchema } from '../../../domain/audit/audit.schema';
import {
  createOrganisationInputSchema,
  organisationDetailSchema,
  organisationListQuerySchema,
  organisationSchema,
  updateOrganisationInputSchema,
} from '../../../domain/organisation/organisation.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const organisation = organisationSchema.meta({ id: 'Organisation' });
const detail = organisationDetailSchema.meta({ id: 'OrganisationDetail' });
const tags = ['Registry: organisations'];

export const listOrganisationsRoute = createRoute({
  method: 'get',
  path: '/api/organisations',
  tags,
  summary:
    'Organisations (enterprises see only their own); diacritics-insensitive search on name, code, tax code',
  request: { query: organisationListQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(organisation), total: z.number() }),
      'A page of organisations',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const createOrganisationRoute = createRoute({
  method: 'post',
  path: '/api/organisations',
  tags,
  summary: 'Register an organisation (tax code check digit verified; tax code unique)',
  request: { body: jsonBody(createOrganisationInputSchema.meta({ id: 'CreateOrganisationInput' })) },
  responses: { 201: jsonResponse(detail, 'Created'), ...errorResponses(400, 401, 403) },
});

export const getOrganisationRoute = createRoute({
  method: 'get',
  path: '/api/organisations/{code}',
  tags,
  summary: 'One organisation by its code (404 outside your scope)',
  request: { params: codeParam },
  responses: { 200: jsonResponse(detail, 'The organisation'), ...errorResponses(401, 403, 404) },
});

export const organisationHistoryRoute = createRoute({
  method: 'get',
  path: '/api/organisations/{code}/history',
  tags,
  summary: 'Who changed what and when (from the audit trail), newest first',
  request: { params: codeParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(auditEntrySchema) }), 'History'),
    ...errorResponses(401, 403, 404),
  },
});

export const updateOrganisationRoute = createRoute({
  method: 'patch',
  path: '/api/organisations/{code}',
  tags,
  summary:
    'Edit an organisation; `version` must be the one you read (409 with the current record and the changes since)',
  request: {
    params: codeParam,
    body: jsonBody(updateOrganisationInputSchema.meta({ id: 'UpdateOrganisationInput' })),
  },
  responses: { 200: jsonResponse(detail, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});
