import { describe, expect, it } from 'vitest';
import { checkLifecycleEvent, deriveLifecycle, type LifecycleEvent } from './lifecycle';

let seq = 0;
const ev = (
  state: LifecycleEvent['state'],
  eventDate: string,
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent => ({
  state,
  eventDate,
  seq: ++seq,
  ...extra,
});

describe('a zone’s lifecycle', () => {
  const history = [
    ev('in_plan', '2018-03-14'),
    ev('established', '2019-05-20', { decisionNo: '2500/QĐ-UBND' }),
    ev('land_clearance', '2020-01-10', { progressPct: 40 }),
    ev('land_clearance', '2021-01-10', { progressPct: 85 }),
  ];

  it('derives the current state and the latest progress from the dated history', () => {
    expect(deriveLifecycle(history)).toMatchObject({
      state: 'land_clearance',
      since: '2020-01-10',
      established: { date: '2019-05-20', decisionNo: '2500/QĐ-UBND' },
      landClearancePct: 85,
    });
  });

  it('refuses "operating" before "established", but accepts legacy clusters operating without one', () => {
    const problem = checkLifecycleEvent([ev('in_plan', '2018-03-14')], ev('operating', '2020-01-01'));
    expect(problem?.vi).toContain('chưa có quyết định thành lập');
    expect(checkLifecycleEvent([], ev('operating_without_establishment', '2005-01-01'))).toBeNull();
  });

  it('refuses going back along the legal path, and progress that decreases', () => {
    expect(checkLifecycleEvent(history, ev('in_plan', '2022-01-01'))?.vi).toContain('Không thể lùi');
    expect(
      checkLifecycleEvent(history, ev('land_clearance', '2022-01-01', { progressPct: 50 }))?.vi,
    ).toContain('không thể giảm');
  });

  it('checks a back-dated event against the history after it', () => {
    // Establishing after operating was already recorded would make "operating" come first.
    const legacy = [ev('established', '2010-01-01'), ev('operating', '2012-01-01')];
    expect(checkLifecycleEvent(legacy, ev('established', '2011-01-01'))?.vi).toContain('đã được thành lập');
  });

  it('suspends and resumes to the state before the suspension; nothing follows a revocation', () => {
    const suspended = [...history, ev('suspended', '2022-02-01'), ev('resumed', '2023-02-01')];
    expect(deriveLifecycle(suspended)).toMatchObject({ state: 'land_clearance', suspended: false });
    const revoked = [...history, ev('revoked', '2024-01-01')];
    expect(deriveLifecycle(revoked)).toMatchObject({ state: 'revoked', ended: true });
    expect(checkLifecycleEvent(revoked, ev('construction', '2024-06-01'))?.vi).toContain(
      'sau khi đã thu hồi',
    );
  });
});
