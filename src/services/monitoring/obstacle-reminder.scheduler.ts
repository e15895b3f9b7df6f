import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import { startIntervalJob, type ExclusiveRunner } from '../system/interval-job';
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
  exclusive?: ExclusiveRunner;
}): () => Promise<void> {
  return startIntervalJob({
    name: 'obstacle-reminders',
    everyMs: options.intervalMinutes * 60_000,
    firstRunMs: 90_000,
    log: options.log,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    run: async () => {
      await sendObstacleReminders(
        {
          db: options.db,
          actor: systemActor('system:obstacle-reminders'),
          clock: options.clock,
          log: options.log,
          requestId: null,
        },
        { mailer: options.mailer, publicUrl: options.publicUrl },
      );
    },
  });
}
