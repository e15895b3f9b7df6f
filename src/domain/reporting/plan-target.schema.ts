import { z } from 'zod';
import { formTerms } from './catalogue';
import type { FormCode } from './form-types';
import { indicatorOf } from './indicators';

/**
 * The year's plan figures (chỉ tiêu kế hoạch năm) a compiled report measures itself against: "vốn thu hút đạt
 * 92 % kế hoạch năm". One row per (year, family, scope, indicator) in `plan_target`; a target is changed, never
 * deleted — its history is the audit trail. Values are in the indicator's unit (million USD, …).
 */

/** The compiled report of each family whose items may carry a target. */
const compiledFormOf: Record<'KCN' | 'CCN', FormCode> = { KCN: 'KCN_BOARD', CCN: 'B04' };

/**
 * The indicators that take a target in `year` for a family: the items flagged `hasTarget` of its report. A year
 * before the report's first version takes the first version's indicators: a past plan (back to 2015 and
 * earlier) is never refused because a form version starts later.
 */
export function targetIndicators(family: 'KCN' | 'CCN', year: number): { indicator: string; unit: string }[] {
  const found = formTerms(compiledFormOf[family], String(year), undefined, { history: true });
  if (!found) return [];
  return found.form.items
    .filter((i) => i.hasTarget)
    .map((i) => ({ indicator: i.indicator, unit: indicatorOf(i.indicator).unit }));
}

const year = z.coerce.number().int().min(2000).max(2100);
const zoneCode = z.string().trim().toUpperCase().min(1).max(64);

/** GET /api/plan-targets: the year's targets of the city (no zone) or of one zone. */
export const planTargetQuerySchema = z.object({
  year,
  family: z.enum(['KCN', 'CCN']).default('KCN'),
  zone: zoneCode.optional(),
});
export type PlanTargetQuery = z.infer<typeof planTargetQuerySchema>;

/** PUT /api/plan-targets: sets one target; `version` null creates it, else it must be the version read. */
export const planTargetInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  family: z.enum(['KCN', 'CCN']).default('KCN'),
  zone: zoneCode.nullable().default(null),
  indicator: z.string().min(1).max(64),
  value: z.number().min(0).max(1e12),
  note: z.string().trim().max(1000).nullable().default(null),
  version: z.number().int().positive().nullable(),
});
export type PlanTargetInput = z.infer<typeof planTargetInputSchema>;

export const planTargetSchema = z.object({
  indicator: z.string(),
  unit: z.string(),
  /** Null while no target is set. */
  value: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planTargetListSchema = z.object({
  year: z.number(),
  family: z.enum(['KCN', 'CCN']),
  scope: z.object({ kind: z.enum(['city', 'zone']), code: z.string(), name: z.string() }),
  /** Whether the caller may set these targets. */
  canEdit: z.boolean(),
  items: z.array(planTargetSchema),
});
export type PlanTargetList = z.infer<typeof planTargetListSchema>;
