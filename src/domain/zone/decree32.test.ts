import { describe, expect, it } from 'vitest';
import { areaGate, decree32Gates, expansionGate } from './decree32';

const zone = (code: string, land: number | null, leased: number, approved = 0) => ({
  code,
  name: code,
  industrialLandHa: land,
  leasedHa: leased,
  approvedHa: approved,
});

describe('Decree 32 gates', () => {
  it('allows a new cluster when the area-weighted occupancy is above 50 %', () => {
    // (30 + 12) / (50 + 30) = 52.5 %, though the plain average of 60 % and 40 % is 50 %.
    const gate = areaGate([zone('A', 50, 30), zone('B', 30, 12)]);
    expect(gate.occupancy).toBeCloseTo(0.525);
    expect(gate.newCluster).toEqual({ allowed: true, reason: 'occupancy' });
    expect(gate.unleasedHa).toBeCloseTo(38);
  });

  it('allows it on little unleased land, refuses it otherwise, and says when it cannot tell', () => {
    expect(areaGate([zone('A', 60, 15)]).newCluster).toEqual({ allowed: true, reason: 'unleased_land' });
    expect(areaGate([zone('A', 120, 30)]).newCluster).toEqual({ allowed: false, reason: null });
    expect(areaGate([]).newCluster).toEqual({ allowed: true, reason: 'no_clusters' });
    const unknown = areaGate([zone('A', null, 0)]);
    expect(unknown.newCluster).toEqual({ allowed: null, reason: 'no_land_figures' });
    expect(unknown.clustersWithoutLand).toBe(1);
  });

  it('exactly 50 % is not "above 50 %"; expansion is yes from 60 %, case by case from 50 %', () => {
    expect(areaGate([zone('A', 200, 100)]).newCluster.allowed).toBe(false);
    expect(expansionGate(zone('A', 100, 60))).toBe('yes');
    expect(expansionGate(zone('A', 100, 50))).toBe('check');
    expect(expansionGate(zone('A', 100, 49.9))).toBe('no');
    expect(expansionGate(zone('A', null, 0))).toBeNull();
    expect(decree32Gates.reference.vi).toContain('32/2024/NĐ-CP');
  });
});
