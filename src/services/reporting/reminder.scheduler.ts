import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import type { Logger } from '../system/logger';
import type { Mailer } from '../system/mailer';
import { sendReminders } from './reminder.service';

export type ReminderTimerOptions = {
  db: Db;
  log: Logger;
  clock: Clock;
  mailer: Mailer | null;
  publicUrl: string | undefined;
  daysBefore: readonly number[];
  /** 0 disables the timer. */
  intervalMinutes: number;
  /** Delay before the first run (default: one minute after start-up, so start-up stays fast). */
  firstRunMs?: number;
};

/**
 * Runs the reminders in the server process every `intervalMinutes`. A run that is still going when the next
 * tick comes is not overlapped: the tick is skipped. Returns a function that stops the timer and waits for a
 * run in progress.
 */
export function startReminderTimer(options: ReminderTimerOptions): () => Promise<void> {
  if (options.intervalMinutes <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sendReminders(
      {
        db: options.db,
        actor: systemActor('system:reminders'),
        clock: options.clock,
        log: options.log,
        requestId: null,
      },
      { mailer: options.mailer, publicUrl: options.publicUrl, daysBefore: options.daysBefore },
    )
      .then(() => undefined)
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'reminder run failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, options.firstRunMs ?? 60_000);
  const interval = setInterval(tick, options.intervalMinutes * 60_000);
  first.unref();
  interval.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(interval);
    if (running) await running;
  };
}
