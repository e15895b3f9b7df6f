import { createRoute, z } from '@hono/zod-openapi';
import {
  obstacleActionInputSchema,
  obstacleCategorySchema,
  obstacleCountsSchema,
  obstacleDetailSchema,
  obstacleInputSchema,
  obstacleListQuerySchema,
  obstacleListSchema,
  obstacleUpdateSchema,
} from '../../../domain/monitoring/obstacle.schema';
import {
  manualWatchHistorySchema,
  manualWatchInputSchema,
  manualWatchRemoveSchema,
  manualWatchSchema,
  watchListQuerySchema,
  watchListSchema,
} from '../../../domain/monitoring/watch-list.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Monitoring'];
const obstacleDetail = obstacleDetailSchema.meta({ id: 'ObstacleDetail' });
const idParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The obstacle id' }),
});
const manualIdParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The manual entry id' }),
});
const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

const fileResponse = (what: string, type: string) => ({
  200: { description: what, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...errorResponses(400, 401, 403),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const watchListRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/watch-list',
  tags,
  summary:
    'The watch list of your scope, computed now from every rule (obstacles, reports, occupancy, WWTP, …)',
  request: { query: watchListQuerySchema },
  responses: {
    200: jsonResponse(watchListSchema.meta({ id: 'WatchList' }), 'Watch list'),
    ...errorResponses(400, 401, 403),
  },
});

export const watchListXlsxRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/watch-list/export.xlsx',
  tags,
  summary: 'The watch list (same filters) as XLSX',
  request: { query: watchListQuerySchema },
  responses: fileResponse('The file', XLSX),
});

export const watchListCsvRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/watch-list/export.csv',
  tags,
  summary: 'The watch list (same filters) as CSV',
  request: { query: watchListQuerySchema },
  responses: fileResponse('The file', 'text/csv'),
});

export const monitoringCountsRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/counts',
  tags,
  summary: 'Obstacles not closed, overdue obstacles and the size of the watch list, in your scope',
  responses: {
    200: jsonResponse(obstacleCountsSchema.meta({ id: 'MonitoringCounts' }), 'Counts'),
    ...errorResponses(401, 403),
  },
});

export const addManualWatchRoute = createRoute({
  method: 'post',
  path: '/api/monitoring/watch-list/manual',
  tags,
  summary: 'Put a zone or project on the watch list by hand, with a reason (agencies)',
  request: { body: jsonBody(manualWatchInputSchema.meta({ id: 'ManualWatchInput' })) },
  responses: { 201: jsonResponse(manualWatchSchema, 'Added'), ...errorResponses(400, 401, 403, 404) },
});

export const removeManualWatchRoute = createRoute({
  method: 'post',
  path: '/api/monitoring/watch-list/manual/{id}/remove',
  tags,
  summary: 'Take a manual entry off the watch list, with a reason (the entry is kept in its history)',
  request: { params: manualIdParam, body: jsonBody(manualWatchRemoveSchema) },
  responses: { 200: jsonResponse(manualWatchSchema, 'Removed'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const manualWatchHistoryRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/watch-manual',
  tags,
  summary: 'Every manual watch-list entry of a zone, current and removed',
  request: { params: codeParam },
  responses: { 200: jsonResponse(manualWatchHistorySchema, 'History'), ...errorResponses(401, 403, 404) },
});

export const obstacleCategoriesRoute = createRoute({
  method: 'get',
  path: '/api/monitoring/obstacle-categories',
  tags,
  summary: 'The configured obstacle categories',
  responses: {
    200: jsonResponse(z.object({ items: z.array(obstacleCategorySchema) }), 'Categories'),
    ...errorResponses(401, 403),
  },
});

export const listObstaclesRoute = createRoute({
  method: 'get',
  path: '/api/obstacles',
  tags,
  summary: 'Obstacles of your scope (filters: status, category, overdue, zone, project, q)',
  request: { query: obstacleListQuerySchema },
  responses: {
    200: jsonResponse(obstacleListSchema.meta({ id: 'ObstacleList' }), 'Obstacles'),
    ...errorResponses(400, 401, 403),
  },
});

export const raiseObstacleRoute = createRoute({
  method: 'post',
  path: '/api/obstacles',
  tags,
  summary: 'Record an obstacle on a zone (or one of its projects) you keep',
  request: { body: jsonBody(obstacleInputSchema.meta({ id: 'ObstacleInput' })) },
  responses: { 201: jsonResponse(obstacleDetail, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const getObstacleRoute = createRoute({
  method: 'get',
  path: '/api/obstacles/{id}',
  tags,
  summary: 'One obstacle with its full history and the actions you may take',
  request: { params: idParam },
  responses: { 200: jsonResponse(obstacleDetail, 'Obstacle'), ...errorResponses(400, 401, 403, 404) },
});

export const changeObstacleRoute = createRoute({
  method: 'patch',
  path: '/api/obstacles/{id}',
  tags,
  summary: 'Correct an obstacle (its raiser or a department); `version` must be the one you read (409)',
  request: { params: idParam, body: jsonBody(obstacleUpdateSchema.meta({ id: 'ObstacleUpdate' })) },
  responses: { 200: jsonResponse(obstacleDetail, 'Changed'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const actOnObstacleRoute = createRoute({
  method: 'post',
  path: '/api/obstacles/{id}/actions',
  tags,
  summary:
    'Start, escalate, resolve, drop, reopen, answer (comment) or agree to close an obstacle; escalating, closing ' +
    'and reopening need `text` (the reason); only an agency closes one it did not raise after the raiser agrees, ' +
    'or a department decides',
  request: { params: idParam, body: jsonBody(obstacleActionInputSchema.meta({ id: 'ObstacleActionInput' })) },
  responses: { 200: jsonResponse(obstacleDetail, 'Done'), ...errorResponses(400, 401, 403, 404, 409) },
});
