import { createRoute, z } from '@hono/zod-openapi';
import { auditEntrySchema, auditQuerySchema } from '../../../domain/audit/audit.schema';
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
