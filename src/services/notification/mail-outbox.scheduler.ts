import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import { startIntervalJob, type ExclusiveRunner } from '../system/interval-job';
import type { Logger } from '../system/logger';
import type { Mailer } from '../system/mailer';
import { deliverQueuedMail } from './notification.service';

export type MailOutboxOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  /** Null: SMTP is not set; queued e-mails are logged as skipped. */
  mailer: Mailer | null;
  publicUrl: string | undefined;
  /** How often the outbox is emptied (default 15 s); 0 disables it. */
  intervalSeconds?: number;
  /** One run at a time across the IZIS processes on the database. */
  exclusive?: ExclusiveRunner;
};

/**
 * Sends the e-mails that workflow steps queued (`notifyUsers` with the default `queue` delivery) shortly after
 * their transaction committed. A run still going when the next tick comes is not overlapped. Returns a
 * function that stops the timer and waits for a run in progress.
 */
export function startMailOutbox(options: MailOutboxOptions): () => Promise<void> {
  const deps = {
    db: options.db,
    actor: systemActor('system:mail'),
    clock: options.clock,
    log: options.log,
    requestId: null,
  };
  return startIntervalJob({
    name: 'mail-outbox',
    everyMs: (options.intervalSeconds ?? 15) * 1000,
    log: options.log,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    run: async () => {
      const counts = await deliverQueuedMail(deps, options.mailer, { publicUrl: options.publicUrl });
      if (counts.sent + counts.failed > 0) options.log.info(counts, 'queued e-mails sent');
    },
  });
}
