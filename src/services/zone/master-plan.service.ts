import { formatDate, toIsoDate } from '../../domain/format/format';
import { hasPermission, type ZoneFamily } from '../../domain/identity/roles';
import { AppError, validationError } from '../../domain/shared/errors';
import {
  checkPlanEntry,
  checkPlanSequence,
  checkSupersedes,
  derivePlanStatus,
  standingOnDay,
  type MasterPlan,
  type MasterPlanInput,
  type MasterPlanUpdate,
  type PlanChange,
  type PlanEntry,
  type PlanEntryInput,
  type PlanEntryView,
  type PlanVersion,
  type ZonePlan,
} from '../../domain/zone/master-plan';
import { dayBefore } from '../../domain/zone/validity';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canManageMasterPlans } from './master-plan.policy';
import {
  deleteEntry,
  findPlanByCode,
  findPlanEntries,
  findPlans,
  findZoneEntries,
  insertEntries,
  insertPlan,
  lastEntryDate,
  updatePlan,
  type EntryRow,
  type PlanRow,
} from './master-plan.repository';
import { canEditZone, zoneVisibility } from './zone.policy';
import { findZoneScopeByCode, lockZone, type ZoneScopeRow } from './zone-facts.repository';

/**
 * Master plans and the entries that place zones in them. A zone's plan status on a day is derived from its
 * entries (domain/zone/master-plan.ts) each time it is asked for; nothing about it is stored twice.
 */

function toPlan(row: PlanRow): MasterPlan {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    family: row.family as ZoneFamily,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
    validFrom: row.validFrom,
    validTo: row.validTo,
    supersedes: row.supersedesCode ? { code: row.supersedesCode, name: row.supersedesName ?? '' } : null,
    entries: Number(row.entries),
    version: row.version,
  };
}

const version = (row: PlanRow): PlanVersion => ({
  id: row.id,
  code: row.code,
  name: row.name,
  decisionNo: row.decisionNo,
  decisionDate: row.decisionDate,
  validFrom: row.validFrom,
  validTo: row.validTo,
});

const toEntry = (row: EntryRow): PlanEntry => ({
  planId: row.planId,
  change: row.change as PlanChange,
  areaHa: row.areaHa === null ? null : Number(row.areaHa),
  effectiveDate: row.effectiveDate,
  amendmentDecisionNo: row.amendmentDecisionNo,
});

function requireReader(deps: ServiceDeps) {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  return actor;
}

export async function listMasterPlans(
  deps: ServiceDeps,
  family?: ZoneFamily,
): Promise<{ items: MasterPlan[] }> {
  requireReader(deps);
  return { items: (await findPlans(deps.db, family)).map(toPlan) };
}

async function loadPlan(db: Db, code: string, forUpdate = false): Promise<PlanRow> {
  const row = await findPlanByCode(db, code.toUpperCase(), { forUpdate });
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getMasterPlan(deps: ServiceDeps, code: string): Promise<MasterPlan> {
  requireReader(deps);
  return toPlan(await loadPlan(deps.db, code));
}

/**
 * Records a plan version. When it supersedes another, that one ends the day before this one starts; with
 * `carryOver`, every zone the old plan held on its last day is listed in the new one from its first day, with
 * its area then (one audit row names them all).
 */
export async function createMasterPlan(deps: ServiceDeps, given: MasterPlanInput): Promise<MasterPlan> {
  const actor = requireActor(deps);
  const input = {
    ...given,
    code: given.code.trim().toUpperCase(),
    supersedesCode: given.supersedesCode?.trim().toUpperCase() || null,
  };
  if (!canManageMasterPlans(actor, input.family)) throw new AppError('forbidden');
  const problems: Record<string, { vi: string; en: string }> = {};
  if (input.validTo && input.validTo < input.validFrom) {
    problems.validTo = {
      vi: 'Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.',
      en: 'The end of validity cannot be before its start.',
    };
  }
  if (await findPlanByCode(deps.db, input.code)) {
    problems.code = {
      vi: `Mã quy hoạch "${input.code}" đã tồn tại.`,
      en: `Plan code "${input.code}" already exists.`,
    };
  }
  if (input.carryOver && !input.supersedesCode) {
    problems.carryOver = {
      vi: 'Chỉ chuyển được các khu/cụm khi quy hoạch mới thay thế một quy hoạch cũ.',
      en: 'Zones can only be carried over from a plan this one supersedes.',
    };
  }
  if (Object.keys(problems).length) throw validationError(problems);
  return deps.db.transaction(async (tx) => {
    let previous: PlanRow | undefined;
    if (input.supersedesCode) {
      previous = await findPlanByCode(tx, input.supersedesCode, { forUpdate: true });
      const problem = previous
        ? checkSupersedes(input, { ...previous, lastEntryDate: await lastEntryDate(tx, previous.id) })
        : {
            vi: `Không có quy hoạch mã ${input.supersedesCode}.`,
            en: `No plan has code ${input.supersedesCode}.`,
          };
      if (problem) throw validationError({ supersedesCode: problem });
    }
    const id = await insertPlan(tx, {
      code: input.code,
      name: input.name,
      family: input.family,
      decisionNo: input.decisionNo?.trim() || null,
      decisionDate: input.decisionDate ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      supersedesId: previous?.id ?? null,
    });
    let carried: { zoneId: string; plannedName: string; areaHa: number | null }[] = [];
    if (previous) {
      const end = dayBefore(input.validFrom);
      if (previous.validTo === null || previous.validTo > end) {
        if (!(await updatePlan(tx, previous.id, previous.version, { validTo: end }))) {
          throw new AppError('conflict', { current: toPlan((await findPlanByCode(tx, previous.code))!) });
        }
        await recordAudit(tx, deps, {
          action: 'master_plan.update',
          entityType: 'master_plan',
          entityId: previous.id,
          before: { validTo: previous.validTo, version: previous.version },
          after: { validTo: end, version: previous.version + 1, supersededBy: input.code },
        });
      }
      if (input.carryOver) {
        const byZone = new Map<string, EntryRow[]>();
        for (const e of await findPlanEntries(tx, previous.id)) {
          if (e.zoneId) byZone.set(e.zoneId, [...(byZone.get(e.zoneId) ?? []), e]);
        }
        for (const [zoneId, rows] of byZone) {
          const standing = standingOnDay(rows.map(toEntry), end);
          if (standing.inPlan)
            carried.push({
              zoneId,
              plannedName: rows[rows.length - 1]!.plannedName,
              areaHa: standing.areaHa,
            });
        }
        carried = carried.sort((a, b) => a.plannedName.localeCompare(b.plannedName, 'vi'));
        await insertEntries(
          tx,
          carried.map((c) => ({
            planId: id,
            zoneId: c.zoneId,
            plannedName: c.plannedName,
            change: 'added',
            areaHa: c.areaHa === null ? null : String(c.areaHa),
            effectiveDate: input.validFrom,
            amendmentDecisionNo: null,
          })),
        );
      }
    }
    const created = toPlan((await findPlanByCode(tx, input.code))!);
    await recordAudit(tx, deps, {
      action: 'master_plan.create',
      entityType: 'master_plan',
      entityId: id,
      after: { ...created, carriedOver: carried },
    });
    return created;
  });
}

/** Corrects a plan's name, decision or end of validity; `version` must be the one read, else 409. */
export async function updateMasterPlan(
  deps: ServiceDeps,
  code: string,
  input: MasterPlanUpdate,
): Promise<MasterPlan> {
  const actor = requireActor(deps);
  const row = await loadPlan(deps.db, code);
  if (!canManageMasterPlans(actor, row.family as ZoneFamily)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const current = await loadPlan(tx, code, true);
    if (current.version !== input.version) throw new AppError('conflict', { current: toPlan(current) });
    const values = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.decisionNo !== undefined ? { decisionNo: input.decisionNo?.trim() || null } : {}),
      ...(input.decisionDate !== undefined ? { decisionDate: input.decisionDate ?? null } : {}),
      ...(input.validTo !== undefined ? { validTo: input.validTo ?? null } : {}),
    };
    if (values.validTo) {
      const last = await lastEntryDate(tx, current.id);
      if (values.validTo < current.validFrom) {
        throw validationError({
          validTo: {
            vi: 'Ngày hết hiệu lực phải từ ngày bắt đầu hiệu lực trở đi.',
            en: 'The end of validity cannot be before its start.',
          },
        });
      }
      if (last && last > values.validTo) {
        throw validationError({
          validTo: {
            vi: `Quy hoạch có thay đổi ngày ${formatDate(last)}, không thể hết hiệu lực trước ngày đó.`,
            en: `The plan has a change on ${formatDate(last, { locale: 'en' })}; it cannot end before that.`,
          },
        });
      }
    }
    const before = toPlan(current);
    const unchanged = (Object.keys(values) as (keyof typeof values)[]).every(
      (key) => values[key] === (before as Record<string, unknown>)[key],
    );
    if (unchanged) return before;
    await updatePlan(tx, current.id, current.version, values);
    const after = toPlan((await findPlanByCode(tx, current.code))!);
    await recordAudit(tx, deps, {
      action: 'master_plan.update',
      entityType: 'master_plan',
      entityId: current.id,
      before,
      after,
    });
    return after;
  });
}

async function loadZone(deps: ServiceDeps, code: string): Promise<ZoneScopeRow> {
  const actor = requireReader(deps);
  const zone = await findZoneScopeByCode(deps.db, zoneVisibility(actor), code.toUpperCase());
  if (!zone) throw new AppError('not_found');
  return zone;
}

function entryViews(rows: EntryRow[], plans: PlanRow[]): PlanEntryView[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  return rows.map((row) => {
    const plan = byId.get(row.planId)!;
    return {
      id: row.id,
      plan: { code: plan.code, name: plan.name, decisionNo: plan.decisionNo },
      plannedName: row.plannedName,
      change: row.change as PlanChange,
      areaHa: row.areaHa === null ? null : Number(row.areaHa),
      effectiveDate: row.effectiveDate,
      amendmentDecisionNo: row.amendmentDecisionNo,
    };
  });
}

/** A zone's place in the master plans: its status on `at` (today in Vietnam by default) and every entry. */
export async function zonePlan(deps: ServiceDeps, code: string, at?: string): Promise<ZonePlan> {
  const zone = await loadZone(deps, code);
  const actor = requireActor(deps);
  const asOf = at ?? toIsoDate(deps.clock.now());
  const plans = await findPlans(deps.db, zone.family);
  const rows = await findZoneEntries(deps.db, zone.id);
  return {
    asOf,
    status: derivePlanStatus(plans.map(version), rows.map(toEntry), asOf),
    entries: entryViews(rows, plans),
    plans: plans.map(toPlan),
    canEdit: canEditZone(actor, zone),
    canManagePlans: canManageMasterPlans(actor, zone.family),
  };
}

/** Records that a plan (or an amendment of it) added the zone, changed its area or removed it. */
export async function addPlanEntry(
  deps: ServiceDeps,
  code: string,
  input: PlanEntryInput,
): Promise<ZonePlan> {
  const zone = await loadZone(deps, code);
  if (!canEditZone(requireActor(deps), zone)) throw new AppError('forbidden');
  const plan = await findPlanByCode(deps.db, input.planCode.trim().toUpperCase());
  if (!plan || plan.family !== zone.family) {
    throw validationError({
      planCode: plan
        ? {
            vi: `Quy hoạch ${plan.code} là quy hoạch ${plan.family === 'KCN' ? 'khu công nghiệp' : 'cụm công nghiệp'}, không áp dụng cho ${zone.code}.`,
            en: `Plan ${plan.code} is a ${plan.family} plan and does not apply to ${zone.code}.`,
          }
        : { vi: `Không có quy hoạch mã ${input.planCode}.`, en: `No plan has code ${input.planCode}.` },
    });
  }
  await deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const history = (await findZoneEntries(tx, zone.id)).filter((e) => e.planId === plan.id).map(toEntry);
    const next: PlanEntry = {
      planId: plan.id,
      change: input.change,
      areaHa: input.areaHa ?? null,
      effectiveDate: input.effectiveDate,
      amendmentDecisionNo: input.amendmentDecisionNo?.trim() || null,
    };
    const problem = checkPlanEntry(version(plan), history, next);
    if (problem) throw validationError({ [problem.field]: problem.problem });
    const [entryId] = await insertEntries(tx, [
      {
        planId: plan.id,
        zoneId: zone.id,
        plannedName: input.plannedName?.trim() || zone.name,
        change: next.change,
        areaHa: next.areaHa === null ? null : String(next.areaHa),
        effectiveDate: next.effectiveDate,
        amendmentDecisionNo: next.amendmentDecisionNo,
      },
    ]);
    await recordAudit(tx, deps, {
      action: 'zone.plan_entry_add',
      entityType: 'zone',
      entityId: zone.id,
      after: {
        entryId,
        planCode: plan.code,
        planChange: next.change,
        areaHa: next.areaHa,
        effectiveDate: next.effectiveDate,
        amendmentDecisionNo: next.amendmentDecisionNo,
      },
    });
  });
  return zonePlan(deps, zone.code);
}

/** Takes away an entry recorded by mistake, if the zone's remaining entries in that plan still make sense. */
export async function removePlanEntry(deps: ServiceDeps, code: string, entryId: string): Promise<ZonePlan> {
  const zone = await loadZone(deps, code);
  if (!canEditZone(requireActor(deps), zone)) throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const all = await findZoneEntries(tx, zone.id);
    const entry = all.find((e) => e.id === entryId);
    if (!entry) throw new AppError('not_found');
    const plan = (await findPlans(tx, zone.family)).find((p) => p.id === entry.planId)!;
    const rest = all.filter((e) => e.planId === entry.planId && e.id !== entryId).map(toEntry);
    const problem = checkPlanSequence(plan, rest);
    if (problem) throw validationError({ entry: problem.problem });
    await deleteEntry(tx, entryId);
    await recordAudit(tx, deps, {
      action: 'zone.plan_entry_remove',
      entityType: 'zone',
      entityId: zone.id,
      before: {
        entryId,
        planCode: plan.code,
        planChange: entry.change,
        areaHa: entry.areaHa === null ? null : Number(entry.areaHa),
        effectiveDate: entry.effectiveDate,
        amendmentDecisionNo: entry.amendmentDecisionNo,
      },
    });
  });
  return zonePlan(deps, zone.code);
}
