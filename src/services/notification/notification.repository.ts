import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/** SQL of the notices: in-app rows (once per user and key) and the e-mail log/outbox (once per address and key). */

export type NotificationInsert = {
  userId: string;
  kind: string;
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  link: string | null;
  dedupeKey: string;
};

/** Inserts the in-app notices not sent yet; returns how many were new. */
export async function insertNotifications(db: Db, rows: readonly NotificationInsert[]): Promise<number> {
  let count = 0;
  for (const r of rows) {
    const inserted = rowsOf(
      await db.execute(sql`
        insert into notification (user_id, kind, title_vi, title_en, body_vi, body_en, link, dedupe_key)
        values (${r.userId}, ${r.kind}, ${r.titleVi}, ${r.titleEn}, ${r.bodyVi}, ${r.bodyEn}, ${r.link}, ${r.dedupeKey})
        on conflict (user_id, dedupe_key) do nothing
        returning id`),
    );
    count += inserted.length;
  }
  return count;
}

/** The users who already have the notice of this key. */
export async function notifiedUsers(db: Db, dedupeKey: string): Promise<Set<string>> {
  return new Set(
    rowsOf(await db.execute(sql`select user_id from notification where dedupe_key = ${dedupeKey}`)).map((r) =>
      String(r.user_id),
    ),
  );
}

export type MailRow = { id: number; toAddress: string; subject: string; body: string; dedupeKey: string };

/** Logs an e-mail that was not sent because SMTP is not configured; false when it was logged before. */
export async function logSkippedMail(
  db: Db,
  mail: { toAddress: string; subject: string; dedupeKey: string },
): Promise<boolean> {
  const inserted = rowsOf(
    await db.execute(sql`
      insert into outbound_mail (to_address, subject, dedupe_key, status)
      values (${mail.toAddress}, ${mail.subject}, ${mail.dedupeKey}, 'skipped')
      on conflict (to_address, dedupe_key) do nothing returning id`),
  );
  return inserted.length > 0;
}

/**
 * Claims the (address, key) e-mail for sending now: a new one, or one that failed or was skipped before.
 * Returns its id, or undefined when it was sent already (or another run is sending it).
 */
export async function claimMail(
  db: Db,
  mail: { toAddress: string; subject: string; dedupeKey: string },
): Promise<number | undefined> {
  const claimed = rowsOf(
    await db.execute(sql`
      insert into outbound_mail (to_address, subject, dedupe_key, status)
      values (${mail.toAddress}, ${mail.subject}, ${mail.dedupeKey}, 'sending')
      on conflict (to_address, dedupe_key) do update set status = 'sending', error = null, created_at = now()
        where outbound_mail.status in ('failed', 'skipped')
      returning id`),
  );
  return claimed[0]?.id === undefined ? undefined : Number(claimed[0].id);
}

/** Queues an e-mail for the outbox (once per address and key), in the caller's transaction. */
export async function queueMail(
  db: Db,
  mail: { toAddress: string; subject: string; body: string; dedupeKey: string },
): Promise<boolean> {
  const inserted = rowsOf(
    await db.execute(sql`
      insert into outbound_mail (to_address, subject, body, dedupe_key, status)
      values (${mail.toAddress}, ${mail.subject}, ${mail.body}, ${mail.dedupeKey}, 'pending')
      on conflict (to_address, dedupe_key) do nothing returning id`),
  );
  return inserted.length > 0;
}

/**
 * Claims up to `limit` queued e-mails (oldest first) for this run; rows another run holds are skipped, so two
 * outboxes never send the same mail.
 */
export async function claimQueuedMail(db: Db, limit: number): Promise<MailRow[]> {
  return rowsOf(
    await db.execute(sql`
      update outbound_mail set status = 'sending'
      where id in (
        select id from outbound_mail where status = 'pending' order by id limit ${limit}
        for update skip locked)
      returning id, to_address, subject, body, dedupe_key`),
  ).map((r) => ({
    id: Number(r.id),
    toAddress: String(r.to_address),
    subject: String(r.subject),
    body: String(r.body ?? ''),
    dedupeKey: String(r.dedupe_key),
  }));
}

export async function markMail(
  db: Db,
  id: number,
  outcome: { status: 'sent'; messageId: string } | { status: 'failed' | 'skipped'; error: string | null },
): Promise<void> {
  if (outcome.status === 'sent') {
    await db.execute(
      sql`update outbound_mail set status = 'sent', message_id = ${outcome.messageId}, error = null where id = ${id}`,
    );
  } else {
    await db.execute(
      sql`update outbound_mail set status = ${outcome.status}, error = ${outcome.error?.slice(0, 2000) ?? null} where id = ${id}`,
    );
  }
}

export type RecipientRow = {
  userId: string;
  username: string;
  email: string | null;
  displayName: string;
  assignments: { role: string; scopeKind: string; scopeRef: string | null }[];
};

/** Active users with their role assignments: everyone a notice could be addressed to. */
export async function findActiveRecipients(db: Db): Promise<RecipientRow[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select u.id, u.username, u.email, u.display_name, a.role_code, a.scope_kind, a.scope_ref
      from app_user u join role_assignment a on a.user_id = u.id
      where u.status = 'active'
      order by u.username, a.role_code, a.scope_kind, a.scope_ref`),
  );
  const byUser = new Map<string, RecipientRow>();
  for (const r of rows) {
    const id = String(r.id);
    const user = byUser.get(id) ?? {
      userId: id,
      username: String(r.username),
      email: (r.email as string | null) ?? null,
      displayName: String(r.display_name),
      assignments: [],
    };
    user.assignments.push({
      role: String(r.role_code),
      scopeKind: String(r.scope_kind),
      scopeRef: (r.scope_ref as string | null) ?? null,
    });
    byUser.set(id, user);
  }
  return [...byUser.values()];
}
