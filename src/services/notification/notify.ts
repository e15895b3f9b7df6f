import { sql } from 'drizzle-orm';
import type { LocalizedText } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import type { ServiceDeps } from '../deps';
import type { Mailer } from '../system/mailer';

/**
 * The lower-level notice path any module uses: in-app notifications once per user and dedupe key (the table
 * is unique on both), then one e-mail per address once per key through `outbound_mail` (claimed before it is
 * sent; a failed or skipped one is tried again on a later run). Without a mailer the e-mail is logged as
 * `skipped`.
 */
export type NoticeRecipient = { userId: string; email: string | null };
export type Notice = {
  kind: string;
  dedupeKey: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string | null;
  mail: { subject: string; text: string };
};

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;

export async function notifyUsers(
  deps: ServiceDeps,
  notice: Notice,
  recipients: readonly NoticeRecipient[],
  mailer: Mailer | null,
): Promise<{ created: number; mail: { sent: number; failed: number; skipped: number } }> {
  const mail = { sent: 0, failed: 0, skipped: 0 };
  const created = await deps.db.transaction(async (tx) => {
    let count = 0;
    for (const r of recipients) {
      count += rowsOf(
        await tx.execute(sql`
          insert into notification (user_id, kind, title_vi, title_en, body_vi, body_en, link, dedupe_key)
          values (${r.userId}, ${notice.kind}, ${notice.title.vi}, ${notice.title.en}, ${notice.body.vi},
            ${notice.body.en}, ${notice.link}, ${notice.dedupeKey})
          on conflict (user_id, dedupe_key) do nothing returning id`),
      ).length;
    }
    if (count > 0) {
      await recordAudit(tx, deps, {
        action: 'notification.notice',
        entityType: 'notification',
        entityId: notice.dedupeKey,
        after: { kind: notice.kind, recipients: count },
      });
    }
    return count;
  });
  const addresses = new Set(
    recipients.map((r) => r.email?.trim().toLowerCase()).filter((a): a is string => !!a),
  );
  for (const address of addresses) {
    const outcome = await sendOnce(deps, mailer, address, notice.dedupeKey, notice.mail);
    if (outcome) mail[outcome] += 1;
  }
  return { created, mail };
}

async function sendOnce(
  deps: ServiceDeps,
  mailer: Mailer | null,
  address: string,
  dedupeKey: string,
  message: { subject: string; text: string },
): Promise<'sent' | 'failed' | 'skipped' | null> {
  if (!mailer) {
    const inserted = rowsOf(
      await deps.db.execute(sql`
        insert into outbound_mail (to_address, subject, dedupe_key, status)
        values (${address}, ${message.subject}, ${dedupeKey}, 'skipped')
        on conflict (to_address, dedupe_key) do nothing returning id`),
    );
    return inserted.length ? 'skipped' : null;
  }
  const claimed = rowsOf(
    await deps.db.execute(sql`
      insert into outbound_mail (to_address, subject, dedupe_key, status)
      values (${address}, ${message.subject}, ${dedupeKey}, 'sending')
      on conflict (to_address, dedupe_key) do update set status = 'sending', error = null, created_at = now()
        where outbound_mail.status in ('failed', 'skipped')
      returning id`),
  );
  const id = claimed[0]?.id;
  if (id === undefined) return null;
  try {
    const { messageId } = await mailer.send({ to: address, ...message });
    await deps.db.execute(
      sql`update outbound_mail set status = 'sent', message_id = ${messageId}, error = null where id = ${id}`,
    );
    return 'sent';
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await deps.db.execute(
      sql`update outbound_mail set status = 'failed', error = ${text.slice(0, 2000)} where id = ${id}`,
    );
    deps.log.warn({ to: address, dedupeKey, error: text }, 'notice e-mail failed');
    return 'failed';
  }
}
