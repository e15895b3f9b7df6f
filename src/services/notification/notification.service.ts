import { sql } from 'drizzle-orm';
import type {
  NotificationList,
  NotificationQuery,
  NotificationView,
} from '../../domain/notification/notification.schema';
import { AppError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;
const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

function toView(r: Raw): NotificationView {
  return {
    id: Number(r.id),
    kind: String(r.kind),
    title: { vi: String(r.title_vi), en: String(r.title_en) },
    body: { vi: String(r.body_vi), en: String(r.body_en) },
    link: (r.link as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    readAt: iso(r.read_at),
  };
}

/**
 * The caller's own notifications, newest first, with the number unread. Notifications are personal: there is
 * no way to read anyone else's (the user id comes from the session, never from the request).
 */
export async function listMyNotifications(
  deps: ServiceDeps,
  query: Partial<NotificationQuery> = {},
): Promise<NotificationList> {
  const actor = requireActor(deps);
  // System actors (the CLI, the scheduler) have no inbox.
  if (!actor.userId) return { items: [], unread: 0 };
  const limit = query.limit ?? 20;
  const items = rowsOf(
    await deps.db.execute(sql`
      select id, kind, title_vi, title_en, body_vi, body_en, link, created_at, read_at from notification
      where user_id = ${actor.userId} and (${query.unreadOnly ?? false} = false or read_at is null)
      order by id desc limit ${limit}`),
  ).map(toView);
  const unread = Number(
    rowsOf(
      await deps.db.execute(
        sql`select count(*)::int as n from notification where user_id = ${actor.userId} and read_at is null`,
      ),
    )[0]?.n ?? 0,
  );
  return { items, unread };
}

/** Marks one of the caller's notifications read (idempotent); someone else's is not found. */
export async function markNotificationRead(deps: ServiceDeps, id: number): Promise<NotificationView> {
  const actor = requireActor(deps);
  if (!actor.userId || !Number.isSafeInteger(id) || id <= 0) throw new AppError('not_found');
  const rows = rowsOf(
    await deps.db.execute(sql`
      update notification set read_at = coalesce(read_at, ${deps.clock.now().toISOString()}::timestamptz)
      where id = ${id} and user_id = ${actor.userId}
      returning id, kind, title_vi, title_en, body_vi, body_en, link, created_at, read_at`),
  );
  if (!rows[0]) throw new AppError('not_found');
  return toView(rows[0]);
}

/** Marks all of the caller's notifications read; returns how many changed. */
export async function markAllNotificationsRead(deps: ServiceDeps): Promise<{ updated: number }> {
  const actor = requireActor(deps);
  if (!actor.userId) return { updated: 0 };
  const rows = rowsOf(
    await deps.db.execute(sql`
      update notification set read_at = ${deps.clock.now().toISOString()}::timestamptz
      where user_id = ${actor.userId} and read_at is null returning id`),
  );
  return { updated: rows.length };
}
