/**
 * How capital totals read the monthly roll-up (capital_rollup_zone / capital_rollup_family): a range of days is
 * cut into the whole calendar months inside it, read from the roll-up, and the days before the first and
 * after the last whole month, read event by event from the ledger. Dates are ISO `YYYY-MM-DD`, ranges
 * inclusive; pure date arithmetic in UTC, no time zones.
 */

export type DayRange = {
  /** Null: from the beginning of the ledger. */
  from: string | null;
  to: string;
};

export type MonthSplit = {
  /** The whole months inside the range, as the 1st day of the first and of the last; null when none. */
  months: DayRange | null;
  /** The days outside whole months: at most one range before and one after them. */
  days: DayRange[];
};

const DAY_MS = 86_400_000;

function parse(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The 1st of the month `offset` months after the month of `date`. */
export function monthStart(date: string, offset = 0): string {
  const { y, m } = parse(date);
  const index = y * 12 + (m - 1) + offset;
  return iso(Math.floor(index / 12), (index % 12) + 1, 1);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return new Date(t.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the month of `date`. */
export function monthEnd(date: string): string {
  return addDays(monthStart(date, 1), -1);
}

/**
 * Cuts [from, to] into whole months and the days around them. `from` null means "from the beginning"
 * (registered capital at `to`): then every month before `to`'s is whole.
 */
export function splitIntoMonths(from: string | null, to: string): MonthSplit {
  if (from !== null && from > to) return { months: null, days: [] };
  const firstMonth = from === null ? null : from.endsWith('-01') ? from : monthStart(from, 1);
  const lastMonth = monthEnd(to) === to ? monthStart(to) : monthStart(to, -1);
  if (firstMonth !== null && firstMonth > lastMonth) {
    return { months: null, days: [{ from, to }] };
  }
  const days: DayRange[] = [];
  if (from !== null && firstMonth !== null && from < firstMonth) {
    days.push({ from, to: addDays(firstMonth, -1) });
  }
  const afterMonths = monthStart(lastMonth, 1);
  if (afterMonths <= to) days.push({ from: afterMonths, to });
  return { months: { from: firstMonth, to: lastMonth }, days };
}
