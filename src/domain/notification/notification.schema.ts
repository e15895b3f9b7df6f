import { z } from 'zod';

/** One in-app notice (a report reminder, …), in both languages; `link` is a path inside the web app. */
export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.object({ vi: z.string(), en: z.string() }),
  body: z.object({ vi: z.string(), en: z.string() }),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;
