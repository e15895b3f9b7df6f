import { describe, expect, it } from 'vitest';
import { zoneRuleProblems } from './zone-rules';

describe('zoneRuleProblems', () => {
  const ok = {
    code: 'CCN-A',
    kind: 'CCN' as const,
    declaredAreaHa: 50,
    industrialLandHa: 40,
    leasedHa: 30,
    approvedHa: 10,
  };

  it('accepts consistent figures, and unknown figures', () => {
    expect(zoneRuleProblems(ok)).toEqual({});
    expect(zoneRuleProblems({ kind: 'KCN' })).toEqual({});
  });

  it('names the field of each broken rule, in Vietnamese with Vietnamese numbers', () => {
    const problems = zoneRuleProblems({
      ...ok,
      kind: 'KCN',
      ccnTypeCode: 'CCN_TT',
      leasedHa: 30.5,
      industrialLandHa: 40,
      declaredAreaHa: 39.25,
    });
    expect(Object.keys(problems).sort()).toEqual(['ccnTypeCode', 'industrialLandHa', 'leasedHa']);
    expect(problems.leasedHa?.vi).toContain('40,5 ha');
    expect(problems.industrialLandHa?.vi).toContain('39,25 ha');
  });

  it('leased + approved may equal the industrial land exactly', () => {
    expect(zoneRuleProblems({ ...ok, leasedHa: 30.1, approvedHa: 9.9 })).toEqual({});
  });

  it('needs both coordinates, and refuses a zone being a phase of itself', () => {
    expect(Object.keys(zoneRuleProblems({ ...ok, lat: 21, lon: null }))).toEqual(['lon']);
    expect(Object.keys(zoneRuleProblems({ ...ok, lat: null, lon: 105 }))).toEqual(['lat']);
    expect(Object.keys(zoneRuleProblems({ ...ok, phaseOfCode: 'CCN-A' }))).toEqual(['phaseOfCode']);
  });
});
