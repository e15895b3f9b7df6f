import { fingerprintOf, loadVersions } from '../../db/data-version';
import { evaluate, sumBy, type FactRow } from '../../domain/analysis/facts';
import { indicatorByCode, type IndicatorDefinition } from '../../domain/analysis/indicators';
import { sameRangeLastYear, type DateRange } from '../../domain/analysis/period-range';
import type { Dashboard, DashboardFigure } from '../../domain/dashboard/dashboard.schema';
import { localDateOf } from '../../domain/reporting/calendar';
import { lastEndedPeriod } from '../../domain/reporting/periods';
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

/**
 * The dashboard of the actor's scope, in parts kept per family of what each reads (services/system/memo.ts,
 * docs/decisions/0029) and the day: the registry, ledger and plan part while the records' version holds, the
 * accepted reports' rows while the accepted version holds too, each monitoring figure and the reports'
 * completeness while what it reads holds (monitoring-figures.service.ts, completeness.service.ts). A committed change, through any process, computes the parts that
 * read it afresh on the next load; a draft saved computes none. Each figure's "as of" is the instant its part
 * was computed (nothing it reads changed since); the dashboard's is the latest of them.
 */
export async function getDashboard(deps: ServiceDeps): Promise<Dashboard> {
  const actor = requireActor(deps);
  if (!canReadLeadersView(actor)) throw new AppError('forbidden');
  const versions = await loadVersions(deps.db);
  const today = localDateOf(deps.clock.now());
  const scope = `${today}|${JSON.stringify(actor.assignments)}`;
  const records = await memo(deps.db, `dashboard|${scope}`, fingerprintOf(versions, ['records']), () =>
    recordsPart(deps),
  );
  const reports = await memo(
    deps.db,
    `dashboard-reports|${scope}`,
    fingerprintOf(versions, ['records', 'accepted']),
    () => reportsPart(deps, records.range, records.previous),
  );
  const monitoring = await monitoringDashboardFigures(deps, Number(today.slice(0, 4)), versions);
  const period = lastEndedPeriod(today);
  const completeness = await completenessReport(deps, { period, groupBy: 'form' });
  const totals = completeness.rows.reduce(
    (s, r) => ({
      expected: s.expected + r.expected,
      received: s.received + r.received,
      overdue: s.overdue + r.overdue,
    }),
    { expected: 0, received: 0, overdue: 0 },
  );
  const asOf = [records.asOf, reports.asOf, monitoring.asOf ?? ''].sort().at(-1)!;
  const { m, p } = sumsOf(records, reports);
  const figures = records.indicators.map((i): DashboardFigure => {
    const value = evaluate(i, m);
    const target = i.target ? (records.kcnTargets[i.target.indicator] ?? null) : null;
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      value,
      previous: evaluate(i, p),
      planPct: value !== null && target ? (value / target) * 100 : null,
      outOf: null,
      drill: i.drill.replace('{from}', records.range.from).replace('{to}', records.range.to),
      asOf: i.source === 'reports' ? reports.asOf : records.asOf,
    };
  });
  figures.push(...monitoring.figures);
  return {
    asOf,
    range: records.range,
    previous: records.previous,
    figures,
    zonesByState: records.zonesByState,
    capitalByYear: records.capitalByYear,
    occupancyByZone: records.occupancyByZone,
    completeness: { period, ...totals },
  };
}

type Part = { rows: FactRow[]; before: FactRow[] };
/** `sumBy(…, 'none')`'s one total: this year's (`m`) and last year's (`p`). */
type Sums = { m: Record<string, number> | undefined; p: Record<string, number> | undefined };
/** Sums per pair of kept parts: each part is the same object while nothing it reads changed. */
const sumsKept = new WeakMap<Part, WeakMap<Part, Sums>>();

/** This year's and last year's sums of the two parts' rows: added up once per pair of parts, not per load. */
function sumsOf(records: Part, reports: Part): Sums {
  let byReports = sumsKept.get(records);
  if (!byReports) sumsKept.set(records, (byReports = new WeakMap()));
  let sums = byReports.get(reports);
  if (!sums) {
    sums = {
      m: sumBy([...records.rows, ...reports.rows], 'none').get(''),
      p: sumBy([...records.before, ...reports.before], 'none').get(''),
    };
    byReports.set(reports, sums);
  }
  return sums;
}

function sourcesOf(deps: ServiceDeps): IndicatorSources {
  const actor = requireActor(deps);
  return new IndicatorSources(deps, {
    zones: zoneVisibility(actor),
    projects: projectVisibility(actor),
    family: null,
    recordedBy: null,
  });
}

/** The accepted reports' fact rows of this year so far and of the same range last year. */
async function reportsPart(deps: ServiceDeps, range: DateRange, previous: DateRange) {
  const asOf = deps.clock.now().toISOString();
  const sources = sourcesOf(deps);
  return {
    asOf,
    rows: await sources.rowsOf('reports', range, 'none'),
    before: await sources.rowsOf('reports', previous, 'none'),
  };
}

/** Everything the dashboard reads from the records: the registry, the capital ledger and the plan's targets. */
async function recordsPart(deps: ServiceDeps) {
  const now = deps.clock.now();
  const today = localDateOf(now);
  const range: DateRange = { from: `${today.slice(0, 4)}-01-01`, to: today };
  const previous = sameRangeLastYear(range);
  const sources = sourcesOf(deps);
  const indicators = HEADLINES.map((c) => indicatorByCode(c)).filter((i): i is IndicatorDefinition => !!i);
  const kept = [...new Set(indicators.map((i) => i.source))].filter((s) => s !== 'reports');
  const rows: FactRow[] = [];
  const before: FactRow[] = [];
  // One after another: inside a transaction the statements share one connection.
  for (const source of kept) rows.push(...(await sources.rowsOf(source, range, 'none')));
  for (const source of kept) before.push(...(await sources.rowsOf(source, previous, 'none')));
  const kcnTargets = await sources.targets(Number(today.slice(0, 4)), 'KCN');
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
    const report = await computeCapital(deps, projectVisibility(requireActor(deps)), {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    capitalByYear.push({
      year,
      fdi: Number(report.byOwnership.fdi.convertedUsd.attracted) / 1e6,
      domestic: Number(report.byOwnership.domestic.convertedUsd.attracted) / 1e6,
    });
  }
  return {
    asOf: now.toISOString(),
    range,
    previous,
    indicators,
    rows,
    before,
    kcnTargets,
    zonesByState,
    capitalByYear,
    occupancyByZone,
  };
}
