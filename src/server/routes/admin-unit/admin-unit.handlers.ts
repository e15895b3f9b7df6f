import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  getAdminUnit,
  importReorganisation,
  listAdminUnits,
} from '../../../services/admin-unit/admin-unit.service';
import { importBoundaries, territoryMap } from '../../../services/admin-unit/territory.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  getAdminUnitRoute,
  importAdminUnitsRoute,
  importBoundariesRoute,
  listAdminUnitsRoute,
  territoryRoute,
} from './admin-unit.routes';

export function registerAdminUnits(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listAdminUnitsRoute, async (c) =>
    c.json(await listAdminUnits(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  // Fixed paths before /{id}.
  app.openapi(territoryRoute, async (c) => {
    const body = await territoryMap(serviceDeps(c, deps));
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'private, no-cache',
    }) as never;
  });
  app.openapi(getAdminUnitRoute, async (c) =>
    c.json(await getAdminUnit(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
  app.openapi(importAdminUnitsRoute, async (c) =>
    c.json(
      await importReorganisation(serviceDeps(c, deps), c.req.valid('json'), { source: 'api upload' }),
      200,
    ),
  );
  app.openapi(importBoundariesRoute, async (c) =>
    c.json(
      await importBoundaries(serviceDeps(c, deps), await c.req.json<unknown>(), {
        source: c.req.header('x-file-name') ?? 'api upload',
      }),
      200,
    ),
  );
}
