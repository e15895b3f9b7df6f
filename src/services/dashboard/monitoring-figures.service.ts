import { fingerprintOf, type VersionFamily, type Versions } from '../../db/data-version';
import {
  FIRE_SAFETY_KIND,
  monitoringFigures,
  sharePct,
  targetAchieved,
  type MonitoringFigureCode,
} from '../../domain/dashboard/monitoring-figures';
import type { DashboardFigure } from '../../domain/dashboard/dashboard.schema';
import { localDateOf } from '../../domain/reporting/calendar';
import { requireActor, type ServiceDeps } from '../deps';
import { inspectionCounts } from '../inspection/inspection.service';
import { canReadMonitoring } from '../monitoring/obstacle.policy';
import { monitoringCounts } from '../monitoring/watch-list.service';
import { canReadPlans } from '../plan/plan.policy';
import { yearTargets } from '../plan/plan.service';
import { memo } from '../system/memo';

/**
 * The dashboard's monitoring figures over the actor's scope, each from its module's own service (the watch
 * list and obstacle counts, the year's inspections, the plan targets computed live) — nothing recomputed here.
 * Each is kept under the families it reads (docs/decisions/0029; `versions` read before anything else): the
 * watch list's counts while the records and the filed reports hold, the inspections while the records hold,
 * the plan targets while the records and the accepted figures hold. Figures the actor may not read are left
 * out. There is no "same period last year" for these: the watch list and the obstacles' state are kept as they
 * are today (their history is per record), so `previous` is null. `asOf`: the latest instant a part was
 * computed at (nothing any part reads changed since).
 */
export async function monitoringDashboardFigures(
  deps: ServiceDeps,
  year: number,
  versions: Versions,
): Promise<{ asOf: string | null; figures: DashboardFigure[] }> {
  const actor = requireActor(deps);
  if (!canReadMonitoring(actor)) return { asOf: null, figures: [] };
  const scope = `${year}|${localDateOf(deps.clock.now())}|${JSON.stringify(actor.assignments)}`;
  const kept = <T>(part: string, families: readonly VersionFamily[], compute: () => Promise<T>) =>
    memo(deps.db, `dashboard-${part}|${scope}`, fingerprintOf(versions, families), async () => ({
      asOf: deps.clock.now().toISOString(),
      value: await compute(),
    }));
  const counts = await kept('watch', ['records', 'filed'], () => monitoringCounts(deps));
  const inspections = await kept('inspections', ['records'], () => inspectionCounts(deps, year));
  const plan = canReadPlans(actor)
    ? await kept('plan', ['records', 'accepted'], async () => {
        let achieved = 0;
        let total = 0;
        for (const family of ['KCN', 'CCN'] as const) {
          for (const target of (await yearTargets(deps, { year, family })).targets) {
            total += 1;
            if (targetAchieved(target.pct)) achieved += 1;
          }
        }
        return { achieved, total };
      })
    : null;
  const figure = (
    code: MonitoringFigureCode,
    asOf: string,
    value: number | null,
    more: { planPct?: number | null; outOf?: number | null } = {},
  ): DashboardFigure => ({
    code,
    ...monitoringFigures[code],
    value,
    previous: null,
    planPct: more.planPct ?? null,
    outOf: more.outOf ?? null,
    asOf,
  });
  const figures: DashboardFigure[] = [
    figure('watch_list_size', counts.asOf, counts.value.watchList),
    figure('obstacles_open', counts.asOf, counts.value.open),
    figure('obstacles_overdue', counts.asOf, counts.value.overdue),
  ];
  const kinds = inspections.value.kinds;
  const planned = kinds.reduce((s, k) => s + k.planned, 0);
  const done = kinds.reduce((s, k) => s + k.done, 0);
  const fire = kinds.find((k) => k.kindCode === FIRE_SAFETY_KIND);
  figures.push(
    figure('inspections_done', inspections.asOf, done, { planPct: sharePct(done, planned) }),
    figure(
      'fire_safety_pct',
      inspections.asOf,
      fire ? sharePct(fire.zonesCompliant, fire.zonesInspected) : null,
    ),
  );
  if (plan) {
    const { achieved, total } = plan.value;
    figures.push(
      figure('plan_targets_achieved', plan.asOf, total > 0 ? achieved : null, {
        outOf: total > 0 ? total : null,
      }),
    );
  }
  const asOf = [counts.asOf, inspections.asOf, plan?.asOf ?? ''].sort().at(-1)!;
  return { asOf, figures };
}
