import type { OpenAPIHono } from '@hono/zod-openapi';
import { ping } from '../../../db/client';
import { latestMigrationTag, schemaVersion } from '../../../db/migrate';
import type { AppDeps, AppEnv } from '../../context';
import { getHealth, getReady } from './health.routes';

export function registerHealth(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(getHealth, async (c) => {
    try {
      await ping(deps.database);
      return c.json(
        {
          status: 'ok' as const,
          database: { kind: deps.database.kind, reachable: true },
          schemaVersion: await schemaVersion(deps.database),
          expectedSchemaVersion: latestMigrationTag(),
          version: deps.version,
          ...(deps.reads?.enabled ? { replicas: await deps.reads.status() } : {}),
        },
        200,
      );
    } catch (error) {
      return c.json({ status: 'unavailable' as const, error: (error as Error).message }, 503);
    }
  });

  // Liveness is /api/health; a balancer sends users to a process once this says ready.
  app.openapi(getReady, (c) => {
    if (!deps.warmUp || deps.warmUp.ready()) return c.json({ status: 'ready' as const }, 200);
    // Still warming up (server/warm-up.ts): an answer, not a failure.
    c.set('deliberate5xx', true);
    return c.json({ status: 'warming' as const }, 503);
  });
}
