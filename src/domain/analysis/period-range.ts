import { daysInMonth, isIsoDate, makeIsoDate, type IsoDate } from '../reporting/calendar';
import { calendarRange, parsePeriod } from '../reporting/periods';
import type { Locale } from '../shared/errors';

/**
 * A period of the leaders' view is any date range — a quarter, "5 tháng đầu năm", the year to date, 14/2 to
 * 20/9 — not only the statutory periods. Every range is compared with the same range of the previous year and
 * measured against the plan of the year it ends in.
 */
export type DateRange = { from: IsoDate; to: IsoDate };

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2022-01-01..2022-05-31", a statutory period id ("2022-Q1", "2022-H1", "2022", "2022-M05"), or null. */
export function parseDateRange(text: string): DateRange | null {
  const trimmed = text.trim();
  const pair = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(trimmed);
  if (pair) {
    const [, from, to] = pair as unknown as [string, string, string];
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) return null;
    return { from, to };
  }
  const period = parsePeriod(trimmed);
  if (!period) return null;
  const { start, end } = calendarRange(period);
  return { from: start, to: end };
}

export function formatDateRangeId(range: DateRange): string {
  return `${range.from}..${range.to}`;
}

/** The same date in another year; 29 February becomes 28 February in a common year. */
export function shiftYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return makeIsoDate(year, month, day);
}

/** The same range one year earlier: the "cùng kỳ năm trước" every figure is compared with. */
export function sameRangeLastYear(range: DateRange): DateRange {
  const to = Number(range.to.slice(5, 7)) === 2 && isLastDayOfMonth(range.to) ? lastDay(range.to, -1) : null;
  return { from: shiftYears(range.from, -1), to: to ?? shiftYears(range.to, -1) };
}

function isLastDayOfMonth(date: IsoDate): boolean {
  return Number(date.slice(8, 10)) === daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

function lastDay(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  return makeIsoDate(year, month, daysInMonth(year, month));
}

/** The year whose plan a range is measured against: the year it ends in. */
export function planYear(range: DateRange): number {
  return Number(range.to.slice(0, 4));
}

/** From 1 January of the plan year to the range's end: what "đạt … % kế hoạch năm" is computed on. */
export function yearToDate(range: DateRange): DateRange {
  return { from: makeIsoDate(planYear(range), 1, 1), to: range.to };
}

/** Whether the range starts on 1 January and ends on the last day of a month. */
function monthsFromJanuary(range: DateRange): number | null {
  if (range.from.slice(0, 4) !== range.to.slice(0, 4) || range.from.slice(5) !== '01-01') return null;
  return isLastDayOfMonth(range.to) ? Number(range.to.slice(5, 7)) : null;
}

function viDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;
}

/**
 * How a briefing names its period: "năm 2022", "quý II năm 2022", "6 tháng đầu năm 2022", "5 tháng đầu năm
 * 2022", otherwise "từ ngày 14/2/2022 đến ngày 20/9/2022" (English alike).
 */
export function formatDateRange(range: DateRange, locale: Locale = 'vi'): string {
  const vi = locale === 'vi';
  const year = range.to.slice(0, 4);
  const months = monthsFromJanuary(range);
  if (months === 12) return vi ? `năm ${year}` : `the year ${year}`;
  const fromMonth = Number(range.from.slice(5, 7));
  if (
    range.from.slice(0, 4) === year &&
    range.from.slice(8) === '01' &&
    (fromMonth - 1) % 3 === 0 &&
    isLastDayOfMonth(range.to) &&
    Number(range.to.slice(5, 7)) === fromMonth + 2
  ) {
    const quarter = (fromMonth - 1) / 3 + 1;
    return vi ? `quý ${ROMAN[quarter - 1]} năm ${year}` : `Q${quarter} ${year}`;
  }
  if (months !== null)
    return vi ? `${months} tháng đầu năm ${year}` : `the first ${months} months of ${year}`;
  return vi
    ? `từ ngày ${viDate(range.from)} đến ngày ${viDate(range.to)}`
    : `from ${range.from} to ${range.to}`;
}

export const analysisSteps = ['year', 'quarter', 'month'] as const;
export type AnalysisStep = (typeof analysisSteps)[number];

/** Consecutive calendar periods of `step` from the one holding `from` to the one holding `to`. */
export function stepRanges(
  from: IsoDate,
  to: IsoDate,
  step: AnalysisStep,
): (DateRange & { label: string })[] {
  const out: (DateRange & { label: string })[] = [];
  let year = Number(from.slice(0, 4));
  const size = step === 'year' ? 12 : step === 'quarter' ? 3 : 1;
  let month = Math.floor((Number(from.slice(5, 7)) - 1) / size) * size + 1;
  for (let guard = 0; guard < 1000; guard += 1) {
    const start = makeIsoDate(year, month, 1);
    if (start > to) break;
    const endMonth = month + size - 1;
    const end = makeIsoDate(year, endMonth, daysInMonth(year, endMonth));
    const label =
      step === 'year'
        ? String(year)
        : step === 'quarter'
          ? `${year}-Q${(month - 1) / 3 + 1}`
          : `${year}-${String(month).padStart(2, '0')}`;
    out.push({ from: start, to: end, label });
    month += size;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
