import { describe, expect, it } from 'vitest';
import {
  formatAdministrativeDateLine,
  formatArea,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  parseNumber,
  parseVietnameseNumber,
  toIsoDate,
} from './format';

describe('formatNumber', () => {
  it('groups thousands with a dot and separates decimals with a comma in Vietnamese', () => {
    expect(formatNumber(1347.4)).toBe('1.347,4');
    expect(formatNumber(3204.31)).toBe('3.204,31');
    expect(formatNumber(19000)).toBe('19.000');
    expect(formatNumber(166000)).toBe('166.000');
    expect(formatNumber(1234567890)).toBe('1.234.567.890');
  });

  it('uses a comma for thousands and a dot for decimals in English', () => {
    expect(formatNumber(1347.4, { locale: 'en' })).toBe('1,347.4');
    expect(formatNumber(1234567.891, { locale: 'en', maxFractionDigits: 3 })).toBe('1,234,567.891');
  });

  it('rounds half away from zero on the decimal value, not on the binary float', () => {
    expect(formatNumber(1.005, { maxFractionDigits: 2 })).toBe('1,01');
    expect(formatNumber(2.5, { maxFractionDigits: 0 })).toBe('3');
    expect(formatNumber(-2.5, { maxFractionDigits: 0 })).toBe('-3');
    expect(formatNumber(999.995, { maxFractionDigits: 2 })).toBe('1.000');
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
  });

  it('drops trailing zeros unless a minimum number of decimals is asked for', () => {
    expect(formatNumber(12.5, { maxFractionDigits: 3 })).toBe('12,5');
    expect(formatNumber(12.5, { minFractionDigits: 2 })).toBe('12,50');
    expect(formatNumber(7, { minFractionDigits: 1 })).toBe('7,0');
  });

  it('formats exact decimal strings from the database without going through a float', () => {
    expect(formatNumber('1347.40')).toBe('1.347,4');
    expect(formatNumber('12345678901234567890.125', { maxFractionDigits: 2 })).toBe(
      '12.345.678.901.234.567.890,13',
    );
    expect(formatNumber(12345678901234567890n)).toBe('12.345.678.901.234.567.890');
  });

  it('writes negative numbers with a leading minus and never shows minus zero', () => {
    expect(formatNumber(-1347.4)).toBe('-1.347,4');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('handles very small and very large numbers written in exponent form', () => {
    expect(formatNumber(1e21, { locale: 'en' })).toBe('1,000,000,000,000,000,000,000');
    expect(formatNumber(1.5e-7, { maxFractionDigits: 8 })).toBe('0,00000015');
  });

  it('shows a dash for missing or non-numeric values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('—');
    expect(formatNumber('abc')).toBe('—');
  });
});

describe('formatArea', () => {
  it('formats an area with a dot for thousands and a comma for decimals', () => {
    expect(formatArea(1347.4)).toBe('1.347,4 ha');
    expect(formatArea(3204.31)).toBe('3.204,31 ha');
  });

  it('formats an area the English way in English', () => {
    expect(formatArea(1347.4, { locale: 'en' })).toBe('1,347.4 ha');
  });

  it('keeps at most two decimals of a hectare by default', () => {
    expect(formatArea(753.3333)).toBe('753,33 ha');
  });

  it('shows a dash without a unit when the area is unknown', () => {
    expect(formatArea(null)).toBe('—');
  });
});

describe('formatPercent', () => {
  it('shows a ratio as a Vietnamese percentage with a comma and a space before the sign', () => {
    expect(formatPercent(0.923)).toBe('92,3 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0.5)).toBe('50 %');
  });

  it('shows a ratio as an English percentage without a space', () => {
    expect(formatPercent(0.923, { locale: 'en' })).toBe('92.3%');
  });

  it('rounds percentages to one decimal by default and on request to more', () => {
    expect(formatPercent(0.92349)).toBe('92,3 %');
    expect(formatPercent(0.92349, { maxFractionDigits: 2 })).toBe('92,35 %');
    expect(formatPercent(0.07)).toBe('7 %');
    expect(formatPercent(-0.125)).toBe('-12,5 %');
  });
});

describe('formatMoney', () => {
  it('formats Vietnamese dong, which has no minor unit, with the dong sign', () => {
    expect(formatMoney(19_000_000_000_000n, 'VND')).toBe('19.000.000.000.000 ₫');
    expect(formatMoney(450_000_000_000, 'VND', { locale: 'en' })).toBe('450,000,000,000 ₫');
  });

  it('formats US dollars from cents with two decimals', () => {
    expect(formatMoney(630_000_000_000n, 'USD')).toBe('6.300.000.000,00 USD');
    expect(formatMoney('123455', 'usd', { locale: 'en' })).toBe('1,234.55 USD');
    expect(formatMoney(5, 'USD')).toBe('0,05 USD');
    expect(formatMoney(-150, 'EUR')).toBe('-1,50 EUR');
  });

  it('keeps amounts beyond the float range exact', () => {
    expect(formatMoney('123456789012345678901234', 'VND')).toBe('123.456.789.012.345.678.901.234 ₫');
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(formatMoney(12.5, 'USD')).toBe('—');
    expect(formatMoney('12.5', 'USD')).toBe('—');
  });
});

describe('parseVietnameseNumber', () => {
  it('reads dots as thousands separators and the comma as the decimal separator', () => {
    expect(parseVietnameseNumber('1.347,4')).toBe(1347.4);
    expect(parseVietnameseNumber('1.000.000')).toBe(1_000_000);
    expect(parseVietnameseNumber('3204,31')).toBe(3204.31);
    expect(parseVietnameseNumber(' -2,5 ')).toBe(-2.5);
    expect(parseVietnameseNumber(',5')).toBe(0.5);
  });

  it('accepts spaces as thousands separators', () => {
    expect(parseVietnameseNumber('1 347,4')).toBe(1347.4);
  });

  it('rejects text that is not a number instead of guessing', () => {
    expect(parseVietnameseNumber('')).toBeNull();
    expect(parseVietnameseNumber('abc')).toBeNull();
    expect(parseVietnameseNumber('1.5')).toBeNull();
    expect(parseVietnameseNumber('1,2,3')).toBeNull();
    expect(parseVietnameseNumber('12.34.567')).toBeNull();
  });

  it('reads English-style numbers when asked for English', () => {
    expect(parseNumber('1,347.4', { locale: 'en' })).toBe(1347.4);
    expect(parseNumber('1.347,4', { locale: 'en' })).toBeNull();
  });

  it('reads back what formatNumber writes', () => {
    for (const value of [0, 1347.4, -98765.43, 3204.31, 1_000_000]) {
      expect(parseVietnameseNumber(formatNumber(value))).toBe(value);
      expect(parseNumber(formatNumber(value, { locale: 'en' }), { locale: 'en' })).toBe(value);
    }
  });
});

describe('formatDate', () => {
  it('writes a date the Vietnamese administrative way, without leading zeros', () => {
    expect(formatDate('2018-03-14')).toBe('14/3/2018');
    expect(formatDate('2025-07-01')).toBe('1/7/2025');
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
  });

  it('writes a date with the month abbreviated in English', () => {
    expect(formatDate('2018-03-14', { locale: 'en' })).toBe('14 Mar 2018');
    expect(formatDate('2025-07-01', { locale: 'en' })).toBe('1 Jul 2025');
  });

  it('never shifts a date-only legal date, whatever the time zone offset', () => {
    expect(formatDate('2025-07-01', { utcOffsetMinutes: -600 })).toBe('1/7/2025');
    expect(formatDate('2025-07-01', { utcOffsetMinutes: 840 })).toBe('1/7/2025');
  });

  it('shows instants on the Vietnamese calendar by default', () => {
    // 20:00 UTC on 14 March is already 15 March in Hanoi.
    expect(formatDate('2018-03-14T20:00:00Z')).toBe('15/3/2018');
    expect(formatDate(new Date(Date.UTC(2018, 2, 14, 20, 0)))).toBe('15/3/2018');
    expect(formatDate(new Date(Date.UTC(2018, 2, 14, 20, 0)), { utcOffsetMinutes: 0 })).toBe('14/3/2018');
  });

  it('shows a dash for impossible dates and timestamps without a time zone', () => {
    expect(formatDate('2018-02-30')).toBe('—');
    expect(formatDate('14/3/2018')).toBe('—');
    expect(formatDate('2018-03-14T10:00:00')).toBe('—');
    expect(formatDate(new Date(Number.NaN))).toBe('—');
    expect(formatDate(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it('writes the Vietnamese date and a 24-hour time with leading zeros', () => {
    expect(formatDateTime('2018-03-14T02:05:00Z')).toBe('14/3/2018 09:05');
    expect(formatDateTime('2018-03-14T09:05:00+07:00')).toBe('14/3/2018 09:05');
    expect(formatDateTime('2018-03-14T16:30:00.123Z')).toBe('14/3/2018 23:30');
  });

  it('writes the English date with the same 24-hour time', () => {
    expect(formatDateTime('2018-03-14T02:05:00Z', { locale: 'en' })).toBe('14 Mar 2018 09:05');
  });
});

describe('toIsoDate', () => {
  it('gives the calendar date in Vietnam for a given instant', () => {
    expect(toIsoDate(new Date(Date.UTC(2025, 5, 30, 17, 0)))).toBe('2025-07-01');
    expect(toIsoDate(new Date(Date.UTC(2025, 5, 30, 16, 59)))).toBe('2025-06-30');
  });
});

describe('formatAdministrativeDateLine', () => {
  it('pads days below 10 and the months January and February only (Decree 30/2020)', () => {
    expect(formatAdministrativeDateLine('Hà Nội', '2026-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(formatAdministrativeDateLine('Hà Nội', '2026-02-28')).toBe('Hà Nội, ngày 28 tháng 02 năm 2026');
    expect(formatAdministrativeDateLine('Hà Nội', '2025-12-31')).toBe('Hà Nội, ngày 31 tháng 12 năm 2025');
    expect(formatAdministrativeDateLine('Đông Anh', '2025-03-09')).toBe('Đông Anh, ngày 09 tháng 3 năm 2025');
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatAdministrativeDateLine('Hà Nội', '2025-02-30')).toThrow(RangeError);
  });
});
