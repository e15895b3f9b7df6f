import { describe, expect, it } from 'vitest';
import { typedAmount } from './amount';

describe('typedAmount', () => {
  it('reads Vietnamese grouping and decimal comma into the API decimal string', () => {
    expect(typedAmount('1.500.000', 'vi')).toEqual({ ok: true, decimal: '1500000' });
    expect(typedAmount('1.500.000,5', 'vi')).toEqual({ ok: true, decimal: '1500000.5' });
    expect(typedAmount(' 45 000 000 000 ', 'vi')).toEqual({ ok: true, decimal: '45000000000' });
    expect(typedAmount('0', 'vi')).toEqual({ ok: true, decimal: '0' });
    expect(typedAmount('007', 'vi')).toEqual({ ok: true, decimal: '7' });
  });

  it('reads English grouping in English', () => {
    expect(typedAmount('1,500,000.25', 'en')).toEqual({ ok: true, decimal: '1500000.25' });
    expect(typedAmount('2000000', 'en')).toEqual({ ok: true, decimal: '2000000' });
  });

  it('keeps every digit of an 18-digit amount (no float on the way)', () => {
    expect(typedAmount('123.456.789.012.345.678,99', 'vi')).toEqual({
      ok: true,
      decimal: '123456789012345678.99',
    });
    expect(typedAmount('1234567890123456789', 'vi')).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('refuses what it would have to guess, negatives and a third decimal', () => {
    expect(typedAmount('1.5', 'vi')).toEqual({ ok: false, problem: 'format' });
    expect(typedAmount('1,5,0', 'vi')).toEqual({ ok: false, problem: 'format' });
    expect(typedAmount('12a', 'vi')).toEqual({ ok: false, problem: 'format' });
    expect(typedAmount('', 'vi')).toEqual({ ok: false, problem: 'format' });
    expect(typedAmount('-3', 'vi')).toEqual({ ok: false, problem: 'negative' });
    expect(typedAmount('1,234', 'vi')).toEqual({ ok: false, problem: 'decimals' });
    expect(typedAmount('1.000,5', 'en')).toEqual({ ok: false, problem: 'format' });
  });
});
