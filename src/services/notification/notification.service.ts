import { sql } from 'drizzle-orm';
import type {
  NotificationList,
  NotificationQuery,
  NotificationView,
} from '../../domain/notification/notification.schema';
import {
  roleDefinition,
  type Actor,
  type Assignment,
  type Permission,
  type RoleCode,
  type ScopeKind,
} from '../../domain/identity/roles';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import type { Mailer } from '../system/mailer';
import {
  claimMail,
  claimQueuedMail,
  findActiveRecipients,
  insertNotifications,
  logSkippedMail,
  markMail,
  notifiedUsers,
  queueMail,
} from './notification.repository';
import { rowsOf } from '../../db/rows';

type Raw = Record<string, unknown>;
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

// ---------------------------------------------------------------------------------------------------------
// Sending notices: the one path every module uses (reporting steps, reminders, monitoring deadlines).

/** Whom a notice goes to: a user's inbox and, when the user has one, an e-mail address. */
export type NoticeRecipient = { userId: string; email: string | null };

/** A user who can be notified, as the policies see them (decide with `canReview(user.actor, …)` etc.). */
export type NotifiableUser = NoticeRecipient & { displayName: string; actor: Actor };

/**
 * One notice. `key` makes it idempotent: a user gets it once in the app, an address once by e-mail, however
 * often it is sent. `link` is a path inside the web app (the page, record and period it is about).
 */
export type Notice = {
  key: string;
  kind: string;
  recipients: readonly NoticeRecipient[];
  title: LocalizedText;
  body: LocalizedText;
  link: string;
  /** The e-mail; its links start with `MAIL_LINK_BASE` when queued, replaced by the public URL at sending. */
  mail: { subject: string; text: string };
  /** Added to the audit row of the notice. */
  audit?: Record<string, unknown>;
};

/**
 * How the e-mail goes: `queue` (default) stores it in the outbox in the caller's transaction — a workflow step
 * and its notice commit together — and `deliverQueuedMail` sends it after the commit; `{ mailer }` sends now
 * (a scheduled job outside any transaction), with `null` logging it as skipped because SMTP is not set.
 */
export type NoticeDelivery = 'queue' | { mailer: Mailer | null };

export type NoticeOutcome = {
  /** In-app notices created now (0 for users who had it already). */
  created: number;
  mail: { sent: number; failed: number; skipped: number; queued: number };
};

/** Stands for the server's public URL in a queued e-mail's links. */
export const MAIL_LINK_BASE = '{{IZIS_PUBLIC_URL}}';

/**
 * Notifies users: in the app (once per user and key, with an audit row when any is new) and by e-mail when
 * SMTP is set (once per address and key). `dryRun` counts the in-app notices it would create and writes
 * nothing.
 */
export async function notifyUsers(
  deps: ServiceDeps,
  notice: Notice,
  options: { delivery?: NoticeDelivery; dryRun?: boolean } = {},
): Promise<NoticeOutcome> {
  const outcome: NoticeOutcome = { created: 0, mail: { sent: 0, failed: 0, skipped: 0, queued: 0 } };
  const recipients = [...new Map(notice.recipients.map((r) => [r.userId, r])).values()];
  if (recipients.length === 0) return outcome;
  if (options.dryRun) {
    const had = await notifiedUsers(deps.db, notice.key);
    outcome.created = recipients.filter((r) => !had.has(r.userId)).length;
    return outcome;
  }
  const delivery = options.delivery ?? 'queue';
  const addresses = [
    ...new Set(recipients.map((r) => r.email?.trim().toLowerCase()).filter((a): a is string => !!a)),
  ];
  outcome.created = await deps.db.transaction(async (tx) => {
    const created = await insertNotifications(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        kind: notice.kind,
        titleVi: notice.title.vi,
        titleEn: notice.title.en,
        bodyVi: notice.body.vi,
        bodyEn: notice.body.en,
        link: notice.link,
        dedupeKey: notice.key,
      })),
    );
    if (created > 0) {
      await recordAudit(tx, deps, {
        action: notice.kind.startsWith('reminder.') ? 'notification.reminder' : 'notification.notice',
        entityType: 'notification',
        entityId: notice.key,
        after: { recipients: created, kind: notice.kind, link: notice.link, ...notice.audit },
      });
    }
    if (delivery === 'queue') {
      for (const toAddress of addresses) {
        const queued = await queueMail(tx, {
          toAddress,
          subject: notice.mail.subject,
          body: notice.mail.text,
          dedupeKey: notice.key,
        });
        if (queued) outcome.mail.queued += 1;
      }
    }
    return created;
  });
  if (delivery !== 'queue') {
    for (const toAddress of addresses) {
      const sent = await sendOnce(deps, delivery.mailer, toAddress, notice.key, notice.mail);
      if (sent) outcome.mail[sent] += 1;
    }
  }
  return outcome;
}

/**
 * Claims the (address, key) row, sends and records the outcome. Returns null when it was already sent (or
 * is being sent by another run), `skipped` when SMTP is not configured.
 */
async function sendOnce(
  deps: ServiceDeps,
  mailer: Mailer | null,
  toAddress: string,
  dedupeKey: string,
  message: { subject: string; text: string },
): Promise<'sent' | 'failed' | 'skipped' | null> {
  if (!mailer) {
    return (await logSkippedMail(deps.db, { toAddress, subject: message.subject, dedupeKey }))
      ? 'skipped'
      : null;
  }
  const id = await claimMail(deps.db, { toAddress, subject: message.subject, dedupeKey });
  if (id === undefined) return null;
  return send(deps, mailer, { id, toAddress, dedupeKey, ...message });
}

async function send(
  deps: ServiceDeps,
  mailer: Mailer,
  mail: { id: number; toAddress: string; dedupeKey: string; subject: string; text: string },
): Promise<'sent' | 'failed'> {
  try {
    const { messageId } = await mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.text });
    await markMail(deps.db, mail.id, { status: 'sent', messageId });
    return 'sent';
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await markMail(deps.db, mail.id, { status: 'failed', error: text });
    deps.log.warn({ to: mail.toAddress, dedupeKey: mail.dedupeKey, error: text }, 'notice e-mail failed');
    return 'failed';
  }
}

/**
 * Sends the queued e-mails (the outbox), oldest first, at most `limit` per call. Without SMTP they are logged
 * as skipped. Links are completed with `publicUrl`.
 */
export async function deliverQueuedMail(
  deps: ServiceDeps,
  mailer: Mailer | null,
  options: { publicUrl?: string; limit?: number } = {},
): Promise<{ sent: number; failed: number; skipped: number }> {
  const counts = { sent: 0, failed: 0, skipped: 0 };
  const base = (options.publicUrl ?? '').replace(/\/+$/, '');
  for (const mail of await claimQueuedMail(deps.db, options.limit ?? 50)) {
    if (!mailer) {
      await markMail(deps.db, mail.id, { status: 'skipped', error: null });
      counts.skipped += 1;
      continue;
    }
    const text = mail.body.split(MAIL_LINK_BASE).join(base);
    counts[await send(deps, mailer, { ...mail, text })] += 1;
  }
  return counts;
}

/** Everyone who can be notified, each with the actor the policies judge (permissions from the role table). */
export async function notifiableUsers(deps: ServiceDeps): Promise<NotifiableUser[]> {
  return (await findActiveRecipients(deps.db)).map((u) => {
    const assignments = u.assignments.map((a): Assignment => ({
      role: a.role as RoleCode,
      scopeKind: a.scopeKind as ScopeKind,
      scopeRef: a.scopeRef,
    }));
    const permissions = new Set<Permission>(
      assignments.flatMap((a) => roleDefinition(a.role).permissions as readonly Permission[]),
    );
    return {
      userId: u.userId,
      email: u.email,
      displayName: u.displayName,
      actor: { userId: u.userId, username: u.username, assignments, permissions },
    };
  });
}
