import type { LocalizedText } from '../shared/errors';
import { occupancy, weightedOccupancy, type OccupancyInput } from './occupancy';

/**
 * The Decree 32 gates — whether a new cluster or an expansion may be proposed in an area — as configuration,
 * stated once. The occupancy formula itself is `occupancy.ts`'s; this file only compares its results with the
 * thresholds.
 * - A new cluster: the area's clusters' area-weighted average occupancy above 50 %, or their unleased
 *   industrial land at most 50 ha (an area without clusters may propose one).
 * - An expansion: the cluster's own occupancy — 60 % or more may be proposed; from 50 % to 60 % the
 *   conditions of the decree must be checked case by case ("50–60 %"); below 50 % not.
 */
export const decree32Gates = {
  reference: {
    vi: 'Nghị định 32/2024/NĐ-CP về quản lý, phát triển cụm công nghiệp — điều kiện thành lập, mở rộng cụm công nghiệp',
    en: 'Decree 32/2024/ND-CP on industrial clusters — conditions for establishing and expanding a cluster',
  } satisfies LocalizedText,
  newCluster: { minAverageOccupancy: 0.5, maxUnleasedHa: 50 },
  expansion: { conditionalOccupancy: 0.5, minOccupancy: 0.6 },
} as const;

export type GateZone = OccupancyInput & { code: string; name: string };

export type NewClusterGate = {
  /** Null when the area's clusters have no land figures on record: the answer cannot be computed. */
  allowed: boolean | null;
  /**
   * occupancy: the average is above the threshold; unleased_land: little land left; no_clusters: none yet;
   * no_land_figures: clusters without industrial land on record.
   */
  reason: 'occupancy' | 'unleased_land' | 'no_clusters' | 'no_land_figures' | null;
};

export type ExpansionAnswer = 'yes' | 'check' | 'no';

export type AreaGate = {
  /** Clusters counted (with industrial land on record). */
  clusters: number;
  /** Clusters of the area without industrial land on record (not in the average). */
  clustersWithoutLand: number;
  industrialLandHa: number;
  occupiedHa: number;
  unleasedHa: number;
  /** Area-weighted occupancy, 0–1; null without industrial land on record. */
  occupancy: number | null;
  newCluster: NewClusterGate;
  zones: {
    code: string;
    name: string;
    occupancy: number | null;
    industrialLandHa: number | null;
    expansion: ExpansionAnswer | null;
  }[];
};

/** Whether a cluster may be expanded, by its own occupancy (null when it has no industrial land on record). */
export function expansionGate(zone: OccupancyInput): ExpansionAnswer | null {
  const rate = occupancy(zone);
  if (rate === null) return null;
  if (rate >= decree32Gates.expansion.minOccupancy) return 'yes';
  if (rate >= decree32Gates.expansion.conditionalOccupancy) return 'check';
  return 'no';
}

/** The gates of one area (a commune, a former district) over its established clusters. */
export function areaGate(zones: readonly GateZone[]): AreaGate {
  const avg = weightedOccupancy(zones);
  const unleasedHa = Math.max(0, avg.industrialLandHa - avg.occupiedHa);
  let newCluster: NewClusterGate;
  if (zones.length === 0) newCluster = { allowed: true, reason: 'no_clusters' };
  else if (avg.zones === 0) newCluster = { allowed: null, reason: 'no_land_figures' };
  else if (avg.rate !== null && avg.rate > decree32Gates.newCluster.minAverageOccupancy)
    newCluster = { allowed: true, reason: 'occupancy' };
  else if (unleasedHa <= decree32Gates.newCluster.maxUnleasedHa)
    newCluster = { allowed: true, reason: 'unleased_land' };
  else newCluster = { allowed: false, reason: null };
  return {
    clusters: avg.zones,
    clustersWithoutLand: zones.length - avg.zones,
    industrialLandHa: avg.industrialLandHa,
    occupiedHa: avg.occupiedHa,
    unleasedHa,
    occupancy: avg.rate,
    newCluster,
    zones: zones.map((z) => ({
      code: z.code,
      name: z.name,
      occupancy: occupancy(z),
      industrialLandHa: z.industrialLandHa,
      expansion: expansionGate(z),
    })),
  };
}
