import { VIETNAM_UTC_OFFSET_MINUTES } from '../format/format';

/**
 * Calendar dates and legal deadlines in Vietnam time. A deadline is a calendar day in Asia/Ho_Chi_Minh, which
 * is UTC+7 all year (no daylight saving since 1975), so it is computed with a fixed offset and never depends
 * on the time zone of the machine that runs the code (a browser in Europe and a server in UTC agree).
 *
 * On-time rule: a report is on time when it is submitted no later than the end of its due day, local time —
 * 23:59:59 on the due date is on time, 00:00:00 the next day is late.
 *
 * Weekends and public holidays do NOT move a due date. Circular 14/2024/TT-BCT (Art. 3) fixes the deadlines
 * as calendar dates ("trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm") and says nothing about
 * non-working days; Decree 09/2019/NĐ-CP (the reporting regime it implements) does not either. The Civil
 * Code's roll-forward rule (Art. 148) governs periods counted from an event, not calendar dates a regulation
 * names, so we do not apply it. A later regulation that shifts deadlines is a new form version with other
 * dates — data, not code.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' that names a real calendar day. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Builds a date from its parts; throws on an impossible day (a bug in configuration, not user input). */
export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Bad year: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Bad month: ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Bad day: ${year}-${month}-${day}`);
  }
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-');
  return { year: Number(y), month: Number(m), day: Number(d) };
}

function utcMidnight(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

function fromUtcMidnight(ms: number): IsoDate {
  const d = new Date(ms);
  return makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Year and month `months` after the given ones (negative goes back). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The calendar day in Vietnam at an instant. */
export function localDateOf(instant: Date): IsoDate {
  return fromUtcMidnight(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS);
}

/** 00:00:00.000 of a calendar day in Vietnam, as an instant. */
export function startOfLocalDay(date: IsoDate): Date {
  return new Date(utcMidnight(date) - OFFSET_MS);
}

/**
 * The deadline instant of a due date: 23:59:59.999 of that day in Vietnam (what `report_filing.due_at`
 * stores). `isOnTime` compares with the start of the next day, so sub-millisecond precision in the
 * database cannot turn a submission made on the due day into a late one.
 */
export function dueInstant(dueDate: IsoDate): Date {
  return new Date(startOfLocalDay(addDays(dueDate, 1)).getTime() - 1);
}

/** Submitted no later than the end of the due day, Vietnam time. */
export function isOnTime(submittedAt: Date, dueDate: IsoDate): boolean {
  return submittedAt.getTime() < startOfLocalDay(addDays(dueDate, 1)).getTime();
}

/** Calendar days past the due date (Vietnam time); 0 when on time. */
export function daysLate(submittedAt: Date, dueDate: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, localDateOf(submittedAt)));
}

/**
 * Timeliness of an obligation at `now`: submitted on time or late, or not yet submitted — pending while the
 * due day has not ended, overdue after.
 */
export type Timeliness = 'on_time' | 'late' | 'pending' | 'overdue';

export function timeliness(dueDate: IsoDate, submittedAt: Date | null, now: Date): Timeliness {
  if (submittedAt) return isOnTime(submittedAt, dueDate) ? 'on_time' : 'late';
  return isOnTime(now, dueDate) ? 'pending' : 'overdue';
}
