import { z } from 'zod';
import { lifecycleStates } from '../zone/lifecycle';
import { fireSafetyStatuses, wwtpStatuses, zoneKinds } from '../zone/zone.schema';
import { priceCurrencies, priceKinds, priceUnits } from '../zone/price';
import type { LocalizedText } from '../shared/errors';
import { catalogueSectorCodes } from './sectors';

/**
 * The public investor catalogue — danh mục kêu gọi đầu tư (issue 14): the contracts of the public API
 * (`/api/public/…`, no sign-in) and of the officers' publishing. Publishing is explicit: a zone appears only
 * when published, and only with the fields chosen for it — except its unleased industrial land, which is public
 * by law (Decree 32/2024/NĐ-CP Art. 19.5). A public response never carries an unpublished field's key.
 */

/** A text in Vietnamese and English. */
const localized = z.object({
  /** Vietnamese (with diacritics). */
  vi: z.string(),
  /** English. */
  en: z.string(),
});

/** The publishable fields of a zone, by key. */
export const publishableFieldKeys = [
  'freeLand',
  'area',
  'occupancy',
  'status',
  'infrastructure',
  'wwtp',
  'fireSafety',
  'sectors',
  'prices',
  'developer',
  'location',
  'description',
  'reporting',
] as const;
export type PublishableFieldKey = (typeof publishableFieldKeys)[number];

export type PublishableField = {
  key: PublishableFieldKey;
  label: LocalizedText;
  /** Public whenever the zone is published, whatever the officer chose (a legal duty). */
  alwaysPublic: boolean;
  /** The law that makes it public, when it is always public. */
  legalBasis: LocalizedText | null;
  /** The keys of a public response (card, profile, open-data row) this field governs. */
  covers: readonly string[];
};

/** Every publishable field as data: the officers' checkboxes, the public serializers and the leak test use it. */
export const publishableFields: readonly PublishableField[] = [
  {
    key: 'freeLand',
    label: { vi: 'Diện tích đất công nghiệp chưa cho thuê', en: 'Unleased industrial land' },
    alwaysPublic: true,
    legalBasis: {
      vi: 'Nghị định 32/2024/NĐ-CP, khoản 5 Điều 19',
      en: 'Decree 32/2024/ND-CP, Art. 19.5',
    },
    covers: ['freeLandHa'],
  },
  {
    key: 'area',
    label: { vi: 'Diện tích (quy hoạch, đất công nghiệp)', en: 'Area (planned, industrial land)' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['declaredAreaHa', 'industrialLandHa'],
  },
  {
    key: 'occupancy',
    label: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy rate' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['occupancy'],
  },
  {
    key: 'status',
    label: { vi: 'Tình trạng (giai đoạn, sẵn sàng đón nhà đầu tư)', en: 'Status (stage, readiness)' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['lifecycleState', 'ready'],
  },
  {
    key: 'infrastructure',
    label: { vi: 'Hạ tầng đã hoàn thành', en: 'Infrastructure completed' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['infrastructureCompleteHa'],
  },
  {
    key: 'wwtp',
    label: { vi: 'Trạm xử lý nước thải tập trung', en: 'Central wastewater treatment plant' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['wwtpStatus', 'wwtpCapacityM3Day'],
  },
  {
    key: 'fireSafety',
    label: { vi: 'Phòng cháy chữa cháy', en: 'Fire safety' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['fireSafetyStatus'],
  },
  {
    key: 'sectors',
    label: { vi: 'Ngành nghề thu hút', en: 'Sectors welcomed' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['sectors'],
  },
  {
    key: 'prices',
    label: {
      vi: 'Giá thuê lại đất và phí dịch vụ dùng chung',
      en: 'Land sublease and shared-service prices',
    },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['subleasePrice', 'prices'],
  },
  {
    key: 'developer',
    label: { vi: 'Chủ đầu tư hạ tầng và liên hệ', en: 'Infrastructure developer and contact' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['developer'],
  },
  {
    key: 'location',
    label: { vi: 'Vị trí trên bản đồ', en: 'Place on the map' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['location', 'distanceKm'],
  },
  {
    key: 'description',
    label: { vi: 'Giới thiệu', en: 'Description' },
    alwaysPublic: false,
    legalBasis: null,
    covers: ['description', 'descriptionLang', 'translationMissing', 'descriptionLangs', 'summary'],
  },
  {
    key: 'reporting',
    label: { vi: 'Tính chấp hành chế độ báo cáo', en: 'Reporting discipline' },
    alwaysPublic: false,
    legalBasis: null,
    covers: [],
  },
];

/** The fields public for a zone: the chosen ones plus those public by law, in catalogue order. */
export function effectivePublicFields(chosen: readonly string[]): PublishableFieldKey[] {
  return publishableFields.filter((f) => f.alwaysPublic || chosen.includes(f.key)).map((f) => f.key);
}

/** The languages of the catalogue's own interface (the largest sources of FDI after the two official ones). */
export const catalogueLangs = ['vi', 'en', 'ja', 'ko', 'zh'] as const;
export type CatalogueLang = (typeof catalogueLangs)[number];

/** A description's language: an ISO 639 code, lower case (vi, en, ja, ko, zh, fr…). */
export const descriptionLang = z.string().regex(/^[a-z]{2,3}$/, 'lang');

/** The zone families of the catalogue's filter: parks (KCN, KCX, KCNC) and clusters (CCN). */
export const familyLabels: Record<'KCN' | 'CCN', LocalizedText> = {
  KCN: { vi: 'Khu công nghiệp', en: 'Industrial parks' },
  CCN: { vi: 'Cụm công nghiệp', en: 'Industrial clusters' },
};

/** How soon an investor can build: `now` — operating with unleased land; `within_year` — see `readiness`. */
export const readinessValues = ['now', 'within_year'] as const;
export type Readiness = (typeof readinessValues)[number];

/** A number sent in a query string. */
const queryNumber = (min: number, max: number) => z.coerce.number().min(min).max(max);

/** The filters, paging and language of `GET /api/public/zones`. */
export const catalogueQuerySchema = z.object({
  /** Search without diacritics over the name, code, commune and former district ("dong anh" finds "Đông Anh"). */
  q: z.string().trim().max(200).optional(),
  /** KCN: the parks (KCN, KCX, KCNC); CCN: the clusters. */
  family: z.enum(['KCN', 'CCN']).optional(),
  /** The commune (admin-unit code, 5 digits) the zone lies in. */
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  /** The former district (admin-unit code, 3 digits, before the 2025 reorganisation). */
  formerDistrict: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  /** A VSIC division (2 digits) the zone welcomes; matches only zones whose sectors are published. */
  sector: z.enum(catalogueSectorCodes).optional(),
  /** At least this much unleased industrial land, in ha. */
  freeLandMinHa: queryNumber(0, 100_000).optional(),
  /**
   * Current land-sublease price at least / at most this amount, in `priceCurrency` per `priceUnit`
   * (default VND per m² per year). Zones whose current price is quoted in another currency or unit, or whose
   * prices are not published, do not match a price filter.
   */
  priceMin: queryNumber(0, 1e15).optional(),
  priceMax: queryNumber(0, 1e15).optional(),
  priceCurrency: z.enum(priceCurrencies).optional(),
  priceUnit: z.enum(priceUnits).optional(),
  /** `now`: operating with unleased land; `within_year`: also shared infrastructure complete or being built. */
  ready: z.enum(readinessValues).optional(),
  /** A commune (admin-unit code) to search around: zones within `radiusKm` of its centre, nearest first. */
  near: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  /** The radius around `near`, in km (default 10). */
  radiusKm: queryNumber(0.1, 200).optional(),
  /** The language of descriptions (ISO 639 code); Vietnamese when the zone has none in it. */
  lang: descriptionLang.optional(),
  /** Page number, from 1. */
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Items per page, at most 100 (default 20). */
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** An administrative unit named in the catalogue. */
export const publicPlaceSchema = z.object({
  /** Admin-unit code (commune: 5 digits; former district: 3 digits). */
  code: z.string(),
  /** The unit's name with its kind, in Vietnamese: "Xã Đông Anh". */
  name: z.string(),
});

/** A price as published: amount (decimal string, never a float) in its currency per unit, and its validity. */
export const publicPriceSchema = z.object({
  /** sublease: land with infrastructure; shared_service: shared infrastructure and services fee. */
  kind: z.enum(priceKinds),
  /** Decimal string: "45.5". */
  amount: z.string(),
  /** VND or USD. */
  currency: z.string(),
  /** m2_year, m2_month, m2_term (per m² for the whole lease term) or m3. */
  unit: z.enum(priceUnits),
  /** First day of validity (YYYY-MM-DD). */
  validFrom: z.string(),
  /** Last day of validity, or null: until further notice. */
  validTo: z.string().nullable(),
});
export type PublicPrice = z.infer<typeof publicPriceSchema>;

/** Where a zone is on the map; `approximate` when placed at its commune's or former district's centre. */
export const publicLocationSchema = z.object({
  /** Latitude, WGS 84. */
  lat: z.number(),
  /** Longitude, WGS 84. */
  lon: z.number(),
  /** True when the zone has no coordinates of its own and is placed at its commune's (or district's) centre. */
  approximate: z.boolean(),
});

/**
 * A zone as the public list shows it. Identity (code, name, family, place) and unleased land are always there;
 * every other key appears only when its field is published (`publishableFields[].covers`) — never as null.
 */
export const publicZoneCardSchema = z.object({
  /** The zone's stable code; its page is /catalogue/zones/{code}. */
  code: z.string(),
  /** Name in Vietnamese. */
  name: z.string(),
  /** KCN, KCX, KCNC or CCN. */
  kind: z.enum(zoneKinds),
  /** KCN (parks) or CCN (clusters). */
  family: z.enum(['KCN', 'CCN']),
  /** The commune it lies in. */
  commune: publicPlaceSchema.nullable(),
  /** The former district (before 2025) it lay in. */
  formerDistrict: publicPlaceSchema.nullable(),
  /** Unleased industrial land, ha: industrial land − leased − approved (Decree 32); null when unknown. Public by law. */
  freeLandHa: z.number().nullable(),
  /** Planned (declared) area, ha. Field `area`. */
  declaredAreaHa: z.number().nullable().optional(),
  /** Industrial land, ha. Field `area`. */
  industrialLandHa: z.number().nullable().optional(),
  /** Occupancy rate, 0–1 (Decree 32: (leased + approved) ÷ industrial land). Field `occupancy`. */
  occupancy: z.number().nullable().optional(),
  /** Current lifecycle stage. Field `status`. */
  lifecycleState: z.enum(lifecycleStates).nullable().optional(),
  /** How soon an investor can build (null: not soon). Field `status`. */
  ready: z.enum(readinessValues).nullable().optional(),
  /** WWTP state. Field `wwtp`. */
  wwtpStatus: z.enum(wwtpStatuses).nullable().optional(),
  /** Fire-safety acceptance. Field `fireSafety`. */
  fireSafetyStatus: z.enum(fireSafetyStatuses).nullable().optional(),
  /** VSIC divisions welcomed. Field `sectors`. */
  sectors: z.array(z.string()).optional(),
  /** The land-sublease price valid today. Field `prices`. */
  subleasePrice: publicPriceSchema.nullable().optional(),
  /** Place on the map. Field `location`. */
  location: publicLocationSchema.nullable().optional(),
  /** Distance from the `near` commune's centre, km (only with `near`). Field `location`. */
  distanceKm: z.number().optional(),
  /** The first sentences of the description in the language asked (or Vietnamese). Field `description`. */
  summary: z.string().nullable().optional(),
});
export type PublicZoneCard = z.infer<typeof publicZoneCardSchema>;

/** `GET /api/public/zones`. */
export const publicZoneListSchema = z.object({
  /** When the figures were read from the registry (ISO timestamp). */
  asOf: z.string(),
  /** Zones matching the filters. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(publicZoneCardSchema),
});
export type PublicZoneList = z.infer<typeof publicZoneListSchema>;

/** One record behind a score: which field or count gave it. */
export const scoreBasisSchema = z.object({
  /** The registry field or count (e.g. `wwtpStatus`, `filings.onTime`). */
  field: z.string(),
  /** Its value. */
  value: z.union([z.string(), z.number(), z.null()]),
  /** What it is, in Vietnamese and English. */
  label: localized,
});

export const scoreKeys = [
  'infrastructure',
  'wwtp',
  'fireSafety',
  'occupancy',
  'services',
  'reporting',
] as const;
export type ScoreKey = (typeof scoreKeys)[number];

/** One score of the scorecard, 0–100, with the records behind it. */
export const scoreSchema = z.object({
  key: z.enum(scoreKeys),
  label: localized,
  /** 0–100, or null when the records behind it are missing (not zero). */
  score: z.number().nullable(),
  /** Why this score, in Vietnamese and English. */
  explanation: localized,
  basis: z.array(scoreBasisSchema),
});
export type Score = z.infer<typeof scoreSchema>;

/** The zone scorecard: only the scores whose inputs are published. */
export const scorecardSchema = z.object({
  /** The method's version (`GET /api/public/scorecard-method`). */
  method: z.string(),
  scores: z.array(scoreSchema),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/** `GET /api/public/scorecard-method`: how each score is computed. */
export const scorecardMethodSchema = z.object({
  method: z.string(),
  summary: localized,
  scores: z.array(
    z.object({
      key: z.enum(scoreKeys),
      label: localized,
      /** The publishable fields it needs; it is shown only when all are published. */
      needs: z.array(z.enum(publishableFieldKeys)),
      rule: localized,
    }),
  ),
});
export type ScorecardMethod = z.infer<typeof scorecardMethodSchema>;

/** A public document or photo of a zone. */
export const publicDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** The document's date (YYYY-MM-DD), if any. */
  docDate: z.string().nullable(),
  /** An image: shown as a photo. */
  isPhoto: z.boolean(),
  /** Download address under /api/public/. */
  url: z.string(),
});
export type PublicDocument = z.infer<typeof publicDocumentSchema>;

/** The developer as published (field `developer`). */
export const publicDeveloperSchema = z.object({
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

/** `GET /api/public/zones/{code}`: the public profile of a zone. */
export const publicZoneSchema = publicZoneCardSchema.extend({
  /** Shared infrastructure completed, ha. Field `infrastructure`. */
  infrastructureCompleteHa: z.number().nullable().optional(),
  /** WWTP capacity, m³/day. Field `wwtp`. */
  wwtpCapacityM3Day: z.number().nullable().optional(),
  /** Prices: those valid today and every period. Field `prices`. */
  prices: z
    .object({
      /** The day "current" refers to (today in Vietnam). */
      asOf: z.string(),
      sublease: publicPriceSchema.nullable(),
      sharedService: publicPriceSchema.nullable(),
      items: z.array(publicPriceSchema),
    })
    .optional(),
  /** Field `developer`. */
  developer: publicDeveloperSchema.nullable().optional(),
  /** The description in `descriptionLang`. Field `description`. */
  description: z.string().nullable().optional(),
  /** The language of `description` (the one asked, or Vietnamese when missing). */
  descriptionLang: z.string().nullable().optional(),
  /** True when the language asked has no description and another one is shown. */
  translationMissing: z.boolean().optional(),
  /** The languages the zone has a description in. */
  descriptionLangs: z.array(z.string()).optional(),
  /** Public documents and photos. */
  documents: z.array(publicDocumentSchema),
  /** The publishable fields public for this zone. */
  publishedFields: z.array(z.enum(publishableFieldKeys)),
  /** The computed profile (only scores whose inputs are published). */
  scorecard: scorecardSchema,
  /** When the figures were read (ISO timestamp). */
  asOf: z.string(),
});
export type PublicZone = z.infer<typeof publicZoneSchema>;

/** One value of a filter with its label and number of published zones. */
const facetSchema = z.object({
  code: z.string(),
  label: localized,
  count: z.number().int(),
});

/** `GET /api/public/facets`: the values the filters offer. */
export const catalogueFacetsSchema = z.object({
  asOf: z.string(),
  families: z.array(facetSchema),
  communes: z.array(facetSchema),
  formerDistricts: z.array(facetSchema),
  sectors: z.array(facetSchema),
  /** The interface languages of the catalogue. */
  langs: z.array(z.enum(catalogueLangs)),
});
export type CatalogueFacets = z.infer<typeof catalogueFacetsSchema>;

/** `GET /api/public/zones/{code}` query. */
export const publicZoneQuerySchema = z.object({ lang: descriptionLang.optional() });

// ---- Officers: publishing -------------------------------------------------------------------------------

/** A zone's publication as officers see and edit it. */
export const publicationSchema = z.object({
  zoneCode: z.string(),
  zoneName: z.string(),
  family: z.enum(['KCN', 'CCN']),
  published: z.boolean(),
  /** The fields chosen (always-public ones are public regardless). */
  fields: z.array(z.enum(publishableFieldKeys)),
  sectors: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactWebsite: z.string().nullable(),
  publishedAt: z.string().nullable(),
  descriptions: z.array(
    z.object({
      lang: z.string(),
      text: z.string(),
      writtenBy: z.string().nullable(),
      writtenAt: z.string(),
      version: z.number(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      fileName: z.string(),
      mimeType: z.string(),
      isPhoto: z.boolean(),
      public: z.boolean(),
    }),
  ),
  /** 0 when the zone has never been published (no row yet). */
  version: z.number(),
  canEdit: z.boolean(),
});
export type Publication = z.infer<typeof publicationSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** `PUT /api/catalogue/zones/{code}`: publish or unpublish, choose fields. `version` 0 for the first time. */
export const publicationInputSchema = z.object({
  published: z.boolean(),
  fields: z.array(z.enum(publishableFieldKeys)).max(publishableFieldKeys.length),
  sectors: z.array(z.enum(catalogueSectorCodes)).max(40).optional(),
  contactName: optionalText(200),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[+0-9 ().-]{6,30}$/, 'phone')
    .nullish(),
  contactEmail: z.email().max(200).nullish(),
  contactWebsite: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
  version: z.number().int().min(0),
});
export type PublicationInput = z.infer<typeof publicationInputSchema>;

/** `PUT /api/catalogue/zones/{code}/descriptions/{lang}`: an officer's text (`version` 0 for a new language). */
export const descriptionInputSchema = z.object({
  text: z.string().trim().min(1).max(20_000),
  version: z.number().int().min(0),
});
export type DescriptionInput = z.infer<typeof descriptionInputSchema>;

/** `PUT /api/catalogue/documents/{id}`: mark a zone document public or not. */
export const documentPublicationInputSchema = z.object({ public: z.boolean() });

/** `GET /api/catalogue/zones`: every zone the officer may publish, with its state. */
export const publicationListSchema = z.object({
  items: z.array(
    z.object({
      zoneCode: z.string(),
      zoneName: z.string(),
      kind: z.enum(zoneKinds),
      family: z.enum(['KCN', 'CCN']),
      communeName: z.string().nullable(),
      published: z.boolean(),
      fields: z.array(z.enum(publishableFieldKeys)),
      descriptionLangs: z.array(z.string()),
      publicDocuments: z.number().int(),
      version: z.number(),
    }),
  ),
});
export type PublicationList = z.infer<typeof publicationListSchema>;
