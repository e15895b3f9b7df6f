import { describe, expect, it } from 'vitest';
import type { ExchangeItem } from './exchange.schema';
import { itemDifferences } from './recompute';

const line = (code: string, value: number | null): ExchangeItem => ({
  code,
  indicator: `i${code}`,
  label: { vi: code, en: code },
  unit: 'count',
  value,
});

describe('comparing the signed items with the recomputed ones', () => {
  it('finds nothing when every line agrees, nulls included', () => {
    expect(itemDifferences([line('1', 2), line('19', null)], [line('1', 2), line('19', null)])).toEqual([]);
  });

  it('names each line whose value differs, with both values', () => {
    expect(itemDifferences([line('1', 2), line('2', 3.5)], [line('1', 2), line('2', 3.25)])).toEqual([
      { code: '2', signed: 3.5, recomputed: 3.25 },
    ]);
  });

  it('names lines missing on either side, and a line whose unit was changed', () => {
    const changedUnit = { ...line('3', 1), unit: 'ha' };
    expect(
      itemDifferences([line('1', 2), changedUnit, line('99', 1)], [line('1', 2), line('3', 1), line('4', 0)]),
    ).toEqual([
      { code: '3', signed: 1, recomputed: 1 },
      { code: '4', signed: 'missing', recomputed: 0 },
      { code: '99', signed: 1, recomputed: 'missing' },
    ]);
  });
});
