import { useEffect, useMemo, useRef } from 'react';
import { PageFrame } from './components/page-frame';
import { CatalogueContext } from './context';
import { useHead } from './head';
import { langFromSearch, translator } from './i18n/i18n';
import { useCatalogueLocation } from './location';
import { HomePage } from './pages/home-page';
import { MethodPage } from './pages/method-page';
import { ZonePage } from './pages/zone-page';
import { homeHref, routeOf } from './routes';
import { Link } from './components/link';
import { useCatalogue } from './context';

function NotFound() {
  const { lang, t } = useCatalogue();
  useHead(`${t('error.pageNotFound')} — ${t('site.shortName')}`, t('site.description'), lang);
  return (
    <div>
      <h1>{t('error.pageNotFound')}</h1>
      <p>
        <Link href={homeHref('', lang)}>{t('nav.home')}</Link>
      </p>
    </div>
  );
}

/** The public catalogue: the address decides the page and, through `?lang=`, the language. */
export function CatalogueApp() {
  const { pathname, search } = useCatalogueLocation();
  const lang = langFromSearch(search);
  const context = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const route = routeOf(pathname);
  // A new page moves the keyboard and screen-reader focus to its content (not on the first load).
  const firstPath = useRef(pathname);
  useEffect(() => {
    if (firstPath.current === pathname) return;
    firstPath.current = '';
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
  // The search page's address without the language: changing only `lang` keeps the filters, and the key.
  const homeSearch = useMemo(() => {
    const p = new URLSearchParams(search);
    p.delete('lang');
    return p.toString();
  }, [search]);
  return (
    <CatalogueContext.Provider value={context}>
      <PageFrame>
        {route.page === 'home' ? (
          <HomePage search={homeSearch} />
        ) : route.page === 'zone' ? (
          <ZonePage code={route.code} />
        ) : route.page === 'method' ? (
          <MethodPage />
        ) : (
          <NotFound />
        )}
      </PageFrame>
    </CatalogueContext.Provider>
  );
}
