import type { Locale } from './locale-store';

export { COUNTRY_CODES } from '../../domain/shared/countries';
import { COUNTRY_CODES } from '../../domain/shared/countries';

/** The investor countries seen most in Hanoi's parks, offered first. */
const COMMON = ['VN', 'JP', 'KR', 'CN', 'TW', 'SG', 'HK', 'US', 'DE', 'FR', 'TH', 'MY'];

const namers = new Map<Locale, Intl.DisplayNames | null>();

function namer(locale: Locale): Intl.DisplayNames | null {
  if (!namers.has(locale)) {
    try {
      namers.set(locale, new Intl.DisplayNames([locale === 'vi' ? 'vi-VN' : 'en'], { type: 'region' }));
    } catch {
      namers.set(locale, null);
    }
  }
  return namers.get(locale) ?? null;
}

/** "Nhật Bản" (vi) / "Japan" (en); the code itself when the browser has no name for it. */
export function countryName(code: string, locale: Locale): string {
  try {
    return namer(locale)?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Options for a country picker: common investor countries first, then the rest by name; "Nhật Bản (JP)". */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const option = (value: string) => ({ value, label: `${countryName(value, locale)} (${value})` });
  const rest = COUNTRY_CODES.filter((code) => !COMMON.includes(code))
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return [...COMMON.map(option), ...rest];
}
