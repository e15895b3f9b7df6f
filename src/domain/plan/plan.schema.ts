import { z } from 'zod';
import { lifecycleStates } from '../zone/lifecycle';

/**
 * Yearly plans (kế hoạch, e.g. 305/KH-UBND of 2026) and their targets — one targets concept with the year's
 * figures of `plan-target.schema.ts` (a figure target is a `plan_target` row of kind `figure`, with or without
 * a plan). A target is
 * - `count`: named zones reaching a lifecycle step or an occupancy ("finish the infrastructure of these 26"),
 * - `rule`: a rule over the registry of the family ("establish or expand 5–10"; "every cluster established this
 *   year has a compliant WWTP"),
 * - `figure`: an indicator of the family's report (capital to attract, revenue, budget),
 * - `task`: a commitment with no registry trace ("a regular inspection plan"), fulfilled by a dated document.
 * Plans and targets are withdrawn with a reason, never deleted; every edit is version-checked.
 */
export const targetKinds = ['count', 'rule', 'figure', 'task'] as const;
export type TargetKind = (typeof targetKinds)[number];

export const targetMeasures = [
  'step_reached',
  'occupancy_at_least',
  'established_or_expanded',
  'new_with_compliant_wwtp',
] as const;
export type TargetMeasure = (typeof targetMeasures)[number];

/** The measures a kind may use: a named list counts steps or occupancy; the registry rules take all four. */
export const measuresOfKind: Record<'count' | 'rule', readonly TargetMeasure[]> = {
  count: ['step_reached', 'occupancy_at_least'],
  rule: targetMeasures,
};

export const zoneProgressStates = ['done', 'on_track', 'at_risk', 'late'] as const;
export type ZoneProgressState = (typeof zoneProgressStates)[number];

const family = z.enum(['KCN', 'CCN']);
const year = z.number().int().min(2000).max(2100);
const version = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const planYearQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  family: family.default('CCN'),
});
export type PlanYearQuery = z.infer<typeof planYearQuerySchema>;

export const planInputSchema = z.object({
  family,
  year,
  /** The document's number and symbol, e.g. "305/KH-UBND". */
  number: text(64),
  issuedOn: z.iso.date(),
  issuer: text(300),
  title: text(1000),
  /** Where the document is (a URL, a file reference, a registry number). */
  documentRef: optionalText(1000),
});
export type PlanInput = z.infer<typeof planInputSchema>;

export const planUpdateSchema = planInputSchema
  .omit({ family: true, year: true })
  .partial()
  .extend({ version });
export type PlanUpdate = z.infer<typeof planUpdateSchema>;

export const withdrawSchema = z.object({ reason: text(1000), version });
export type WithdrawInput = z.infer<typeof withdrawSchema>;

export const targetZoneInputSchema = z.object({
  code: z.string().trim().toUpperCase().min(1).max(64),
  /** The agency the plan makes responsible; by default the zone's developer, else its commune. */
  responsible: optionalText(300),
});

export const targetInputSchema = z.object({
  kind: z.enum(targetKinds),
  title: text(500),
  measure: z.enum(targetMeasures).nullable().default(null),
  /** The lifecycle step to reach (measure step_reached). */
  step: z.enum(lifecycleStates).nullable().default(null),
  /** The occupancy to reach, in per cent (measure occupancy_at_least). */
  thresholdPct: z.number().min(1).max(100).nullable().default(null),
  /** The indicator of the family's report (kind figure). */
  indicator: z.string().trim().max(64).nullable().default(null),
  /** The target, or the lower end of a range ("5" of "5–10"); per cent for new_with_compliant_wwtp. */
  value: z.number().min(0).max(1e12),
  maxValue: z.number().min(0).max(1e12).nullable().default(null),
  zones: z.array(targetZoneInputSchema).max(5000).default([]),
  evidenceRef: optionalText(1000),
  evidenceDate: z.iso.date().nullable().default(null),
  note: optionalText(2000),
});
export type TargetInput = z.infer<typeof targetInputSchema>;

export const targetUpdateSchema = targetInputSchema.extend({ version });
export type TargetUpdate = z.infer<typeof targetUpdateSchema>;

type FieldErrors = Record<string, { vi: string; en: string }>;

/** The rules between a target's fields (zod checks each field alone); empty when the input is consistent. */
export function checkTargetInput(input: TargetInput): FieldErrors {
  const errors: FieldErrors = {};
  if (input.maxValue !== null && input.maxValue < input.value) {
    errors.maxValue = {
      vi: 'Cận trên phải lớn hơn hoặc bằng cận dưới.',
      en: 'The upper end must be at least the lower end.',
    };
  }
  if (input.kind === 'count' || input.kind === 'rule') {
    if (!input.measure) {
      errors.measure = { vi: 'Chọn cách đo chỉ tiêu.', en: 'Choose how the target is measured.' };
    } else if (!measuresOfKind[input.kind].includes(input.measure)) {
      errors.measure = {
        vi: `Chỉ tiêu theo danh sách chỉ đo được: ${measuresOfKind.count.join(', ')}.`,
        en: `A target over a named list measures only: ${measuresOfKind.count.join(', ')}.`,
      };
    }
    if (input.measure === 'step_reached' && !input.step) {
      errors.step = { vi: 'Chọn bước cần đạt.', en: 'Choose the step to reach.' };
    }
    if (input.measure === 'occupancy_at_least' && input.thresholdPct === null) {
      errors.thresholdPct = {
        vi: 'Nhập tỷ lệ lấp đầy cần đạt (%).',
        en: 'Enter the occupancy to reach (%).',
      };
    }
    if (input.measure === 'new_with_compliant_wwtp' && input.value > 100) {
      errors.value = { vi: 'Tỷ lệ không vượt quá 100 %.', en: 'A share cannot exceed 100 %.' };
    }
  }
  if (input.kind === 'count') {
    if (input.zones.length === 0) {
      errors.zones = { vi: 'Nêu các khu/cụm của chỉ tiêu.', en: 'Name the zones of the target.' };
    } else if (input.value > input.zones.length) {
      errors.value = {
        vi: `Chỉ tiêu (${input.value}) lớn hơn số khu/cụm được nêu (${input.zones.length}).`,
        en: `The target (${input.value}) exceeds the zones named (${input.zones.length}).`,
      };
    }
    const codes = input.zones.map((z) => z.code);
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) errors.zones = { vi: `Mã ${twice} được nêu hai lần.`, en: `Code ${twice} is named twice.` };
  } else if (input.zones.length > 0) {
    errors.zones = {
      vi: 'Chỉ chỉ tiêu theo danh sách mới nêu khu/cụm.',
      en: 'Only a target over a named list names zones.',
    };
  }
  if (input.kind === 'figure' && !input.indicator) {
    errors.indicator = { vi: 'Chọn chỉ tiêu của báo cáo.', en: 'Choose the report indicator.' };
  }
  return errors;
}

const zoneProgressSchema = z.object({
  code: z.string(),
  name: z.string(),
  communeName: z.string().nullable(),
  state: z.enum(zoneProgressStates),
  /** When the zone reached what the target asks (a step's date, an establishment in the year). */
  reachedOn: z.string().nullable(),
  lifecycleState: z.string().nullable(),
  occupancyPct: z.number().nullable(),
  wwtpStatus: z.string().nullable(),
  responsible: z.string().nullable(),
  isSynthetic: z.boolean(),
});
export type ZoneProgress = z.infer<typeof zoneProgressSchema>;

export const targetProgressSchema = z.object({
  id: z.string(),
  kind: z.enum(targetKinds),
  measure: z.enum(targetMeasures).nullable(),
  indicator: z.string(),
  title: z.string(),
  step: z.string().nullable(),
  thresholdPct: z.number().nullable(),
  value: z.number(),
  maxValue: z.number().nullable(),
  unit: z.string(),
  /** Computed now: null when nothing can be computed (no report covers the year, no new cluster yet). */
  actual: z.number().nullable(),
  /** actual ÷ value (the lower end of a range), per cent, 1 decimal. */
  pct: z.number().nullable(),
  range: z.enum(['below', 'within', 'above']).nullable(),
  counts: z.object({ done: z.number(), on_track: z.number(), at_risk: z.number(), late: z.number() }),
  /** The zones behind the figure that the caller may see. */
  zones: z.array(zoneProgressSchema),
  /** Zones behind the figure outside the caller's scope (counted, not listed). */
  hiddenZones: z.number(),
  note: z.string().nullable(),
  evidenceRef: z.string().nullable(),
  evidenceDate: z.string().nullable(),
  version: z.number(),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const planViewSchema = z.object({
  id: z.string(),
  family,
  year: z.number(),
  number: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  title: z.string(),
  documentRef: z.string().nullable(),
  version: z.number(),
  withdrawn: z.object({ at: z.string(), reason: z.string() }).nullable(),
  targets: z.array(targetProgressSchema),
});
export type PlanView = z.infer<typeof planViewSchema>;

const gateRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  clusters: z.number(),
  clustersWithoutLand: z.number(),
  industrialLandHa: z.number(),
  occupiedHa: z.number(),
  unleasedHa: z.number(),
  occupancyPct: z.number().nullable(),
  /** Null when the answer cannot be computed (no land figures on record). */
  newClusterAllowed: z.boolean().nullable(),
  newClusterReason: z.enum(['occupancy', 'unleased_land', 'no_clusters', 'no_land_figures']).nullable(),
  zones: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      occupancyPct: z.number().nullable(),
      industrialLandHa: z.number().nullable(),
      expansion: z.enum(['yes', 'check', 'no']).nullable(),
    }),
  ),
});
export type GateRow = z.infer<typeof gateRowSchema>;

export const gatesViewSchema = z.object({
  reference: z.object({ vi: z.string(), en: z.string() }),
  thresholds: z.object({
    newClusterMinAverageOccupancyPct: z.number(),
    newClusterMaxUnleasedHa: z.number(),
    expansionConditionalPct: z.number(),
    expansionMinPct: z.number(),
  }),
  communes: z.array(gateRowSchema),
  formerDistricts: z.array(gateRowSchema),
});
export type GatesView = z.infer<typeof gatesViewSchema>;

export const planYearViewSchema = z.object({
  year: z.number(),
  family,
  /** The day the actuals are counted to: today, or the year's last day once it is over. */
  asOf: z.string(),
  computedAt: z.string(),
  canEdit: z.boolean(),
  plans: z.array(planViewSchema),
  /** Figure targets of the year set without a plan document (the parks' report's). */
  otherTargets: z.array(targetProgressSchema),
  gates: gatesViewSchema,
});
export type PlanYearView = z.infer<typeof planYearViewSchema>;

/** What a write returns: the record as stored, with its new version. */
export const planRecordSchema = planViewSchema.omit({ targets: true });
export type PlanRecord = z.infer<typeof planRecordSchema>;

export const targetRecordSchema = z.object({
  id: z.string(),
  planId: z.string().nullable(),
  kind: z.enum(targetKinds),
  indicator: z.string(),
  title: z.string(),
  value: z.number(),
  maxValue: z.number().nullable(),
  withdrawn: z.object({ at: z.string(), reason: z.string() }).nullable(),
  version: z.number(),
});
export type TargetRecord = z.infer<typeof targetRecordSchema>;
