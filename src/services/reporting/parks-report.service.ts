import {
  compileParksReport,
  parksCapitalRanges,
  yearToDatePeriods,
  type CapitalFigures,
  type ParksReport,
} from '../../domain/reporting/parks-report';
import type { ParksReportQuery, ParksReportView } from '../../domain/reporting/parks-report.schema';
import { formTerms } from '../../domain/reporting/catalogue';
import { parsePeriod } from '../../domain/reporting/periods';
import { loadFingerprint } from '../../db/data-version';
import { AppError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { capitalTotals, type CapitalRows } from '../project/capital.repository';
import { memo } from '../system/memo';
import { formRules } from './forms';
import { loadAcceptedTenantFilings, loadParkFacts, loadParkProjectFacts } from './parks-report.repository';
import { canReadParksReport, canSetTargets } from './parks.policy';
import { resolveTargetScope, targetValues, type TargetScope } from './plan-target.service';

/** Sources and gaps sent with the report per item; the rest are read page by page (`parksReportItem`). */
export const PARKS_SOURCES_INLINE = 200;

type ParksItemView = ParksReportView['report']['items'][number];

/** The capital repository's grouping-set rows as the domain's `CapitalFigures` (all owners together). */
export function capitalFigures(rows: CapitalRows): CapitalFigures {
  const all = rows.attracted.filter((r) => r.g_owner === 1);
  const total = all.find((r) => r.g_currency === 1);
  // An event missing both its USD and its own currency's rate is listed twice: count it once.
  const missing = new Map<string, number>();
  for (const m of rows.missing_period) {
    const key = `${m.event_currency}|${m.date}`;
    missing.set(key, Math.max(missing.get(key) ?? 0, m.events));
  }
  return {
    newProjects: total?.new_projects ?? 0,
    increases: total?.increases ?? 0,
    byCurrency: all
      .filter((r) => r.g_currency === 0)
      .map((r) => ({ currency: r.currency!, newAmount: r.new_amount, increaseAmount: r.increase_amount })),
    convertedUsd: {
      newAmount: total?.new_usd ?? '0.00',
      increaseAmount: total?.increase_usd ?? '0.00',
      attracted: total?.attracted_usd ?? '0.00',
    },
    missingRateEvents: [...missing.values()].reduce((a, b) => a + b, 0),
  };
}

async function resolve(deps: ServiceDeps, query: ParksReportQuery): Promise<TargetScope> {
  requireActor(deps);
  // A malformed period, or one the Board's report is not due for (e.g. 2026-H1), is a field error.
  formRules('KCN_BOARD', query.period, 'KCN');
  const year = parsePeriod(query.period)!.year;
  const scope = await resolveTargetScope(deps, year, 'KCN', query.zone);
  if (!canReadParksReport(requireActor(deps), scope.policy)) throw new AppError('not_found');
  return scope;
}

async function compute(deps: ServiceDeps, query: ParksReportQuery, scope: TargetScope): Promise<ParksReport> {
  const ranges = parksCapitalRanges(query.period)!;
  const period = parsePeriod(query.period)!;
  const zoneId = scope.key.scopeKind === 'zone' ? scope.key.scopeRef : null;
  const zoneCode = scope.view.kind === 'zone' ? scope.view.code : undefined;
  // The actor's right to the whole scope was checked: the capital of every park in it counts, whatever the
  // actor's own project visibility (the Department reads the Board's report).
  const capital = async (range: { from: string; to: string }) =>
    capitalFigures(
      await capitalTotals(
        deps.db,
        { kind: 'all' },
        { from: range.from, to: range.to, family: 'KCN', zone: zoneCode },
      ),
    );
  // One after another: inside a transaction the statements share one connection.
  const zones = await loadParkFacts(deps.db, zoneId);
  const projects = await loadParkProjectFacts(deps.db, zoneId);
  const filings = await loadAcceptedTenantFilings(deps.db, yearToDatePeriods(period), zoneId);
  const inPeriod = await capital(ranges.period);
  const sinceJanuary = await capital(ranges.yearToDate);
  const targets = await targetValues(deps, scope);
  const report = compileParksReport({
    period: query.period,
    zones,
    projects,
    capital: { period: inPeriod, yearToDate: sinceJanuary },
    filings,
    targets,
  });
  // The drill-down names a tenant by its project code, not only by its id.
  const codeOf = new Map(projects.map((p) => [p.id, p.code]));
  const zoneCodeOf = new Map(zones.map((z) => [z.id, z.code]));
  const named = <T extends object>(ref: T): T => {
    const { reporterId, zoneId } = ref as { reporterId?: string; zoneId?: string };
    const projectCode = reporterId ? codeOf.get(reporterId) : undefined;
    const zoneCode = zoneId ? zoneCodeOf.get(zoneId) : undefined;
    return {
      ...ref,
      ...(projectCode ? { projectCode } : {}),
      ...(zoneCode && !('code' in ref) ? { zoneCode } : {}),
    };
  };
  return {
    ...report,
    items: report.items.map((i) => ({ ...i, sources: i.sources.map(named), gaps: i.gaps.map(named) })),
  };
}

function itemView(
  item: ParksReport['items'][number],
  page: { offset: number; limit: number },
): ParksItemView {
  return {
    ...item,
    sources: item.sources.slice(page.offset, page.offset + page.limit) as ParksItemView['sources'],
    gaps: item.gaps.slice(page.offset, page.offset + page.limit) as ParksItemView['gaps'],
    sourceCount: item.sources.length,
    gapCount: item.gaps.length,
  };
}

/**
 * The Management Board's quarterly or yearly report on the parks of the city or of one park, computed now:
 * capital attracted from the investment ledger (the period and the year to date), business figures from the
 * accepted tenant reports, the year's targets and the per cent achieved — every figure with its sources.
 */
export async function getParksReport(deps: ServiceDeps, query: ParksReportQuery): Promise<ParksReportView> {
  const scope = await resolve(deps, query);
  const report = await compute(deps, query, scope);
  return {
    report: {
      ...report,
      items: report.items.map((i) => itemView(i, { offset: 0, limit: PARKS_SOURCES_INLINE })),
    },
    scope: scope.view,
    computedAt: deps.clock.now().toISOString(),
    canEditTargets: canSetTargets(requireActor(deps), 'KCN'),
  };
}

/** Every source and gap behind one item of the report, a page at a time. */
export async function parksReportItem(
  deps: ServiceDeps,
  query: ParksReportQuery,
  no: string,
  page: { offset: number; limit: number },
): Promise<{ item: ParksItemView; offset: number; limit: number }> {
  const scope = await resolve(deps, query);
  const item = (await compute(deps, query, scope)).items.find((i) => i.no === no);
  if (!item) throw new AppError('not_found');
  return { item: itemView(item, page), ...page };
}

/**
 * The year-to-date figure of every item of the Board's report for `year` (the city's parks), as the report
 * computes it — what a plan's figure targets are measured with. A year that is over is read from its yearly
 * report; the current one from the quarter `today` falls in. Null when no version of the report covers the
 * year (before 2022): the targets stay, their actual is not computed. The caller has checked its own policy.
 */
export async function parksYearToDate(
  deps: ServiceDeps,
  year: number,
  today: string,
): Promise<Record<string, number | null> | null> {
  const thisYear = Number(today.slice(0, 4));
  const period =
    year < thisYear
      ? String(year)
      : `${year}-Q${year > thisYear ? 1 : Math.ceil(Number(today.slice(5, 7)) / 3)}`;
  if (!formTerms('KCN_BOARD', period)) return null;
  // Kept while the records and the accepted figures are unchanged (services/system/memo.ts, ADR 0029): the plan page and the dashboard ask
  // for it on every load.
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  return memo(deps.db, `parks-ytd|${period}`, version, async () => {
    const scope = await resolveTargetScope(deps, year, 'KCN', null);
    const report = await compute(deps, { period }, scope);
    return Object.fromEntries(report.items.map((i) => [i.indicator, i.yearToDate]));
  });
}
