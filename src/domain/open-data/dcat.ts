import type { OpenDataIndex } from './open-data.schema';

/**
 * The open-data index as a DCAT-AP catalogue in JSON-LD (W3C DCAT 3, DCAT-AP 3): a `dcat:Catalog` whose
 * datasets each have their distributions (download addresses, media types), the licence (CC BY 4.0), the
 * publisher (the province) and `dct:modified` (when the figures were signed; the registry, computed live, has
 * none). The same datasets give the same document, so it carries a strong ETag.
 */
export function dcatCatalog(index: OpenDataIndex): Record<string, unknown> {
  const text = (t: { vi: string; en: string }) => [
    { '@value': t.vi, '@language': 'vi' },
    { '@value': t.en, '@language': 'en' },
  ];
  const publisher = { '@type': 'foaf:Organization', 'foaf:name': index.publisher };
  const licence = { '@id': index.licence.url };
  const dateTime = (v: string) => ({ '@value': v, '@type': 'xsd:dateTime' });
  const modified = index.datasets.flatMap((d) => (d.asOf ? [d.asOf] : [])).sort();
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': index.catalog,
    '@type': 'dcat:Catalog',
    'dct:title': text(index.title),
    'dct:description': text(index.description),
    'dct:publisher': publisher,
    'dct:license': licence,
    'dct:language': [
      { '@id': 'http://publications.europa.eu/resource/authority/language/VIE' },
      { '@id': 'http://publications.europa.eu/resource/authority/language/ENG' },
    ],
    ...(modified.length ? { 'dct:modified': dateTime(modified[modified.length - 1]!) } : {}),
    'dcat:dataset': index.datasets.map((d) => ({
      '@id': `${index.catalog}#${d.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': text(d.title),
      'dct:description': text(d.description),
      'dct:publisher': publisher,
      'dct:license': licence,
      ...(d.asOf ? { 'dct:modified': dateTime(d.asOf) } : {}),
      'dcat:keyword': [
        { '@value': 'cụm công nghiệp', '@language': 'vi' },
        { '@value': 'industrial cluster', '@language': 'en' },
      ],
      'dcat:distribution': d.distributions.map((x) => ({
        '@id': x.url,
        '@type': 'dcat:Distribution',
        'dct:title': `${d.id}.${x.format}`,
        'dcat:accessURL': { '@id': x.url },
        'dcat:downloadURL': { '@id': x.url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${x.mediaType}` },
        'dct:format': x.format.toUpperCase(),
        'dct:license': licence,
      })),
    })),
  };
}
