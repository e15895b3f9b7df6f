import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
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
};

/**
 * Sends the e-mails that workflow steps queued (`notifyUsers` with the default `queue` delivery) shortly after
 * their transaction committed. A run still going when the next tick comes is not overlapped. Returns a
 * function that stops the timer and waits for a run in progress.
 */
export function startMailOutbox(options: MailOutboxOptions): () => Promise<void> {
  const seconds = options.intervalSeconds ?? 15;
  if (seconds <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let stopped = false;
  const deps = {
    db: options.db,
    actor: systemActor('system:mail'),
    clock: options.clock,
    log: options.log,
    requestId: null,
  };
  const tick = () => {
    if (stopped || running) return;
    running = deliverQueuedMail(deps, options.mailer, { publicUrl: options.publicUrl })
      .then((counts) => {
        if (counts.sent + counts.failed > 0) options.log.info(counts, 'queued e-mails sent');
      })
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'mail outbox run failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const interval = setInterval(tick, seconds * 1000);
  interval.unref();
  return async () => {
    stopped = true;
    clearInterval(interval);
    if (running) await running;
  };
}
