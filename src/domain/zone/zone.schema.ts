import { z } from 'zod';
import { lifecycleStates } from './lifecycle';
import { isoDate } from '../shared/fields';

/** KCN: industrial park; KCX: export-processing zone; KCNC: hi-tech park; CCN: industrial cluster. */
export const zoneKinds = ['KCN', 'KCX', 'KCNC', 'CCN'] as const;
export type ZoneKind = (typeof zoneKinds)[number];

/** The family that manages a zone: the Management Board (KCN, KCX, KCNC) or the Department (CCN). */
export function familyOfKind(kind: ZoneKind): 'KCN' | 'CCN' {
  return kind === 'CCN' ? 'CCN' : 'KCN';
}

export const wwtpStatuses = ['none', 'building', 'operating', 'compliant'] as const;
export const fireSafetyStatuses = ['none', 'partial', 'accepted'] as const;

/** Areas in ha: non-negative, at most 4 decimals, sent as numbers. */
const hectares = z.number().min(0).max(100_000).multipleOf(0.0001);
/** VND amounts as integer strings (numeric(20,0) in the database; never floats). */
const vnd = z.string().regex(/^\d{1,20}$/);

/** The editable facts of a zone (create and update share them). */
export const zoneFieldsSchema = z.object({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(zoneKinds),
  ccnTypeCode: z.string().max(64).nullish(),
  phaseOfCode: z.string().max(64).nullish(),
  phaseNo: z.number().int().min(1).max(20).nullish(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullish(),
  formerDistrictCode: z
    .string()
    .regex(/^\d{3}$/)
    .nullish(),
  formerCommuneCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullish(),
  declaredAreaHa: hectares.nullish(),
  industrialLandHa: hectares.nullish(),
  infrastructureCompleteHa: hectares.nullish(),
  leasedHa: hectares.nullish(),
  approvedHa: hectares.nullish(),
  priorityReservedHa: hectares.nullish(),
  developerCode: z.string().max(64).nullish(),
  managingAuthority: z.string().max(300).nullish(),
  infraInvestmentApprovedVnd: vnd.nullish(),
  infraInvestmentPaidVnd: vnd.nullish(),
  wwtpStatus: z.enum(wwtpStatuses).nullish(),
  wwtpCapacityM3Day: z.number().min(0).max(10_000_000).nullish(),
  fireSafetyStatus: z.enum(fireSafetyStatuses).nullish(),
  /** A marker while no boundary is known. */
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
  sourceStatusText: z.string().max(2000).nullish(),
  notes: z.string().max(10_000).nullish(),
  sources: z.array(z.string().trim().min(1).max(2000)).max(50).optional(),
});
export type ZoneFields = z.infer<typeof zoneFieldsSchema>;

export const createZoneInputSchema = zoneFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,62}$/),
});
export type CreateZoneInput = z.infer<typeof createZoneInputSchema>;

/** A partial update that names the version it was based on (optimistic concurrency). */
export const updateZoneInputSchema = zoneFieldsSchema.partial().extend({ version: z.number().int().min(1) });
export type UpdateZoneInput = z.infer<typeof updateZoneInputSchema>;

export const zoneSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(zoneKinds),
  family: z.enum(['KCN', 'CCN']),
  ccnTypeCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  formerDistrictName: z.string().nullable(),
  developerName: z.string().nullable(),
  declaredAreaHa: z.number().nullable(),
  industrialLandHa: z.number().nullable(),
  leasedHa: z.number().nullable(),
  approvedHa: z.number().nullable(),
  /** (leased + approved) ÷ industrial land; null when industrial land is unknown. */
  occupancy: z.number().nullable(),
  lifecycleState: z.enum(lifecycleStates).nullable(),
  wwtpStatus: z.enum(wwtpStatuses).nullable(),
  projects: z.number(),
  isSynthetic: z.boolean(),
  version: z.number(),
});
export type ZoneSummary = z.infer<typeof zoneSummarySchema>;

export const zoneDetailSchema = zoneSummarySchema.extend({
  phaseOf: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  phases: z.array(
    z.object({ id: z.string(), code: z.string(), name: z.string(), phaseNo: z.number().nullable() }),
  ),
  formerDistrictCode: z.string().nullable(),
  formerCommuneCode: z.string().nullable(),
  formerCommuneName: z.string().nullable(),
  developerCode: z.string().nullable(),
  infrastructureCompleteHa: z.number().nullable(),
  priorityReservedHa: z.number().nullable(),
  managingAuthority: z.string().nullable(),
  infraInvestmentApprovedVnd: z.string().nullable(),
  infraInvestmentPaidVnd: z.string().nullable(),
  wwtpCapacityM3Day: z.number().nullable(),
  fireSafetyStatus: z.enum(fireSafetyStatuses).nullable(),
  /** Area of the drawn boundary (geodesic), to compare with the declared area. */
  boundaryAreaHa: z.number().nullable(),
  hasBoundary: z.boolean(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  sourceStatusText: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(z.string()),
  lifecycle: z.object({
    state: z.enum(lifecycleStates).nullable(),
    since: z.string().nullable(),
    established: z.object({ date: z.string(), decisionNo: z.string().nullable() }).nullable(),
    landClearancePct: z.number().nullable(),
    constructionPct: z.number().nullable(),
  }),
  updatedAt: z.string(),
  /** Whether the caller may edit this zone (the server decides; the UI only hides what would be refused). */
  canEdit: z.boolean(),
});
export type ZoneDetail = z.infer<typeof zoneDetailSchema>;

export const zoneListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  family: z.enum(['KCN', 'CCN']).optional(),
  kind: z.enum(zoneKinds).optional(),
  ccnType: z.string().max(64).optional(),
  /** A lifecycle state, or "none": the records with no lifecycle event yet (Chưa ghi vòng đời). */
  state: z.enum([...lifecycleStates, 'none']).optional(),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  formerDistrict: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  developer: z.string().max(64).optional(),
  sort: z.enum(['code', 'name', 'area', 'occupancy', 'commune']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ZoneListQuery = z.infer<typeof zoneListQuerySchema>;

export const lifecycleEventInputSchema = z.object({
  state: z.enum(lifecycleStates),
  eventDate: isoDate,
  progressPct: z.number().min(0).max(100).nullish(),
  decisionNo: z.string().trim().max(100).nullish(),
  decisionDate: isoDate.nullish(),
  issuedBy: z.string().trim().max(300).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type LifecycleEventInput = z.infer<typeof lifecycleEventInputSchema>;

export const lifecycleEventSchema = lifecycleEventInputSchema.extend({
  id: z.string(),
  seq: z.number(),
  createdAt: z.string(),
});

/** Area-weighted occupancy of a group of zones (a commune, a former district, a family, the city). */
export const occupancyGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The zones the rate is over: those with industrial land on record (Decree 32 needs it). */
  zones: z.number(),
  /** Every visible record of the group, with or without industrial land. */
  allZones: z.number(),
  industrialLandHa: z.number(),
  occupiedHa: z.number(),
  rate: z.number().nullable(),
});
