import { describe, expect, it } from 'vitest';
import { formatDateRange, parseDateRange, sameRangeLastYear, stepRanges, yearToDate } from './period-range';

describe('periods of the leaders’ view', () => {
  it('names a range the way a briefing does', () => {
    expect(formatDateRange({ from: '2022-01-01', to: '2022-05-31' })).toBe('5 tháng đầu năm 2022');
    expect(formatDateRange({ from: '2022-01-01', to: '2022-03-31' })).toBe('quý I năm 2022');
    expect(formatDateRange({ from: '2022-04-01', to: '2022-06-30' })).toBe('quý II năm 2022');
    expect(formatDateRange({ from: '2022-01-01', to: '2022-11-30' })).toBe('11 tháng đầu năm 2022');
    expect(formatDateRange({ from: '2022-01-01', to: '2022-12-31' })).toBe('năm 2022');
    expect(formatDateRange({ from: '2022-02-14', to: '2022-09-20' })).toBe(
      'từ ngày 14/2/2022 đến ngày 20/9/2022',
    );
  });

  it('compares with the same range last year, and the plan with the year to date', () => {
    expect(sameRangeLastYear({ from: '2024-01-01', to: '2024-02-29' })).toEqual({
      from: '2023-01-01',
      to: '2023-02-28',
    });
    expect(sameRangeLastYear({ from: '2025-01-01', to: '2025-02-28' })).toEqual({
      from: '2024-01-01',
      to: '2024-02-29',
    });
    expect(yearToDate({ from: '2022-04-01', to: '2022-06-30' })).toEqual({
      from: '2022-01-01',
      to: '2022-06-30',
    });
  });

  it('reads statutory ids and explicit ranges, and steps over years and quarters', () => {
    expect(parseDateRange('2022-Q2')).toEqual({ from: '2022-04-01', to: '2022-06-30' });
    expect(parseDateRange('2022-01-01..2022-05-31')).toEqual({ from: '2022-01-01', to: '2022-05-31' });
    expect(parseDateRange('2022-06-01..2022-05-31')).toBeNull();
    expect(stepRanges('2017-01-01', '2026-12-31', 'year').map((r) => r.label)).toHaveLength(10);
    expect(stepRanges('2022-02-10', '2022-08-01', 'quarter').map((r) => r.label)).toEqual([
      '2022-Q1',
      '2022-Q2',
      '2022-Q3',
    ]);
  });
});
