import {
  FIRE_SAFETY_KIND,
  monitoringFigures,
  sharePct,
  targetAchieved,
  type MonitoringFigureCode,
} from '../../domain/dashboard/monitoring-figures';
import type { DashboardFigure } from '../../domain/dashboard/dashboard.schema';
import { requireActor, type ServiceDeps } from '../deps';
import { inspectionCounts } from '../inspection/inspection.service';
import { canReadMonitoring } from '../monitoring/obstacle.policy';
import { monitoringCounts } from '../monitoring/watch-list.service';
import { canReadPlans } from '../plan/plan.policy';
import { yearTargets } from '../plan/plan.service';

/**
 * The dashboard's monitoring figures over the actor's scope, each from its module's own service (the watch
 * list and obstacle counts, the year's inspections, the plan targets computed live) — nothing recomputed here.
 * Figures the actor may not read are left out. There is no "same period last year" for these: the watch list
 * and the obstacles' state are kept as they are today (their history is per record), so `previous` is null.
 */
export async function monitoringDashboardFigures(
  deps: ServiceDeps,
  year: number,
  asOf: string,
): Promise<DashboardFigure[]> {
  const actor = requireActor(deps);
  const figure = (
    code: MonitoringFigureCode,
    value: number | null,
    more: { planPct?: number | null; outOf?: number | null } = {},
  ) => ({
    code,
    ...monitoringFigures[code],
    value,
    previous: null,
    planPct: more.planPct ?? null,
    outOf: more.outOf ?? null,
    asOf,
  });
  if (!canReadMonitoring(actor)) return [];
  const figures: DashboardFigure[] = [];
  const counts = await monitoringCounts(deps);
  figures.push(
    figure('watch_list_size', counts.watchList),
    figure('obstacles_open', counts.open),
    figure('obstacles_overdue', counts.overdue),
  );
  const inspections = await inspectionCounts(deps, year);
  const planned = inspections.kinds.reduce((s, k) => s + k.planned, 0);
  const done = inspections.kinds.reduce((s, k) => s + k.done, 0);
  const fire = inspections.kinds.find((k) => k.kindCode === FIRE_SAFETY_KIND);
  figures.push(
    figure('inspections_done', done, { planPct: sharePct(done, planned) }),
    figure('fire_safety_pct', fire ? sharePct(fire.zonesCompliant, fire.zonesInspected) : null),
  );
  if (canReadPlans(actor)) {
    let achieved = 0;
    let total = 0;
    for (const family of ['KCN', 'CCN'] as const) {
      for (const target of (await yearTargets(deps, { year, family })).targets) {
        total += 1;
        if (targetAchieved(target.pct)) achieved += 1;
      }
    }
    figures.push(
      figure('plan_targets_achieved', total > 0 ? achieved : null, { outOf: total > 0 ? total : null }),
    );
  }
  return figures;
}
