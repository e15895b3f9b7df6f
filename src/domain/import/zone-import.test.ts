import { describe, expect, it } from 'vitest';
import { zoneRuleProblems } from '../zone/zone-rules';
import {
  familyChangeProblem,
  zoneColumns,
  zoneExportFileName,
  zoneRecordDiff,
  zoneRecordFields,
  type ZoneRecord,
} from './zone-import';

const base: ZoneRecord = {
  ...(Object.fromEntries(zoneRecordFields.map((f) => [f, null])) as unknown as ZoneRecord),
  code: 'CCN-A',
  name: 'Cụm A',
  kind: 'CCN',
  sources: [],
};

describe('zone sheet', () => {
  it('has one column per field of the record, keyed on the code, with unique headers', () => {
    const columns = zoneColumns([{ value: 'general', vi: 'Cụm công nghiệp đa ngành', en: 'General' }]);
    expect(columns.map((c) => c.field)).toEqual([...zoneRecordFields]);
    expect(columns[0]).toMatchObject({ vi: 'Mã khu/cụm', en: 'code', required: 'always' });
    expect(new Set(columns.map((c) => c.vi)).size).toBe(columns.length);
    expect(columns.find((c) => c.field === 'industrialLandHa')!.vi).toBe('Diện tích đất công nghiệp (ha)');
  });

  it('applies the registry rules across fields', () => {
    expect(zoneRuleProblems(base)).toEqual({});
    const bad = zoneRuleProblems({
      ...base,
      kind: 'KCN',
      ccnTypeCode: 'general',
      declaredAreaHa: 10,
      industrialLandHa: 12,
      leasedHa: 10,
      approvedHa: 3,
      lat: 21,
      phaseOfCode: 'CCN-A',
    });
    expect(Object.keys(bad).sort()).toEqual([
      'ccnTypeCode',
      'industrialLandHa',
      'leasedHa',
      'lon',
      'phaseOfCode',
    ]);
    expect(bad.leasedHa!.vi).toContain('(13 ha) vượt diện tích đất công nghiệp (12 ha)');
    expect(familyChangeProblem(base, { ...base, kind: 'KCN' })!.vi).toContain('KCN ↔ CCN');
    expect(familyChangeProblem({ ...base, kind: 'KCX' }, { ...base, kind: 'KCN' })).toBeNull();
  });

  it('diffs records field by field, lists by content', () => {
    expect(zoneRecordDiff(base, { ...base, sources: [] })).toEqual([]);
    expect(zoneRecordDiff(base, { ...base, leasedHa: 1, sources: ['x'] })).toEqual(['leasedHa', 'sources']);
  });

  it('names export files with the date', () => {
    expect(zoneExportFileName('2026-11-21', 'xlsx')).toBe('khu-cum-cong-nghiep-2026-11-21.xlsx');
  });
});
