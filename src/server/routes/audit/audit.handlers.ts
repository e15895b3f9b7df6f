import type { OpenAPIHono } from '@hono/zod-openapi';
import { auditChainHead, verifyAuditChain } from '../../../services/audit/audit-chain.service';
import { listAudit } from '../../../services/audit/audit.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { auditHeadRoute, listAuditRoute, verifyAuditRoute } from './audit.routes';

export function registerAudit(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listAuditRoute, async (c) =>
    c.json(await listAudit(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(auditHeadRoute, async (c) => c.json(await auditChainHead(serviceDeps(c, deps)), 200));
  app.openapi(verifyAuditRoute, async (c) =>
    c.json(await verifyAuditChain(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
}
