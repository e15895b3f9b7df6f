import { z } from 'zod';
import { formatArea, formatDate } from '../format/format';
import type { LocalizedText } from '../shared/errors';
import { coversDay } from './validity';
import { isoDate } from '../shared/fields';

/**
 * Master plans (quy hoạch) of parks and clusters: versioned plans, each approved by a decision and valid for a
 * period, a later version superseding an earlier one. A plan lists zones through dated entries — added,
 * area changed (by an amendment decision), removed — so a zone's plan status on any day derives from them
 * (`derivePlanStatus`), never stored.
 */
export const planChanges = ['added', 'removed', 'area_changed'] as const;
export type PlanChange = (typeof planChanges)[number];

export const planChangeLabels: Record<PlanChange, LocalizedText> = {
  added: { vi: 'Đưa vào quy hoạch', en: 'Added to the plan' },
  removed: { vi: 'Đưa ra khỏi quy hoạch', en: 'Removed from the plan' },
  area_changed: { vi: 'Điều chỉnh diện tích', en: 'Area changed' },
};

const hectares = z.number().min(0).max(100_000).multipleOf(0.0001);
const decisionNo = z.string().trim().max(100);

export const masterPlanInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,62}$/),
  name: z.string().trim().min(1).max(300),
  family: z.enum(['KCN', 'CCN']),
  decisionNo: decisionNo.nullish(),
  decisionDate: isoDate.nullish(),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
  /** Code of the plan this version replaces: it ends the day before this one starts. */
  supersedesCode: z.string().trim().toUpperCase().max(64).nullish(),
  /** List again every zone the superseded plan held on its last day, with its area then. */
  carryOver: z.boolean().optional(),
});
export type MasterPlanInput = z.infer<typeof masterPlanInputSchema>;

export const masterPlanUpdateSchema = masterPlanInputSchema
  .pick({ name: true, decisionNo: true, decisionDate: true, validTo: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export type MasterPlanUpdate = z.infer<typeof masterPlanUpdateSchema>;

export const masterPlanSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  family: z.enum(['KCN', 'CCN']),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  supersedes: z.object({ code: z.string(), name: z.string() }).nullable(),
  entries: z.number(),
  version: z.number(),
});
export type MasterPlan = z.infer<typeof masterPlanSchema>;

export const planEntryInputSchema = z.object({
  planCode: z.string().trim().toUpperCase().min(1).max(64),
  change: z.enum(planChanges),
  areaHa: hectares.nullish(),
  effectiveDate: isoDate,
  amendmentDecisionNo: decisionNo.nullish(),
  /** The zone's name as the plan writes it (defaults to its registry name). */
  plannedName: z.string().trim().max(300).nullish(),
});
export type PlanEntryInput = z.infer<typeof planEntryInputSchema>;

export const planEntrySchema = z.object({
  id: z.string(),
  plan: z.object({ code: z.string(), name: z.string(), decisionNo: z.string().nullable() }),
  plannedName: z.string(),
  change: z.enum(planChanges),
  areaHa: z.number().nullable(),
  effectiveDate: z.string(),
  amendmentDecisionNo: z.string().nullable(),
});
export type PlanEntryView = z.infer<typeof planEntrySchema>;

const planRef = z.object({
  code: z.string(),
  name: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
});

export const planStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('in_plan'),
    plan: planRef,
    areaHa: z.number().nullable(),
    since: z.string(),
    decisionNo: z.string().nullable(),
  }),
  z.object({
    status: z.literal('area_changed'),
    plan: planRef,
    areaHa: z.number().nullable(),
    previousAreaHa: z.number().nullable(),
    since: z.string(),
    decisionNo: z.string().nullable(),
  }),
  z.object({
    status: z.literal('removed'),
    plan: planRef,
    since: z.string(),
    decisionNo: z.string().nullable(),
  }),
  z.object({ status: z.literal('not_in_plan') }),
]);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const zonePlanSchema = z.object({
  asOf: z.string(),
  status: planStatusSchema,
  /** Every entry of the zone in every plan, oldest first. */
  entries: z.array(planEntrySchema),
  /** The plans of the zone's family, for the entry form. */
  plans: z.array(masterPlanSchema),
  canEdit: z.boolean(),
  canManagePlans: z.boolean(),
});
export type ZonePlan = z.infer<typeof zonePlanSchema>;

/** A plan version as the rules see it. */
export type PlanVersion = {
  id: string;
  code: string;
  name: string;
  decisionNo: string | null;
  decisionDate: string | null;
  validFrom: string;
  validTo: string | null;
};

/** One entry of one zone in one plan. */
export type PlanEntry = {
  planId: string;
  change: PlanChange;
  areaHa: number | null;
  effectiveDate: string;
  amendmentDecisionNo: string | null;
};

type Standing = {
  inPlan: boolean;
  areaHa: number | null;
  previousAreaHa: number | null;
  /** The last entry that applied. */
  last: PlanEntry | null;
};

function byDate(a: PlanEntry, b: PlanEntry) {
  return a.effectiveDate.localeCompare(b.effectiveDate);
}

/** Where a zone stands in one plan on a day, from that plan's entries up to the day. */
function standingIn(entries: readonly PlanEntry[], isoDate: string): Standing {
  const standing: Standing = { inPlan: false, areaHa: null, previousAreaHa: null, last: null };
  for (const e of [...entries].sort(byDate)) {
    if (e.effectiveDate > isoDate) break;
    if (e.change === 'added') {
      standing.inPlan = true;
      standing.areaHa = e.areaHa;
      standing.previousAreaHa = null;
    } else if (e.change === 'area_changed') {
      standing.previousAreaHa = standing.areaHa;
      standing.areaHa = e.areaHa;
    } else {
      standing.inPlan = false;
    }
    standing.last = e;
  }
  return standing;
}

const ref = (p: PlanVersion) => ({
  code: p.code,
  name: p.name,
  decisionNo: p.decisionNo,
  decisionDate: p.decisionDate,
});

/**
 * A zone's plan status on a day: in a plan valid that day (with its planned area, and whether an amendment
 * changed it), removed from it by an amendment, or in no plan (never listed, or only in plans no longer in
 * force). When several plans are in force the newest decides.
 */
export function derivePlanStatus(
  plans: readonly PlanVersion[],
  entries: readonly PlanEntry[],
  isoDate: string,
): PlanStatus {
  const inForce = plans
    .filter((p) => coversDay({ from: p.validFrom, to: p.validTo }, isoDate))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  let removed: PlanStatus | null = null;
  for (const plan of inForce) {
    const standing = standingIn(
      entries.filter((e) => e.planId === plan.id),
      isoDate,
    );
    const last = standing.last;
    if (!last) continue;
    if (standing.inPlan) {
      const decisionNo = last.amendmentDecisionNo ?? (last.change === 'added' ? plan.decisionNo : null);
      return last.change === 'area_changed'
        ? {
            status: 'area_changed',
            plan: ref(plan),
            areaHa: standing.areaHa,
            previousAreaHa: standing.previousAreaHa,
            since: last.effectiveDate,
            decisionNo,
          }
        : {
            status: 'in_plan',
            plan: ref(plan),
            areaHa: standing.areaHa,
            since: last.effectiveDate,
            decisionNo,
          };
    }
    removed ??= {
      status: 'removed',
      plan: ref(plan),
      since: last.effectiveDate,
      decisionNo: last.amendmentDecisionNo,
    };
  }
  return removed ?? { status: 'not_in_plan' };
}

/** The zones' standing in a plan on its last day (or on a given day): for carrying them over to a successor. */
export function standingOnDay(entries: readonly PlanEntry[], isoDate: string) {
  const s = standingIn(entries, isoDate);
  return { inPlan: s.inPlan, areaHa: s.areaHa };
}

/**
 * Whether an entry may be added to a zone's entries in a plan: within the plan's validity, one per day, and
 * the sequence must make sense (added before anything else, no adding twice, no change after removal unless
 * added again, a changed area that differs). Returns the field and a message, or null.
 */
export function checkPlanEntry(
  plan: PlanVersion,
  history: readonly PlanEntry[],
  next: PlanEntry,
): { field: 'effectiveDate' | 'change' | 'areaHa'; problem: LocalizedText } | null {
  const validity =
    plan.validTo === null
      ? { vi: `từ ${formatDate(plan.validFrom)}`, en: `from ${formatDate(plan.validFrom, { locale: 'en' })}` }
      : {
          vi: `${formatDate(plan.validFrom)} – ${formatDate(plan.validTo)}`,
          en: `${formatDate(plan.validFrom, { locale: 'en' })} – ${formatDate(plan.validTo, { locale: 'en' })}`,
        };
  if (!coversDay({ from: plan.validFrom, to: plan.validTo }, next.effectiveDate)) {
    return {
      field: 'effectiveDate',
      problem: {
        vi: `Ngày hiệu lực phải nằm trong thời gian hiệu lực của quy hoạch ${plan.code} (${validity.vi}).`,
        en: `The effective date must fall within plan ${plan.code}'s validity (${validity.en}).`,
      },
    };
  }
  if (history.some((e) => e.effectiveDate === next.effectiveDate)) {
    return {
      field: 'effectiveDate',
      problem: {
        vi: `Khu/cụm đã có một thay đổi trong quy hoạch ${plan.code} ngày ${formatDate(next.effectiveDate)}; mỗi ngày chỉ ghi một thay đổi.`,
        en: `The zone already has a change in plan ${plan.code} on ${formatDate(next.effectiveDate, { locale: 'en' })}; one change per day.`,
      },
    };
  }
  if (next.change === 'area_changed' && next.areaHa === null) {
    return {
      field: 'areaHa',
      problem: {
        vi: 'Cần diện tích mới khi điều chỉnh diện tích.',
        en: 'An area change needs the new area.',
      },
    };
  }
  if (next.change === 'removed' && next.areaHa !== null) {
    return {
      field: 'areaHa',
      problem: {
        vi: 'Không ghi diện tích khi đưa ra khỏi quy hoạch.',
        en: 'A removal carries no area.',
      },
    };
  }
  const sequence = checkPlanSequence(plan, [...history, next], next);
  return sequence
    ? { field: sequence.isNext ? sequence.field : 'effectiveDate', problem: sequence.problem }
    : null;
}

/**
 * Whether a zone's entries in one plan make sense in date order: added before anything else, never added
 * twice, nothing after a removal but adding again, an area change that changes the area. Used when an entry is
 * added (`next` marks it) and when one is taken away.
 */
export function checkPlanSequence(
  plan: Pick<PlanVersion, 'code'>,
  entries: readonly PlanEntry[],
  next?: PlanEntry,
): { field: 'change' | 'areaHa'; isNext: boolean; problem: LocalizedText } | null {
  let inPlan = false;
  let area: number | null = null;
  for (const e of [...entries].sort(byDate)) {
    const date = formatDate(e.effectiveDate);
    const dateEn = formatDate(e.effectiveDate, { locale: 'en' });
    const isNext = e === next;
    if (e.change === 'added') {
      if (inPlan) {
        return {
          field: 'change',
          isNext,
          problem: {
            vi: `Khu/cụm đã có trong quy hoạch ${plan.code} vào ngày ${date}.`,
            en: `The zone is already in plan ${plan.code} on ${dateEn}.`,
          },
        };
      }
      inPlan = true;
      area = e.areaHa;
      continue;
    }
    if (!inPlan) {
      return {
        field: 'change',
        isNext,
        problem: {
          vi: `Khu/cụm chưa có trong quy hoạch ${plan.code} vào ngày ${date}: cần ghi "Đưa vào quy hoạch" trước.`,
          en: `The zone is not in plan ${plan.code} on ${dateEn}: record "Added to the plan" first.`,
        },
      };
    }
    if (e.change === 'area_changed') {
      if (area !== null && e.areaHa === area) {
        return {
          field: 'areaHa',
          isNext,
          problem: {
            vi: `Diện tích quy hoạch đã là ${formatArea(area, { maxFractionDigits: 4 })} vào ngày ${date}.`,
            en: `The planned area is already ${formatArea(area, { locale: 'en', maxFractionDigits: 4 })} on ${dateEn}.`,
          },
        };
      }
      area = e.areaHa;
    } else {
      inPlan = false;
    }
  }
  return null;
}

/** Whether a plan version may replace another: same family, and starting after it. */
export function checkSupersedes(
  next: { family: string; validFrom: string },
  previous: { code: string; family: string; validFrom: string; lastEntryDate: string | null },
): LocalizedText | null {
  if (previous.family !== next.family) {
    return {
      vi: `Quy hoạch ${previous.code} thuộc họ khác (${previous.family}).`,
      en: `Plan ${previous.code} belongs to the other family (${previous.family}).`,
    };
  }
  if (previous.validFrom >= next.validFrom) {
    return {
      vi: `Quy hoạch mới phải có hiệu lực sau ngày ${formatDate(previous.validFrom)} của quy hoạch ${previous.code}.`,
      en: `The new plan must take effect after ${formatDate(previous.validFrom, { locale: 'en' })}, when plan ${previous.code} did.`,
    };
  }
  if (previous.lastEntryDate !== null && previous.lastEntryDate >= next.validFrom) {
    return {
      vi: `Quy hoạch ${previous.code} có thay đổi ngày ${formatDate(previous.lastEntryDate)}, không thể kết thúc trước ngày đó.`,
      en: `Plan ${previous.code} has a change on ${formatDate(previous.lastEntryDate, { locale: 'en' })}; it cannot end before that.`,
    };
  }
  return null;
}
