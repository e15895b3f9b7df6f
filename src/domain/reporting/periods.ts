import type { Locale } from '../shared/errors';
import { foldVietnamese } from '../shared/text';
import { addMonths, daysInMonth, makeIsoDate, type IsoDate } from './calendar';

/**
 * Reporting periods — kỳ báo cáo. A period is named by a stable identifier stored with every filing:
 * `2025-M07` (month), `2025-Q3` (quarter), `2025-H1` (half year), `2025` (year). Its calendar months are the
 * obvious ones; the DATA WINDOW a form covers (e.g. Circular 14's 15/12 of the previous year to 14/6) and its
 * due date are configuration of each form version (`Schedule`), evaluated here.
 */
export const periodTypes = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type PeriodType = (typeof periodTypes)[number];

export type Period =
  | { type: 'monthly'; year: number; month: number }
  | { type: 'quarterly'; year: number; quarter: number }
  | { type: 'semiannual'; year: number; half: number }
  | { type: 'annual'; year: number };

const ID = /^(\d{4})(?:-(?:M(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;

/** Parses a period identifier exactly (`2025-H1`, `2025-Q3`, `2025-M07`, `2025`); null otherwise. */
export function parsePeriod(id: string): Period | null {
  const match = ID.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2]) return { type: 'monthly', year, month: Number(match[2]) };
  if (match[3]) return { type: 'quarterly', year, quarter: Number(match[3]) };
  if (match[4]) return { type: 'semiannual', year, half: Number(match[4]) };
  return { type: 'annual', year };
}

export function periodId(period: Period): string {
  switch (period.type) {
    case 'monthly':
      return `${period.year}-M${String(period.month).padStart(2, '0')}`;
    case 'quarterly':
      return `${period.year}-Q${period.quarter}`;
    case 'semiannual':
      return `${period.year}-H${period.half}`;
    case 'annual':
      return String(period.year);
  }
}

/**
 * The statutory period being reported on, on a day (`YYYY-MM-DD`): until the end of June the first half (due
 * 20/6), then the year (due 20/12; Circular 14 has no separate second-half report). What the reports pages open
 * on.
 */
export function periodBeingReported(day: string): string {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) <= 6 ? `${year}-H1` : String(year);
}

/** The last statutory period whose half-year has ended, on a day: 2026-H1 from July, else the year before. */
export function lastEndedPeriod(day: string): string {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) > 6 ? `${year}-H1` : String(year - 1);
}

/** Which sub-period of its year a period is: month 1–12, quarter 1–4, half 1–2; 1 for a year. */
export function subPeriodOf(period: Period): number {
  switch (period.type) {
    case 'monthly':
      return period.month;
    case 'quarterly':
      return period.quarter;
    case 'semiannual':
      return period.half;
    case 'annual':
      return 1;
  }
}

const MONTHS_IN: Record<PeriodType, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

function makePeriod(type: PeriodType, year: number, sub: number): Period {
  switch (type) {
    case 'monthly':
      return { type, year, month: sub };
    case 'quarterly':
      return { type, year, quarter: sub };
    case 'semiannual':
      return { type, year, half: sub };
    case 'annual':
      return { type, year };
  }
}

/** First and last calendar month of a period. */
function monthSpan(period: Period): { year: number; startMonth: number; endMonth: number } {
  const length = MONTHS_IN[period.type];
  const startMonth = (subPeriodOf(period) - 1) * length + 1;
  return { year: period.year, startMonth, endMonth: startMonth + length - 1 };
}

/** The calendar range of a period (1 July – 30 September for 2025-Q3), not a form's data window. */
export function calendarRange(period: Period): { start: IsoDate; end: IsoDate } {
  const { year, startMonth, endMonth } = monthSpan(period);
  return {
    start: makeIsoDate(year, startMonth, 1),
    end: makeIsoDate(year, endMonth, daysInMonth(year, endMonth)),
  };
}

/** The period `steps` periods of the same type later (negative: earlier). */
export function shiftPeriod(period: Period, steps: number): Period {
  const perYear = 12 / MONTHS_IN[period.type];
  const index = period.year * perYear + (subPeriodOf(period) - 1) + steps;
  return makePeriod(period.type, Math.floor(index / perYear), (index % perYear) + 1);
}

/**
 * The period a filing is compared with: the same period of the previous year ("so với cùng kỳ", the usual
 * comparison in Vietnamese reports, and the only meaningful one for Circular 14, which has a first-half and a
 * full-year report but no second-half one), or the preceding period of the same type.
 */
export type Comparison = 'same_period_last_year' | 'preceding';

export function comparisonPeriod(period: Period, comparison: Comparison): Period {
  return comparison === 'preceding' ? shiftPeriod(period, -1) : { ...period, year: period.year - 1 };
}

/** Periods of a type in one year, in order. */
export function periodsOfYear(type: PeriodType, year: number): Period[] {
  return Array.from({ length: 12 / MONTHS_IN[type] }, (_, i) => makePeriod(type, year, i + 1));
}

// ---------------------------------------------------------------------------------------------------------
// Labels

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "6 tháng đầu năm 2025", "Quý III/2025", "Tháng 7/2025", "Năm 2025" (vi); "First half of 2025", … (en). */
export function formatPeriod(period: Period | string, locale: Locale = 'vi'): string {
  const p = typeof period === 'string' ? parsePeriod(period) : period;
  if (!p) throw new RangeError(`Not a period: ${String(period)}`);
  const vi = locale === 'vi';
  switch (p.type) {
    case 'monthly':
      return vi ? `Tháng ${p.month}/${p.year}` : `${EN_MONTHS[p.month - 1]} ${p.year}`;
    case 'quarterly':
      return vi ? `Quý ${ROMAN[p.quarter - 1]}/${p.year}` : `Q${p.quarter} ${p.year}`;
    case 'semiannual':
      if (vi) return `6 tháng ${p.half === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
      return `${p.half === 1 ? 'First' : 'Second'} half of ${p.year}`;
    case 'annual':
      return vi ? `Năm ${p.year}` : `Year ${p.year}`;
  }
}

const ROMAN_VALUE: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const EN_MONTH_INDEX = new Map(
  EN_MONTHS.flatMap((m, i) => [
    [m.toLowerCase(), i + 1] as const,
    [m.slice(0, 3).toLowerCase(), i + 1] as const,
  ]),
);

/**
 * Reads a period the way people write it on a spreadsheet or a form: an identifier, or a Vietnamese or
 * English label with or without diacritics ("Quý 3/2025", "quy III nam 2025", "6 tháng đầu năm 2025",
 * "Tháng 07/2025", "Q3 2025", "first half of 2025", "Năm 2025"). Null when it is not recognisably one period.
 */
export function parsePeriodLabel(text: string): Period | null {
  const exact = parsePeriod(text.trim().toUpperCase());
  if (exact) return exact;
  const t = foldVietnamese(text)
    .replace(/\bnam\b/g, '/')
    .replace(/\bof\b/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
  let m: RegExpExecArray | null;
  const year = (s: string | undefined): number | null => {
    const y = Number(s);
    return Number.isInteger(y) && y >= 1000 && y <= 9999 ? y : null;
  };
  if ((m = /^(?:ca\/|year )?\/?(\d{4})$/.exec(t))) {
    const y = year(m[1]);
    return y ? { type: 'annual', year: y } : null;
  }
  if ((m = /^thang (\d{1,2})\/(\d{4})$/.exec(t))) {
    const y = year(m[2]);
    const month = Number(m[1]);
    return y && month >= 1 && month <= 12 ? { type: 'monthly', year: y, month } : null;
  }
  if ((m = /^([a-z]+) (\d{4})$/.exec(t)) && EN_MONTH_INDEX.has(m[1] ?? '')) {
    const y = year(m[2]);
    return y ? { type: 'monthly', year: y, month: EN_MONTH_INDEX.get(m[1] ?? '')! } : null;
  }
  if ((m = /^(?:quy|quarter|q) ?(i{1,3}|iv|[1-4])(?:\/| )(\d{4})$/.exec(t))) {
    const y = year(m[2]);
    const q = ROMAN_VALUE[m[1] ?? ''] ?? Number(m[1]);
    return y ? { type: 'quarterly', year: y, quarter: q } : null;
  }
  if ((m = /^6 thang (dau|cuoi)\/?(\d{4})$/.exec(t))) {
    const y = year(m[2]);
    return y ? { type: 'semiannual', year: y, half: m[1] === 'dau' ? 1 : 2 } : null;
  }
  if ((m = /^(first|second) half (\d{4})$/.exec(t)) || (m = /^h([12]) (\d{4})$/.exec(t))) {
    const y = year(m[2]);
    return y ? { type: 'semiannual', year: y, half: m[1] === 'first' || m[1] === '1' ? 1 : 2 } : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Data windows and deadlines as configuration

/**
 * A date defined relative to a period, so that deadlines and data windows are data:
 * - `fixed`: a day and month in the period's year, shifted by `yearOffset` (Circular 14: 15/12 of the previous
 *   year is `{ month: 12, day: 15, yearOffset: -1 }`);
 * - `relative`: a day of the month `monthOffset` months after the period's first (`anchor: 'start'`) or last
 *   (`anchor: 'end'`) calendar month; `day: 'last'` is that month's last day (the 10th of the month after a
 *   quarter is `{ anchor: 'end', monthOffset: 1, day: 10 }`).
 */
export type DateRule =
  | { kind: 'fixed'; month: number; day: number; yearOffset: number }
  | { kind: 'relative'; anchor: 'start' | 'end'; monthOffset: number; day: number | 'last' };

export function resolveDateRule(rule: DateRule, period: Period): IsoDate {
  if (rule.kind === 'fixed') return makeIsoDate(period.year + rule.yearOffset, rule.month, rule.day);
  const span = monthSpan(period);
  const at = addMonths(
    span.year,
    rule.anchor === 'start' ? span.startMonth : span.endMonth,
    rule.monthOffset,
  );
  return makeIsoDate(at.year, at.month, rule.day === 'last' ? daysInMonth(at.year, at.month) : rule.day);
}

/**
 * When a form is due for one type of period: which periods of that type (`subPeriods`, e.g. only the first
 * half for Circular 14's six-month report; all when absent), the data window and the due date.
 */
export type Schedule = {
  periodType: PeriodType;
  subPeriods?: readonly number[];
  window: { start: DateRule; end: DateRule };
  due: DateRule;
  /** Where the rule comes from, e.g. "Thông tư 14/2024/TT-BCT, Điều 3". */
  legalBasis: string;
  /** False when the dates are a configured assumption not yet checked against the legal text. */
  verified: boolean;
};

export function scheduleFor(schedules: readonly Schedule[], period: Period): Schedule | null {
  return (
    schedules.find(
      (s) => s.periodType === period.type && (!s.subPeriods || s.subPeriods.includes(subPeriodOf(period))),
    ) ?? null
  );
}

export type PeriodTerms = {
  period: string;
  /** The data window — thời gian chốt số liệu — inclusive on both ends. */
  window: { start: IsoDate; end: IsoDate };
  dueDate: IsoDate;
  schedule: Schedule;
};

/** The window and due date of a period under a list of schedules; null when the form is not due for it. */
export function periodTerms(schedules: readonly Schedule[], period: Period): PeriodTerms | null {
  const schedule = scheduleFor(schedules, period);
  if (!schedule) return null;
  return {
    period: periodId(period),
    window: {
      start: resolveDateRule(schedule.window.start, period),
      end: resolveDateRule(schedule.window.end, period),
    },
    dueDate: resolveDateRule(schedule.due, period),
    schedule,
  };
}

/** Every period a list of schedules makes due in a year (by period year), in due-date order. */
export function duePeriodsOfYear(schedules: readonly Schedule[], year: number): PeriodTerms[] {
  const terms = schedules.flatMap((s) =>
    periodsOfYear(s.periodType, year)
      .map((p) => periodTerms(schedules, p))
      .filter((t): t is PeriodTerms => t !== null && t.schedule === s),
  );
  return terms.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period));
}
