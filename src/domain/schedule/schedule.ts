import type { LocalizedText } from '../shared/errors';
import { lifecycleStates, mainPathRank, type LifecycleEvent, type LifecycleState } from '../zone/lifecycle';

/**
 * A zone's schedule: the planned date of each step (set by its establishment decision, investment approval or
 * the city's plan) against the date the step was actually reached. The actual date is never typed: it is
 * read from the zone's lifecycle history — the first event at or past the step on the main path. Slippage,
 * commitments kept or missed, and the watch-list rules over both are computed here, once.
 */
export const scheduleSteps = [
  'detailed_plan_approved',
  'land_clearance',
  'construction_start',
  'infrastructure_complete',
  'operating',
] as const;
export type ScheduleStep = (typeof scheduleSteps)[number];

export const scheduleStepLabels: Record<ScheduleStep, LocalizedText> = {
  detailed_plan_approved: { vi: 'Phê duyệt quy hoạch chi tiết 1/500', en: 'Detailed 1/500 plan approved' },
  land_clearance: { vi: 'Hoàn thành giải phóng mặt bằng', en: 'Land clearance complete' },
  construction_start: { vi: 'Khởi công xây dựng hạ tầng', en: 'Construction start' },
  infrastructure_complete: { vi: 'Hoàn thành hạ tầng dùng chung', en: 'Shared infrastructure complete' },
  operating: { vi: 'Đi vào hoạt động', en: 'Operating' },
};

export const scheduleSourceKinds = [
  'establishment_decision',
  'investment_approval',
  'city_plan',
  'other',
] as const;
export type ScheduleSourceKind = (typeof scheduleSourceKinds)[number];

export const scheduleSourceKindLabels: Record<ScheduleSourceKind, LocalizedText> = {
  establishment_decision: { vi: 'Quyết định thành lập', en: 'Establishment decision' },
  investment_approval: { vi: 'Chủ trương đầu tư', en: 'Investment approval' },
  city_plan: { vi: 'Kế hoạch của Thành phố', en: "City's plan" },
  other: { vi: 'Văn bản khác', en: 'Other document' },
};

/** Default tolerance before a late step goes on the watch list (days past its planned date). */
export const DEFAULT_STEP_TOLERANCE_DAYS = 30;

/** Months without a progress reading after which a zone in land clearance or construction is "stale". */
export const PROGRESS_STALE_MONTHS = 6;

/** The lifecycle state whose rank on the main path marks a step as reached. */
const stepMarker: Record<ScheduleStep, LifecycleState> = {
  detailed_plan_approved: 'detailed_plan_approved',
  // Clearance is complete when construction starts (or a clearance event says 100 %).
  land_clearance: 'construction',
  construction_start: 'construction',
  infrastructure_complete: 'infrastructure_complete',
  operating: 'operating',
};

/** A state's place on the main path: the lifecycle's own rule, one statement of it. */
const rankOf = mainPathRank;

/** The lifecycle states whose event marks the step as reached (for SQL prefilters; the rule is below). */
export function statesReaching(step: ScheduleStep): LifecycleState[] {
  const min = rankOf(stepMarker[step]);
  return lifecycleStates.filter((s) => rankOf(s) >= min);
}

/** The date the step was reached: the first lifecycle event at or past it; null while it is not. */
export function stepReachedOn(step: ScheduleStep, events: readonly LifecycleEvent[]): string | null {
  const min = rankOf(stepMarker[step]);
  let first: string | null = null;
  for (const e of events) {
    const reaches =
      rankOf(e.state) >= min ||
      (step === 'land_clearance' && e.state === 'land_clearance' && (e.progressPct ?? 0) >= 100);
    if (reaches && (first === null || e.eventDate < first)) first = e.eventDate;
  }
  return first;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round(dayNumber(b) - dayNumber(a));
}

export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` later (the month's last day when it has fewer days). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * done: reached by its date · done_late: reached after it · pending: not reached, not yet due ·
 * overdue: not reached, past due within the tolerance · late: past due beyond the tolerance (watch list).
 */
export type StepStatus = 'done' | 'done_late' | 'pending' | 'overdue' | 'late';

export type StepProgress = {
  reachedOn: string | null;
  /** Days late (positive) or ahead (negative) when reached; days overdue so far when not; null when not due. */
  slippageDays: number | null;
  status: StepStatus;
  /** The day the step went on the watch list (planned date + tolerance + 1), when it is late. */
  lateSince: string | null;
};

export function stepProgress(
  planned: { step: ScheduleStep; plannedDate: string },
  events: readonly LifecycleEvent[],
  today: string,
  toleranceDays: number,
): StepProgress {
  const reachedOn = stepReachedOn(planned.step, events);
  if (reachedOn) {
    const slippageDays = daysBetween(planned.plannedDate, reachedOn);
    return { reachedOn, slippageDays, status: slippageDays > 0 ? 'done_late' : 'done', lateSince: null };
  }
  const overdue = daysBetween(planned.plannedDate, today);
  if (overdue <= 0) return { reachedOn: null, slippageDays: null, status: 'pending', lateSince: null };
  if (overdue <= toleranceDays) {
    return { reachedOn: null, slippageDays: overdue, status: 'overdue', lateSince: null };
  }
  return {
    reachedOn: null,
    slippageDays: overdue,
    status: 'late',
    lateSince: addDays(planned.plannedDate, toleranceDays + 1),
  };
}

/**
 * kept: reached by the target date · missed: reached after it · open: not reached, not yet due ·
 * missed_open: not reached and past the date (on the watch list until it is reached).
 */
export type TargetStatus = 'kept' | 'missed' | 'open' | 'missed_open';

export type TargetOutcome = {
  reachedOn: string | null;
  status: TargetStatus;
  /** Days past the target date (when reached late, or so far); null when kept or not yet due. */
  daysLate: number | null;
  /** The day after the target date, when the target is missed. */
  missedSince: string | null;
};

/** Whether a commitment's dated target was kept — detected from the lifecycle, never ticked by hand. */
export function targetOutcome(
  target: { step: ScheduleStep; targetDate: string },
  events: readonly LifecycleEvent[],
  today: string,
): TargetOutcome {
  const reachedOn = stepReachedOn(target.step, events);
  const missedSince = addDays(target.targetDate, 1);
  if (reachedOn) {
    const late = daysBetween(target.targetDate, reachedOn);
    return late > 0
      ? { reachedOn, status: 'missed', daysLate: late, missedSince }
      : { reachedOn, status: 'kept', daysLate: null, missedSince: null };
  }
  const late = daysBetween(target.targetDate, today);
  return late > 0
    ? { reachedOn: null, status: 'missed_open', daysLate: late, missedSince }
    : { reachedOn: null, status: 'open', daysLate: null, missedSince: null };
}

export const progressKinds = ['land_clearance', 'construction'] as const;
export type ProgressKind = (typeof progressKinds)[number];

export const progressKindLabels: Record<ProgressKind, LocalizedText> = {
  land_clearance: { vi: 'Giải phóng mặt bằng', en: 'Land clearance' },
  construction: { vi: 'Xây dựng hạ tầng', en: 'Infrastructure construction' },
};

export const reporterKinds = ['developer', 'commune', 'department'] as const;
export type ReporterKind = (typeof reporterKinds)[number];

/**
 * The planned curve of a kind of progress: 0 % on the planned date of the step before it, 100 % on its own
 * (clearance from the 1/500 plan to clearance complete; construction from its start to infrastructure
 * complete), linear between. Empty when either date is not planned.
 */
export function plannedCurve(
  kind: ProgressKind,
  planned: Partial<Record<ScheduleStep, string>>,
): { date: string; pct: number }[] {
  const [from, to] =
    kind === 'land_clearance'
      ? [planned.detailed_plan_approved, planned.land_clearance]
      : [planned.construction_start, planned.infrastructure_complete];
  if (!from || !to || to < from) return [];
  return [
    { date: from, pct: 0 },
    { date: to, pct: 100 },
  ];
}

/** States in which a zone is expected to report clearance or construction progress. */
export const progressStates: readonly LifecycleState[] = ['land_clearance', 'construction'];

/**
 * When a zone in land clearance or construction became "stale": six months after the later of the day it
 * entered that state and its last progress reading; null when it is not in such a state or not yet stale.
 */
export function progressStaleSince(
  state: LifecycleState | null,
  stateSince: string | null,
  lastReading: string | null,
  today: string,
): string | null {
  if (!state || !progressStates.includes(state) || !stateSince) return null;
  const base = lastReading && lastReading > stateSince ? lastReading : stateSince;
  const since = addMonths(base, PROGRESS_STALE_MONTHS);
  return since <= today ? since : null;
}
