import type { OpenAPIHono } from '@hono/zod-openapi';
import { exportWatchList } from '../../../services/monitoring/monitoring-export.service';
import {
  actOnObstacle,
  changeObstacle,
  getObstacle,
  listObstacleCategories,
  listObstacles,
  raiseObstacle,
} from '../../../services/monitoring/obstacle.service';
import {
  addManualWatch,
  listWatchEntries,
  manualWatchHistory,
  monitoringCounts,
  removeManualWatch,
} from '../../../services/monitoring/watch-list.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import { sendFile } from '../../file-response';
import {
  actOnObstacleRoute,
  addManualWatchRoute,
  changeObstacleRoute,
  getObstacleRoute,
  listObstaclesRoute,
  manualWatchHistoryRoute,
  monitoringCountsRoute,
  obstacleCategoriesRoute,
  raiseObstacleRoute,
  removeManualWatchRoute,
  watchListCsvRoute,
  watchListRoute,
  watchListXlsxRoute,
} from './monitoring.routes';

/** Monitoring: the watch list, its manual entries, obstacles. Exports are registered before `{id}` routes. */
export function registerMonitoring(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(watchListXlsxRoute, async (c) =>
    sendFile(c, await exportWatchList(serviceDeps(c, deps), c.req.valid('query'), 'xlsx')),
  );
  app.openapi(watchListCsvRoute, async (c) =>
    sendFile(c, await exportWatchList(serviceDeps(c, deps), c.req.valid('query'), 'csv')),
  );
  app.openapi(watchListRoute, async (c) =>
    c.json(await listWatchEntries(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(monitoringCountsRoute, async (c) => c.json(await monitoringCounts(serviceDeps(c, deps)), 200));
  app.openapi(addManualWatchRoute, async (c) =>
    c.json(await addManualWatch(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(removeManualWatchRoute, async (c) =>
    c.json(await removeManualWatch(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(manualWatchHistoryRoute, async (c) =>
    c.json(await manualWatchHistory(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(obstacleCategoriesRoute, async (c) =>
    c.json({ items: await listObstacleCategories(serviceDeps(c, deps)) }, 200),
  );
  app.openapi(listObstaclesRoute, async (c) =>
    c.json(await listObstacles(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(raiseObstacleRoute, async (c) =>
    c.json(await raiseObstacle(serviceDeps(c, deps), c.req.valid('json')), 201),
  );
  app.openapi(getObstacleRoute, async (c) =>
    c.json(await getObstacle(serviceDeps(c, deps), c.req.valid('param').id), 200),
  );
  app.openapi(changeObstacleRoute, async (c) =>
    c.json(await changeObstacle(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(actOnObstacleRoute, async (c) =>
    c.json(await actOnObstacle(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
