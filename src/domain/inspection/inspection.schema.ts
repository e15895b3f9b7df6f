import { z } from 'zod';

/** Contracts of inspections, their plan and follow-up (HTTP and web). */

const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const code = z.string().trim().min(1).max(64);

export const inspectionKindSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  standard: z.string().nullable(),
  items: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string() })),
});
export type InspectionKind = z.infer<typeof inspectionKindSchema>;

export const inspectionInputSchema = z.object({
  kindCode: code,
  inspectedOn: isoDate,
  agency: text(300),
  /** A tenant project of the zone, when the inspection was of one. */
  projectCode: code.nullish(),
  planEntryId: z.uuid().nullish(),
  decisionNo: optionalText(100),
  conclusion: optionalText(4000),
  results: z
    .array(z.object({ itemCode: code, passed: z.boolean(), note: optionalText(1000) }))
    .min(1)
    .max(50),
  findings: z
    .array(
      z.object({
        itemCode: code.nullish(),
        description: text(2000),
        action: optionalText(2000),
        deadline: isoDate.nullish(),
      }),
    )
    .max(50)
    .default([]),
  penalties: z
    .array(
      z.object({
        decisionNo: text(100),
        decidedOn: isoDate,
        amountVnd: z
          .string()
          .trim()
          .regex(/^\d{1,18}$/, 'amount'),
        offender: optionalText(300),
        note: optionalText(1000),
      }),
    )
    .max(20)
    .default([]),
});
export type InspectionInput = z.input<typeof inspectionInputSchema>;

export const remedyInputSchema = z.object({
  remediedOn: isoDate,
  evidence: text(2000),
  version: z.number().int().min(1),
});
export type RemedyInput = z.infer<typeof remedyInputSchema>;

export const findingSchema = z.object({
  id: z.string(),
  itemCode: z.string().nullable(),
  description: z.string(),
  action: z.string().nullable(),
  deadline: z.string().nullable(),
  remediedOn: z.string().nullable(),
  evidence: z.string().nullable(),
  /** Past its deadline and not remedied: the zone is on the watch list for it. */
  overdue: z.boolean(),
  version: z.number(),
});
export type Finding = z.infer<typeof findingSchema>;

export const inspectionSchema = z.object({
  id: z.string(),
  zoneCode: z.string(),
  zoneName: z.string(),
  projectCode: z.string().nullable(),
  kindCode: z.string(),
  inspectedOn: z.string(),
  agency: z.string(),
  decisionNo: z.string().nullable(),
  conclusion: z.string().nullable(),
  planEntryId: z.string().nullable(),
  results: z.array(z.object({ itemCode: z.string(), passed: z.boolean(), note: z.string().nullable() })),
  findings: z.array(findingSchema),
  penalties: z.array(
    z.object({
      id: z.string(),
      decisionNo: z.string(),
      decidedOn: z.string(),
      amountVnd: z.string(),
      offender: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const planEntryInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  zoneCode: code,
  projectCode: code.nullish(),
  kindCode: code,
  agency: text(300),
  note: optionalText(1000),
});
export type PlanEntryInput = z.infer<typeof planEntryInputSchema>;

export const planEntrySchema = z.object({
  id: z.string(),
  year: z.number(),
  quarter: z.number(),
  zoneCode: z.string(),
  zoneName: z.string(),
  projectCode: z.string().nullable(),
  kindCode: z.string(),
  agency: z.string(),
  note: z.string().nullable(),
  /** Inspections recorded against this entry. */
  done: z.number(),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;

export const zoneInspectionsSchema = z.object({
  asOf: z.string(),
  inspections: z.array(inspectionSchema),
  plan: z.array(planEntrySchema),
  /** May record inspections and remedies (agencies of the zone's scope; never its developer). */
  canRecord: z.boolean(),
});
export type ZoneInspections = z.infer<typeof zoneInspectionsSchema>;

export const inspectionListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: code.optional(),
  zone: code.optional(),
  /** Only inspections with a finding past its deadline and not remedied. */
  unremedied: z.enum(['true', 'false']).optional(),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;

/**
 * Counts for the dashboard: per kind, planned and done in a year, failed, findings still open past due,
 * penalties; zones inspected and compliant (latest inspection of the kind fully remedied) as of today.
 */
export const inspectionCountsSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  kinds: z.array(
    z.object({
      kindCode: z.string(),
      planned: z.number(),
      done: z.number(),
      withFailures: z.number(),
      unremediedFindings: z.number(),
      penaltiesVnd: z.string(),
      /** Zones inspected of this kind up to today … */
      zonesInspected: z.number(),
      /** … and those whose latest such inspection has nothing left to remedy (WWTP, fire safety compliance). */
      zonesCompliant: z.number(),
    }),
  ),
});
export type InspectionCounts = z.infer<typeof inspectionCountsSchema>;
