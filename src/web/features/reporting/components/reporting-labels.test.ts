import { describe, expect, it } from 'vitest';
import { currentPeriod, periodChoices } from './reporting-labels';

describe('the reports home’s periods', () => {
  const december = new Date(2026, 11, 6);

  it('offers the half-years and years of three years, latest first', () => {
    expect(periodChoices(december)).toEqual(['2026', '2026-H1', '2025', '2025-H1', '2024', '2024-H1']);
    expect(currentPeriod(december)).toBe('2026');
  });

  it('offers the period a link names — a parks’ quarter, an older year — and nothing invalid', () => {
    expect(periodChoices(december, '2026-q3')[0]).toBe('2026-Q3');
    expect(periodChoices(december, '2020')[0]).toBe('2020');
    expect(periodChoices(december, '2026-H1')).toHaveLength(6);
    expect(periodChoices(december, '2026-X9')).toHaveLength(6);
  });
});
