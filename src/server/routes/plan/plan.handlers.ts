import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportPlanYear } from '../../../services/plan/plan-export.service';
import {
  addTarget,
  createPlan,
  editPlan,
  editTarget,
  withdrawPlan,
  withdrawTarget,
} from '../../../services/plan/plan-write.service';
import { getPlanYear } from '../../../services/plan/plan.service';
import { planRecord, targetRecord } from '../../../services/plan/plan.views';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import {
  addTargetRoute,
  createPlanRoute,
  exportPlanYearRoute,
  planYearRoute,
  updatePlanRoute,
  updateTargetRoute,
  withdrawPlanRoute,
  withdrawTargetRoute,
} from './plan.routes';

/** Yearly plans, their targets with live actuals, the Decree 32 gates. */
export function registerPlans(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(exportPlanYearRoute, async (c) =>
    sendFile(c, await exportPlanYear(serviceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(planYearRoute, async (c) =>
    c.json(await getPlanYear(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(createPlanRoute, async (c) =>
    c.json(planRecord(await createPlan(serviceDeps(c, deps), c.req.valid('json'))), 201),
  );
  app.openapi(updatePlanRoute, async (c) =>
    c.json(
      planRecord(await editPlan(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  app.openapi(withdrawPlanRoute, async (c) =>
    c.json(
      planRecord(await withdrawPlan(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  app.openapi(addTargetRoute, async (c) =>
    c.json(
      targetRecord(await addTarget(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json'))),
      201,
    ),
  );
  app.openapi(updateTargetRoute, async (c) =>
    c.json(
      targetRecord(await editTarget(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
  app.openapi(withdrawTargetRoute, async (c) =>
    c.json(
      targetRecord(await withdrawTarget(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json'))),
      200,
    ),
  );
}
