import { toIsoDate } from '../../domain/format/format';
import { hasPermission } from '../../domain/identity/roles';
import { checkInspection, checkRemedy, findingUnremediedSince } from '../../domain/inspection/inspection';
import {
  inspectionInputSchema,
  type Finding,
  type Inspection,
  type InspectionCounts,
  type InspectionInput,
  type InspectionKind,
  type InspectionListQuery,
  type PlanEntry,
  type PlanEntryInput,
  type RemedyInput,
  type ZoneInspections,
} from '../../domain/inspection/inspection.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { loadVisibleZone } from '../schedule/schedule.service';
import { findZoneScopeByCode } from '../zone/zone-facts.repository';
import { zoneVisibility } from '../zone/zone.policy';
import {
  countInspections,
  findFinding,
  findInspections,
  findKinds,
  findPlanEntries,
  findPlanEntryZone,
  findProjectId,
  insertInspection,
  insertPlanEntry,
  updateFindingRemedy,
  type FindingRow,
} from './inspection.repository';
import { canRecordInspection } from './inspection.policy';

/**
 * Inspections of zones and tenant projects: the year's plan, the inspections done with their checklist
 * results, findings (each with what to remedy by when, and its follow-up) and penalties. A failed item not
 * remedied by its deadline puts the zone on the watch list (inspection.watch.ts) until a remedy is recorded.
 */

const today = (deps: ServiceDeps) => toIsoDate(deps.clock.now());

/** A project named with an inspection must be a tenant project of the inspected zone. */
export const noProjectInZone = {
  vi: 'Không có dự án này trong khu/cụm.',
  en: 'No such project in this zone.',
};

/** A kind of inspection must be one of the catalogue's active kinds. */
export const unknownInspectionKind = {
  vi: 'Loại kiểm tra không có trong danh mục.',
  en: 'Unknown kind of inspection.',
};

export async function listInspectionKinds(deps: ServiceDeps): Promise<InspectionKind[]> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  return findKinds(deps.db);
}

function findingView(f: FindingRow, asOf: string): Finding {
  return {
    id: f.id,
    itemCode: f.itemCode,
    description: f.description,
    action: f.action,
    deadline: f.deadline,
    remediedOn: f.remediedOn,
    evidence: f.evidence,
    overdue: findingUnremediedSince(f, asOf) !== null,
    version: f.version,
  };
}

type Loaded = Awaited<ReturnType<typeof findInspections>>[number];

function inspectionView(row: Loaded, asOf: string): Inspection {
  return {
    id: row.id,
    zoneCode: row.zoneCode,
    zoneName: row.zoneName,
    projectCode: row.projectCode,
    kindCode: row.kindCode,
    inspectedOn: row.inspectedOn,
    agency: row.agency,
    decisionNo: row.decisionNo,
    conclusion: row.conclusion,
    planEntryId: row.planEntryId,
    results: row.results.map((r) => ({ itemCode: r.itemCode, passed: r.passed, note: r.note })),
    findings: row.findings.map((f) => findingView(f, asOf)),
    penalties: row.penalties.map((p) => ({
      id: p.id,
      decisionNo: p.decisionNo,
      decidedOn: p.decidedOn,
      amountVnd: p.amountVnd,
      offender: p.offender,
      note: p.note,
    })),
  };
}

/** A zone's inspections (newest first) and its inspection plan entries. */
export async function getZoneInspections(deps: ServiceDeps, code: string): Promise<ZoneInspections> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  const asOf = today(deps);
  const visibility = zoneVisibility(actor);
  const [rows, plan] = await Promise.all([
    findInspections(deps.db, visibility, { zoneId: zone.id }),
    findPlanEntries(deps.db, visibility, { zoneId: zone.id }),
  ]);
  return {
    asOf,
    inspections: rows.map((r) => inspectionView(r, asOf)),
    plan: plan as PlanEntry[],
    canRecord: canRecordInspection(actor, zone),
  };
}

/** Inspections in the reader's scope (newest first), filtered; the list and its exports. */
export async function listInspections(
  deps: ServiceDeps,
  query: InspectionListQuery,
  limit = 500,
): Promise<Inspection[]> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const asOf = today(deps);
  const visibility = zoneVisibility(actor);
  let zoneId: string | undefined;
  if (query.zone) {
    const zone = await findZoneScopeByCode(deps.db, visibility, query.zone.trim().toUpperCase());
    if (!zone) return [];
    zoneId = zone.id;
  }
  const rows = await findInspections(
    deps.db,
    visibility,
    {
      zoneId,
      year: query.year,
      kind: query.kind,
      unremediedBefore: query.unremedied === 'true' ? asOf : undefined,
    },
    limit,
  );
  return rows.map((r) => inspectionView(r, asOf));
}

/** A checked inspection as stored: its row, results, findings and penalties (blank texts as null). */
export function inspectionRows(
  input: ReturnType<typeof inspectionInputSchema.parse>,
  refs: { zoneId: string; projectId: string | null; recordedBy: string | null },
) {
  return {
    inspection: {
      zoneId: refs.zoneId,
      projectId: refs.projectId,
      kindCode: input.kindCode,
      planEntryId: input.planEntryId ?? null,
      inspectedOn: input.inspectedOn,
      agency: input.agency,
      decisionNo: input.decisionNo?.trim() || null,
      conclusion: input.conclusion?.trim() || null,
      recordedBy: refs.recordedBy,
    },
    results: input.results.map((r) => ({
      itemCode: r.itemCode,
      passed: r.passed,
      note: r.note?.trim() || null,
    })),
    findings: input.findings.map((f) => ({
      itemCode: f.itemCode ?? null,
      description: f.description,
      action: f.action?.trim() || null,
      deadline: f.deadline ?? null,
    })),
    penalties: input.penalties.map((p) => ({
      decisionNo: p.decisionNo,
      decidedOn: p.decidedOn,
      amountVnd: p.amountVnd,
      offender: p.offender?.trim() || null,
      note: p.note?.trim() || null,
    })),
  };
}

/**
 * Records an inspection with its checklist results, findings and penalties, all or nothing. Every item of the
 * kind's checklist is answered; every failed item has a finding with a remediation deadline.
 */
export async function recordInspection(
  deps: ServiceDeps,
  code: string,
  raw: InspectionInput,
): Promise<Inspection> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  if (!canRecordInspection(actor, zone)) throw new AppError('forbidden');
  const input = inspectionInputSchema.parse(raw);
  const asOf = today(deps);
  const kind = (await findKinds(deps.db)).find((k) => k.code === input.kindCode);
  if (!kind) {
    throw validationError({
      kindCode: unknownInspectionKind,
    });
  }
  const problems = checkInspection(
    input,
    kind.items.map((i) => i.code),
    asOf,
  );
  let projectId: string | null = null;
  if (input.projectCode) {
    projectId = (await findProjectId(deps.db, zone.id, input.projectCode)) ?? null;
    if (!projectId) {
      problems.projectCode = noProjectInZone;
    }
  }
  if (input.planEntryId && (await findPlanEntryZone(deps.db, input.planEntryId)) !== zone.id) {
    problems.planEntryId = {
      vi: 'Mục kế hoạch kiểm tra không thuộc khu/cụm này.',
      en: 'The plan entry is not of this zone.',
    };
  }
  if (Object.keys(problems).length) throw validationError(problems);
  const id = await deps.db.transaction(async (tx) => {
    const rows = inspectionRows(input, { zoneId: zone.id, projectId, recordedBy: actor.userId || null });
    const inspectionId = await insertInspection(
      tx,
      rows.inspection,
      rows.results,
      rows.findings,
      rows.penalties,
    );
    await recordAudit(tx, deps, {
      action: 'inspection.record',
      entityType: 'inspection',
      entityId: inspectionId,
      after: { zoneCode: zone.code, ...input },
    });
    return inspectionId;
  });
  const [row] = await findInspections(deps.db, zoneVisibility(actor), { ids: [id] });
  return inspectionView(row!, asOf);
}

/** Records that a finding was remedied (on a date, with evidence); `version` must be the one read (409). */
export async function remedyFinding(
  deps: ServiceDeps,
  inspectionId: string,
  findingId: string,
  input: RemedyInput,
): Promise<Finding> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const visibility = zoneVisibility(actor);
  const found = await findFinding(deps.db, visibility, inspectionId, findingId);
  if (!found) throw new AppError('not_found');
  const zone = await findZoneScopeByCode(deps.db, visibility, found.zoneCode);
  if (!zone || !canRecordInspection(actor, zone)) throw new AppError('forbidden');
  const asOf = today(deps);
  const problems = checkRemedy(input, found.inspectedOn, asOf);
  if (found.finding.remediedOn) {
    problems.remediedOn = {
      vi: 'Kiến nghị này đã được ghi nhận khắc phục.',
      en: 'This finding is already remedied.',
    };
  }
  if (Object.keys(problems).length) throw validationError(problems);
  return deps.db.transaction(async (tx) => {
    const updated = await updateFindingRemedy(tx, findingId, input.version, {
      remediedOn: input.remediedOn,
      evidence: input.evidence,
    });
    if (!updated) throw new AppError('conflict', { current: findingView(found.finding, asOf) });
    await recordAudit(tx, deps, {
      action: 'inspection.remedy',
      entityType: 'inspection',
      entityId: inspectionId,
      before: findingView(found.finding, asOf),
      after: findingView(updated, asOf),
    });
    return findingView(updated, asOf);
  });
}

/** The year's inspection plan in the reader's scope. */
export async function listInspectionPlan(deps: ServiceDeps, year: number): Promise<PlanEntry[]> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  return (await findPlanEntries(deps.db, zoneVisibility(actor), { year })) as PlanEntry[];
}

/** Adds a planned inspection (kind, quarter) of a zone or one of its projects to the year's plan. */
export async function addPlanEntry(deps: ServiceDeps, input: PlanEntryInput): Promise<{ id: string }> {
  const zone = await loadVisibleZone(deps, input.zoneCode);
  const actor = requireActor(deps);
  if (!canRecordInspection(actor, zone)) throw new AppError('forbidden');
  const problems: Parameters<typeof validationError>[0] = {};
  if (!(await findKinds(deps.db)).some((k) => k.code === input.kindCode)) {
    problems.kindCode = unknownInspectionKind;
  }
  let projectId: string | null = null;
  if (input.projectCode) {
    projectId = (await findProjectId(deps.db, zone.id, input.projectCode)) ?? null;
    if (!projectId) {
      problems.projectCode = noProjectInZone;
    }
  }
  if (Object.keys(problems).length) throw validationError(problems);
  return deps.db.transaction(async (tx) => {
    const id = await insertPlanEntry(tx, {
      year: input.year,
      quarter: input.quarter,
      zoneId: zone.id,
      projectId,
      kindCode: input.kindCode,
      agency: input.agency,
      note: input.note?.trim() || null,
      createdBy: actor.userId || null,
    });
    await recordAudit(tx, deps, {
      action: 'inspection.plan_add',
      entityType: 'zone',
      entityId: zone.id,
      after: { planEntryId: id, ...input },
    });
    return { id };
  });
}

/** For the dashboard: per kind, planned and done in `year`, with failures, open findings past due, penalties. */
export async function inspectionCounts(deps: ServiceDeps, year: number): Promise<InspectionCounts> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const asOf = today(deps);
  const rows = await countInspections(deps.db, zoneVisibility(actor), year, asOf);
  return {
    year,
    asOf,
    kinds: rows.map((r) => ({
      kindCode: r.kind_code,
      planned: Number(r.planned),
      done: Number(r.done),
      withFailures: Number(r.with_failures),
      unremediedFindings: Number(r.unremedied),
      penaltiesVnd: String(r.penalties_vnd),
      zonesInspected: Number(r.zones_inspected),
      zonesCompliant: Number(r.zones_compliant),
    })),
  };
}
