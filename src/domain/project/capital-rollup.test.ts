import { describe, expect, it } from 'vitest';
import { addDays, monthEnd, monthStart, splitIntoMonths, type MonthSplit } from './capital-rollup';

describe('month arithmetic', () => {
  it('finds the first and last day of a month, across years and leap years', () => {
    expect(monthStart('2022-05-17')).toBe('2022-05-01');
    expect(monthStart('2022-12-31', 1)).toBe('2023-01-01');
    expect(monthStart('2022-01-15', -1)).toBe('2021-12-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2023-02-10')).toBe('2023-02-28');
    expect(monthEnd('2022-12-01')).toBe('2022-12-31');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
  });
});

describe('splitIntoMonths', () => {
  it('reads Jan–May 2022 wholly from the roll-up', () => {
    expect(splitIntoMonths('2022-01-01', '2022-05-31')).toEqual({
      months: { from: '2022-01-01', to: '2022-05-01' },
      days: [],
    });
  });

  it('reads the days around the whole months from the ledger', () => {
    expect(splitIntoMonths('2022-01-15', '2022-05-20')).toEqual({
      months: { from: '2022-02-01', to: '2022-04-01' },
      days: [
        { from: '2022-01-15', to: '2022-01-31' },
        { from: '2022-05-01', to: '2022-05-20' },
      ],
    });
  });

  it('reads a period inside one month, or across two partial months, day by day', () => {
    expect(splitIntoMonths('2022-03-05', '2022-03-20')).toEqual({
      months: null,
      days: [{ from: '2022-03-05', to: '2022-03-20' }],
    });
    expect(splitIntoMonths('2022-03-05', '2022-04-20')).toEqual({
      months: null,
      days: [{ from: '2022-03-05', to: '2022-04-20' }],
    });
  });

  it('takes every month before `to` as whole for registered capital (no start)', () => {
    expect(splitIntoMonths(null, '2022-05-31')).toEqual({
      months: { from: null, to: '2022-05-01' },
      days: [],
    });
    expect(splitIntoMonths(null, '2022-05-30')).toEqual({
      months: { from: null, to: '2022-04-01' },
      days: [{ from: '2022-05-01', to: '2022-05-30' }],
    });
  });

  it('covers every day of any range exactly once', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const inMonths = (split: MonthSplit, day: string) =>
      split.months !== null &&
      (split.months.from === null || day >= split.months.from) &&
      day <= monthEnd(split.months.to);
    for (let i = 0; i < 120; i++) {
      const from = addDays('2019-11-20', Math.floor(random() * 500));
      const to = addDays(from, Math.floor(random() * 120));
      const open = random() < 0.2;
      const split = splitIntoMonths(open ? null : from, to);
      if (split.months) {
        expect(split.months.to.endsWith('-01')).toBe(true);
        if (split.months.from) expect(split.months.from.endsWith('-01')).toBe(true);
      }
      for (let day = open ? '2019-06-01' : from; day <= to; day = addDays(day, 1)) {
        const times =
          (inMonths(split, day) ? 1 : 0) +
          split.days.filter((r) => (r.from === null || day >= r.from) && day <= r.to).length;
        expect(times, `${open ? '…' : from}–${to}: ${day}`).toBe(1);
      }
      // Nothing after `to` (or before `from`) is read.
      expect(inMonths(split, addDays(to, 1))).toBe(false);
      expect(split.days.every((r) => r.to <= to && (open || (r.from !== null && r.from >= from)))).toBe(true);
      if (!open) expect(inMonths(split, addDays(from, -1))).toBe(false);
    }
  });
});
