import { describe, expect, it } from 'vitest';
import {
  checkPlanEntry,
  checkPlanSequence,
  checkSupersedes,
  derivePlanStatus,
  type PlanEntry,
  type PlanVersion,
} from './master-plan';

const plan2018: PlanVersion = {
  id: 'p2018',
  code: 'QH-CCN-2018',
  name: 'Quy hoạch phát triển CCN Hà Nội đến 2020, định hướng 2030',
  decisionNo: '1292/QĐ-UBND',
  decisionDate: '2018-03-14',
  validFrom: '2018-03-14',
  validTo: '2024-12-31',
};
const plan2025: PlanVersion = {
  id: 'p2025',
  code: 'QH-CCN-2025',
  name: 'Quy hoạch Thủ đô 2021–2030',
  decisionNo: '1569/QĐ-TTg',
  decisionDate: '2024-12-12',
  validFrom: '2025-01-01',
  validTo: null,
};

const entry = (
  planId: string,
  change: PlanEntry['change'],
  effectiveDate: string,
  areaHa: number | null = null,
  amendmentDecisionNo: string | null = null,
): PlanEntry => ({ planId, change, effectiveDate, areaHa, amendmentDecisionNo });

describe('a zone’s plan status', () => {
  const entries = [
    entry('p2018', 'added', '2018-03-14', 50),
    entry('p2018', 'area_changed', '2020-06-01', 62.5, '3300/QĐ-UBND'),
    entry('p2025', 'added', '2025-01-01', 62.5),
    entry('p2025', 'removed', '2026-02-01', null, '88/QĐ-UBND'),
  ];
  const plans = [plan2018, plan2025];

  it('is "not in any plan" before the first plan, or when never listed', () => {
    expect(derivePlanStatus(plans, entries, '2018-03-13')).toEqual({ status: 'not_in_plan' });
    expect(derivePlanStatus(plans, [], '2022-01-01')).toEqual({ status: 'not_in_plan' });
  });

  it('is "in plan" with the planned area and the approving decision', () => {
    expect(derivePlanStatus(plans, entries, '2019-01-01')).toEqual({
      status: 'in_plan',
      plan: {
        code: 'QH-CCN-2018',
        name: plan2018.name,
        decisionNo: '1292/QĐ-UBND',
        decisionDate: '2018-03-14',
      },
      areaHa: 50,
      since: '2018-03-14',
      decisionNo: '1292/QĐ-UBND',
    });
  });

  it('is "area changed to X" after an amendment, naming the amendment and the former area', () => {
    expect(derivePlanStatus(plans, entries, '2020-06-01')).toMatchObject({
      status: 'area_changed',
      areaHa: 62.5,
      previousAreaHa: 50,
      since: '2020-06-01',
      decisionNo: '3300/QĐ-UBND',
    });
  });

  it('follows the plan in force: the successor lists the zone again from its first day', () => {
    expect(derivePlanStatus(plans, entries, '2025-01-01')).toMatchObject({
      status: 'in_plan',
      plan: { code: 'QH-CCN-2025' },
      areaHa: 62.5,
    });
  });

  it('is "removed" after a removal in the plan in force', () => {
    expect(derivePlanStatus(plans, entries, '2026-03-01')).toMatchObject({
      status: 'removed',
      plan: { code: 'QH-CCN-2025' },
      since: '2026-02-01',
      decisionNo: '88/QĐ-UBND',
    });
  });

  it('is "not in any plan" once the only plan that listed it has expired', () => {
    expect(derivePlanStatus(plans, [entry('p2018', 'added', '2018-03-14', 10)], '2025-06-01')).toEqual({
      status: 'not_in_plan',
    });
  });

  it('ignores entries dated after the day asked, and prefers the newest plan in force', () => {
    const overlapping = [plan2018, { ...plan2025, validFrom: '2024-01-01' }];
    const both = [entry('p2018', 'added', '2018-03-14', 10), entry('p2025', 'added', '2024-06-01', 12)];
    expect(derivePlanStatus(overlapping, both, '2024-05-31')).toMatchObject({
      plan: { code: 'QH-CCN-2018' },
    });
    expect(derivePlanStatus(overlapping, both, '2024-06-01')).toMatchObject({
      plan: { code: 'QH-CCN-2025' },
      areaHa: 12,
    });
  });

  it('a zone re-added after removal is in plan again, with the new area', () => {
    const again = [
      entry('p2025', 'added', '2025-01-01', 20),
      entry('p2025', 'removed', '2025-06-01'),
      entry('p2025', 'added', '2026-01-01', 15),
    ];
    expect(derivePlanStatus([plan2025], again, '2026-01-02')).toMatchObject({
      status: 'in_plan',
      areaHa: 15,
    });
  });
});

describe('checking a plan entry', () => {
  const added = entry('p2018', 'added', '2018-03-14', 50);

  it('accepts a sensible sequence', () => {
    expect(checkPlanEntry(plan2018, [], added)).toBeNull();
    expect(checkPlanEntry(plan2018, [added], entry('p2018', 'area_changed', '2020-01-01', 60))).toBeNull();
    expect(checkPlanEntry(plan2018, [added], entry('p2018', 'removed', '2021-01-01'))).toBeNull();
  });

  it('refuses a date outside the plan’s validity, naming it', () => {
    const problem = checkPlanEntry(plan2018, [], entry('p2018', 'added', '2025-01-01', 5));
    expect(problem?.field).toBe('effectiveDate');
    expect(problem?.problem.vi).toContain('14/3/2018 – 31/12/2024');
  });

  it('refuses a change before the zone is added, and adding it twice', () => {
    expect(checkPlanEntry(plan2018, [], entry('p2018', 'removed', '2019-01-01'))?.problem.vi).toContain(
      'chưa có trong quy hoạch',
    );
    expect(checkPlanEntry(plan2018, [added], entry('p2018', 'added', '2019-01-01', 3))?.problem.vi).toContain(
      'đã có trong quy hoạch',
    );
  });

  it('refuses an entry that would break a later one', () => {
    const later = entry('p2018', 'area_changed', '2021-01-01', 70);
    const problem = checkPlanEntry(plan2018, [added, later], entry('p2018', 'removed', '2020-01-01'));
    expect(problem?.problem.vi).toContain('1/1/2021');
  });

  it('needs an area for an area change, and a different one', () => {
    expect(checkPlanEntry(plan2018, [added], entry('p2018', 'area_changed', '2020-01-01'))?.field).toBe(
      'areaHa',
    );
    const same = checkPlanEntry(plan2018, [added], entry('p2018', 'area_changed', '2020-01-01', 50));
    expect(same?.problem.vi).toBe('Diện tích quy hoạch đã là 50 ha vào ngày 1/1/2020.');
  });

  it('allows one change per zone and day', () => {
    expect(checkPlanEntry(plan2018, [added], entry('p2018', 'removed', '2018-03-14'))?.problem.vi).toContain(
      'mỗi ngày chỉ ghi một thay đổi',
    );
  });
});

describe('taking an entry away', () => {
  it('is refused when the entries left would not make sense', () => {
    const entries = [
      entry('p2018', 'added', '2018-03-14', 50),
      entry('p2018', 'area_changed', '2020-01-01', 60),
    ];
    expect(checkPlanSequence(plan2018, entries)).toBeNull();
    expect(checkPlanSequence(plan2018, entries.slice(1))?.problem.vi).toContain(
      'cần ghi "Đưa vào quy hoạch" trước',
    );
  });
});

describe('superseding a plan', () => {
  it('needs the same family, a later start and no entries after the new start', () => {
    const previous = {
      code: 'QH-CCN-2018',
      family: 'CCN',
      validFrom: '2018-03-14',
      lastEntryDate: '2020-06-01',
    };
    expect(checkSupersedes({ family: 'CCN', validFrom: '2025-01-01' }, previous)).toBeNull();
    expect(checkSupersedes({ family: 'KCN', validFrom: '2025-01-01' }, previous)?.vi).toContain('họ khác');
    expect(checkSupersedes({ family: 'CCN', validFrom: '2018-01-01' }, previous)?.vi).toContain(
      'sau ngày 14/3/2018',
    );
    expect(checkSupersedes({ family: 'CCN', validFrom: '2020-01-01' }, previous)?.vi).toContain('1/6/2020');
  });
});
