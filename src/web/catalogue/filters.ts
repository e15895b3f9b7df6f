import { foldVietnamese } from '../../domain/shared/text';

/** How far "near a commune" reaches; 0 = only the commune itself. */
export const RADIUS_CHOICES_KM = [0, 5, 10, 20] as const;

export type ReadyFilter = 'now' | 'within_year';
export type FamilyFilter = 'KCN' | 'CCN';
export const PRICE_CURRENCIES = ['VND', 'USD'] as const;
export type PriceCurrency = (typeof PRICE_CURRENCIES)[number];

/** The home page's search, as it is kept in the address (so a result list can be shared). */
export type CatalogueFilters = {
  q: string;
  freeLandMinHa: number | null;
  /** A commune's admin-unit code; with `radiusKm` > 0 zones near it are included too. */
  commune: string | null;
  radiusKm: number;
  /** A former district's admin-unit code (before the 2025 reorganisation). */
  formerDistrict: string | null;
  family: FamilyFilter | null;
  sector: string | null;
  priceMin: number | null;
  priceMax: number | null;
  /** The currency of the price range (per m² per year); VND when not said. */
  priceCurrency: PriceCurrency;
  ready: ReadyFilter | null;
  page: number;
  map: boolean;
};

export const EMPTY_FILTERS: CatalogueFilters = {
  q: '',
  freeLandMinHa: null,
  commune: null,
  radiusKm: 0,
  formerDistrict: null,
  family: null,
  sector: null,
  priceMin: null,
  priceMax: null,
  priceCurrency: 'VND',
  ready: null,
  page: 1,
  map: false,
};

function positive(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Reads the filters from the address; anything unreadable is ignored rather than refused. */
export function filtersFromSearch(search: string): CatalogueFilters {
  const p = new URLSearchParams(search);
  const family = p.get('family');
  const ready = p.get('ready');
  const near = p.get('near');
  const radius = positive(p.get('radiusKm'));
  const page = Math.trunc(positive(p.get('page')) ?? 1);
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    freeLandMinHa: positive(p.get('freeLandMinHa')),
    commune: near || p.get('commune') || null,
    radiusKm: near && radius ? radius : 0,
    formerDistrict: p.get('formerDistrict') || null,
    family: family === 'KCN' || family === 'CCN' ? family : null,
    sector: p.get('sector') || null,
    priceMin: positive(p.get('priceMin')),
    priceMax: positive(p.get('priceMax')),
    priceCurrency: p.get('priceCurrency') === 'USD' ? 'USD' : 'VND',
    ready: ready === 'now' || ready === 'within_year' ? ready : null,
    page: page >= 1 ? page : 1,
    map: p.get('map') === '1',
  };
}

/**
 * The filters as address parameters (only those set). A commune with a radius is `near` + `radiusKm`,
 * without one `commune` — the public API's own parameters, so the same query string can be sent to it.
 */
export function filtersToSearch(filters: CatalogueFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.q.trim()) p.set('q', filters.q.trim());
  if (filters.freeLandMinHa !== null) p.set('freeLandMinHa', String(filters.freeLandMinHa));
  if (filters.commune) {
    if (filters.radiusKm > 0) {
      p.set('near', filters.commune);
      p.set('radiusKm', String(filters.radiusKm));
    } else p.set('commune', filters.commune);
  }
  if (filters.formerDistrict) p.set('formerDistrict', filters.formerDistrict);
  if (filters.family) p.set('family', filters.family);
  if (filters.sector) p.set('sector', filters.sector);
  if (filters.priceMin !== null) p.set('priceMin', String(filters.priceMin));
  if (filters.priceMax !== null) p.set('priceMax', String(filters.priceMax));
  if ((filters.priceMin !== null || filters.priceMax !== null) && filters.priceCurrency !== 'VND') {
    p.set('priceCurrency', filters.priceCurrency);
  }
  if (filters.ready) p.set('ready', filters.ready);
  if (filters.page > 1) p.set('page', String(filters.page));
  if (filters.map) p.set('map', '1');
  return p;
}

/** How many filters narrow the list (the free-text search and paging aside). */
export function activeFilterCount(filters: CatalogueFilters): number {
  return [
    filters.freeLandMinHa !== null,
    filters.commune !== null,
    filters.formerDistrict !== null,
    filters.family !== null,
    filters.sector !== null,
    filters.priceMin !== null || filters.priceMax !== null,
    filters.ready !== null,
  ].filter(Boolean).length;
}

export type CommuneOption = { code: string; name: string };

/**
 * Communes whose name matches what was typed, with or without diacritics ("phu nghia" finds "Phú Nghĩa"):
 * names starting with the text first, then names with a word starting with it, then any other match.
 */
export function suggestCommunes<T extends CommuneOption>(
  communes: readonly T[],
  typed: string,
  limit = 8,
): T[] {
  const text = foldVietnamese(typed);
  if (!text) return communes.slice(0, limit);
  const ranked: { commune: T; rank: number }[] = [];
  for (const commune of communes) {
    const name = foldVietnamese(commune.name);
    const at = name.indexOf(text);
    if (at < 0) continue;
    const rank = at === 0 ? 0 : name[at - 1] === ' ' ? 1 : 2;
    ranked.push({ commune, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.commune.name.localeCompare(b.commune.name, 'vi'))
    .slice(0, limit)
    .map((entry) => entry.commune);
}
