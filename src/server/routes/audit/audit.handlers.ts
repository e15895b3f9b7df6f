import type { OpenAPIHono } from '@hono/zod-openapi';
import { listAudit } from '../../../services/audit/audit.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { listAuditRoute } from './audit.routes';

export function registerAudit(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listAuditRoute, async (c) =>
    c.json(await listAudit(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
}
