import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  addPlanEntry,
  createMasterPlan,
  getMasterPlan,
  listMasterPlans,
  removePlanEntry,
  updateMasterPlan,
  zonePlan,
} from '../../../services/zone/master-plan.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  addPlanEntryRoute,
  createPlanRoute,
  getPlanRoute,
  listPlansRoute,
  removePlanEntryRoute,
  updatePlanRoute,
  zonePlanRoute,
} from './master-plan.routes';

/** Master plans and a zone's place in them. */
export function registerMasterPlans(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listPlansRoute, async (c) =>
    c.json(await listMasterPlans(serviceDeps(c, deps), c.req.valid('query').family), 200),
  );
  app.openapi(createPlanRoute, async (c) =>
    c.json(await createMasterPlan(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(getPlanRoute, async (c) =>
    c.json(await getMasterPlan(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(updatePlanRoute, async (c) =>
    c.json(await updateMasterPlan(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  app.openapi(zonePlanRoute, async (c) =>
    c.json(await zonePlan(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('query').at), 200),
  );
  app.openapi(addPlanEntryRoute, async (c) =>
    c.json(await addPlanEntry(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')), 201),
  );
  app.openapi(removePlanEntryRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await removePlanEntry(serviceDeps(c, deps), code, id), 200);
  });
}
