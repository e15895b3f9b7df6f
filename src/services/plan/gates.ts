import type { GateRow, GatesView } from '../../domain/plan/plan.schema';
import { areaGate, decree32Gates, type GateZone } from '../../domain/zone/decree32';
import { deriveLifecycle, mainPathRank } from '../../domain/zone/lifecycle';
import type { PlanZone } from './plan-facts';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const ha = (n: number) => Math.round(n * 100) / 100;

/** A cluster counts in its area's gates once established (or operating as a legacy cluster) and not ended. */
function counted(zone: PlanZone, asOf: string): boolean {
  const summary = deriveLifecycle(zone.events.filter((e) => e.eventDate <= asOf));
  if (summary.ended || !summary.state) return false;
  return summary.established !== null || mainPathRank(summary.state) >= mainPathRank('operating');
}

function rows(groups: Map<string, { name: string; zones: GateZone[] }>): GateRow[] {
  return [...groups.entries()]
    .map(([code, g]): GateRow => {
      const gate = areaGate(g.zones);
      return {
        code,
        name: g.name,
        clusters: gate.clusters,
        clustersWithoutLand: gate.clustersWithoutLand,
        industrialLandHa: ha(gate.industrialLandHa),
        occupiedHa: ha(gate.occupiedHa),
        unleasedHa: ha(gate.unleasedHa),
        occupancyPct: pct(gate.occupancy),
        newClusterAllowed: gate.newCluster.allowed,
        newClusterReason: gate.newCluster.reason,
        zones: gate.zones.map((z) => ({
          code: z.code,
          name: z.name,
          occupancyPct: pct(z.occupancy),
          industrialLandHa: z.industrialLandHa,
          expansion: z.expansion,
        })),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/**
 * The Decree 32 gates of every commune (and former district, for history) that has clusters, computed from
 * the clusters' current land figures with the domain's formula and thresholds (`domain/zone/decree32.ts`).
 */
export function clusterGates(zones: Iterable<PlanZone>, asOf: string): GatesView {
  const communes = new Map<string, { name: string; zones: GateZone[] }>();
  const districts = new Map<string, { name: string; zones: GateZone[] }>();
  for (const zone of zones) {
    if (!counted(zone, asOf)) continue;
    if (zone.communeCode) {
      const g = communes.get(zone.communeCode) ?? { name: zone.communeName ?? zone.communeCode, zones: [] };
      g.zones.push(zone);
      communes.set(zone.communeCode, g);
    }
    if (zone.formerDistrictCode) {
      const g = districts.get(zone.formerDistrictCode) ?? {
        name: zone.formerDistrictName ?? zone.formerDistrictCode,
        zones: [],
      };
      g.zones.push(zone);
      districts.set(zone.formerDistrictCode, g);
    }
  }
  return {
    reference: decree32Gates.reference,
    thresholds: {
      newClusterMinAverageOccupancyPct: decree32Gates.newCluster.minAverageOccupancy * 100,
      newClusterMaxUnleasedHa: decree32Gates.newCluster.maxUnleasedHa,
      expansionConditionalPct: decree32Gates.expansion.conditionalOccupancy * 100,
      expansionMinPct: decree32Gates.expansion.minOccupancy * 100,
    },
    communes: rows(communes),
    formerDistricts: rows(districts),
  };
}
