/**
 * Validity periods of dated records (prices, master plans): ISO dates (YYYY-MM-DD), both ends included,
 * `to: null` meaning "until further notice". Pure date arithmetic on the calendar, no time zones.
 */
export type Validity = { from: string; to: string | null };

/** The calendar day before an ISO date: "2026-01-01" → "2025-12-31". */
export function dayBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Whether two periods share at least one day. */
export function overlaps(a: Validity, b: Validity): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

/** Whether a period covers a day. */
export function coversDay(period: Validity, isoDate: string): boolean {
  return period.from <= isoDate && (period.to === null || isoDate <= period.to);
}
