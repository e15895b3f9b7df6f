import { formatDate, formatNumber } from '../../domain/format/format';
import { HTML_LANG, type CatalogueLang } from './i18n/i18n';
import { SECTOR_NAMES } from './i18n/sectors';

/**
 * Numbers and dates in the interface language: Vietnamese through the registry's own formatters
 * (`domain/format`: "1.347,4", "14/3/2018"), the other languages through the browser's Intl.
 */
export function formatNum(lang: CatalogueLang, value: number | string | null | undefined, maxDigits = 2) {
  if (value === null || value === undefined || value === '') return '—';
  if (lang === 'vi') return formatNumber(value, { maxFractionDigits: maxDigits });
  const number = Number(value);
  if (!Number.isFinite(number)) return '—';
  return new Intl.NumberFormat(HTML_LANG[lang], { maximumFractionDigits: maxDigits }).format(number);
}

export function formatHa(lang: CatalogueLang, value: number | null | undefined): string {
  const number = formatNum(lang, value);
  return number === '—' ? number : `${number} ha`;
}

/** A ratio (0–1) as a percentage: "92,3 %" in Vietnamese, "92.3%" in English. */
export function formatRatio(lang: CatalogueLang, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const percent = formatNum(lang, Math.round(ratio * 1000) / 10, 1);
  return lang === 'vi' ? `${percent} %` : `${percent}%`;
}

/** A calendar date (YYYY-MM-DD) or an instant (ISO timestamp, shown in Vietnam time). */
export function formatDay(lang: CatalogueLang, value: string | null | undefined): string {
  if (!value) return '—';
  if (lang === 'vi') return formatDate(value);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(HTML_LANG[lang], {
    dateStyle: 'medium',
    timeZone: dateOnly ? 'UTC' : 'Asia/Ho_Chi_Minh',
  }).format(date);
}

/** A label the API gives in Vietnamese and English: Vietnamese for Vietnamese, English for every other language. */
export function pickLabel(lang: CatalogueLang, label: { vi: string; en: string }): string {
  return lang === 'vi' ? label.vi : label.en;
}

/** A VSIC division's name: the API's Vietnamese or English, or the catalogue's own Japanese, Korean, Chinese. */
export function sectorName(lang: CatalogueLang, code: string, label?: { vi: string; en: string }): string {
  if (lang === 'ja' || lang === 'ko' || lang === 'zh') {
    const own = SECTOR_NAMES[code]?.[lang];
    if (own) return own;
  }
  return label ? pickLabel(lang, label) : code;
}
