import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  acceptFiling,
  getFiling,
  listFilings,
  returnFiling,
  saveDraft,
  submitFiling,
} from '../../../services/reporting/filing.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  acceptFilingRoute,
  getFilingRoute,
  listFilingsRoute,
  returnFilingRoute,
  saveDraftRoute,
  submitFilingRoute,
} from './filing.routes';

export function registerFilings(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listFilingsRoute, async (c) =>
    c.json(await listFilings(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(saveDraftRoute, async (c) =>
    c.json(await saveDraft(serviceDeps(c, deps), c.req.valid('json')), 200),
  );
  app.openapi(getFilingRoute, async (c) =>
    c.json(await getFiling(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
  app.openapi(submitFilingRoute, async (c) =>
    c.json(await submitFiling(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(returnFilingRoute, async (c) =>
    c.json(await returnFiling(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(acceptFilingRoute, async (c) =>
    c.json(await acceptFiling(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
