import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersFromSearch, filtersToSearch, suggestCommunes } from './filters';
import { routeOf, switchLangHref, zoneHref } from './routes';

describe('the catalogue filters in the address', () => {
  it('round-trip through the query string', () => {
    const filters = {
      ...EMPTY_FILTERS,
      q: 'phu nghia',
      freeLandMinHa: 5,
      commune: '10123',
      radiusKm: 10,
      formerDistrict: '277',
      family: 'CCN' as const,
      sector: 'C26',
      priceMin: 50,
      priceMax: 120,
      priceCurrency: 'USD' as const,
      ready: 'within_year' as const,
      page: 2,
      map: true,
    };
    expect(filtersFromSearch(`?${filtersToSearch(filters).toString()}`)).toEqual(filters);
  });

  it('send a commune with a radius as near + radiusKm and one without as commune', () => {
    expect(filtersToSearch({ ...EMPTY_FILTERS, commune: 'X', radiusKm: 5 }).toString()).toBe(
      'near=X&radiusKm=5',
    );
    expect(filtersToSearch({ ...EMPTY_FILTERS, commune: 'X' }).toString()).toBe('commune=X');
  });

  it('ignore values that cannot be read instead of failing', () => {
    expect(filtersFromSearch('?freeLandMinHa=abc&family=XYZ&ready=soon&page=-3')).toEqual(EMPTY_FILTERS);
  });
});

describe('commune suggestions', () => {
  const communes = [
    { code: '1', name: 'Phú Nghĩa' },
    { code: '2', name: 'Nghĩa Đô' },
    { code: '3', name: 'Thanh Oai' },
    { code: '4', name: 'Đông Anh' },
  ];

  it('match names typed without diacritics, names starting with the text first', () => {
    expect(suggestCommunes(communes, 'nghia').map((c) => c.name)).toEqual(['Nghĩa Đô', 'Phú Nghĩa']);
    expect(suggestCommunes(communes, 'dong anh').map((c) => c.code)).toEqual(['4']);
    expect(suggestCommunes(communes, 'PHU NGHIA').map((c) => c.code)).toEqual(['1']);
  });

  it('suggest nothing for text no name contains', () => {
    expect(suggestCommunes(communes, 'xyz')).toEqual([]);
  });
});

describe('catalogue addresses', () => {
  it('give each zone a stable address with the language in ?lang=', () => {
    expect(zoneHref('CCN-01', 'vi')).toBe('/catalogue/zones/CCN-01');
    expect(zoneHref('CCN 01', 'ja')).toBe('/catalogue/zones/CCN%2001?lang=ja');
    expect(routeOf('/catalogue/zones/CCN%2001')).toEqual({ page: 'zone', code: 'CCN 01' });
    expect(routeOf('/catalogue/')).toEqual({ page: 'home' });
    expect(routeOf('/catalogue/method')).toEqual({ page: 'method' });
    expect(routeOf('/catalogue/nothing/here')).toEqual({ page: 'notFound' });
  });

  it('keep the path and the filters when the language changes', () => {
    expect(switchLangHref('/catalogue', '?q=thanh&lang=en', 'ja')).toBe('/catalogue?q=thanh&lang=ja');
    expect(switchLangHref('/catalogue/zones/A', '?lang=en', 'vi')).toBe('/catalogue/zones/A');
  });
});
