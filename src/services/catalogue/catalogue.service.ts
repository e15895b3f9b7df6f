import type { Db } from '../../db/client';
import { loadFingerprint } from '../../db/data-version';
import {
  catalogueLangs,
  publishableFieldKeys,
  familyLabels,
  type CatalogueFacets,
  type CatalogueLang,
  type CatalogueQuery,
  type PublicZone,
  type PublicZoneList,
  type ScorecardMethod,
} from '../../domain/catalogue/catalogue.schema';
import {
  distanceKm,
  isPublic,
  matchesQuery,
  pickDescription,
  publicCard,
  publicPrices,
  searchPoint,
  type CatalogueRecord,
} from '../../domain/catalogue/public-zone';
import { zonePageHead } from '../../domain/catalogue/page-head';
import { computeScorecard, scorecardMethod } from '../../domain/catalogue/scorecard';
import { catalogueSectors } from '../../domain/catalogue/sectors';
import { foldVietnamese } from '../../domain/shared/text';
import { toIsoDate } from '../../domain/format/format';
import { AppError } from '../../domain/shared/errors';
import { familyOfKind, type ZoneKind } from '../../domain/zone/zone.schema';
import type { ServiceDeps } from '../deps';
import type { DocumentStore } from '../document/document.store';
import { memo } from '../system/memo';
import { reportingCountsByZone } from './catalogue-reporting';
import {
  findPublicDocument,
  findPublishedZoneId,
  loadCommuneCentres,
  loadPublishedZones,
} from './catalogue.repository';

/**
 * The public catalogue (no sign-in). Every answer is computed from the published zones, loaded once per data
 * version (publication, descriptions and public documents move it too — migration 0018) and day (prices and
 * readiness depend on the day), and kept in services/system/memo.ts: a request reads the one-row data version,
 * then answers from memory; an unpublished field or zone is gone from the very next request, because that
 * change moved the version. `fingerprint` is also the public responses' ETag.
 */

/** Whether a zone is in the public catalogue: its id, or null when unknown or unpublished alike. */
export async function findPublishedZone(db: Db, code: string): Promise<string | null> {
  if (typeof code !== 'string' || code.length === 0 || code.length > 64) return null;
  return findPublishedZoneId(db, code);
}

type PublicDeps = Pick<ServiceDeps, 'db' | 'clock'>;

type Catalogue = {
  asOf: string;
  today: string;
  records: CatalogueRecord[];
  byCode: Map<string, CatalogueRecord>;
  communeCentres: Map<string, { lat: number; lon: number }>;
};

/**
 * The version of everything public, for caching: the numbers of every family a figure can read (a draft
 * saved moves none, docs/decisions/0029) and the day in Vietnam.
 */
export async function catalogueFingerprint(deps: PublicDeps): Promise<string> {
  return (await catalogueVersion(deps)).fingerprint;
}

async function catalogueVersion(deps: PublicDeps): Promise<{ fingerprint: string; today: string }> {
  const today = toIsoDate(deps.clock.now());
  return {
    fingerprint: `${await loadFingerprint(deps.db, ['records', 'accepted', 'filed'])}-${today}`,
    today,
  };
}

async function loadCatalogue(deps: PublicDeps, fingerprint: string, today: string): Promise<Catalogue> {
  return memo(deps.db, 'catalogue|records', fingerprint, async () => {
    const [records, communeCentres] = await Promise.all([
      loadPublishedZones(deps.db),
      loadCommuneCentres(deps.db),
    ]);
    return {
      asOf: deps.clock.now().toISOString(),
      today,
      records: records as CatalogueRecord[],
      byCode: new Map(records.map((r) => [r.code, r as CatalogueRecord])),
      communeCentres,
    };
  });
}

/** A public answer with the fingerprint it was computed at (the ETag). */
export type Versioned<T> = { fingerprint: string; value: T };

async function withCatalogue<T>(
  deps: PublicDeps,
  compute: (catalogue: Catalogue, fingerprint: string) => T | Promise<T>,
): Promise<Versioned<T>> {
  const { fingerprint, today } = await catalogueVersion(deps);
  const catalogue = await loadCatalogue(deps, fingerprint, today);
  return { fingerprint, value: await compute(catalogue, fingerprint) };
}

/** `GET /api/public/zones`: the published zones matching the filters, only their published fields. */
export async function listPublicZones(
  deps: PublicDeps,
  query: CatalogueQuery,
): Promise<Versioned<PublicZoneList>> {
  return withCatalogue(deps, (catalogue) => {
    const lang = query.lang ?? 'vi';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    let matches: { record: CatalogueRecord; distance?: number }[] = catalogue.records
      .filter((r) => matchesQuery(r, query, catalogue.today))
      .map((record) => ({ record }));
    if (query.near) {
      const centre = catalogue.communeCentres.get(query.near);
      if (!centre) {
        throw new AppError('validation', {
          fields: {
            near: {
              vi: `Không có xã, phường mã ${query.near} (hoặc chưa có tọa độ trung tâm).`,
              en: `No commune with code ${query.near} (or it has no centre on record).`,
            },
          },
        });
      }
      const radius = query.radiusKm ?? 10;
      matches = matches
        .map(({ record }) => {
          const point = searchPoint(record, catalogue.communeCentres);
          return { record, distance: point ? distanceKm(centre, point) : Number.POSITIVE_INFINITY };
        })
        .filter((m) => m.distance <= radius)
        .sort((a, b) => a.distance - b.distance || a.record.code.localeCompare(b.record.code));
    } else {
      matches.sort((a, b) => a.record.searchText.localeCompare(b.record.searchText));
    }
    const items = matches.slice((page - 1) * pageSize, page * pageSize).map(({ record, distance }) =>
      publicCard(record, {
        today: catalogue.today,
        lang,
        ...(distance !== undefined && Number.isFinite(distance) ? { distanceKm: distance } : {}),
      }),
    );
    return { asOf: catalogue.asOf, total: matches.length, page, pageSize, items };
  });
}

/** `GET /api/public/zones/{code}`: the public profile, or 404 for an unknown or unpublished zone alike. */
export async function getPublicZone(
  deps: PublicDeps,
  code: string,
  lang = 'vi',
): Promise<Versioned<PublicZone>> {
  return withCatalogue(deps, async (catalogue, fingerprint) => {
    const record = catalogue.byCode.get(code.toUpperCase()) ?? catalogue.byCode.get(code);
    if (!record) throw new AppError('not_found');
    const pub = (key: Parameters<typeof isPublic>[1]) => isPublic(record, key);
    const reporting = pub('reporting')
      ? ((
          await memo(deps.db, 'catalogue|reporting', fingerprint, () =>
            reportingCountsByZone(deps, catalogue.today),
          )
        ).get(record.code) ?? null)
      : null;
    const profile: PublicZone = {
      ...publicCard(record, { today: catalogue.today, lang }),
      documents: record.documents.map((d) => ({
        ...d,
        isPhoto: d.mimeType.startsWith('image/'),
        url: `/api/public/documents/${d.id}/file`,
      })),
      publishedFields: publishedFieldsOf(record),
      scorecard: computeScorecard(record, catalogue.today, reporting),
      asOf: catalogue.asOf,
    };
    if (pub('infrastructure')) profile.infrastructureCompleteHa = record.infrastructureCompleteHa;
    if (pub('wwtp')) profile.wwtpCapacityM3Day = record.wwtpCapacityM3Day;
    if (pub('prices')) profile.prices = { asOf: catalogue.today, ...publicPrices(record, catalogue.today) };
    if (pub('developer')) {
      profile.developer = {
        name: record.developerName,
        nameEn: record.developerNameEn,
        address: record.developerAddress,
        contactName: record.contactName,
        phone: record.contactPhone,
        email: record.contactEmail,
        website: record.contactWebsite,
      };
    }
    if (pub('description')) {
      const description = pickDescription(record, lang);
      profile.description = description.text;
      profile.descriptionLang = description.lang;
      profile.translationMissing = description.translationMissing;
      profile.descriptionLangs = description.langs;
    }
    return profile;
  });
}

/**
 * The title, meta description and language of a zone's public page, for the HTML the server sends at its
 * address (`/catalogue/zones/{code}`); null for an unknown or unpublished zone (the page then says so itself).
 */
export async function publicZonePageHead(
  deps: PublicDeps,
  code: string,
  lang: string | undefined,
): Promise<{ title: string; description: string | null; lang: CatalogueLang } | null> {
  const language = catalogueLangs.find((l) => l === lang) ?? 'vi';
  try {
    const zone = await getPublicZone(deps, code, language);
    return { ...zonePageHead(zone.value, language), lang: language };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** The keys of the fields this zone makes public, in the order of `publishableFieldKeys`. */
function publishedFieldsOf(record: CatalogueRecord): PublicZone['publishedFields'] {
  return publishableFieldKeys.filter((key) => isPublic(record, key));
}

/** `GET /api/public/facets`: communes, former districts, sectors and families that have published zones. */
export async function catalogueFacets(deps: PublicDeps): Promise<Versioned<CatalogueFacets>> {
  return withCatalogue(deps, (catalogue) => {
    const count = (values: (readonly [string, { vi: string; en: string }] | null)[]) => {
      const counts = new Map<string, { label: { vi: string; en: string }; count: number }>();
      for (const v of values) {
        if (!v) continue;
        const entry = counts.get(v[0]) ?? { label: v[1], count: 0 };
        entry.count += 1;
        counts.set(v[0], entry);
      }
      return [...counts.entries()]
        .map(([code, e]) => ({ code, label: e.label, count: e.count }))
        .sort((a, b) => foldVietnamese(a.label.vi).localeCompare(foldVietnamese(b.label.vi)));
    };
    const place = (code: string | null, name: string | null) =>
      code && name ? ([code, { vi: name, en: englishPlaceName(name) }] as const) : null;
    return {
      asOf: catalogue.asOf,
      families: count(
        catalogue.records.map((r) => {
          const family = familyOfKind(r.kind as ZoneKind);
          return [family, familyLabels[family]] as const;
        }),
      ).sort((a, b) => a.code.localeCompare(b.code)),
      communes: count(catalogue.records.map((r) => place(r.communeCode, r.communeName))),
      formerDistricts: count(catalogue.records.map((r) => place(r.formerDistrictCode, r.formerDistrictName))),
      sectors: count(
        catalogue.records
          .filter((r) => isPublic(r, 'sectors'))
          .flatMap((r) =>
            r.sectors.filter((s) => catalogueSectors[s]).map((s) => [s, catalogueSectors[s]!] as const),
          ),
      ).sort((a, b) => a.code.localeCompare(b.code)),
      langs: [...catalogueLangs],
    };
  });
}

const unitKinds: [RegExp, string][] = [
  [/^Xã /, 'commune'],
  [/^Phường /, 'ward'],
  [/^Thị trấn /, 'town'],
  [/^Huyện /, 'district'],
  [/^Quận /, 'urban district'],
  [/^Thị xã /, 'town'],
];

/** "Xã Đông Anh" → "Dong Anh commune": the usual English form of a Vietnamese unit's name. */
export function englishPlaceName(name: string): string {
  for (const [pattern, kind] of unitKinds) {
    if (pattern.test(name)) return `${withoutDiacritics(name.replace(pattern, ''))} ${kind}`;
  }
  return withoutDiacritics(name);
}

function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/**
 * `GET /api/public/zones.geojson`: published zones as points — the zone's point when its location is published,
 * else its commune's centre — with the card's published properties.
 */
export async function publicZonesGeoJson(deps: PublicDeps): Promise<Versioned<string>> {
  return withCatalogue(deps, (catalogue) =>
    memoText(deps.db, 'catalogue|geojson', catalogue, () => {
      const features = catalogue.records.flatMap((record) => {
        const point = searchPoint(record, catalogue.communeCentres);
        if (!point) return [];
        const card = publicCard(record, { today: catalogue.today, lang: 'vi' });
        const approximate = !(isPublic(record, 'location') && record.placement === 'exact');
        return [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
            properties: { ...card, approximate },
          },
        ];
      });
      return JSON.stringify({ type: 'FeatureCollection', features });
    }),
  );
}

/** A text computed once per catalogue load (kept beside it). */
const texts = new WeakMap<Catalogue, Map<string, string>>();
function memoText(_db: Db, key: string, catalogue: Catalogue, compute: () => string): string {
  let cache = texts.get(catalogue);
  if (!cache) texts.set(catalogue, (cache = new Map()));
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = compute()));
  return text;
}

/** The published zones' codes (sitemap) — and the records, for open data. */
export async function publishedRecords(
  deps: PublicDeps,
): Promise<Versioned<{ asOf: string; today: string; records: CatalogueRecord[] }>> {
  return withCatalogue(deps, (catalogue) => ({
    asOf: catalogue.asOf,
    today: catalogue.today,
    records: catalogue.records,
  }));
}

/** `GET /sitemap.xml`: the catalogue's home and every published zone's page. */
export async function catalogueSitemap(deps: PublicDeps, baseUrl: string): Promise<Versioned<string>> {
  return withCatalogue(deps, (catalogue) =>
    memoText(deps.db, `sitemap|${baseUrl}`, catalogue, () => {
      const escape = (s: string) =>
        s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const urls = [
        `${baseUrl}/catalogue`,
        ...catalogue.records.map((r) => `${baseUrl}/catalogue/zones/${encodeURIComponent(r.code)}`),
      ];
      return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        urls
          .map((u) => `  <url><loc>${escape(u)}</loc><lastmod>${catalogue.today}</lastmod></url>\n`)
          .join('') +
        '</urlset>\n'
      );
    }),
  );
}

/** `GET /api/public/scorecard-method`. */
export function getScorecardMethod(): ScorecardMethod {
  return scorecardMethod();
}

/** The file of a public document of a published zone, or 404 (unknown, not public, withdrawn, unpublished zone). */
export async function openPublicDocument(
  deps: PublicDeps & Pick<ServiceDeps, 'log'>,
  store: DocumentStore,
  id: string,
) {
  const document = await findPublicDocument(deps.db, id);
  if (!document) throw new AppError('not_found');
  const file = await store.read(document.sha256);
  if (!file) {
    deps.log.error({ documentId: id }, 'the file of a public document is missing from the upload directory');
    throw new AppError('internal');
  }
  return { document, stream: file.stream, sizeBytes: file.sizeBytes };
}
