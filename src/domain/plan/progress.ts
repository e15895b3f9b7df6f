import { deriveLifecycle, mainPathRank, type LifecycleEvent, type LifecycleState } from '../zone/lifecycle';
import { occupancy } from '../zone/occupancy';
import type { TargetKind, TargetMeasure, ZoneProgress, ZoneProgressState } from './plan.schema';

/**
 * A target's actual, per cent achieved and each zone's state — computed from the registry's facts on every
 * request. Pure: the service loads the facts, this decides.
 *
 * Zone states for what a zone has not reached yet:
 * - late: the year is over, or the zone was revoked / removed from the plan;
 * - at risk: suspended, or more steps left than the months left allow at `planPace.monthsPerStep` a step, or
 *   (occupancy) further below the threshold than `planPace.occupancyMarginPct` points;
 * - on track: otherwise.
 */
export const planPace = { monthsPerStep: 3, occupancyMarginPct: 20 } as const;

export type ZoneFact = {
  id: string;
  code: string;
  name: string;
  communeName: string | null;
  developerName: string | null;
  industrialLandHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  wwtpStatus: string | null;
  isSynthetic: boolean;
  /** Whether the caller may see the zone (the scope filter, applied in SQL). */
  visible: boolean;
  events: readonly LifecycleEvent[];
};

export type TargetSpec = {
  kind: TargetKind;
  measure: TargetMeasure | null;
  step: LifecycleState | null;
  thresholdPct: number | null;
  value: number;
  maxValue: number | null;
  /** The named zones of a count target, with the responsible agency the plan gives. */
  zones: readonly { zoneId: string; responsible: string | null }[];
  evidenceRef: string | null;
  /** A figure's actual, computed by the report that owns the indicator (null when none covers the year). */
  figureActual?: number | null;
};

export type TargetResult = {
  actual: number | null;
  pct: number | null;
  range: 'below' | 'within' | 'above' | null;
  counts: Record<ZoneProgressState, number>;
  zones: ZoneProgress[];
  hiddenZones: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The day actuals are counted to: today within the year (or before it), the year's last day once it is over. */
export function planAsOf(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) + (td - fd) / 30;
}

/** The first date on or before `asOf` at which the zone was at or beyond `step` on the main path. */
export function reachedOn(
  events: readonly LifecycleEvent[],
  step: LifecycleState,
  asOf: string,
): string | null {
  const target = mainPathRank(step);
  let first: string | null = null;
  for (const e of events) {
    if (e.eventDate > asOf) continue;
    const rank = mainPathRank(e.state);
    if (rank >= 0 && rank >= target && (first === null || e.eventDate < first)) first = e.eventDate;
  }
  return first;
}

function firstEventIn(
  events: readonly LifecycleEvent[],
  states: readonly LifecycleState[],
  from: string,
  to: string,
): string | null {
  let first: string | null = null;
  for (const e of events) {
    if (!states.includes(e.state) || e.eventDate < from || e.eventDate > to) continue;
    if (first === null || e.eventDate < first) first = e.eventDate;
  }
  return first;
}

/** The agency answering for a zone: the plan's, else the developer, else the commune's People's Committee. */
export function defaultResponsible(zone: Pick<ZoneFact, 'developerName' | 'communeName'>): string | null {
  if (zone.developerName) return zone.developerName;
  return zone.communeName ? `UBND ${zone.communeName}` : null;
}

function progressOf(
  zone: ZoneFact,
  asOf: string,
  state: ZoneProgressState,
  reached: string | null,
  responsible: string | null,
): ZoneProgress {
  const rate = occupancy(zone);
  return {
    code: zone.code,
    name: zone.name,
    communeName: zone.communeName,
    state,
    reachedOn: reached,
    lifecycleState: deriveLifecycle(zone.events.filter((e) => e.eventDate <= asOf)).state,
    occupancyPct: rate === null ? null : round1(rate * 100),
    wwtpStatus: zone.wwtpStatus,
    responsible: responsible ?? defaultResponsible(zone),
    isSynthetic: zone.isSynthetic,
  };
}

/** Where a zone that has not reached `step` stands: late, at risk or on track. */
export function stepState(
  zone: ZoneFact,
  step: LifecycleState,
  year: number,
  asOf: string,
): ZoneProgressState {
  const summary = deriveLifecycle(zone.events.filter((e) => e.eventDate <= asOf));
  const yearEnd = `${year}-12-31`;
  if (summary.ended || asOf >= yearEnd) return 'late';
  if (summary.suspended) return 'at_risk';
  const current = summary.state ? mainPathRank(summary.state) : -1;
  const stepsLeft = mainPathRank(step) - Math.max(current, -1);
  const monthsLeft = monthsBetween(asOf, yearEnd);
  return stepsLeft * planPace.monthsPerStep > monthsLeft ? 'at_risk' : 'on_track';
}

function occupancyState(zone: ZoneFact, thresholdPct: number, year: number, asOf: string): ZoneProgressState {
  if (asOf >= `${year}-12-31`) return 'late';
  const rate = occupancy(zone);
  if (rate === null) return 'at_risk';
  return rate * 100 >= thresholdPct - planPace.occupancyMarginPct ? 'on_track' : 'at_risk';
}

function wwtpState(zone: ZoneFact, year: number, asOf: string): ZoneProgressState {
  if (zone.wwtpStatus === 'compliant') return 'done';
  if (asOf >= `${year}-12-31`) return 'late';
  return zone.wwtpStatus === 'building' ? 'on_track' : 'at_risk';
}

/**
 * Evaluates one target for `year` against the zones of its family, counted to `asOf` (see `planAsOf`).
 * - count: the named zones that have reached the step (at any time up to `asOf`) or the occupancy;
 * - rule step_reached: the family's zones that reached the step within the year;
 * - rule occupancy_at_least: the family's zones at or above the threshold;
 * - rule established_or_expanded: the family's zones established or expanded within the year;
 * - rule new_with_compliant_wwtp: the share (%) of the zones established within the year whose wastewater
 *   plant meets QCVN (null while none was established);
 * - figure: the report's year-to-date figure; task: 1 once its document is recorded, else 0.
 */
export function evaluateTarget(
  spec: TargetSpec,
  zones: ReadonlyMap<string, ZoneFact>,
  year: number,
  asOf: string,
): TargetResult {
  const yearStart = `${year}-01-01`;
  const rows: { zone: ZoneFact; progress: ZoneProgress }[] = [];
  let actual: number | null = null;

  if (spec.kind === 'count') {
    let done = 0;
    for (const named of spec.zones) {
      const zone = zones.get(named.zoneId);
      if (!zone) continue;
      let state: ZoneProgressState;
      let reached: string | null = null;
      if (spec.measure === 'occupancy_at_least') {
        const rate = occupancy(zone);
        state =
          rate !== null && rate * 100 >= (spec.thresholdPct ?? 100)
            ? 'done'
            : occupancyState(zone, spec.thresholdPct ?? 100, year, asOf);
      } else {
        reached = spec.step ? reachedOn(zone.events, spec.step, asOf) : null;
        state = reached ? 'done' : stepState(zone, spec.step ?? 'operating', year, asOf);
      }
      if (state === 'done') done += 1;
      rows.push({ zone, progress: progressOf(zone, asOf, state, reached, named.responsible) });
    }
    actual = done;
  } else if (spec.kind === 'rule') {
    const all = [...zones.values()];
    if (spec.measure === 'new_with_compliant_wwtp') {
      let compliant = 0;
      for (const zone of all) {
        const established = firstEventIn(zone.events, ['established'], yearStart, asOf);
        if (!established) continue;
        const state = wwtpState(zone, year, asOf);
        if (state === 'done') compliant += 1;
        rows.push({ zone, progress: progressOf(zone, asOf, state, established, null) });
      }
      actual = rows.length ? round1((compliant / rows.length) * 100) : null;
    } else {
      for (const zone of all) {
        let reached: string | null = null;
        if (spec.measure === 'established_or_expanded') {
          reached = firstEventIn(zone.events, ['established', 'expanded'], yearStart, asOf);
        } else if (spec.measure === 'step_reached' && spec.step) {
          const on = reachedOn(zone.events, spec.step, asOf);
          reached = on && on >= yearStart ? on : null;
        } else if (spec.measure === 'occupancy_at_least') {
          const rate = occupancy(zone);
          reached = rate !== null && rate * 100 >= (spec.thresholdPct ?? 100) ? asOf : null;
        }
        if (reached) rows.push({ zone, progress: progressOf(zone, asOf, 'done', reached, null) });
      }
      actual = rows.length;
    }
  } else if (spec.kind === 'figure') {
    actual = spec.figureActual ?? null;
  } else {
    actual = spec.evidenceRef ? 1 : 0;
  }

  const counts: Record<ZoneProgressState, number> = { done: 0, on_track: 0, at_risk: 0, late: 0 };
  for (const r of rows) counts[r.progress.state] += 1;
  const visible = rows.filter((r) => r.zone.visible).map((r) => r.progress);
  const pct =
    actual === null ? null : spec.value > 0 ? round1((actual / spec.value) * 100) : actual > 0 ? 100 : null;
  const range =
    spec.maxValue === null || actual === null
      ? null
      : actual < spec.value
        ? 'below'
        : actual <= spec.maxValue
          ? 'within'
          : 'above';
  return { actual, pct, range, counts, zones: visible, hiddenZones: rows.length - visible.length };
}
