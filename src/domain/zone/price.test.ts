import { describe, expect, it } from 'vitest';
import { currentPrices, formatPrice, planPricePeriod, type PricePeriod } from './price';
import { dayBefore, overlaps } from './validity';

const p = (
  id: string,
  validFrom: string,
  validTo: string | null,
  kind: PricePeriod['kind'] = 'sublease',
) => ({
  id,
  kind,
  validFrom,
  validTo,
});

describe('validity periods', () => {
  it('knows the day before, across months, years and leap days', () => {
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-05-10')).toBe('2026-05-09');
  });

  it('treats both ends as included and an open end as for ever', () => {
    expect(overlaps({ from: '2024-01-01', to: '2024-12-31' }, { from: '2024-12-31', to: null })).toBe(true);
    expect(overlaps({ from: '2024-01-01', to: '2024-12-31' }, { from: '2025-01-01', to: null })).toBe(false);
    expect(overlaps({ from: '2024-01-01', to: null }, { from: '2030-01-01', to: '2030-02-01' })).toBe(true);
  });
});

describe('price periods', () => {
  const existing = [
    p('a', '2023-01-01', '2023-12-31'),
    p('b', '2024-01-01', null),
    p('s', '2020-01-01', null, 'shared_service'),
  ];

  it('a new price after the open-ended one ends it the day before', () => {
    expect(
      planPricePeriod(existing, { id: null, kind: 'sublease', validFrom: '2026-01-01', validTo: null }),
    ).toEqual({
      ok: true,
      close: { id: 'b', validTo: '2025-12-31' },
    });
  });

  it('refuses any other overlap, naming the period it collides with', () => {
    const result = planPricePeriod(existing, {
      id: null,
      kind: 'sublease',
      validFrom: '2023-06-01',
      validTo: '2023-07-01',
    });
    expect(result).toMatchObject({ ok: false, field: 'validFrom' });
    expect(!result.ok && result.problem.vi).toContain('1/1/2023 – 31/12/2023');
    // Starting on the same day as the open-ended price is a collision, not a replacement.
    expect(
      planPricePeriod(existing, { id: null, kind: 'sublease', validFrom: '2024-01-01', validTo: null }).ok,
    ).toBe(false);
  });

  it('a correction of an existing price never moves another one', () => {
    const result = planPricePeriod(existing, {
      id: 'a',
      kind: 'sublease',
      validFrom: '2023-01-01',
      validTo: '2024-03-01',
    });
    expect(result.ok).toBe(false);
    expect(
      planPricePeriod(existing, {
        id: 'a',
        kind: 'sublease',
        validFrom: '2022-06-01',
        validTo: '2023-12-31',
      }),
    ).toEqual({
      ok: true,
      close: null,
    });
  });

  it('keeps the kinds apart and refuses an end before the start', () => {
    expect(
      planPricePeriod(existing, {
        id: null,
        kind: 'shared_service',
        validFrom: '2019-01-01',
        validTo: '2019-12-31',
      }).ok,
    ).toBe(true);
    expect(
      planPricePeriod([], { id: null, kind: 'sublease', validFrom: '2024-02-01', validTo: '2024-01-31' }),
    ).toMatchObject({
      ok: false,
      field: 'validTo',
    });
  });

  it('finds the price of each kind on a day', () => {
    expect(currentPrices(existing, '2023-05-05')).toEqual({
      sublease: existing[0],
      shared_service: existing[2],
    });
    expect(currentPrices(existing, '2019-05-05')).toEqual({ sublease: null, shared_service: null });
  });

  it('formats an amount the Vietnamese way', () => {
    expect(formatPrice({ amount: '1850000', currency: 'VND', unit: 'm2_term' })).toBe(
      '1.850.000 VND/m²/cả thời hạn thuê',
    );
    expect(formatPrice({ amount: '0.4500', currency: 'USD', unit: 'm2_month' }, 'en')).toBe(
      '0.45 USD/m²/month',
    );
  });
});
