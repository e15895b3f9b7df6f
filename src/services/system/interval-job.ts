import type { Logger } from './logger';
import { jobRuns, jobSeconds } from './metrics';

/** Runs `fn` only if no other process runs the same job now (`Database.exclusive`). */
export type ExclusiveRunner = <T>(
  name: string,
  fn: () => Promise<T>,
) => Promise<{ ran: true; value: T } | { ran: false }>;

export type IntervalJobOptions = {
  /** Names the job in logs, metrics and the cross-process lock. */
  name: string;
  /** Time between runs; 0 or less disables the job. */
  everyMs: number;
  /** Delay before the first run (default: one interval). */
  firstRunMs?: number;
  run: () => Promise<void>;
  log: Logger;
  /**
   * When given, a run happens in one process at a time across every IZIS process on the database (two
   * processes behind one address must not send the same reminders twice); otherwise in this process only.
   */
  exclusive?: ExclusiveRunner;
};

/**
 * A scheduled job in the server process: every `everyMs`, never overlapping itself (a tick while a run is
 * still going is skipped), optionally one process at a time, failures logged and counted, never thrown.
 * Returns a function that stops the timer and waits for a run in progress.
 */
export function startIntervalJob(options: IntervalJobOptions): () => Promise<void> {
  if (options.everyMs <= 0) return async () => {};
  let running: Promise<void> | null = null;
  let stopped = false;
  const once = async () => {
    const end = jobSeconds.startTimer({ job: options.name });
    try {
      if (options.exclusive) {
        const outcome = await options.exclusive(options.name, options.run);
        jobRuns.inc({ job: options.name, outcome: outcome.ran ? 'done' : 'elsewhere' });
      } else {
        await options.run();
        jobRuns.inc({ job: options.name, outcome: 'done' });
      }
    } catch (error: unknown) {
      jobRuns.inc({ job: options.name, outcome: 'failed' });
      options.log.error({ err: error, job: options.name }, 'scheduled job failed');
    } finally {
      end();
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = once().finally(() => {
      running = null;
    });
  };
  const first = setTimeout(tick, options.firstRunMs ?? options.everyMs);
  const interval = setInterval(tick, options.everyMs);
  first.unref();
  interval.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(interval);
    if (running) await running;
  };
}
