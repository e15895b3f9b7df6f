import { describe, expect, it } from 'vitest';
import { occupancy, weightedOccupancy } from './occupancy';

describe('occupancy (Decree 32)', () => {
  it('counts land leased plus land covered by investment approvals over industrial land', () => {
    expect(occupancy({ industrialLandHa: 40, leasedHa: 20, approvedHa: 6 })).toBeCloseTo(0.65);
  });

  it('is undefined, not zero, for a zone without industrial land on record', () => {
    expect(occupancy({ industrialLandHa: null, leasedHa: 5, approvedHa: 0 })).toBeNull();
  });

  it('averages by area, so a large zone weighs more than a small one', () => {
    const result = weightedOccupancy([
      { industrialLandHa: 100, leasedHa: 90, approvedHa: 0 },
      { industrialLandHa: 10, leasedHa: 1, approvedHa: 0 },
      { industrialLandHa: null, leasedHa: 3, approvedHa: 0 },
    ]);
    expect(result.rate).toBeCloseTo(91 / 110);
    expect(result.zones).toBe(2);
  });
});
