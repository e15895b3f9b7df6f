import { makeIsoDate, type IsoDate } from './calendar';
import { formTerms } from './catalogue';
import { amountToScale, ExactSum, roundTo } from './decimal';
import { clusterStateAt, type ProjectFacts, type ZoneFacts } from './facts';
import type { CompiledItem, Gap, SourceRef, AcceptedFiling } from './aggregate';
import type { CapitalMeasure, FormItem, FormVersion } from './form-types';
import { indicatorOf } from './indicators';
import { parsePeriod, periodId, shiftPeriod, subPeriodOf, type Period } from './periods';

/**
 * The Management Board's periodic report on the parks (quarterly and yearly): capital attracted from the
 * investment ledger, business figures from the tenants' accepted reports, the parks' wastewater plants — each
 * with the year's target and the per cent achieved so far ("đạt 92 % kế hoạch năm").
 */

/** Capital attracted over a date range — the `attracted` block of the capital service's report. */
export type CapitalFigures = {
  newProjects: number;
  increases: number;
  byCurrency: readonly { currency: string; newAmount: string; increaseAmount: string }[];
  convertedUsd: { newAmount: string; increaseAmount: string; attracted: string };
  /** Ledger events left out of the converted total for want of an exchange rate. */
  missingRateEvents: number;
};

export type ParksItem = CompiledItem & {
  /** From 1 January to the end of the period (flows); the period's own value for stocks. */
  yearToDate: number | null;
  /** The year's plan figure, in the item's unit, when the item has one and it is configured. */
  target: number | null;
  /** yearToDate ÷ target, in per cent (1 decimal). */
  achievedPct: number | null;
};

export type ParksReport = {
  formCode: 'KCN_BOARD';
  formVersion: string;
  period: string;
  window: { start: IsoDate; end: IsoDate };
  yearToDate: { start: IsoDate; end: IsoDate };
  items: ParksItem[];
};

/** The two date ranges the service must read capital for: the period's window and the year to date. */
export function parksCapitalRanges(
  period: string,
  catalogue?: readonly FormVersion[],
): { period: { from: IsoDate; to: IsoDate }; yearToDate: { from: IsoDate; to: IsoDate } } | null {
  const found = formTerms('KCN_BOARD', period, catalogue, { history: true });
  if (!found) return null;
  const { window } = found.terms;
  return {
    period: { from: window.start, to: window.end },
    yearToDate: { from: makeIsoDate(Number(window.end.slice(0, 4)), 1, 1), to: window.end },
  };
}

/** The tenant-report periods that make up the year to date of a period (Q1…Qn, or the year itself). */
export function yearToDatePeriods(period: Period): string[] {
  if (period.type === 'annual') return [periodId(period)];
  return Array.from({ length: subPeriodOf(period) }, (_, i) => periodId(shiftPeriod(period, -i))).reverse();
}

export type ParksInput = {
  period: string;
  zones: readonly ZoneFacts[];
  projects: readonly ProjectFacts[];
  capital: { period: CapitalFigures; yearToDate: CapitalFigures };
  /** Accepted tenant reports of the period and of the earlier periods of the year (for year-to-date sums). */
  filings: readonly AcceptedFiling[];
  /** The year's targets by indicator code, in the item's unit (e.g. 400 M USD of capital attracted). */
  targets: Readonly<Record<string, number>>;
  catalogue?: readonly FormVersion[];
};

export function compileParksReport(input: ParksInput): ParksReport {
  const found = formTerms('KCN_BOARD', input.period, input.catalogue, { history: true });
  const period = parsePeriod(input.period);
  if (!found || !period) throw new RangeError(`KCN_BOARD is not due for ${input.period}`);
  const { form, terms } = found;
  const ranges = parksCapitalRanges(input.period, input.catalogue)!;
  const parks = input.zones.filter((z) => z.kind !== 'CCN');
  const parkIds = new Set(parks.map((z) => z.id));
  const projects = input.projects.filter((p) => parkIds.has(p.zoneId));
  const projectsById = new Map(projects.map((p) => [p.id, p]));
  const ytdPeriods = new Set(yearToDatePeriods(period));
  const tenantRule = formTerms('KCN_TENANT', input.period, input.catalogue, { history: true })?.form
    .obligation;

  const items = form.items.map((item): ParksItem => {
    const indicator = indicatorOf(item.indicator);
    const base = {
      no: item.no,
      indicator: item.indicator,
      section: item.section ?? null,
      level: item.level ?? 0,
      unit: indicator.unit,
    };
    const rule = item.compute;
    let current: { value: number | null; sources: SourceRef[]; gaps: Gap[] };
    let ytd: number | null;
    switch (rule?.kind) {
      case 'capital': {
        const currency = rule.currency ?? null;
        current = capitalItem(
          rule.measure,
          currency,
          input.capital.period,
          ranges.period,
          indicator.decimals,
        );
        const sinceJanuary = capitalItem(
          rule.measure,
          currency,
          input.capital.yearToDate,
          ranges.yearToDate,
          indicator.decimals,
        );
        ytd = sinceJanuary.value;
        // The per cent achieved rests on the year to date: its missing rates are a gap of the item too.
        current.gaps.push(
          ...sinceJanuary.gaps.map((g) =>
            g.kind === 'exchange_rate_missing' ? { ...g, range: 'year_to_date' as const } : g,
          ),
        );
        break;
      }
      case 'tenant_reports': {
        const ref = rule.report;
        const sum = new ExactSum(indicator.decimals);
        const ytdSum = new ExactSum(indicator.decimals);
        const sources: SourceRef[] = [];
        const gaps: Gap[] = [];
        const filed = new Set<string>();
        for (const f of input.filings) {
          const v = f.values[ref.indicator];
          if (f.formCode !== ref.form || f.reporterKind !== 'project' || typeof v !== 'number') continue;
          const project = projectsById.get(f.reporterId);
          if (!project) continue;
          if (f.period === terms.period) {
            sum.add(v);
            filed.add(project.id);
            sources.push({
              kind: 'filing',
              id: f.id,
              formCode: f.formCode,
              revisionNo: f.revisionNo,
              reporterKind: 'project',
              reporterId: project.id,
              zoneId: project.zoneId,
              indicator: ref.indicator,
              contribution: v,
            });
          }
          if (ytdPeriods.has(f.period)) ytdSum.add(v);
        }
        for (const p of projects) {
          if (
            filed.has(p.id) ||
            tenantRule?.kind !== 'tenant_project' ||
            !tenantRule.projectStatuses.includes(p.status)
          )
            continue;
          gaps.push({
            kind: 'filing_missing',
            formCode: ref.form,
            reporterKind: 'project',
            reporterId: p.id,
            zoneId: p.zoneId,
            fallback: 'none',
          });
        }
        current = { value: sum.value, sources, gaps };
        ytd = indicator.measure === 'flow' ? ytdSum.value : sum.value;
        break;
      }
      case 'terminated_projects': {
        const ended = projects.filter(
          (p) => p.terminatedOn && p.terminatedOn >= terms.window.start && p.terminatedOn <= terms.window.end,
        );
        current = {
          value: ended.length,
          sources: ended.map((p) => ({
            kind: 'project',
            id: p.id,
            code: p.code,
            zoneId: p.zoneId,
            contribution: 1,
          })),
          gaps: [],
        };
        ytd = projects.filter(
          (p) =>
            p.terminatedOn &&
            p.terminatedOn >= ranges.yearToDate.from &&
            p.terminatedOn <= ranges.yearToDate.to,
        ).length;
        break;
      }
      case 'zones_with_wwtp': {
        const operating = parks
          .map((z) => clusterStateAt(z, terms.window, []))
          .filter((s) => s.predicates.has('operating'));
        const gaps: Gap[] = operating
          .filter((s) => s.zone.wwtpStatus === null)
          .map((s) => ({ kind: 'registry_missing', zoneId: s.zone.id, field: 'wwtpStatus' }));
        const counted = operating.filter(
          (s) => s.zone.wwtpStatus !== null && rule.statuses.includes(s.zone.wwtpStatus),
        );
        current = {
          value: counted.length,
          sources: counted.map((s) => ({
            kind: 'zone',
            id: s.zone.id,
            code: s.zone.code,
            field: 'wwtpStatus',
            contribution: 1,
          })),
          gaps,
        };
        ytd = counted.length;
        break;
      }
      default:
        throw new RangeError(`KCN_BOARD item ${item.no}: unsupported rule ${rule?.kind ?? 'none'}`);
    }
    return { ...base, ...current, yearToDate: ytd, ...targetOf(item, ytd, input.targets) };
  });
  return {
    formCode: 'KCN_BOARD',
    formVersion: form.version,
    period: terms.period,
    window: terms.window,
    yearToDate: { start: ranges.yearToDate.from, end: ranges.yearToDate.to },
    items,
  };
}

function targetOf(item: FormItem, ytd: number | null, targets: Readonly<Record<string, number>>) {
  const target = item.hasTarget ? (targets[item.indicator] ?? null) : null;
  const achievedPct = target !== null && target > 0 && ytd !== null ? roundTo((ytd / target) * 100, 1) : null;
  return { target, achievedPct };
}

function capitalItem(
  measure: CapitalMeasure,
  currency: string | null,
  figures: CapitalFigures,
  range: { from: IsoDate; to: IsoDate },
  decimals: number,
): { value: number; sources: SourceRef[]; gaps: Gap[] } {
  const byCurrency = figures.byCurrency.find((c) => c.currency === currency);
  // USD amounts are shown in million USD, VND in billion VND.
  const scaled = (amount: string | undefined) =>
    amount === undefined ? 0 : amountToScale(amount, currency === 'VND' ? 9 : 6, decimals);
  let value: number;
  switch (measure) {
    case 'new_count':
      value = figures.newProjects;
      break;
    case 'increase_count':
      value = figures.increases;
      break;
    case 'new_amount':
      value = scaled(byCurrency?.newAmount);
      break;
    case 'increase_amount':
      value = scaled(byCurrency?.increaseAmount);
      break;
    case 'attracted_converted':
      value = amountToScale(figures.convertedUsd.attracted, 6, decimals);
      break;
  }
  const gaps: Gap[] =
    measure === 'attracted_converted' && figures.missingRateEvents > 0
      ? [{ kind: 'exchange_rate_missing', events: figures.missingRateEvents, range: 'period' }]
      : [];
  return {
    value,
    sources: [{ kind: 'capital', from: range.from, to: range.to, measure, currency, contribution: value }],
    gaps,
  };
}
