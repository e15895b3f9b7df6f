import { describe, expect, it } from 'vitest';
import { checkTaxCode, normalizeTaxCode, taxCodeCheckDigit } from './tax-code';

describe('Vietnamese tax codes (MST)', () => {
  it('accept a real 10-digit code whose check digit is right', () => {
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(checkTaxCode('0100109106')).toBeNull();
  });

  it('accept a 13-digit branch code, with or without the hyphen', () => {
    expect(checkTaxCode('0100109106-001')).toBeNull();
    expect(checkTaxCode('0100109106001')).toBeNull();
    expect(normalizeTaxCode('0100109106001')).toBe('0100109106-001');
  });

  it('refuse a wrong check digit, naming the code', () => {
    expect(checkTaxCode('0100109107')?.vi).toBe('Mã số thuế 0100109107 sai chữ số kiểm tra.');
  });

  it('refuse wrong lengths and branch 000', () => {
    expect(checkTaxCode('12345')).not.toBeNull();
    expect(checkTaxCode('0100109106-000')).not.toBeNull();
    expect(checkTaxCode('01001091061')).not.toBeNull();
  });
});
