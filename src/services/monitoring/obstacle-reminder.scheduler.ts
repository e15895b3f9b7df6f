import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import type { Logger } from '../system/logger';
import type { Mailer } from '../system/mailer';
import { sendObstacleReminders } from './obstacle-reminder.service';

/**
 * Runs the obstacle deadline reminders in the server every `intervalMinutes` (the reminders' setting), never
 * overlapping a run still going. Returns a function that stops the timer and waits for a run in progress.
 */
export function startObstacleReminderTimer(options: {
  db: Db;
  log: Logger;
  clock: Clock;
  mailer: Mailer | null;
  publicUrl: string | undefined;
  intervalMinutes: number;
}): () => Promise<void> {
  if (options.intervalMinutes <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sendObstacleReminders(
      {
        db: options.db,
        actor: systemActor('system:obstacle-reminders'),
        clock: options.clock,
        log: options.log,
        requestId: null,
      },
      { mailer: options.mailer, publicUrl: options.publicUrl },
    )
      .then(() => undefined)
      .catch((error: unknown) => options.log.error({ err: error }, 'obstacle reminder run failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 90_000);
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
