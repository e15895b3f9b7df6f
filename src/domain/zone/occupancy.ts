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

/** Whether a zone counts towards occupancy at all: it has industrial land on record. */
export function hasIndustrialLand(zone: Pick<OccupancyInput, 'industrialLandHa'>): boolean {
  return zone.industrialLandHa !== null && zone.industrialLandHa > 0;
}

/** The land a zone's occupancy counts as taken: leased + covered by investment approvals (missing = 0). */
export function occupiedHa(zone: OccupancyInput): number {
  return (zone.leasedHa ?? 0) + (zone.approvedHa ?? 0);
}

/** The rate of summed figures (a group already summed in SQL): null without industrial land. */
export function occupancyRate(occupied: number, industrialLandHa: number): number | null {
  return industrialLandHa > 0 ? occupied / industrialLandHa : null;
}

/** Null when the zone has no industrial land on record (the rate is undefined, not zero). */
export function occupancy(zone: OccupancyInput): number | null {
  if (!hasIndustrialLand(zone)) return null;
  return occupancyRate(occupiedHa(zone), zone.industrialLandHa!);
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
    if (!hasIndustrialLand(z)) continue;
    land += z.industrialLandHa!;
    occupied += occupiedHa(z);
    counted += 1;
  }
  return {
    rate: occupancyRate(occupied, land),
    industrialLandHa: land,
    occupiedHa: occupied,
    zones: counted,
  };
}
