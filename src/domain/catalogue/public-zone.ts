import { foldVietnamese } from '../shared/text';
import { occupancy, occupiedHa } from '../zone/occupancy';
import { currentPrices, type PriceKind, type PriceUnit } from '../zone/price';
import type { LifecycleState } from '../zone/lifecycle';
import { familyOfKind, type ZoneKind } from '../zone/zone.schema';
import {
  effectivePublicFields,
  publishableFields,
  type CatalogueQuery,
  type PublicPrice,
  type PublicZoneCard,
  type PublishableFieldKey,
  type Readiness,
} from './catalogue.schema';

/**
 * A published zone as the registry holds it — every fact any public response could need. Nothing here is sent
 * as is: `publicCard` and `publicProfile` (catalogue-profile.ts) copy only the fields the zone's publication
 * makes public, so an unpublished field's key never appears in a response.
 */
export type CatalogueRecord = {
  id: string;
  code: string;
  name: string;
  kind: string;
  /** Folded name and code (zone.search_text). */
  searchText: string;
  communeCode: string | null;
  communeName: string | null;
  communeSearch: string | null;
  formerDistrictCode: string | null;
  formerDistrictName: string | null;
  formerDistrictSearch: string | null;
  declaredAreaHa: number | null;
  industrialLandHa: number | null;
  leasedHa: number | null;
  approvedHa: number | null;
  infrastructureCompleteHa: number | null;
  lifecycleState: string | null;
  wwtpStatus: string | null;
  wwtpCapacityM3Day: number | null;
  fireSafetyStatus: string | null;
  lat: number | null;
  lon: number | null;
  /** exact | commune | former_district | null */
  placement: string | null;
  /** The publishable fields the officers chose. */
  fields: string[];
  sectors: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactWebsite: string | null;
  developerName: string | null;
  developerNameEn: string | null;
  developerAddress: string | null;
  descriptions: { lang: string; text: string }[];
  prices: {
    kind: string;
    amount: string;
    currency: string;
    unit: string;
    validFrom: string;
    validTo: string | null;
  }[];
  documents: {
    id: string;
    title: string;
    fileName: string;
    mimeType: string;
    sizeBytes: number;
    docDate: string | null;
  }[];
};

/** Unleased industrial land, ha (Decree 32): industrial land − (leased + approved), never below 0; null without it. */
export function unleasedHa(record: Pick<CatalogueRecord, 'industrialLandHa' | 'leasedHa' | 'approvedHa'>) {
  if (record.industrialLandHa === null) return null;
  return round4(Math.max(0, record.industrialLandHa - occupiedHa(record)));
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

const operatingStates: readonly string[] = ['operating', 'operating_without_establishment'];
const buildingStates: readonly string[] = ['infrastructure_complete', 'construction'];

/**
 * How soon an investor can build: `now` — operating with unleased land; `within_year` — shared infrastructure
 * complete or under construction, with unleased land; null otherwise.
 */
export function readiness(record: CatalogueRecord): Readiness | null {
  const free = unleasedHa(record);
  if (free === null || free <= 0) return null;
  if (record.lifecycleState && operatingStates.includes(record.lifecycleState)) return 'now';
  if (record.lifecycleState && buildingStates.includes(record.lifecycleState)) return 'within_year';
  return null;
}

/** The prices of a zone as published, and the ones valid on `today`. */
export function publicPrices(record: CatalogueRecord, today: string) {
  const items: PublicPrice[] = record.prices.map((p) => ({
    kind: p.kind as PriceKind,
    amount: trimAmount(p.amount),
    currency: p.currency,
    unit: p.unit as PriceUnit,
    validFrom: p.validFrom,
    validTo: p.validTo,
  }));
  const current = currentPrices(items, today);
  return { items, sublease: current.sublease, sharedService: current.shared_service };
}

/** "45000.0000" → "45000", "12.5000" → "12.5". */
function trimAmount(amount: string): string {
  const [int = '0', frac = ''] = amount.split('.');
  const fraction = frac.replace(/0+$/, '');
  return fraction ? `${int}.${fraction}` : int;
}

/** The description to show for `lang`: that language's, else Vietnamese, else the first there is. */
export function pickDescription(record: CatalogueRecord, lang: string) {
  const exact = record.descriptions.find((d) => d.lang === lang);
  const chosen = exact ?? record.descriptions.find((d) => d.lang === 'vi') ?? record.descriptions[0] ?? null;
  return {
    text: chosen?.text ?? null,
    lang: chosen?.lang ?? null,
    translationMissing: !exact,
    langs: record.descriptions.map((d) => d.lang),
  };
}

/** The first sentence(s) of a description, at most ~200 characters. */
export function summaryOf(text: string | null): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 200) return flat;
  const cut = flat.slice(0, 200);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return end > 60
    ? cut.slice(0, end + 1)
    : `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : 200)}…`;
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether the fields public for a record include `key`. */
export function isPublic(record: Pick<CatalogueRecord, 'fields'>, key: PublishableFieldKey): boolean {
  return effectivePublicFields(record.fields).includes(key);
}

/**
 * The list's card: identity and unleased land always; every other key only when its field is published.
 * `distance` is set by a `near` search (and shown only with a published location).
 */
export function publicCard(
  record: CatalogueRecord,
  options: { today: string; lang: string; distanceKm?: number },
): PublicZoneCard {
  const pub = (key: PublishableFieldKey) => isPublic(record, key);
  const card: PublicZoneCard = {
    code: record.code,
    name: record.name,
    kind: record.kind as ZoneKind,
    family: familyOfKind(record.kind as ZoneKind),
    commune:
      record.communeCode && record.communeName
        ? { code: record.communeCode, name: record.communeName }
        : null,
    formerDistrict:
      record.formerDistrictCode && record.formerDistrictName
        ? { code: record.formerDistrictCode, name: record.formerDistrictName }
        : null,
    freeLandHa: unleasedHa(record),
  };
  if (pub('area')) {
    card.declaredAreaHa = record.declaredAreaHa;
    card.industrialLandHa = record.industrialLandHa;
  }
  if (pub('occupancy')) card.occupancy = occupancy(record);
  if (pub('status')) {
    card.lifecycleState = record.lifecycleState as LifecycleState | null;
    card.ready = readiness(record);
  }
  if (pub('wwtp')) card.wwtpStatus = record.wwtpStatus as PublicZoneCard['wwtpStatus'];
  if (pub('fireSafety'))
    card.fireSafetyStatus = record.fireSafetyStatus as PublicZoneCard['fireSafetyStatus'];
  if (pub('sectors')) card.sectors = [...record.sectors];
  if (pub('prices')) card.subleasePrice = publicPrices(record, options.today).sublease;
  if (pub('location')) {
    card.location =
      record.lat !== null && record.lon !== null
        ? { lat: record.lat, lon: record.lon, approximate: record.placement !== 'exact' }
        : null;
    if (options.distanceKm !== undefined) card.distanceKm = Math.round(options.distanceKm * 100) / 100;
  }
  if (pub('description')) card.summary = summaryOf(pickDescription(record, options.lang).text);
  return card;
}

/** The text a search looks in: name, code, commune and former district, folded. */
function haystack(record: CatalogueRecord): string {
  return [
    record.searchText,
    record.code.toLowerCase(),
    record.communeSearch ?? '',
    record.formerDistrictSearch ?? '',
  ]
    .join(' ')
    .toLowerCase();
}

/**
 * Whether a record matches the list's filters (all but `near`, which the caller applies with the distances).
 * A filter on a field matches only zones where that field is published: filtering never reveals a hidden value.
 */
export function matchesQuery(record: CatalogueRecord, query: CatalogueQuery, today: string): boolean {
  if (query.q) {
    const words = foldVietnamese(query.q).split(' ').filter(Boolean);
    const text = haystack(record);
    if (!words.every((w) => text.includes(w))) return false;
  }
  if (query.family && familyOfKind(record.kind as ZoneKind) !== query.family) return false;
  if (query.commune && record.communeCode !== query.commune) return false;
  if (query.formerDistrict && record.formerDistrictCode !== query.formerDistrict) return false;
  if (query.sector && !(isPublic(record, 'sectors') && record.sectors.includes(query.sector))) return false;
  if (query.freeLandMinHa !== undefined) {
    const free = unleasedHa(record);
    if (free === null || free < query.freeLandMinHa) return false;
  }
  if (query.priceMin !== undefined || query.priceMax !== undefined) {
    if (!isPublic(record, 'prices')) return false;
    const price = publicPrices(record, today).sublease;
    if (!price) return false;
    if (price.currency !== (query.priceCurrency ?? 'VND') || price.unit !== (query.priceUnit ?? 'm2_year')) {
      return false;
    }
    const amount = Number(price.amount);
    if (query.priceMin !== undefined && amount < query.priceMin) return false;
    if (query.priceMax !== undefined && amount > query.priceMax) return false;
  }
  if (query.ready) {
    if (!isPublic(record, 'status')) return false;
    const ready = readiness(record);
    if (ready === null || (query.ready === 'now' && ready !== 'now')) return false;
  }
  return true;
}

/**
 * Where a `near` search measures a zone from: its point when its location is published, else its commune's
 * centre (the commune is public; the zone's own coordinates are not).
 */
export function searchPoint(
  record: CatalogueRecord,
  communeCentres: ReadonlyMap<string, { lat: number; lon: number }>,
): { lat: number; lon: number } | null {
  if (isPublic(record, 'location') && record.lat !== null && record.lon !== null) {
    return { lat: record.lat, lon: record.lon };
  }
  return record.communeCode ? (communeCentres.get(record.communeCode) ?? null) : null;
}

/** The response keys a field governs, for every field not public on this record (the leak test's list). */
export function hiddenKeys(record: Pick<CatalogueRecord, 'fields'>): string[] {
  const open = effectivePublicFields(record.fields);
  return publishableFields.filter((f) => !open.includes(f.key)).flatMap((f) => [...f.covers]);
}
