import { useMemo } from 'react';
import {
  PAGE_SIZE,
  PublicApiError,
  publicUrls,
  useResource,
  type CatalogueFacets,
  type PublicZoneList,
} from '../api';
import { FiltersForm } from '../components/filters-form';
import { MapPanel } from '../components/map-panel';
import { LoadError, Skeleton } from '../components/status';
import { ZoneCard } from '../components/zone-card';
import { useCatalogue } from '../context';
import { EMPTY_FILTERS, filtersFromSearch, filtersToSearch, type CatalogueFilters } from '../filters';
import { formatDay, formatNum } from '../format';
import { useHead } from '../head';
import { navigate } from '../location';
import { homeHref } from '../routes';

/** Search, filters (in the address), the results as cards and, on demand, the map. */
export function HomePage({ search }: { search: string }) {
  const { lang, t } = useCatalogue();
  useHead(t('site.name'), t('site.description'), lang);
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => filtersToSearch(filters), [filters]);
  const facets = useResource<CatalogueFacets>(publicUrls.facets());
  const list = useResource<PublicZoneList>(publicUrls.zones(query, lang));

  const go = (next: CatalogueFilters, keepScroll = false) =>
    navigate(homeHref(filtersToSearch(next), lang), { keepScroll });
  const codesShown = useMemo(() => list.data?.items.map((zone) => zone.code), [list.data]);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="cat-home">
      <section className="cat-hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <FiltersForm filters={filters} facets={facets.data} onApply={(next) => go(next)} />
      </section>
      <section className="cat-results" aria-labelledby="results-heading" aria-busy={list.loading}>
        <div className="cat-results-head">
          <h2 id="results-heading">{t('results.heading')}</h2>
          <button
            type="button"
            className="cat-button"
            aria-pressed={filters.map}
            onClick={() => go({ ...filters, map: !filters.map }, true)}
          >
            {filters.map ? t('map.hide') : t('map.show')}
          </button>
        </div>
        {filters.map ? <MapPanel codes={codesShown} /> : null}
        {list.error ? (
          <LoadError
            error={list.error}
            onRetry={
              list.error instanceof PublicApiError && list.error.status === 400
                ? () => go(EMPTY_FILTERS)
                : list.retry
            }
          />
        ) : !list.data ? (
          <Skeleton lines={1} cards={3} />
        ) : (
          <>
            <p className="cat-count" aria-live="polite" data-testid="result-count">
              {t('results.count', { count: formatNum(lang, list.data.total) })}
              {' · '}
              <span className="cat-muted">
                {t('results.asOf', { date: formatDay(lang, list.data.asOf) })}
              </span>
            </p>
            {list.data.items.length === 0 ? (
              <p className="cat-empty">{t('results.none')}</p>
            ) : (
              <ul className="cat-cards">
                {list.data.items.map((zone) => (
                  <ZoneCard key={zone.code} zone={zone} />
                ))}
              </ul>
            )}
            {pages > 1 ? (
              <nav className="cat-pager" aria-label={t('results.heading')}>
                <button
                  type="button"
                  className="cat-button"
                  disabled={filters.page <= 1}
                  onClick={() => go({ ...filters, page: filters.page - 1 })}
                >
                  {t('results.previous')}
                </button>
                <span>
                  {t('results.page', { page: formatNum(lang, filters.page), pages: formatNum(lang, pages) })}
                </span>
                <button
                  type="button"
                  className="cat-button"
                  disabled={filters.page >= pages}
                  onClick={() => go({ ...filters, page: filters.page + 1 })}
                >
                  {t('results.next')}
                </button>
              </nav>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
