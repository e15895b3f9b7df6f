import { createHash } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addLifecycleEvent,
  createZone,
  getZone,
  listCcnTypes,
  listLifecycle,
  listZones,
  setBoundary,
  updateZone,
  zoneHistory,
  zoneMap,
  zoneOccupancy,
} from '../../../services/zone/zone.service';
import { listProjects } from '../../../services/project/project.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  addLifecycleRoute,
  ccnTypesRoute,
  clearBoundaryRoute,
  createZoneRoute,
  getZoneRoute,
  listLifecycleRoute,
  listZonesRoute,
  setBoundaryRoute,
  updateZoneRoute,
  zoneHistoryRoute,
  zoneMapRoute,
  zoneOccupancyRoute,
  zoneProjectsRoute,
} from './zone.routes';

export function registerZones(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Fixed paths first: /api/zones/map must not be read as the zone with code "map".
  app.openapi(zoneMapRoute, async (c) => {
    // The body is JSON text from the database; its hash is the ETag, so a map that has not changed (for
    // this caller: the body depends on what they may see) is a 304 without sending ~700 KB again.
    const body = await zoneMap(serviceDeps(c, deps), c.req.valid('query'));
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
    const known = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (known.includes(etag) || known.includes('*')) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, 'Content-Type': 'application/json; charset=UTF-8' });
  });
  app.openapi(zoneOccupancyRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(await zoneOccupancy(serviceDeps(c, deps), q.groupBy, q.family, c.get('locale')), 200);
  });
  app.openapi(ccnTypesRoute, async (c) =>
    c.json(await listCcnTypes(serviceDeps(c, deps), c.get('locale')), 200),
  );
  app.openapi(listZonesRoute, async (c) =>
    c.json(await listZones(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(createZoneRoute, async (c) =>
    c.json(await createZone(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(getZoneRoute, async (c) =>
    c.json(await getZone(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(updateZoneRoute, async (c) =>
    c.json(await updateZone(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  app.openapi(listLifecycleRoute, async (c) =>
    c.json(await listLifecycle(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(addLifecycleRoute, async (c) =>
    c.json(
      await addLifecycleEvent(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')),
      201,
    ),
  );
  app.openapi(zoneHistoryRoute, async (c) =>
    c.json(await zoneHistory(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(zoneProjectsRoute, async (c) => {
    const services = serviceDeps(c, deps);
    const zone = await getZone(services, c.req.valid('param').code);
    return c.json(await listProjects(services, { ...c.req.valid('query'), zone: zone.code }), 200);
  });
  app.openapi(setBoundaryRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await setBoundary(serviceDeps(c, deps), c.req.valid('param').code, body.geometry, body.version),
      200,
    );
  });
  app.openapi(clearBoundaryRoute, async (c) =>
    c.json(
      await setBoundary(serviceDeps(c, deps), c.req.valid('param').code, null, c.req.valid('query').version),
      200,
    ),
  );
}
