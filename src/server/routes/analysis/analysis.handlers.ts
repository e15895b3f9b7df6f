import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportAnalysis, getAnalysis } from '../../../services/analysis/analysis.service';
import { readServiceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import { exportAnalysisRoute, getAnalysisRoute } from './analysis.routes';

export function registerAnalysis(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(exportAnalysisRoute, async (c) =>
    sendFile(c, await exportAnalysis(await readServiceDeps(c, deps), c.req.valid('query'))),
  );
  app.openapi(getAnalysisRoute, async (c) =>
    c.json(await getAnalysis(await readServiceDeps(c, deps), c.req.valid('query')), 200),
  );
}
