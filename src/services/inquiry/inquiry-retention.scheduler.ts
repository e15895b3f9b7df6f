import type { Db } from '../../db/client';
import { systemActor } from '../../domain/identity/roles';
import type { Clock } from '../deps';
import type { Logger } from '../system/logger';
import { eraseExpiredInquiryData } from './inquiry-retention.service';

/**
 * Runs the inquiries' personal-data erasure in the server every `intervalMinutes` (hourly by default), never
 * overlapping a run still going — the shape of the other schedulers. Returns a function that stops the timer
 * and waits for a run in progress.
 */
export function startInquiryRetentionTimer(options: {
  db: Db;
  log: Logger;
  clock: Clock;
  months: number;
  intervalMinutes?: number;
}): () => Promise<void> {
  const intervalMinutes = options.intervalMinutes ?? 60;
  if (intervalMinutes <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = eraseExpiredInquiryData(
      {
        db: options.db,
        actor: systemActor('system:inquiry-retention'),
        clock: options.clock,
        log: options.log,
        requestId: null,
      },
      { months: options.months },
    )
      .then(() => undefined)
      .catch((error: unknown) => options.log.error({ err: error }, 'inquiry retention run failed'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 120_000);
  const interval = setInterval(tick, intervalMinutes * 60_000);
  first.unref();
  interval.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(interval);
    if (running) await running;
  };
}
