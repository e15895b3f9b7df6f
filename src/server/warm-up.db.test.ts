import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { getDashboard } from '../services/dashboard/dashboard.service';
import { silentLogger, type Logger } from '../services/system/logger';
import { cacheLookups } from '../services/system/metrics';
import { communes, makeUser, manualClock, testDeps } from '../services/testing';
import { createTestApp } from './testing';
import { startWarmUp } from './warm-up';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

/** How many lookups of a kept view were answered from the cache (hit) or computed (miss), so far. */
async function lookups(view: string, result: 'hit' | 'miss'): Promise<number> {
  const { values } = await cacheLookups.get();
  return values.find((v) => v.labels.view === view && v.labels.result === result)?.value ?? 0;
}

describe('the start’s warm-up', () => {
  it('computes the officials’ views, one per distinct scope, so their first request finds them kept', async () => {
    const leader = await makeUser(database.db, { role: 'leader', scopeKind: 'all' });
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    });
    // A second officer of the same scope shares its views: warmed once.
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    });
    await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const clock = manualClock(new Date('2026-12-07T03:00:00Z'));

    const warm = startWarmUp({ db: database.db, clock, log: silentLogger });
    expect(warm.ready()).toBe(false);
    const report = await warm.done;
    expect(warm.ready()).toBe(true);
    expect(report.failed).toBe(0);
    // The leader, the CCN officer and the commune officer (and any official the template holds), not the twin.
    expect(report.readers).toBeGreaterThanOrEqual(3);
    expect(report.views).toBeGreaterThanOrEqual(report.readers * 4);

    const misses = await lookups('dashboard', 'miss');
    const hits = await lookups('dashboard', 'hit');
    await getDashboard(testDeps(database.db, leader.actor, clock));
    expect(await lookups('dashboard', 'miss')).toBe(misses);
    expect(await lookups('dashboard', 'hit')).toBe(hits + 1);
  });

  it('GET /api/ready answers 503 while warming and 200 after; /api/health answers 200 throughout', async () => {
    let finished = false;
    const warnings: unknown[] = [];
    const log = {
      child: () => log,
      debug() {},
      info() {},
      error() {},
      warn: (obj: unknown) => warnings.push(obj),
    } as unknown as Logger;
    const { app } = createTestApp(database, {}, { warmUp: { ready: () => finished }, log });
    const warming = await app.request('/api/ready');
    expect(warming.status).toBe(503);
    expect(await warming.json()).toEqual({ status: 'warming' });
    expect((await app.request('/api/health')).status).toBe(200);
    finished = true;
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    // A probe answered 503 while warming is not logged as a failed request.
    expect(warnings).toEqual([]);
  });
});
