import type { ZoneFamily } from '../../domain/identity/roles';
import {
  checkTargetInput,
  type PlanInput,
  type PlanUpdate,
  type TargetInput,
  type TargetUpdate,
  type WithdrawInput,
} from '../../domain/plan/plan.schema';
import { indicatorOf } from '../../domain/reporting/indicators';
import { targetIndicators } from '../../domain/reporting/plan-target.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { CITY_SCOPE_REF } from '../reporting/plan-target.service';
import { canReadPlans, canSetPlans } from './plan.policy';
import {
  findPlan,
  findTarget,
  findTargetZones,
  findYearTargets,
  findZoneIdsByCodes,
  insertPlan,
  insertPlanTarget,
  nextOrdinal,
  replaceTargetZones,
  updatePlan,
  updatePlanTarget,
  type PlanRow,
  type PlanTargetRow,
} from './plan.repository';

/** What the audit trail keeps of a plan. */
function planAudit(p: PlanRow) {
  return {
    family: p.family,
    year: p.year,
    number: p.number,
    issuedOn: p.issuedOn,
    issuer: p.issuer,
    title: p.title,
    documentRef: p.documentRef,
    withdrawnReason: p.withdrawnReason,
  };
}

export function targetAudit(t: PlanTargetRow, zones: string[]) {
  return {
    planId: t.planId,
    kind: t.kind,
    indicator: t.indicator,
    title: t.title,
    value: Number(t.value),
    maxValue: t.maxValue === null ? null : Number(t.maxValue),
    params: t.params,
    zones,
    evidenceRef: t.evidenceRef,
    evidenceDate: t.evidenceDate,
    note: t.note,
    withdrawnReason: t.withdrawnReason,
  };
}

function guard(deps: ServiceDeps, family: ZoneFamily) {
  const actor = requireActor(deps);
  if (!canReadPlans(actor)) throw new AppError('not_found');
  if (!canSetPlans(actor, family)) throw new AppError('forbidden');
}

async function planOrNotFound(db: Db, id: string): Promise<PlanRow> {
  const plan = /^[0-9a-f-]{36}$/i.test(id) ? await findPlan(db, id) : undefined;
  if (!plan) throw new AppError('not_found');
  return plan;
}

const duplicateNumber = (input: { number: string; year: number }) =>
  validationError({
    number: {
      vi: `Kế hoạch số ${input.number} năm ${input.year} đã có.`,
      en: `Plan ${input.number} of ${input.year} exists already.`,
    },
  });

/** Records a plan document (the family's department). Any year from 2000 is accepted. */
export async function createPlan(deps: ServiceDeps, input: PlanInput): Promise<PlanRow> {
  guard(deps, input.family);
  return deps.db.transaction(async (tx) => {
    const saved = await insertPlan(tx, { ...input, updatedAt: deps.clock.now() });
    if (!saved) throw duplicateNumber(input);
    await recordAudit(tx, deps, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: saved.id,
      after: planAudit(saved),
    });
    return saved;
  });
}

/** Corrects a plan's document fields; `version` must be the one read (409 with the plan as it stands). */
export async function editPlan(deps: ServiceDeps, id: string, input: PlanUpdate): Promise<PlanRow> {
  const current = await planOrNotFound(deps.db, id);
  guard(deps, current.family as ZoneFamily);
  const { version, ...changes } = input;
  return deps.db.transaction(async (tx) => {
    const saved = await updatePlan(tx, id, version, { ...changes, updatedAt: deps.clock.now() }).catch(
      (e: unknown) => {
        if (
          String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) ===
          '23505'
        )
          throw duplicateNumber({ number: changes.number ?? current.number, year: current.year });
        throw e;
      },
    );
    if (!saved) throw new AppError('conflict', { current: planAudit((await findPlan(tx, id))!) });
    await recordAudit(tx, deps, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      before: planAudit(current),
      after: planAudit(saved),
    });
    return saved;
  });
}

/** Withdraws a plan with a reason, and its targets with it; nothing is deleted. */
export async function withdrawPlan(deps: ServiceDeps, id: string, input: WithdrawInput): Promise<PlanRow> {
  const current = await planOrNotFound(deps.db, id);
  guard(deps, current.family as ZoneFamily);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const saved = await updatePlan(tx, id, input.version, {
      withdrawnAt: now,
      withdrawnReason: input.reason,
      updatedAt: now,
    });
    if (!saved) throw new AppError('conflict', { current: planAudit((await findPlan(tx, id))!) });
    for (const t of (await findYearTargets(tx, current.year, current.family as ZoneFamily)).filter(
      (t) => t.planId === id,
    )) {
      await updatePlanTarget(tx, t.id, t.version, {
        withdrawnAt: now,
        withdrawnReason: input.reason,
        updatedAt: now,
      });
    }
    await recordAudit(tx, deps, {
      action: 'plan.withdraw',
      entityType: 'plan',
      entityId: id,
      before: planAudit(current),
      after: planAudit(saved),
    });
    return saved;
  });
}

type FieldErrors = Record<string, { vi: string; en: string }>;

/** Zones by code as the target rules need them (codes not found are absent). */
export type TargetZoneIds = ReadonlyMap<string, { id: string; family: string }>;

/**
 * The rules of a target against its family and year, with its zones looked up (`checkTargetInput`, a figure's
 * indicator among the year's, the zones existing and of the family): every problem names its field. The API's
 * writes and the spreadsheet import both check a target here.
 */
export function checkTarget(
  family: ZoneFamily,
  year: number,
  input: TargetInput,
  ids: TargetZoneIds,
): FieldErrors {
  const errors = checkTargetInput(input);
  if (input.kind === 'figure' && input.indicator) {
    const allowed = targetIndicators(family, year);
    if (!allowed.some((i) => i.indicator === input.indicator)) {
      errors.indicator = {
        vi: `Chỉ tiêu "${input.indicator}" không có kế hoạch; chọn một trong: ${allowed.map((i) => i.indicator).join(', ') || '(không có)'}.`,
        en: `Indicator "${input.indicator}" takes no target; choose one of: ${allowed.map((i) => i.indicator).join(', ') || '(none)'}.`,
      };
    }
  }
  const missing = input.zones.filter((z) => !ids.has(z.code)).map((z) => z.code);
  const otherFamily = input.zones.filter((z) => ids.has(z.code) && ids.get(z.code)!.family !== family);
  if (missing.length && !errors.zones) {
    errors.zones = {
      vi: `Không có khu/cụm mã: ${missing.slice(0, 10).join(', ')}.`,
      en: `No zone with code: ${missing.slice(0, 10).join(', ')}.`,
    };
  } else if (otherFamily.length && !errors.zones) {
    const codes = otherFamily
      .slice(0, 10)
      .map((z) => z.code)
      .join(', ');
    errors.zones = {
      vi: `Kế hoạch ${family === 'CCN' ? 'cụm công nghiệp' : 'khu công nghiệp'} không gồm: ${codes}.`,
      en: `A ${family === 'CCN' ? 'cluster' : 'park'} plan cannot name: ${codes}.`,
    };
  }
  return errors;
}

export type ResolvedTarget = {
  indicator: string;
  params: Record<string, unknown>;
  zones: { zoneId: string; responsible: string | null }[];
};

/** A checked target as stored: its indicator code, the measure's parameters, its zones by id. */
export function resolvedTarget(input: TargetInput, ids: TargetZoneIds): ResolvedTarget {
  return {
    indicator: input.kind === 'figure' ? input.indicator! : input.kind === 'task' ? 'task' : input.measure!,
    params: {
      ...(input.measure === 'step_reached' && input.step ? { step: input.step } : {}),
      ...(input.measure === 'occupancy_at_least' ? { thresholdPct: input.thresholdPct } : {}),
    },
    zones: input.zones.map((z) => ({ zoneId: ids.get(z.code)!.id, responsible: z.responsible })),
  };
}

/** Checks a target against its family and year, and resolves its zones; every problem names its field. */
async function resolveTarget(db: Db, family: ZoneFamily, year: number, input: TargetInput) {
  const ids = await findZoneIdsByCodes(
    db,
    input.zones.map((z) => z.code),
  );
  const errors = checkTarget(family, year, input, ids);
  if (Object.keys(errors).length) throw validationError(errors);
  return resolvedTarget(input, ids);
}

/** The stored columns of a target's definition (what an edit replaces). */
export function targetValues(input: TargetInput, resolved: ResolvedTarget) {
  return {
    kind: input.kind,
    indicator: resolved.indicator,
    title: input.title,
    value: input.value.toFixed(4),
    maxValue: input.maxValue === null ? null : input.maxValue.toFixed(4),
    params: resolved.params,
    evidenceRef: input.evidenceRef,
    evidenceDate: input.evidenceDate,
    note: input.note,
    unit: input.kind === 'figure' ? indicatorOf(resolved.indicator).unit : input.kind,
  };
}

/** One figure target per indicator, year and family. */
export const figureTakenMessage = {
  vi: 'Chỉ tiêu này của năm đã có (sửa chỉ tiêu đó thay vì thêm mới).',
  en: 'This figure already has a target for the year (edit it instead).',
};

export const figureTaken = () => validationError({ indicator: figureTakenMessage });

/** Adds a target to a plan (the family's department). */
export async function addTarget(
  deps: ServiceDeps,
  planId: string,
  input: TargetInput,
): Promise<PlanTargetRow> {
  const plan = await planOrNotFound(deps.db, planId);
  const family = plan.family as ZoneFamily;
  guard(deps, family);
  if (plan.withdrawnAt) throw new AppError('conflict', { current: planAudit(plan) });
  const resolved = await resolveTarget(deps.db, family, plan.year, input);
  return deps.db.transaction(async (tx) => {
    const saved = await insertPlanTarget(tx, {
      ...targetValues(input, resolved),
      planId,
      year: plan.year,
      family,
      scopeKind: 'city',
      scopeRef: CITY_SCOPE_REF,
      ordinal: await nextOrdinal(tx, planId),
      updatedAt: deps.clock.now(),
    });
    if (!saved) throw figureTaken();
    await replaceTargetZones(tx, saved.id, resolved.zones);
    await recordAudit(tx, deps, {
      action: 'plan_target.create',
      entityType: 'plan_target',
      entityId: saved.id,
      after: targetAudit(
        saved,
        input.zones.map((z) => z.code),
      ),
    });
    return saved;
  });
}

async function targetOrNotFound(db: Db, id: string): Promise<PlanTargetRow> {
  const target = /^[0-9a-f-]{36}$/i.test(id) ? await findTarget(db, id) : undefined;
  if (!target) throw new AppError('not_found');
  return target;
}

async function zoneCodes(db: Db, targetId: string): Promise<string[]> {
  return (await findTargetZones(db, [targetId])).map((z) => z.code);
}

/** Replaces a target's definition; `version` must be the one read (409 with the target as it stands). */
export async function editTarget(deps: ServiceDeps, id: string, input: TargetUpdate): Promise<PlanTargetRow> {
  const current = await targetOrNotFound(deps.db, id);
  const family = current.family as ZoneFamily;
  guard(deps, family);
  const resolved = await resolveTarget(deps.db, family, current.year, input);
  return deps.db.transaction(async (tx) => {
    const before = await zoneCodes(tx, id);
    const saved = await updatePlanTarget(tx, id, input.version, {
      ...targetValues(input, resolved),
      updatedAt: deps.clock.now(),
    }).catch((e: unknown) => {
      if (
        String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505'
      )
        throw figureTaken();
      throw e;
    });
    if (!saved) {
      const now = (await findTarget(tx, id))!;
      throw new AppError('conflict', { current: targetAudit(now, before) });
    }
    await replaceTargetZones(tx, id, resolved.zones);
    await recordAudit(tx, deps, {
      action: 'plan_target.update',
      entityType: 'plan_target',
      entityId: id,
      before: targetAudit(current, before),
      after: targetAudit(
        saved,
        input.zones.map((z) => z.code),
      ),
    });
    return saved;
  });
}

/** Withdraws a target with a reason; it stays in the database and the audit trail. */
export async function withdrawTarget(
  deps: ServiceDeps,
  id: string,
  input: WithdrawInput,
): Promise<PlanTargetRow> {
  const current = await targetOrNotFound(deps.db, id);
  guard(deps, current.family as ZoneFamily);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const zones = await zoneCodes(tx, id);
    const saved = await updatePlanTarget(tx, id, input.version, {
      withdrawnAt: now,
      withdrawnReason: input.reason,
      updatedAt: now,
    });
    if (!saved) throw new AppError('conflict', { current: targetAudit((await findTarget(tx, id))!, zones) });
    await recordAudit(tx, deps, {
      action: 'plan_target.withdraw',
      entityType: 'plan_target',
      entityId: id,
      before: targetAudit(current, zones),
      after: targetAudit(saved, zones),
    });
    return saved;
  });
}
