import { createRoute, z } from '@hono/zod-openapi';
import {
  notificationListSchema,
  notificationQuerySchema,
  notificationSchema,
} from '../../../domain/notification/notification.schema';
import { errorResponses, idParam, jsonResponse } from '../openapi';

export const listNotificationsRoute = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags: ['Notifications'],
  summary: "The signed-in user's notifications, newest first, with the number unread",
  request: { query: notificationQuerySchema },
  responses: {
    200: jsonResponse(
      notificationListSchema.extend({
        items: z.array(notificationSchema.meta({ id: 'Notification' })),
      }),
      'Notifications',
    ),
    ...errorResponses(400, 401),
  },
});

export const readNotificationRoute = createRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags: ['Notifications'],
  summary: 'Marks one of my notifications read',
  request: { params: idParam },
  responses: {
    200: jsonResponse(notificationSchema, 'The notification, read'),
    ...errorResponses(401, 404),
  },
});

export const readAllNotificationsRoute = createRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  tags: ['Notifications'],
  summary: 'Marks all my notifications read',
  responses: {
    200: jsonResponse(z.object({ updated: z.number().int() }), 'How many were marked read'),
    ...errorResponses(401),
  },
});
