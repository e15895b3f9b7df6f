import { describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../zone/lifecycle';
import {
  addMonths,
  plannedCurve,
  progressStaleSince,
  stepProgress,
  stepReachedOn,
  targetOutcome,
} from './schedule';

let seq = 0;
const ev = (state: LifecycleEvent['state'], eventDate: string, progressPct?: number): LifecycleEvent => ({
  state,
  eventDate,
  progressPct: progressPct ?? null,
  seq: ++seq,
});

const history = [
  ev('in_plan', '2018-01-10'),
  ev('established', '2019-04-25'),
  ev('detailed_plan_approved', '2019-11-02'),
  ev('land_clearance', '2020-01-15', 40),
  ev('land_clearance', '2020-09-01', 100),
  ev('construction', '2020-12-01', 10),
  ev('suspended', '2021-05-01'),
  ev('resumed', '2021-08-01'),
];

describe('actual dates come from the lifecycle history', () => {
  it('reads each step from the first event at or past it, never from a typed date', () => {
    expect(stepReachedOn('detailed_plan_approved', history)).toBe('2019-11-02');
    // Clearance complete: the event saying 100 % (before construction started).
    expect(stepReachedOn('land_clearance', history)).toBe('2020-09-01');
    expect(stepReachedOn('construction_start', history)).toBe('2020-12-01');
    expect(stepReachedOn('infrastructure_complete', history)).toBeNull();
    expect(stepReachedOn('operating', history)).toBeNull();
  });

  it('counts a later step as reaching the earlier ones, and operation without establishment as operating', () => {
    const legacy = [ev('operating_without_establishment', '2012-03-01')];
    expect(stepReachedOn('operating', legacy)).toBe('2012-03-01');
    expect(stepReachedOn('infrastructure_complete', legacy)).toBe('2012-03-01');
    expect(stepReachedOn('land_clearance', [ev('construction', '2021-02-02')])).toBe('2021-02-02');
  });
});

describe('slippage', () => {
  it('is the days between the planned date and the lifecycle event: late, on time or ahead', () => {
    const late = stepProgress(
      { step: 'construction_start', plannedDate: '2020-10-01' },
      history,
      '2026-01-01',
      30,
    );
    expect(late).toMatchObject({ reachedOn: '2020-12-01', slippageDays: 61, status: 'done_late' });
    const ahead = stepProgress(
      { step: 'detailed_plan_approved', plannedDate: '2019-12-31' },
      history,
      '2026-01-01',
      30,
    );
    expect(ahead).toMatchObject({ slippageDays: -59, status: 'done' });
  });

  it('counts an open step overdue so far; late (watch list) only beyond the tolerance', () => {
    const planned = { step: 'infrastructure_complete' as const, plannedDate: '2025-12-31' };
    expect(stepProgress(planned, history, '2025-12-31', 30)).toMatchObject({
      status: 'pending',
      slippageDays: null,
    });
    expect(stepProgress(planned, history, '2026-01-30', 30)).toMatchObject({
      status: 'overdue',
      slippageDays: 30,
    });
    expect(stepProgress(planned, history, '2026-01-31', 30)).toEqual({
      reachedOn: null,
      slippageDays: 31,
      status: 'late',
      lateSince: '2026-01-31',
    });
    // Recording the lifecycle event is what ends it: no second "actual date" anywhere.
    const done = [...history, ev('infrastructure_complete', '2026-02-10')];
    expect(stepProgress(planned, done, '2026-03-01', 30)).toMatchObject({
      reachedOn: '2026-02-10',
      slippageDays: 41,
      status: 'done_late',
      lateSince: null,
    });
  });
});

describe('commitments', () => {
  const target = { step: 'infrastructure_complete' as const, targetDate: '2026-06-30' };
  it('are open before the date, missed (and on the list) after it while the step is not reached', () => {
    expect(targetOutcome(target, history, '2026-06-30').status).toBe('open');
    expect(targetOutcome(target, history, '2026-07-10')).toEqual({
      reachedOn: null,
      status: 'missed_open',
      daysLate: 10,
      missedSince: '2026-07-01',
    });
  });
  it('are kept or missed according to the lifecycle event that reaches the step', () => {
    const kept = [...history, ev('infrastructure_complete', '2026-06-30')];
    expect(targetOutcome(target, kept, '2026-08-01')).toMatchObject({ status: 'kept', daysLate: null });
    const late = [...history, ev('infrastructure_complete', '2026-07-05')];
    expect(targetOutcome(target, late, '2026-08-01')).toMatchObject({ status: 'missed', daysLate: 5 });
  });
});

describe('progress', () => {
  it('plans a linear curve between two planned steps', () => {
    expect(
      plannedCurve('construction', {
        construction_start: '2024-01-01',
        infrastructure_complete: '2025-12-31',
      }),
    ).toEqual([
      { date: '2024-01-01', pct: 0 },
      { date: '2025-12-31', pct: 100 },
    ]);
    expect(plannedCurve('land_clearance', { land_clearance: '2024-01-01' })).toEqual([]);
  });

  it('is stale six months after the last reading (or entering the state) while clearing or building', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(progressStaleSince('construction', '2025-01-10', '2025-09-01', '2026-02-28')).toBeNull();
    expect(progressStaleSince('construction', '2025-01-10', '2025-09-01', '2026-03-01')).toBe('2026-03-01');
    expect(progressStaleSince('land_clearance', '2025-01-10', null, '2025-07-10')).toBe('2025-07-10');
    expect(progressStaleSince('operating', '2025-01-10', null, '2026-07-10')).toBeNull();
  });
});
