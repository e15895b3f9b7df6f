/**
 * Occupancy rate — tỷ lệ lấp đầy (Decree 32/2024/NĐ-CP, Art. 2): (industrial land leased + industrial land
 * covered by investment approvals) ÷ total industrial land of the zone. Averages over a commune, a former
 * district, a family or the city are area-weighted: Σ(leased + approved) ÷ Σ industrial land.
 */
export type OccupancyInput = {
  industrialLandHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
};

/** Null when the zone has no industrial land on record (the rate is undefined, not zero). */
export function occupancy(zone: OccupancyInput): number | null {
  if (!zone.industrialLandHa || zone.industrialLandHa <= 0) return null;
  return ((zone.leasedHa ?? 0) + (zone.approvedHa ?? 0)) / zone.industrialLandHa;
}

export function weightedOccupancy(zones: readonly OccupancyInput[]): {
  rate: number | null;
  industrialLandHa: number;
  occupiedHa: number;
  zones: number;
} {
  let land = 0;
  let occupied = 0;
  let counted = 0;
  for (const z of zones) {
    if (!z.industrialLandHa || z.industrialLandHa <= 0) continue;
    land += z.industrialLandHa;
    occupied += (z.leasedHa ?? 0) + (z.approvedHa ?? 0);
    counted += 1;
  }
  return {
    rate: land > 0 ? occupied / land : null,
    industrialLandHa: land,
    occupiedHa: occupied,
    zones: counted,
  };
}
