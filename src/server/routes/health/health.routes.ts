import { createRoute, z } from '@hono/zod-openapi';
import { jsonResponse } from '../openapi';

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
    schemaVersion: z.string(),
    expectedSchemaVersion: z.string(),
    version: z.string(),
    /** Streaming replicas for heavy reads (DATABASE_REPLICA_URLS), with how far each is behind. */
    replicas: z
      .array(
        z.object({
          name: z.string(),
          reachable: z.boolean(),
          versionsBehind: z.number().int().nullable(),
          replayLagSeconds: z.number().nullable(),
        }),
      )
      .optional(),
  })
  .openapi('Health');

export const getHealth = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['System'],
  summary: 'Liveness: database reachable, schema version (readiness: GET /api/ready)',
  responses: {
    200: jsonResponse(healthSchema, 'Healthy'),
    503: jsonResponse(
      z.object({ status: z.literal('unavailable'), error: z.string() }),
      'Database unreachable',
    ),
  },
});

export const getReady = createRoute({
  method: 'get',
  path: '/api/ready',
  tags: ['System'],
  summary: 'Readiness for a balancer: 503 while the process computes its first views (server/warm-up.ts)',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ready') }), 'Ready: send users here'),
    503: jsonResponse(
      z.object({ status: z.literal('warming') }),
      'Still warming up: alive, but slow at first',
    ),
  },
});
