import { createRoute, z } from '@hono/zod-openapi';
import {
  auditChainHeadSchema,
  auditEntrySchema,
  auditQuerySchema,
  auditVerificationSchema,
  auditVerifyQuerySchema,
} from '../../../domain/audit/audit.schema';
import { errorResponses, jsonResponse } from '../openapi';

export const listAuditRoute = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['Audit'],
  summary: 'The audit trail, newest first (province-wide readers only)',
  request: { query: auditQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(auditEntrySchema.meta({ id: 'AuditEntry' })), total: z.number() }),
      'A page of audit entries',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const auditHeadRoute = createRoute({
  method: 'get',
  path: '/api/audit/head',
  tags: ['Audit'],
  summary: "The audit chain's head (last seq and hash), to keep outside the database",
  responses: {
    200: jsonResponse(auditChainHeadSchema.meta({ id: 'AuditChainHead' }), 'The head of the chain'),
    ...errorResponses(401, 403),
  },
});

export const verifyAuditRoute = createRoute({
  method: 'get',
  path: '/api/audit/verify',
  tags: ['Audit'],
  summary: 'Walks the audit hash chain and names the first row where it breaks',
  description:
    'With `seq` and `hash` (a head exported earlier) the chain must also still hold that row with that hash.',
  request: { query: auditVerifyQuerySchema },
  responses: {
    200: jsonResponse(auditVerificationSchema.meta({ id: 'AuditVerification' }), 'The result of the walk'),
    ...errorResponses(400, 401, 403),
  },
});
