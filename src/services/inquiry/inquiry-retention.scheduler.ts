import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import { startIntervalJob, type ExclusiveRunner } from '../system/interval-job';
import type { Logger } from '../system/logger';
import { eraseExpiredInquiryData } from './inquiry-retention.service';

/**
 * Runs the inquiries' personal-data erasure in the server every `intervalMinutes` (hourly by default) through
 * `startIntervalJob` (never overlapping, one process at a time when `exclusive` is given). Returns a function
 * that stops the timer and waits for a run in progress.
 */
export function startInquiryRetentionTimer(options: {
  db: Db;
  log: Logger;
  clock: Clock;
  months: number;
  intervalMinutes?: number;
  exclusive?: ExclusiveRunner;
}): () => Promise<void> {
  return startIntervalJob({
    name: 'inquiry-retention',
    everyMs: (options.intervalMinutes ?? 60) * 60_000,
    firstRunMs: 120_000,
    log: options.log,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    run: async () => {
      await eraseExpiredInquiryData(
        {
          db: options.db,
          actor: systemActor('system:inquiry-retention'),
          clock: options.clock,
          log: options.log,
          requestId: null,
        },
        { months: options.months },
      );
    },
  });
}
