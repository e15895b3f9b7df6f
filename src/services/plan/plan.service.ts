import type { ZoneFamily } from '../../domain/identity/roles';
import type {
  PlanView,
  PlanYearQuery,
  PlanYearView,
  TargetKind,
  TargetMeasure,
  TargetProgress,
} from '../../domain/plan/plan.schema';
import { evaluateTarget, planAsOf } from '../../domain/plan/progress';
import { localDateOf } from '../../domain/reporting/calendar';
import { indicatorOf } from '../../domain/reporting/indicators';
import { AppError } from '../../domain/shared/errors';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import { requireActor, type ServiceDeps } from '../deps';
import { parksYearToDate } from '../reporting/parks-report.service';
import { zoneVisibility } from '../zone/zone.policy';
import { clusterGates } from './gates';
import { loadPlanZones, type PlanZone } from './plan-facts';
import { canReadPlans, canSetPlans } from './plan.policy';
import { planRecord } from './plan.views';
import {
  findPlans,
  findTargetZones,
  findYearTargets,
  type PlanRow,
  type PlanTargetRow,
} from './plan.repository';

/** The unit a target is counted in: zones, per cent, a task, or the report indicator's own unit. */
export function targetUnit(row: Pick<PlanTargetRow, 'kind' | 'indicator'>): string {
  if (row.kind === 'figure') return indicatorOf(row.indicator).unit;
  if (row.kind === 'task') return 'task';
  return row.indicator === 'new_with_compliant_wwtp' ? '%' : 'zones';
}

type Loaded = {
  asOf: string;
  zones: Map<string, PlanZone>;
  targets: PlanTargetRow[];
  targetZones: Map<string, { zoneId: string; responsible: string | null }[]>;
  figures: Record<string, number | null> | null;
};

async function load(deps: ServiceDeps, year: number, family: ZoneFamily): Promise<Loaded> {
  const actor = requireActor(deps);
  const today = localDateOf(deps.clock.now());
  const asOf = planAsOf(year, today);
  const targets = await findYearTargets(deps.db, year, family);
  const zones = await loadPlanZones(deps, family, zoneVisibility(actor));
  const targetZones = new Map<string, { zoneId: string; responsible: string | null }[]>();
  for (const z of await findTargetZones(
    deps.db,
    targets.filter((t) => t.kind === 'count').map((t) => t.id),
  )) {
    const list = targetZones.get(z.targetId) ?? [];
    list.push({ zoneId: z.zoneId, responsible: z.responsible });
    targetZones.set(z.targetId, list);
  }
  // Figures are measured by the report that owns their indicator (the Board's, for the parks).
  const figures =
    family === 'KCN' && targets.some((t) => t.kind === 'figure')
      ? await parksYearToDate(deps, year, today)
      : null;
  return { asOf, zones, targets, targetZones, figures };
}

function progress(row: PlanTargetRow, loaded: Loaded): TargetProgress {
  const params = row.params as { step?: LifecycleState; thresholdPct?: number };
  const value = Number(row.value);
  const maxValue = row.maxValue === null ? null : Number(row.maxValue);
  const kind = row.kind as TargetKind;
  const measure = kind === 'count' || kind === 'rule' ? (row.indicator as TargetMeasure) : null;
  const result = evaluateTarget(
    {
      kind,
      measure,
      step: params.step ?? null,
      thresholdPct: params.thresholdPct ?? null,
      value,
      maxValue,
      zones: loaded.targetZones.get(row.id) ?? [],
      evidenceRef: row.evidenceRef,
      figureActual: loaded.figures?.[row.indicator] ?? null,
    },
    loaded.zones,
    row.year,
    loaded.asOf,
  );
  return {
    id: row.id,
    kind,
    measure,
    indicator: row.indicator,
    title: row.title ?? row.indicator,
    step: params.step ?? null,
    thresholdPct: params.thresholdPct ?? null,
    value,
    maxValue,
    unit: targetUnit(row),
    ...result,
    note: row.note,
    evidenceRef: row.evidenceRef,
    evidenceDate: row.evidenceDate,
    version: row.version,
  };
}

function planView(plan: PlanRow, targets: TargetProgress[]): PlanView {
  return { ...planRecord(plan), targets };
}

/**
 * A year's plans of a family with every target's live actual, per cent achieved and the zones behind it, the
 * figure targets set without a plan, and the Decree 32 gates of the clusters — computed on this request from the
 * lifecycle events, the ledger and the accepted reports (no batch, no cache).
 */
export async function getPlanYear(deps: ServiceDeps, query: PlanYearQuery): Promise<PlanYearView> {
  const actor = requireActor(deps);
  if (!canReadPlans(actor)) throw new AppError('forbidden');
  const plans = await findPlans(deps.db, query.year, query.family);
  const loaded = await load(deps, query.year, query.family);
  const byPlan = new Map<string, TargetProgress[]>();
  const otherTargets: TargetProgress[] = [];
  for (const row of loaded.targets) {
    const view = progress(row, loaded);
    if (row.planId) byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), view]);
    else otherTargets.push(view);
  }
  return {
    year: query.year,
    family: query.family,
    asOf: loaded.asOf,
    computedAt: deps.clock.now().toISOString(),
    canEdit: canSetPlans(actor, query.family),
    plans: plans.map((p) => planView(p, p.withdrawnAt ? [] : (byPlan.get(p.id) ?? []))),
    otherTargets,
    gates:
      query.family === 'CCN'
        ? clusterGates(loaded.zones.values(), loaded.asOf)
        : clusterGates([], loaded.asOf),
  };
}

export type YearTarget = TargetProgress & { plan: { id: string; number: string } | null };

/**
 * The year's targets in force with their live actuals and per cent achieved (for the dashboard and the
 * briefing): every plan's and the figures set on their own. Figures are measured by the report that owns the
 * indicator (capital attracted: the ledger through the Board's report).
 */
export async function yearTargets(
  deps: ServiceDeps,
  query: { year: number; family: ZoneFamily },
): Promise<{ year: number; family: ZoneFamily; asOf: string; targets: YearTarget[] }> {
  const actor = requireActor(deps);
  if (!canReadPlans(actor)) throw new AppError('forbidden');
  const plans = new Map(
    (await findPlans(deps.db, query.year, query.family)).filter((p) => !p.withdrawnAt).map((p) => [p.id, p]),
  );
  const loaded = await load(deps, query.year, query.family);
  const targets: YearTarget[] = [];
  for (const row of loaded.targets) {
    if (row.planId && !plans.has(row.planId)) continue;
    const plan = row.planId ? plans.get(row.planId)! : null;
    targets.push({ ...progress(row, loaded), plan: plan ? { id: plan.id, number: plan.number } : null });
  }
  return { year: query.year, family: query.family, asOf: loaded.asOf, targets };
}
