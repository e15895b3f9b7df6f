import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  getAdminUnit,
  importReorganisation,
  listAdminUnits,
} from '../../../services/admin-unit/admin-unit.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { getAdminUnitRoute, importAdminUnitsRoute, listAdminUnitsRoute } from './admin-unit.routes';

export function registerAdminUnits(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listAdminUnitsRoute, async (c) =>
    c.json(await listAdminUnits(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(getAdminUnitRoute, async (c) =>
    c.json(await getAdminUnit(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
  app.openapi(importAdminUnitsRoute, async (c) =>
    c.json(
      await importReorganisation(serviceDeps(c, deps), c.req.valid('json'), { source: 'api upload' }),
      200,
    ),
  );
}
