import type { LocalizedText } from '../shared/errors';

/**
 * Vietnamese tax code — mã số thuế (MST): 10 digits whose last is a check digit, or 13 for a dependent
 * unit/branch (the parent's 10 digits + a 3-digit sequence 001–999, often written with a hyphen).
 * Check digit: N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11;
 * codes for which that gives 10 are never issued.
 */
const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function normalizeTaxCode(input: string): string {
  return input.replace(/[\s.]/g, '').replace(/^(\d{10})-?(\d{3})$/, '$1-$2');
}

export function taxCodeCheckDigit(first9: string): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first9[i]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

export function checkTaxCode(input: string): LocalizedText | null {
  const code = normalizeTaxCode(input);
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!match) {
    return {
      vi: 'Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc (ví dụ 0100109106-001).',
      en: 'A tax code has 10 digits, or 13 for a branch (e.g. 0100109106-001).',
    };
  }
  const ten = match[1]!;
  const expected = taxCodeCheckDigit(ten.slice(0, 9));
  if (expected === null || expected !== Number(ten[9])) {
    return {
      vi: `Mã số thuế ${ten} sai chữ số kiểm tra.`,
      en: `Tax code ${ten} has a wrong check digit.`,
    };
  }
  if (match[2] === '000') {
    return {
      vi: 'Số thứ tự đơn vị phụ thuộc phải từ 001 đến 999.',
      en: 'The branch number must be 001–999.',
    };
  }
  return null;
}
