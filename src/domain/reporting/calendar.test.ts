import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysLate,
  dueInstant,
  isIsoDate,
  isOnTime,
  localDateOf,
  makeIsoDate,
  startOfLocalDay,
  timeliness,
} from './calendar';

describe('calendar dates', () => {
  it('accept only real days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
    expect(() => makeIsoDate(2025, 6, 31)).toThrow(RangeError);
  });

  it('add days and months across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-06-20', '2025-07-01')).toBe(11);
    expect(addMonths(2025, 12, 1)).toEqual({ year: 2026, month: 1 });
    expect(addMonths(2025, 1, -1)).toEqual({ year: 2024, month: 12 });
    expect(addMonths(2025, 9, 4)).toEqual({ year: 2026, month: 1 });
  });
});

describe('deadlines in Vietnam time (UTC+7, whatever the machine’s zone)', () => {
  it('place the start of a local day at 17:00 UTC the day before', () => {
    expect(startOfLocalDay('2025-06-21').toISOString()).toBe('2025-06-20T17:00:00.000Z');
    expect(dueInstant('2025-06-20').toISOString()).toBe('2025-06-20T16:59:59.999Z');
  });

  it('read the local calendar day of an instant', () => {
    expect(localDateOf(new Date('2025-06-20T16:59:59Z'))).toBe('2025-06-20');
    expect(localDateOf(new Date('2025-06-20T17:00:00Z'))).toBe('2025-06-21');
    expect(localDateOf(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
  });

  it('count a submission at 23:59:59 local time on the due day as on time', () => {
    // 23:59:59 on 20/6/2025 in Hanoi is 16:59:59 UTC.
    expect(isOnTime(new Date('2025-06-20T16:59:59Z'), '2025-06-20')).toBe(true);
    expect(isOnTime(new Date('2025-06-20T16:59:59.999Z'), '2025-06-20')).toBe(true);
    expect(daysLate(new Date('2025-06-20T16:59:59Z'), '2025-06-20')).toBe(0);
  });

  it('count a submission at 00:00:00 local time the next day as late', () => {
    expect(isOnTime(new Date('2025-06-20T17:00:00Z'), '2025-06-20')).toBe(false);
    expect(daysLate(new Date('2025-06-20T17:00:00Z'), '2025-06-20')).toBe(1);
    // The same instant written with Hanoi's offset.
    expect(isOnTime(new Date('2025-06-21T00:00:00+07:00'), '2025-06-20')).toBe(false);
    expect(isOnTime(new Date('2025-06-20T23:59:59+07:00'), '2025-06-20')).toBe(true);
  });

  it('judge an early-morning UTC submission by its Hanoi date, not the UTC date', () => {
    // 20/12 at 18:00 UTC is already 21/12 01:00 in Hanoi: late for a 20/12 deadline.
    expect(isOnTime(new Date('2025-12-20T18:00:00Z'), '2025-12-20')).toBe(false);
    // 20/12 at 01:00 Hanoi is still 19/12 in UTC: on time.
    expect(isOnTime(new Date('2025-12-19T18:00:00Z'), '2025-12-20')).toBe(true);
  });

  it('does not move a deadline that falls on a weekend (no roll-forward in Circular 14)', () => {
    // 20/12/2025 is a Saturday; the next Monday is late.
    expect(new Date('2025-12-20T00:00:00Z').getUTCDay()).toBe(6);
    expect(isOnTime(new Date('2025-12-22T02:00:00Z'), '2025-12-20')).toBe(false);
    expect(daysLate(new Date('2025-12-22T02:00:00Z'), '2025-12-20')).toBe(2);
  });

  it('tells pending from overdue for reports not yet submitted', () => {
    const due = '2025-06-20';
    expect(timeliness(due, null, new Date('2025-06-20T16:59:59Z'))).toBe('pending');
    expect(timeliness(due, null, new Date('2025-06-20T17:00:00Z'))).toBe('overdue');
    expect(timeliness(due, new Date('2025-06-19T03:00:00Z'), new Date('2025-07-01T00:00:00Z'))).toBe(
      'on_time',
    );
    expect(timeliness(due, new Date('2025-06-21T03:00:00Z'), new Date('2025-07-01T00:00:00Z'))).toBe('late');
  });
});
