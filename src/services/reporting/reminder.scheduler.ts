import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import { startIntervalJob, type ExclusiveRunner } from '../system/interval-job';
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
  /** One run at a time across the IZIS processes on the database. */
  exclusive?: ExclusiveRunner;
};

/**
 * Runs the reminders in the server process every `intervalMinutes` (`startIntervalJob`: never overlapping,
 * one process at a time when `exclusive` is given). Returns a function that stops the timer and waits for a
 * run in progress.
 */
export function startReminderTimer(options: ReminderTimerOptions): () => Promise<void> {
  return startIntervalJob({
    name: 'reminders',
    everyMs: options.intervalMinutes * 60_000,
    firstRunMs: options.firstRunMs ?? 60_000,
    log: options.log,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    run: async () => {
      await sendReminders(
        {
          db: options.db,
          actor: systemActor('system:reminders'),
          clock: options.clock,
          log: options.log,
          requestId: null,
        },
        { mailer: options.mailer, publicUrl: options.publicUrl, daysBefore: options.daysBefore },
      );
    },
  });
}
