import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { getLocale, setLocale, subscribeLocale, type Locale } from './locale-store';
import { messages, type MessageKey } from './messages';

export type { Locale } from './locale-store';
export type { MessageKey } from './messages';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Fills `{name}` placeholders; a placeholder without a value stays visible so the gap is noticed. */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = messages[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

type LocaleContextValue = { locale: Locale; t: Translate };

function makeValue(locale: Locale): LocaleContextValue {
  return { locale, t: (key, params) => translate(locale, key, params) };
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

function useStoreLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

/**
 * Provides the current language (vi by default, persisted in localStorage `izis.locale`) and its translation
 * function. antd's ConfigProvider and dayjs follow it through `UiProvider`, which lives with the antd-based
 * pages so that antd stays out of the entry chunk.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const locale = useStoreLocale();
  const value = useMemo(() => makeValue(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  const context = useContext(LocaleContext);
  const storeLocale = useStoreLocale();
  return context?.locale ?? storeLocale;
}

/** The translation function for the current language: `t('nav.users')`, `t('table.total', { total })`. */
export function useT(): Translate {
  const context = useContext(LocaleContext);
  const locale = useStoreLocale();
  return useMemo(() => context?.t ?? makeValue(locale).t, [context, locale]);
}

/** Switches the language for this browser only; `useChangeLocale` also saves it for the signed-in user. */
export function changeLocale(locale: Locale): void {
  setLocale(locale);
}
