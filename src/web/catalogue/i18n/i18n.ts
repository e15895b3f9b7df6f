import { en } from './en';
import { ja } from './ja';
import { ko } from './ko';
import { vi, type Dictionary, type MessageKey } from './vi';
import { zh } from './zh';

/** The catalogue's interface languages: Vietnamese first, then English and the largest FDI sources. */
export const catalogueLangs = ['vi', 'en', 'ja', 'ko', 'zh'] as const;
export type CatalogueLang = (typeof catalogueLangs)[number];

/** Each language's own name, as the language switcher shows it (never translated). */
export const LANG_AUTONYMS: Record<CatalogueLang, string> = {
  vi: 'Tiếng Việt',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  zh: '中文',
};

/** The `lang` attribute of the page (BCP 47): simplified Chinese is `zh-Hans`. */
export const HTML_LANG: Record<CatalogueLang, string> = {
  vi: 'vi',
  en: 'en',
  ja: 'ja',
  ko: 'ko',
  zh: 'zh-Hans',
};

export const dictionaries: Record<CatalogueLang, Dictionary> = { vi, en, ja, ko, zh };

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isCatalogueLang(value: unknown): value is CatalogueLang {
  return typeof value === 'string' && (catalogueLangs as readonly string[]).includes(value);
}

/** The language named by `?lang=`; Vietnamese when it is absent or not one of the five. */
export function langFromSearch(search: string): CatalogueLang {
  const lang = new URLSearchParams(search).get('lang');
  return isCatalogueLang(lang) ? lang : 'vi';
}

/** `{name}` placeholders filled from `params`; an unknown placeholder is left as written. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(lang: CatalogueLang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => interpolate(dictionary[key], params);
}

/** The name of `lang` in the interface language `ui` ("tiếng Nhật" in Vietnamese, "Japanese" in English). */
export function langName(t: Translate, lang: string): string {
  return isCatalogueLang(lang) ? t(`lang.${lang}`) : lang;
}
