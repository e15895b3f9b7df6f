import { formCatalogue } from '../reporting/catalogue';
import type { FormCode } from '../reporting/form-types';
import { indicatorOf } from '../reporting/indicators';
import { calendarRange, periodId, periodsOfYear, type PeriodType } from '../reporting/periods';
import type { FactRow } from './facts';
import { reportMeasure } from './indicators';
import type { DateRange } from './period-range';

/**
 * Which statutory periods of a form make up a date range: the largest periods lying wholly inside it first
 * (a year's report for a whole year), then smaller ones that do not overlap those (the quarters of a
 * "5 tháng" range: Q1 only — May alone has no report). No figure is counted twice, none is prorated.
 */
export function periodsWithin(
  form: FormCode,
  range: DateRange,
): { id: string; start: string; end: string }[] {
  const types = new Set<PeriodType>();
  for (const version of formCatalogue) {
    if (version.code === form) for (const s of version.schedules) types.add(s.periodType);
  }
  const order: PeriodType[] = ['annual', 'semiannual', 'quarterly', 'monthly'];
  const chosen: { id: string; start: string; end: string }[] = [];
  const fromYear = Number(range.from.slice(0, 4));
  const toYear = Number(range.to.slice(0, 4));
  for (const type of order) {
    if (!types.has(type)) continue;
    for (let year = fromYear; year <= toYear; year += 1) {
      for (const period of periodsOfYear(type, year)) {
        const { start, end } = calendarRange(period);
        if (start < range.from || end > range.to) continue;
        if (chosen.some((c) => !(end < c.start || start > c.end))) continue;
        chosen.push({ id: periodId(period), start, end });
      }
    }
  }
  return chosen.sort((a, b) => a.start.localeCompare(b.start));
}

export type AcceptedFigures = {
  formCode: FormCode;
  period: string;
  dims: FactRow['dims'];
  values: Readonly<Record<string, number | null>>;
};

/**
 * Accepted figures as fact rows: flows summed over the periods; stocks (workers) taken from the latest
 * period only, as a head count is not added up over quarters.
 */
export function reportFacts(
  filings: readonly AcceptedFigures[],
  periods: Readonly<Record<string, readonly { id: string; end: string }[]>>,
): FactRow[] {
  const latest = new Map<string, string>();
  for (const [form, list] of Object.entries(periods)) {
    const last = [...list].sort((a, b) => a.end.localeCompare(b.end)).at(-1);
    if (last) latest.set(form, last.id);
  }
  return filings.map((f) => {
    const measures: Record<string, number> = {};
    for (const [item, value] of Object.entries(f.values)) {
      if (typeof value !== 'number') continue;
      const definition = indicatorOf(item);
      // Averages (income per worker) are not sums: the leaders' view does not add them up.
      if (definition.aggregation.kind !== 'sum') continue;
      const isStock = definition.measure === 'stock';
      if (isStock && latest.get(f.formCode) !== f.period) continue;
      measures[reportMeasure(f.formCode, item)] = value;
    }
    measures[`${f.formCode}:reports`] = 1;
    return { dims: f.dims, measures };
  });
}
