import type { LifecycleEvent, LifecycleState } from '../zone/lifecycle';
import { deriveLifecycle } from '../zone/lifecycle';
import type { Breakdown, IndicatorDefinition, Measures } from './indicators';

/**
 * The rows the sources hand to the leaders' view: base measures with the dimensions they can be broken down
 * by. Indicators are formulas over measures summed per group, so a ratio (occupancy) is computed from its
 * summed parts, never averaged.
 */
export type Dimension = Exclude<Breakdown, 'none'>;
export type FactRow = { dims: Partial<Record<Dimension, string | null>>; measures: Measures };

/** Group key of a row ('' for the whole); a missing dimension value is '?'. */
export function groupKey(row: FactRow, by: Breakdown): string {
  if (by === 'none') return '';
  return row.dims[by] ?? '?';
}

/** Measures summed per group of `by`. */
export function sumBy(rows: readonly FactRow[], by: Breakdown): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const key = groupKey(row, by);
    const sums = out.get(key) ?? {};
    for (const [k, v] of Object.entries(row.measures)) sums[k] = (sums[k] ?? 0) + v;
    out.set(key, sums);
  }
  return out;
}

export function evaluate(indicator: IndicatorDefinition, measures: Measures | undefined): number | null {
  const value = indicator.value(measures ?? {});
  return value === null || !Number.isFinite(value) ? null : value;
}

export type RegistryZone = {
  id: string;
  code: string;
  family: 'KCN' | 'CCN';
  commune: string | null;
  formerDistrict: string | null;
  areaHa: number | null;
  industrialHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  wwtpStatus: string | null;
  /** Lifecycle events known at the "as of" instant (the source filters by recorded time). */
  lifecycle: readonly LifecycleEvent[];
};

export type RegistryProject = {
  zoneId: string;
  ownership: 'fdi' | 'domestic' | 'unknown';
  sector: string | null;
  /** Date of the ledger's termination event, if any. */
  terminatedOn: string | null;
  /** Date the project entered the registry (certificate date, else its first ledger event, else recording). */
  since: string | null;
};

const OPERATING: readonly (LifecycleState | null)[] = ['operating', 'operating_without_establishment'];

/** Lifecycle state group a zone is in at a date, for the "state" breakdown. */
export function stateGroup(state: LifecycleState | null): string {
  if (state === null) return 'unknown';
  if (OPERATING.includes(state)) return 'operating';
  if (state === 'revoked' || state === 'removed_from_plan') return 'ended';
  if (state === 'suspended') return 'suspended';
  if (['in_plan', 'dossier_received', 'appraised'].includes(state)) return 'planned';
  return 'developing';
}

/**
 * The registry as it stood at `at`: each zone's state is derived from its lifecycle events dated up to `at`
 * (a zone whose first event is later did not exist yet; one without any event counts as on record), ended
 * zones are left out; tenant projects count when they started by `at` and were not terminated by then.
 */
export function registryFacts(
  zones: readonly RegistryZone[],
  projects: readonly RegistryProject[],
  at: string,
): FactRow[] {
  const rows: FactRow[] = [];
  const byZone = new Map<string, RegistryProject[]>();
  for (const p of projects) {
    const list = byZone.get(p.zoneId);
    if (list) list.push(p);
    else byZone.set(p.zoneId, [p]);
  }
  for (const zone of zones) {
    const events = zone.lifecycle.filter((e) => e.eventDate <= at);
    if (zone.lifecycle.length > 0 && events.length === 0) continue;
    const summary = deriveLifecycle(events);
    if (summary.ended) continue;
    const group = stateGroup(summary.state);
    const operating = group === 'operating';
    const dims = {
      family: zone.family,
      state: group,
      commune: zone.commune,
      former_district: zone.formerDistrict,
      zone: zone.code,
    };
    const base = zone.industrialHa !== null && zone.industrialHa > 0 ? zone.industrialHa : 0;
    rows.push({
      dims,
      measures: {
        zones: 1,
        zones_operating: operating ? 1 : 0,
        zones_developing: group === 'developing' ? 1 : 0,
        zones_established: summary.established && summary.established.date <= at ? 1 : 0,
        area_ha: zone.areaHa ?? 0,
        industrial_ha: zone.industrialHa ?? 0,
        occupancy_base_ha: base,
        occupied_ha: base > 0 ? (zone.leasedHa ?? 0) + (zone.approvedHa ?? 0) : 0,
        wwtp_compliant: operating && zone.wwtpStatus === 'compliant' ? 1 : 0,
      },
    });
    // The zone's projects in force, one row per ownership and sector (every breakdown stays exact; a city's
    // 10,000 projects become a few hundred rows to sum).
    const groups = new Map<
      string,
      { ownership: RegistryProject['ownership']; sector: string | null; n: number }
    >();
    for (const p of byZone.get(zone.id) ?? []) {
      if (p.since !== null && p.since > at) continue;
      if (p.terminatedOn !== null && p.terminatedOn <= at) continue;
      const key = `${p.ownership}|${p.sector ?? ''}`;
      const group = groups.get(key);
      if (group) group.n += 1;
      else groups.set(key, { ownership: p.ownership, sector: p.sector, n: 1 });
    }
    for (const g of groups.values()) {
      rows.push({
        dims: { ...dims, ownership: g.ownership, sector: g.sector },
        measures: {
          projects: g.n,
          projects_fdi: g.ownership === 'fdi' ? g.n : 0,
          projects_domestic: g.ownership === 'domestic' ? g.n : 0,
        },
      });
    }
  }
  return rows;
}
