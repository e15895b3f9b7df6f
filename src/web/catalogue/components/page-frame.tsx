import type { ReactNode } from 'react';
import { useCatalogue } from '../context';
import { catalogueLangs, LANG_AUTONYMS, type CatalogueLang } from '../i18n/i18n';
import { navigate, useCatalogueLocation } from '../location';
import { homeHref, methodHref, switchLangHref } from '../routes';
import { Link } from './link';

const OPEN_DATA = [
  { format: 'CSV', href: '/api/open-data/zones.csv' },
  { format: 'XLSX', href: '/api/open-data/zones.xlsx' },
  { format: 'GeoJSON', href: '/api/open-data/zones.geojson' },
  { format: 'JSON', href: '/api/open-data/zones.json' },
  // The machine-readable list of every open dataset (DCAT), including the signed statutory aggregates.
  { format: 'DCAT', href: '/api/open-data/catalog.jsonld' },
];

function LanguageSwitch() {
  const { lang, t } = useCatalogue();
  const { pathname, search } = useCatalogueLocation();
  return (
    <label className="cat-lang">
      <span className="cat-visually-hidden">{t('nav.language')}</span>
      <select
        value={lang}
        aria-label={t('nav.language')}
        onChange={(event) =>
          navigate(switchLangHref(pathname, search, event.target.value as CatalogueLang), {
            replace: true,
            keepScroll: true,
          })
        }
      >
        {catalogueLangs.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANG_AUTONYMS[code]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Header (name, method, language), the page, and the footer with the licence and the personal-data notice. */
export function PageFrame({ children }: { children: ReactNode }) {
  const { lang, t } = useCatalogue();
  return (
    <>
      <a className="cat-skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="cat-header">
        <Link className="cat-brand" href={homeHref('', lang)}>
          <span aria-hidden className="cat-logo">
            IZ
          </span>
          <span>{t('site.shortName')}</span>
        </Link>
        <nav className="cat-nav" aria-label={t('site.shortName')}>
          <Link href={methodHref(lang)}>{t('nav.method')}</Link>
          <LanguageSwitch />
        </nav>
      </header>
      <main id="main" className="cat-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="cat-footer">
        <section>
          <h2>{t('footer.openData')}</h2>
          <p>{t('footer.licence')}</p>
          <p>
            {t('footer.downloads', { formats: '' })}
            {OPEN_DATA.map((item, index) => (
              <span key={item.format}>
                {index > 0 ? ' · ' : ''}
                <a href={item.href}>{item.format}</a>
              </span>
            ))}
            {' · '}
            <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">
              CC BY 4.0
            </a>
          </p>
          <p className="cat-muted">{t('footer.source')}</p>
        </section>
        <section>
          <h2>{t('footer.privacyTitle')}</h2>
          <p>{t('footer.privacy')}</p>
          <p>
            <a href="/">{t('footer.staff')}</a>
          </p>
        </section>
      </footer>
    </>
  );
}
