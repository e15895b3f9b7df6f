import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import type { Logger } from '../system/logger';
import { manualClock } from '../testing';
import { startReminderTimer } from './reminder.scheduler';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

/** A logger that keeps the messages of finished runs. */
function recordingLogger() {
  const runs: unknown[] = [];
  const log = {
    info: (obj: unknown, msg?: string) => {
      if (msg === 'reminders run') runs.push(obj);
    },
    warn: () => {},
    error: (obj: unknown) => runs.push({ error: obj }),
    debug: () => {},
  } as unknown as Logger;
  return { log, runs };
}

describe('the reminder timer', () => {
  it('never overlaps runs: a tick while a run is going is skipped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    try {
      const { log, runs } = recordingLogger();
      const stop = startReminderTimer({
        db: database.db,
        log,
        clock: manualClock(new Date('2026-06-13T01:00:00Z')),
        mailer: null,
        publicUrl: 'https://izis.hanoi.gov.vn',
        daysBefore: [7, 1],
        intervalMinutes: 1,
        firstRunMs: 0,
      });
      vi.advanceTimersByTime(0); // the first run starts…
      vi.advanceTimersByTime(60_000); // …and is still going at the next tick, which is skipped
      await stop(); // waits for the run in progress
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ today: '2026-06-13', reminders: 0 });
      vi.advanceTimersByTime(5 * 60_000); // stopped: nothing more
      await Promise.resolve();
      expect(runs).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is off when the interval is 0', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    try {
      const { log, runs } = recordingLogger();
      const stop = startReminderTimer({
        db: database.db,
        log,
        clock: manualClock(),
        mailer: null,
        publicUrl: undefined,
        daysBefore: [7, 1],
        intervalMinutes: 0,
        firstRunMs: 0,
      });
      vi.advanceTimersByTime(10 * 60_000);
      await stop();
      expect(runs).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
