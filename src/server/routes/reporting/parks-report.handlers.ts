import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportParksReport } from '../../../services/reporting/parks-report-export.service';
import { getParksReport, parksReportItem } from '../../../services/reporting/parks-report.service';
import { listTargets, setTarget } from '../../../services/reporting/plan-target.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import {
  exportParksReportRoute,
  getParksReportRoute,
  listPlanTargetsRoute,
  parksReportItemRoute,
  setPlanTargetRoute,
} from './parks-report.routes';

export function registerParksReports(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    app.openapi(exportParksReportRoute(format), async (c) =>
      sendFile(c, await exportParksReport(serviceDeps(c, deps), c.req.valid('query'), format)),
    );
  }
  app.openapi(parksReportItemRoute, async (c) => {
    const { offset, limit, ...query } = c.req.valid('query');
    return c.json(
      await parksReportItem(serviceDeps(c, deps), query, c.req.valid('param').no, { offset, limit }),
      200,
    );
  });
  app.openapi(getParksReportRoute, async (c) =>
    c.json(await getParksReport(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(listPlanTargetsRoute, async (c) =>
    c.json(await listTargets(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(setPlanTargetRoute, async (c) =>
    c.json(await setTarget(serviceDeps(c, deps), c.req.valid('json')), 200),
  );
}
