import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  listMyNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../../services/notification/notification.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../../context';
import {
  listNotificationsRoute,
  readAllNotificationsRoute,
  readNotificationRoute,
} from './notification.routes';

export function registerNotifications(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(listNotificationsRoute, async (c) =>
    c.json(await listMyNotifications(serviceDeps(c, deps), c.req.valid('query')), 200),
  );
  app.openapi(readAllNotificationsRoute, async (c) =>
    c.json(await markAllNotificationsRead(serviceDeps(c, deps)), 200),
  );
  app.openapi(readNotificationRoute, async (c) =>
    c.json(await markNotificationRead(serviceDeps(c, deps), Number(c.req.valid('param').id)), 200),
  );
}
