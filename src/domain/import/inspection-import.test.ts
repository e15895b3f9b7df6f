import { describe, expect, it } from 'vitest';
import type { InspectionKind } from '../inspection/inspection.schema';
import { inspectionColumnOf, inspectionKey, resolveFailedItems, splitItems } from './inspection-import';

const fire: InspectionKind = {
  code: 'fire_safety',
  nameVi: 'Phòng cháy, chữa cháy',
  nameEn: 'Fire safety',
  standard: null,
  items: [
    { code: 'onsite_command', labelVi: 'Chỉ huy tại chỗ', labelEn: 'Command on site' },
    { code: 'onsite_equipment', labelVi: 'Phương tiện tại chỗ', labelEn: 'Equipment on site' },
  ],
};

describe('failed checklist items of a cell', () => {
  it('splits by ";" or line, and reads codes, Vietnamese or English labels without diacritics', () => {
    expect(splitItems(' a ;b\n c;; ')).toEqual(['a', 'b', 'c']);
    expect(splitItems(null)).toEqual([]);
    expect(resolveFailedItems(fire, 'phuong tien tai cho; Command on site')).toEqual({
      codes: ['onsite_equipment', 'onsite_command'],
    });
    expect(resolveFailedItems(fire, '')).toEqual({ codes: [] });
  });

  it('names every item not on the checklist, and an item written twice', () => {
    const unknown = resolveFailedItems(fire, 'Bình cứu hoả; onsite_command; Nước');
    expect(unknown).toMatchObject({
      problem: { vi: expect.stringContaining('Hạng mục "Bình cứu hoả", "Nước" không thuộc danh mục') },
    });
    expect(resolveFailedItems(fire, 'onsite_command; Chỉ huy tại chỗ')).toMatchObject({
      problem: { vi: 'Hạng mục "Chỉ huy tại chỗ" được ghi hai lần.' },
    });
  });
});

describe('where a recorded inspection’s problem is reported', () => {
  it('puts each field of the input under the sheet column it comes from', () => {
    expect(inspectionColumnOf('results.2.passed')).toBe('deadline');
    expect(inspectionColumnOf('results.2.itemCode')).toBe('failedItems');
    expect(inspectionColumnOf('findings.0.deadline')).toBe('deadline');
    expect(inspectionColumnOf('penalties.0.decidedOn')).toBe('penaltyDecidedOn');
    expect(inspectionColumnOf('penalties.0.amountVnd')).toBe('penaltyAmountVnd');
    expect(inspectionColumnOf('penalties.0.decisionNo')).toBe('penaltyDecisionNo');
    expect(inspectionColumnOf('kindCode')).toBe('kind');
    expect(inspectionColumnOf('inspectedOn')).toBe('inspectedOn');
    expect(inspectionKey({ zoneCode: 'CCN-A', kindCode: 'labour', inspectedOn: '2026-01-02' })).toBe(
      'CCN-A|labour|2026-01-02',
    );
  });
});
