import { loadDataVersion } from '../../db/data-version';
import { evaluate, sumBy } from '../../domain/analysis/facts';
import { indicatorByCode, type IndicatorDefinition } from '../../domain/analysis/indicators';
import { sameRangeLastYear, type DateRange } from '../../domain/analysis/period-range';
import type { Dashboard, DashboardFigure } from '../../domain/dashboard/dashboard.schema';
import { localDateOf } from '../../domain/reporting/calendar';
import { AppError } from '../../domain/shared/errors';
import { IndicatorSources } from '../analysis/indicator.service';
import { requireActor, type ServiceDeps } from '../deps';
import { computeCapital } from '../project/capital.service';
import { projectVisibility } from '../project/project.policy';
import { completenessReport } from '../reporting/completeness.service';
import { memo } from '../system/memo';
import { zoneVisibility } from '../zone/zone.policy';
import { canReadLeadersView } from './dashboard.policy';
import { monitoringDashboardFigures } from './monitoring-figures.service';

/**
 * The home page of the leaders' view, computed on every request from the registry, the capital ledger, the
 * accepted reports and the monitoring modules (an acceptance shows on the next load — no batch), over the
 * actor's scope.
 */

const HEADLINES = [
  'zones',
  'area_ha',
  'industrial_land_ha',
  'occupancy_pct',
  'tenant_projects',
  'tenant_projects_fdi',
  'tenant_projects_domestic',
  'registered_capital_usd',
  'registered_capital_vnd',
  'registered_capital_converted_usd',
  'capital_attracted_usd',
  'wwtp_compliant_pct',
  'kcn_revenue_usd',
  'kcn_budget_usd',
  'kcn_workers',
  'ccn_revenue_vnd',
  'ccn_budget_vnd',
  'ccn_workers',
] as const;

const YEARS_CHARTED = 6;

/** The last reporting period whose statutory half-year has ended: 2026-H1 from July, else last year. */
function currentReportingPeriod(today: string): string {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) > 6 ? `${year}-H1` : String(year - 1);
}

/**
 * The dashboard of the actor's scope, kept while the database's data version is unchanged (a committed change
 * to any input, through any process, computes it afresh on the next load) and the day is the same; its "as
 * of" is the instant it was computed.
 */
export async function getDashboard(deps: ServiceDeps): Promise<Dashboard> {
  const actor = requireActor(deps);
  if (!canReadLeadersView(actor)) throw new AppError('forbidden');
  const version = await loadDataVersion(deps.db);
  const key = `dashboard|${localDateOf(deps.clock.now())}|${JSON.stringify(actor.assignments)}`;
  return memo(deps.db, key, version, () => computeDashboard(deps));
}

async function computeDashboard(deps: ServiceDeps): Promise<Dashboard> {
  const actor = requireActor(deps);
  const now = deps.clock.now();
  const today = localDateOf(now);
  const range: DateRange = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const previous = sameRangeLastYear(range);
  const scope = {
    zones: zoneVisibility(actor),
    projects: projectVisibility(actor),
    family: null,
    recordedBy: null,
  };
  const sources = new IndicatorSources(deps, scope);
  const indicators = HEADLINES.map((c) => indicatorByCode(c)).filter((i): i is IndicatorDefinition => !!i);
  const rows = await sources.rowsFor(indicators, range, 'none');
  const before = await sources.rowsFor(indicators, previous, 'none');
  const m = sumBy(rows, 'none').get('');
  const p = sumBy(before, 'none').get('');
  const kcnTargets = await sources.targets(Number(today.slice(0, 4)), 'KCN');
  const asOf = now.toISOString();
  const figures = indicators.map((i): DashboardFigure => {
    const value = evaluate(i, m);
    const target = i.target ? (kcnTargets[i.target.indicator] ?? null) : null;
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      value,
      previous: evaluate(i, p),
      planPct: value !== null && target ? (value / target) * 100 : null,
      outOf: null,
      drill: i.drill.replace('{from}', range.from).replace('{to}', range.to),
      asOf,
    };
  });
  const registry = await sources.rowsOf('registry', range, 'state');
  const zonesByState: Dashboard['zonesByState'] = [];
  for (const row of registry) {
    if (!row.measures.zones) continue;
    const family = String(row.dims.family);
    const state = String(row.dims.state);
    const found = zonesByState.find((z) => z.family === family && z.state === state);
    if (found) found.zones += 1;
    else zonesByState.push({ family, state, zones: 1 });
  }
  const labels = await sources.labels();
  const occupancy = indicatorByCode('occupancy_pct')!;
  const zoneFamily = new Map(registry.map((r) => [String(r.dims.zone), String(r.dims.family)]));
  const occupancyByZone = [...sumBy(registry, 'zone')]
    .map(([code, sums]) => ({
      code,
      name: labels.zone[code] ?? code,
      family: zoneFamily.get(code) ?? '',
      occupancyPct: evaluate(occupancy, sums),
    }))
    .filter((z) => z.occupancyPct !== null)
    .sort((a, b) => (b.occupancyPct ?? 0) - (a.occupancyPct ?? 0))
    .slice(0, 30);
  const capitalByYear: Dashboard['capitalByYear'] = [];
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear - YEARS_CHARTED + 1; year <= thisYear; year += 1) {
    const report = await computeCapital(deps, scope.projects, { from: `${year}-01-01`, to: `${year}-12-31` });
    capitalByYear.push({
      year,
      fdi: Number(report.byOwnership.fdi.convertedUsd.attracted) / 1e6,
      domestic: Number(report.byOwnership.domestic.convertedUsd.attracted) / 1e6,
    });
  }
  const period = currentReportingPeriod(today);
  const completeness = await completenessReport(deps, { period, groupBy: 'form' });
  const totals = completeness.rows.reduce(
    (s, r) => ({
      expected: s.expected + r.expected,
      received: s.received + r.received,
      overdue: s.overdue + r.overdue,
    }),
    { expected: 0, received: 0, overdue: 0 },
  );
  figures.push(...(await monitoringDashboardFigures(deps, thisYear, asOf)));
  return {
    asOf,
    range,
    previous,
    figures,
    zonesByState,
    capitalByYear,
    occupancyByZone,
    completeness: { period, ...totals },
  };
}
