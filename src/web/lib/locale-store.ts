/**
 * The current UI language, outside React so that the API client can send it with every request. The choice
 * persists in localStorage under `izis.locale`; Vietnamese is the default.
 */
export type Locale = 'vi' | 'en';

export const LOCALES: readonly Locale[] = ['vi', 'en'];
const STORAGE_KEY = 'izis.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : 'vi';
  } catch {
    // Storage can be unavailable (privacy mode, sandboxed frames): fall back to the default language.
    return 'vi';
  }
}

let current: Locale = readStoredLocale();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this tab.
  }
  for (const listener of listeners) listener();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
