import type { OpenAPIHono } from '@hono/zod-openapi';
import { getDashboard } from '../../../services/dashboard/dashboard.service';
import { readServiceDeps, type AppDeps, type AppEnv } from '../../context';
import { getDashboardRoute } from './dashboard.routes';

export function registerDashboard(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(getDashboardRoute, async (c) =>
    c.json(await getDashboard(await readServiceDeps(c, deps)), 200),
  );
}
