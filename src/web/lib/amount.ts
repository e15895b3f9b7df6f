import type { Locale } from './i18n';

export type TypedAmount =
  { ok: true; decimal: string } | { ok: false; problem: 'format' | 'negative' | 'decimals' | 'tooLarge' };

/**
 * An amount of money as typed in the UI's language — "1.500.000,50" in Vietnamese, "1,500,000.50" in
 * English, or plain digits — into the API's decimal string ("1500000.50"), without going through a float
 * (amounts reach 18 digits). Thousands groups must be well formed ("1.5" is refused, not guessed), at most
 * two decimals, never negative.
 */
export function typedAmount(text: string, locale: Locale): TypedAmount {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (compact.startsWith('-')) return { ok: false, problem: 'negative' };
  const [group, decimal] = locale === 'vi' ? ['.', ','] : [',', '.'];
  const parts = compact.split(decimal);
  if (compact === '' || parts.length > 2) return { ok: false, problem: 'format' };
  const [intPart = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, problem: 'format' };
  let digits: string;
  if (intPart.includes(group)) {
    const [first = '', ...rest] = intPart.split(group);
    if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g)))
      return { ok: false, problem: 'format' };
    digits = first + rest.join('');
  } else {
    if (!/^\d+$/.test(intPart)) return { ok: false, problem: 'format' };
    digits = intPart;
  }
  if (fraction !== undefined && fraction.length > 2) return { ok: false, problem: 'decimals' };
  digits = digits.replace(/^0+(?=\d)/, '');
  if (digits.length > 18) return { ok: false, problem: 'tooLarge' };
  return { ok: true, decimal: fraction === undefined ? digits : `${digits}.${fraction}` };
}
