import { createRoute } from '@hono/zod-openapi';
import { dashboardSchema } from '../../../domain/dashboard/dashboard.schema';
import { errorResponses, jsonResponse } from '../openapi';

export const getDashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboard',
  tags: ['Leaders’ view'],
  summary:
    'The home page’s headline figures over the caller’s scope — each with its "as of" time, drill-down and last year’s value — and its charts, computed now',
  responses: {
    200: jsonResponse(dashboardSchema.meta({ id: 'Dashboard' }), 'The dashboard'),
    ...errorResponses(401, 403),
  },
});
