import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { startIntervalJob } from './interval-job';
import type { Logger } from './logger';
import { metricsRegistry } from './metrics';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const quietLog = { info() {}, warn() {}, error() {}, debug() {} } as unknown as Logger;

async function jobCount(job: string, outcome: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('izis_job_runs_total')!.get();
  return metric.values.find((v) => v.labels['job'] === job && v.labels['outcome'] === outcome)?.value ?? 0;
}

describe('a scheduled job across processes', () => {
  it('runs in one process at a time: a second process on the same database skips while the first runs', async () => {
    // A second IZIS process on PostgreSQL: its own pool on the same database. The embedded database belongs
    // to one process, so there the job simply runs.
    const other: Database = database.url ? await openPostgres(database.url) : database;
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = database.exclusive('test-job', () => held.then(() => 'first'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const second = await other.exclusive('test-job', async () => 'second');
      if (database.kind === 'postgres') expect(second).toEqual({ ran: false });
      else expect(second).toEqual({ ran: true, value: 'second' });
      release();
      expect(await first).toEqual({ ran: true, value: 'first' });
      // Released after the run: the next run, in either process, goes ahead.
      expect(await other.exclusive('test-job', async () => 'again')).toEqual({ ran: true, value: 'again' });
    } finally {
      if (other !== database) await other.close();
    }
  });

  it('never overlaps itself, counts a run skipped for another process, and logs a failure without throwing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const errors: unknown[] = [];
    const log = { ...quietLog, error: (obj: unknown) => errors.push(obj) } as unknown as Logger;
    try {
      let runs = 0;
      let finish!: () => void;
      const stop = startIntervalJob({
        name: 'overlap-test',
        everyMs: 1000,
        firstRunMs: 0,
        log,
        run: () => {
          runs += 1;
          return new Promise<void>((resolve) => (finish = resolve));
        },
      });
      vi.advanceTimersByTime(0);
      vi.advanceTimersByTime(3000); // three ticks while the first run is still going
      expect(runs).toBe(1);
      finish();
      await stop();

      const elsewhereBefore = await jobCount('elsewhere-test', 'elsewhere');
      const stopElsewhere = startIntervalJob({
        name: 'elsewhere-test',
        everyMs: 1000,
        firstRunMs: 0,
        log,
        exclusive: async () => ({ ran: false }),
        run: async () => {
          throw new Error('must not run here');
        },
      });
      vi.advanceTimersByTime(0);
      await stopElsewhere();
      expect(await jobCount('elsewhere-test', 'elsewhere')).toBe(elsewhereBefore + 1);

      const stopFailing = startIntervalJob({
        name: 'failing-test',
        everyMs: 1000,
        firstRunMs: 0,
        log,
        run: async () => {
          throw new Error('SMTP down');
        },
      });
      vi.advanceTimersByTime(0);
      await stopFailing();
      expect(errors).toHaveLength(1);
      expect(await jobCount('failing-test', 'failed')).toBe(1);
      expect(errors).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
