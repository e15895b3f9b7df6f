import { describe, expect, it } from 'vitest';
import { planReorganisation } from './reorganisation';

const file = {
  province: { code: '01', name: 'Hà Nội', kind: 'Thành phố' },
  effectiveDate: '2025-07-01',
  districts: [
    { code: '017', name: 'Huyện Đông Anh' },
    { code: '004', name: 'Quận Long Biên' },
  ],
  units: [
    {
      newCode: '00454',
      newName: 'Xã Đông Anh',
      type: 'Xã',
      formerUnits: [
        {
          oldCode: '00451',
          name: 'Thị trấn Đông Anh',
          district: 'Huyện Đông Anh',
          splitAcrossNewUnits: false,
        },
        { oldCode: '00452', name: 'Xã Uy Nỗ', district: 'Huyện Đông Anh', splitAcrossNewUnits: true },
      ],
      approxLat: 21.14,
      approxLon: 105.85,
    },
    {
      newCode: '00460',
      newName: 'Xã Phúc Thịnh',
      type: 'Xã',
      formerUnits: [
        { oldCode: '00452', name: 'Xã Uy Nỗ', district: 'Huyện Đông Anh', splitAcrossNewUnits: true },
      ],
    },
  ],
};

describe('planning a reorganisation', () => {
  it('ends the old units the day before the new ones start', () => {
    const result = planReorganisation(file);
    if (!result.ok) throw new Error('expected a plan');
    const district = result.plan.units.find((u) => u.level === 'district' && u.code === '017')!;
    expect(district).toMatchObject({ kind: 'Huyện', name: 'Đông Anh', validTo: '2025-06-30' });
    const newUnit = result.plan.units.find((u) => u.code === '00454' && u.validFrom === '2025-07-01')!;
    expect(newUnit).toMatchObject({ kind: 'Xã', name: 'Đông Anh', validTo: null, searchText: 'xa dong anh' });
  });

  it('creates an old unit once even when it was split across several new units, with partial links', () => {
    const result = planReorganisation(file);
    if (!result.ok) throw new Error('expected a plan');
    expect(result.plan.units.filter((u) => u.code === '00452')).toHaveLength(1);
    const links = result.plan.links.filter((l) => l.predecessorKey === 'commune:00452:');
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.partial)).toBe(true);
    // The district spread over two new communes: each received part of it.
    expect(
      result.plan.links.filter((l) => l.predecessorKey === 'district:017:').every((l) => l.partial),
    ).toBe(true);
  });

  it('names every former unit whose district has no code, and plans nothing', () => {
    const result = planReorganisation({ ...file, districts: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path)).toEqual([
      'units[0].formerUnits[0].district',
      'units[0].formerUnits[1].district',
      'units[1].formerUnits[0].district',
    ]);
    expect(result.problems[0]!.message.vi).toContain('Huyện Đông Anh');
  });
});
