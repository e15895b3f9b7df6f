import { isCatalogueLang, type CatalogueLang } from './i18n/i18n';

/** The catalogue's own addresses, all under /catalogue (served with no sign-in); the language is `?lang=`. */
export const CATALOGUE_BASE = '/catalogue';

export type CatalogueRoute =
  { page: 'home' } | { page: 'zone'; code: string } | { page: 'method' } | { page: 'notFound' };

export function routeOf(pathname: string): CatalogueRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === CATALOGUE_BASE) return { page: 'home' };
  if (path === `${CATALOGUE_BASE}/method`) return { page: 'method' };
  const zone = /^\/catalogue\/zones\/([^/]+)$/.exec(path);
  if (zone?.[1]) {
    try {
      return { page: 'zone', code: decodeURIComponent(zone[1]) };
    } catch {
      return { page: 'notFound' };
    }
  }
  return { page: 'notFound' };
}

function withLang(path: string, params: URLSearchParams, lang: CatalogueLang): string {
  const query = new URLSearchParams(params);
  query.delete('lang');
  if (lang !== 'vi') query.set('lang', lang);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The stable, shareable address of a zone: `/catalogue/zones/{code}` (+ `?lang=` unless Vietnamese). */
export function zoneHref(code: string, lang: CatalogueLang): string {
  return withLang(`${CATALOGUE_BASE}/zones/${encodeURIComponent(code)}`, new URLSearchParams(), lang);
}

export function methodHref(lang: CatalogueLang): string {
  return withLang(`${CATALOGUE_BASE}/method`, new URLSearchParams(), lang);
}

/** The home page with the given search (the filters live in the address). */
export function homeHref(search: URLSearchParams | string, lang: CatalogueLang): string {
  return withLang(CATALOGUE_BASE, new URLSearchParams(search), lang);
}

/** The same address in another language: path and filters kept, only `lang` changes. */
export function switchLangHref(pathname: string, search: string, lang: CatalogueLang): string {
  return withLang(pathname, new URLSearchParams(search), lang);
}

export { isCatalogueLang };
