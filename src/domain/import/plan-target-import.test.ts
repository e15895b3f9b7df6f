import { describe, expect, it } from 'vitest';
import { formatTargetZones, parseTargetZones, planKey, planTargetKey } from './plan-target-import';

describe('the zones of a count target in one cell', () => {
  it('reads codes separated by ";" with an optional agency after ":", and writes them back the same', () => {
    const zones = parseTargetZones(' ccn-a : UBND xã Đông Anh: tổ 1 ;CCN-B;\nCCN-C:  ');
    expect(zones).toEqual([
      { code: 'CCN-A', responsible: 'UBND xã Đông Anh: tổ 1' },
      { code: 'CCN-B', responsible: null },
      { code: 'CCN-C', responsible: null },
    ]);
    expect(formatTargetZones(zones)).toBe('CCN-A: UBND xã Đông Anh: tổ 1; CCN-B; CCN-C');
    expect(parseTargetZones(formatTargetZones(zones))).toEqual(zones);
    expect(formatTargetZones([])).toBeNull();
    expect(parseTargetZones(null)).toEqual([]);
  });
});

describe('the key of a target', () => {
  it('is the plan (number case ignored), the kind and the figure’s indicator or the folded title', () => {
    const plan = planKey('CCN', 2026, ' 305/kh-ubnd ');
    expect(plan).toBe('CCN|2026|305/KH-UBND');
    expect(planTargetKey(plan, { kind: 'task', indicator: null, title: 'Rà soát Quy hoạch' })).toBe(
      planTargetKey(plan, { kind: 'task', indicator: null, title: 'ra soat quy hoach' }),
    );
    expect(planTargetKey(plan, { kind: 'figure', indicator: 'revenue_usd', title: 'A' })).toBe(
      planTargetKey(plan, { kind: 'figure', indicator: 'revenue_usd', title: 'B' }),
    );
    expect(planTargetKey(plan, { kind: 'rule', indicator: null, title: 'A' })).not.toBe(
      planTargetKey(plan, { kind: 'task', indicator: null, title: 'A' }),
    );
  });
});
