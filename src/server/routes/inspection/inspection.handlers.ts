import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addPlanEntry,
  getZoneInspections,
  inspectionCounts,
  listInspectionKinds,
  listInspectionPlan,
  listInspections,
  recordInspection,
  remedyFinding,
} from '../../../services/inspection/inspection.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  addPlanRoute,
  countsRoute,
  listInspectionsRoute,
  listKindsRoute,
  listPlanRoute,
  recordInspectionRoute,
  remedyRoute,
  zoneInspectionsRoute,
} from './inspection.routes';

/**
 * Inspections: kinds, plan, records, follow-up and counts. The list's exports (the import template's columns)
 * are registered with the other spreadsheet endpoints (routes/import).
 */
export function registerInspections(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listKindsRoute, async (c) => c.json(await listInspectionKinds(serviceDeps(c, deps)), 200));
  app.openapi(zoneInspectionsRoute, async (c) =>
    c.json(await getZoneInspections(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(recordInspectionRoute, async (c) =>
    c.json(await recordInspection(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  app.openapi(remedyRoute, async (c) => {
    const { id, findingId } = c.req.valid('param');
    return c.json(await remedyFinding(serviceDeps(c, deps), id, findingId, c.req.valid('json')), 200);
  });
  app.openapi(countsRoute, async (c) =>
    c.json(await inspectionCounts(serviceDeps(c, deps), c.req.valid('query').year), 200),
  );
  app.openapi(listInspectionsRoute, async (c) =>
    c.json(await listInspections(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(listPlanRoute, async (c) =>
    c.json(await listInspectionPlan(serviceDeps(c, deps), c.req.valid('query').year), 200),
  );
  app.openapi(addPlanRoute, async (c) =>
    c.json(await addPlanEntry(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
}
