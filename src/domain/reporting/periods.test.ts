import { describe, expect, it } from 'vitest';
import {
  calendarRange,
  comparisonPeriod,
  duePeriodsOfYear,
  formatPeriod,
  lastEndedPeriod,
  parsePeriod,
  parsePeriodLabel,
  periodBeingReported,
  periodId,
  periodTerms,
  resolveDateRule,
  shiftPeriod,
  type Period,
  type Schedule,
} from './periods';

describe('period identifiers', () => {
  it('parse and print the four period types', () => {
    expect(parsePeriod('2025-H1')).toEqual({ type: 'semiannual', year: 2025, half: 1 });
    expect(parsePeriod('2025-Q3')).toEqual({ type: 'quarterly', year: 2025, quarter: 3 });
    expect(parsePeriod('2025-M07')).toEqual({ type: 'monthly', year: 2025, month: 7 });
    expect(parsePeriod('2025')).toEqual({ type: 'annual', year: 2025 });
    for (const id of ['2025-H1', '2025-H2', '2025-Q4', '2025-M12', '2025'])
      expect(periodId(parsePeriod(id)!)).toBe(id);
  });

  it('reject malformed identifiers', () => {
    for (const bad of [
      '2025-H3',
      '2025-Q5',
      '2025-M7',
      '2025-M13',
      '2025-M00',
      '25',
      '2025-',
      'H1-2025',
      '2025-h1',
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });

  it('know their calendar months', () => {
    expect(calendarRange(parsePeriod('2025-Q3')!)).toEqual({ start: '2025-07-01', end: '2025-09-30' });
    expect(calendarRange(parsePeriod('2024-M02')!)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(calendarRange(parsePeriod('2025-H2')!)).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(calendarRange(parsePeriod('2025')!)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('step back and forward across years', () => {
    expect(periodId(shiftPeriod(parsePeriod('2025-Q1')!, -1))).toBe('2024-Q4');
    expect(periodId(shiftPeriod(parsePeriod('2025-M12')!, 1))).toBe('2026-M01');
    expect(periodId(shiftPeriod(parsePeriod('2025-H1')!, -1))).toBe('2024-H2');
    expect(periodId(shiftPeriod(parsePeriod('2025')!, -3))).toBe('2022');
  });

  it('compare with the same period of last year or with the preceding one', () => {
    const h1 = parsePeriod('2025-H1')!;
    expect(periodId(comparisonPeriod(h1, 'same_period_last_year'))).toBe('2024-H1');
    expect(periodId(comparisonPeriod(parsePeriod('2025-Q1')!, 'preceding'))).toBe('2024-Q4');
  });
});

describe('the period being reported and the last one ended', () => {
  it('turn at the end of June', () => {
    expect(periodBeingReported('2026-06-30')).toBe('2026-H1');
    expect(periodBeingReported('2026-07-01')).toBe('2026');
    expect(periodBeingReported('2026-12-31')).toBe('2026');
    expect(lastEndedPeriod('2026-06-30')).toBe('2025');
    expect(lastEndedPeriod('2026-07-01')).toBe('2026-H1');
    expect(lastEndedPeriod('2026-01-01')).toBe('2025');
  });
});

describe('period labels', () => {
  const cases: [string, string, string][] = [
    ['2025-H1', '6 tháng đầu năm 2025', 'First half of 2025'],
    ['2025-H2', '6 tháng cuối năm 2025', 'Second half of 2025'],
    ['2025-Q3', 'Quý III/2025', 'Q3 2025'],
    ['2025-Q4', 'Quý IV/2025', 'Q4 2025'],
    ['2025-M07', 'Tháng 7/2025', 'July 2025'],
    ['2025', 'Năm 2025', 'Year 2025'],
  ];

  it.each(cases)('%s reads "%s" in Vietnamese and "%s" in English, and both parse back', (id, vi, en) => {
    expect(formatPeriod(id)).toBe(vi);
    expect(formatPeriod(id, 'en')).toBe(en);
    expect(periodId(parsePeriodLabel(vi)!)).toBe(id);
    expect(periodId(parsePeriodLabel(en)!)).toBe(id);
  });

  it('read the ways people write periods on a spreadsheet', () => {
    const read = (text: string) => {
      const p = parsePeriodLabel(text);
      return p ? periodId(p) : null;
    };
    expect(read('quy 3/2025')).toBe('2025-Q3');
    expect(read('Quý III năm 2025')).toBe('2025-Q3');
    expect(read('Q3/2025')).toBe('2025-Q3');
    expect(read('6 thang dau nam 2025')).toBe('2025-H1');
    expect(read('Tháng 07/2025')).toBe('2025-M07');
    expect(read('Tháng 7 năm 2025')).toBe('2025-M07');
    expect(read('Cả năm 2025')).toBe('2025');
    expect(read('h1 2025')).toBe('2025-H1');
    expect(read(' 2025-q3 ')).toBe('2025-Q3');
    expect(read('Jul 2025')).toBe('2025-M07');
    expect(read('Quý 5/2025')).toBeNull();
    expect(read('Tháng 13/2025')).toBeNull();
    expect(read('doanh thu')).toBeNull();
  });
});

describe('data windows and deadlines as configuration', () => {
  const circular14: Schedule[] = [
    {
      periodType: 'semiannual',
      subPeriods: [1],
      window: {
        start: { kind: 'fixed', month: 12, day: 15, yearOffset: -1 },
        end: { kind: 'fixed', month: 6, day: 14, yearOffset: 0 },
      },
      due: { kind: 'fixed', month: 6, day: 20, yearOffset: 0 },
      legalBasis: 'TT14',
      verified: true,
    },
    {
      periodType: 'annual',
      window: {
        start: { kind: 'fixed', month: 12, day: 15, yearOffset: -1 },
        end: { kind: 'fixed', month: 12, day: 14, yearOffset: 0 },
      },
      due: { kind: 'fixed', month: 12, day: 20, yearOffset: 0 },
      legalBasis: 'TT14',
      verified: true,
    },
  ];

  it('put the six-month window from 15/12 of the previous year to 14/6', () => {
    expect(periodTerms(circular14, parsePeriod('2025-H1')!)).toMatchObject({
      period: '2025-H1',
      window: { start: '2024-12-15', end: '2025-06-14' },
      dueDate: '2025-06-20',
    });
  });

  it('put the yearly window from 15/12 of the previous year to 14/12', () => {
    expect(periodTerms(circular14, parsePeriod('2025')!)).toMatchObject({
      window: { start: '2024-12-15', end: '2025-12-14' },
      dueDate: '2025-12-20',
    });
  });

  it('have no second-half report under Circular 14', () => {
    expect(periodTerms(circular14, parsePeriod('2025-H2')!)).toBeNull();
    expect(periodTerms(circular14, parsePeriod('2025-Q2')!)).toBeNull();
  });

  it('resolve rules relative to a quarter (the 10th of the next month, the last day of a month)', () => {
    const q4: Period = { type: 'quarterly', year: 2025, quarter: 4 };
    expect(resolveDateRule({ kind: 'relative', anchor: 'end', monthOffset: 1, day: 10 }, q4)).toBe(
      '2026-01-10',
    );
    expect(resolveDateRule({ kind: 'relative', anchor: 'end', monthOffset: 0, day: 'last' }, q4)).toBe(
      '2025-12-31',
    );
    expect(resolveDateRule({ kind: 'relative', anchor: 'start', monthOffset: 0, day: 1 }, q4)).toBe(
      '2025-10-01',
    );
    const feb: Period = { type: 'monthly', year: 2024, month: 1 };
    expect(resolveDateRule({ kind: 'relative', anchor: 'end', monthOffset: 1, day: 'last' }, feb)).toBe(
      '2024-02-29',
    );
  });

  it('list the periods due in a year in deadline order', () => {
    expect(duePeriodsOfYear(circular14, 2025).map((t) => [t.period, t.dueDate])).toEqual([
      ['2025-H1', '2025-06-20'],
      ['2025', '2025-12-20'],
    ]);
  });
});
