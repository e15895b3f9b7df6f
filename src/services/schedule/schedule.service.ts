import { toIsoDate } from '../../domain/format/format';
import { hasPermission } from '../../domain/identity/roles';
import {
  DEFAULT_STEP_TOLERANCE_DAYS,
  plannedCurve,
  scheduleSteps,
  stepProgress,
  stepReachedOn,
  targetOutcome,
  type ProgressKind,
  type ReporterKind,
  type ScheduleSourceKind,
  type ScheduleStep,
} from '../../domain/schedule/schedule';
import type {
  CommitmentInput,
  CommitmentView,
  ProgressReading,
  ProgressReadingInput,
  ScheduleStepInput,
  ScheduleStepView,
  ZoneSchedule,
} from '../../domain/schedule/schedule.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { findZoneScopeByCode, lockZone, type ZoneScopeRow } from '../zone/zone-facts.repository';
import { zoneVisibility } from '../zone/zone.policy';
import {
  findCommitments,
  findLifecycles,
  findReadings,
  findStep,
  findSteps,
  insertCommitment,
  insertReading,
  insertStep,
  updateStep,
  type StepRow,
} from './schedule.repository';
import { canPlanSchedule, canRecordProgress, reporterKindOf } from './schedule.policy';

/**
 * A zone's schedule: planned steps (agencies set them from decisions and plans), progress readings (agencies
 * and the developer), developers' commitments. Actual dates, slippage and kept/missed targets are computed
 * from the lifecycle history on every read (domain/schedule/schedule.ts) — nothing here stores them.
 */

export async function loadVisibleZone(deps: ServiceDeps, code: string): Promise<ZoneScopeRow> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read')) throw new AppError('forbidden');
  const zone = await findZoneScopeByCode(deps.db, zoneVisibility(actor), code.trim().toUpperCase());
  if (!zone) throw new AppError('not_found');
  return zone;
}

const today = (deps: ServiceDeps) => toIsoDate(deps.clock.now());

export async function getZoneSchedule(deps: ServiceDeps, code: string): Promise<ZoneSchedule> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  const asOf = today(deps);
  const toleranceDays = DEFAULT_STEP_TOLERANCE_DAYS;
  const [steps, readings, commitments, lifecycles] = await Promise.all([
    findSteps(deps.db, zone.id),
    findReadings(deps.db, zone.id),
    findCommitments(deps.db, zone.id),
    findLifecycles(deps.db, [zone.id]),
  ]);
  const events = lifecycles.get(zone.id) ?? [];
  const planned: Partial<Record<ScheduleStep, string>> = {};
  for (const s of steps) planned[s.step as ScheduleStep] = s.plannedDate;
  const stepViews: ScheduleStepView[] = scheduleSteps.map((step) => {
    const row = steps.find((s) => s.step === step);
    if (!row) {
      return {
        step,
        id: null,
        plannedDate: null,
        agency: null,
        sourceKind: null,
        sourceRef: null,
        note: null,
        version: null,
        reachedOn: stepReachedOn(step, events),
        slippageDays: null,
        status: null,
      };
    }
    const progress = stepProgress({ step, plannedDate: row.plannedDate }, events, asOf, toleranceDays);
    return {
      ...stepView(row),
      reachedOn: progress.reachedOn,
      slippageDays: progress.slippageDays,
      status: progress.status,
    };
  });
  const commitmentViews: CommitmentView[] = commitments.map((c) => ({
    id: c.id,
    documentRef: c.documentRef,
    signedOn: c.signedOn,
    signedBy: c.signedBy,
    note: c.note,
    targets: c.targets.map((t) => {
      const outcome = targetOutcome({ step: t.step as ScheduleStep, targetDate: t.targetDate }, events, asOf);
      return {
        id: t.id,
        step: t.step as ScheduleStep,
        targetDate: t.targetDate,
        description: t.description,
        reachedOn: outcome.reachedOn,
        status: outcome.status,
        daysLate: outcome.daysLate,
      };
    }),
  }));
  return {
    asOf,
    toleranceDays,
    steps: stepViews,
    readings: readings.map((r): ProgressReading => ({
      id: r.id,
      kind: r.kind as ProgressKind,
      readingDate: r.readingDate,
      pct: Number(r.pct),
      source: r.source,
      reporterKind: r.reporterKind as ReporterKind,
      note: r.note,
    })),
    commitments: commitmentViews,
    planned: {
      land_clearance: plannedCurve('land_clearance', planned),
      construction: plannedCurve('construction', planned),
    },
    canPlan: canPlanSchedule(actor, zone),
    canRecordProgress: canRecordProgress(actor, zone),
  };
}

/** A planned step as the API returns it and its audit rows record it. */
export function stepView(row: StepRow) {
  return {
    step: row.step as ScheduleStep,
    id: row.id,
    plannedDate: row.plannedDate,
    agency: row.agency,
    sourceKind: row.sourceKind as ScheduleSourceKind,
    sourceRef: row.sourceRef,
    note: row.note,
    version: row.version,
  };
}

/**
 * Sets or revises the planned date of one step (with the agency responsible and the document it comes from).
 * Revising needs the `version` read (409 otherwise); the audit trail keeps every earlier deadline.
 */
export async function setScheduleStep(
  deps: ServiceDeps,
  code: string,
  step: ScheduleStep,
  input: ScheduleStepInput,
): Promise<ReturnType<typeof stepView>> {
  const zone = await loadVisibleZone(deps, code);
  if (!canPlanSchedule(requireActor(deps), zone)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    await lockZone(tx, zone.id);
    const existing = await findStep(tx, zone.id, step);
    const values = {
      plannedDate: input.plannedDate,
      agency: input.agency,
      sourceKind: input.sourceKind,
      sourceRef: input.sourceRef,
      note: input.note?.trim() || null,
    };
    let row: StepRow | undefined;
    if (!existing) {
      row = await insertStep(tx, { zoneId: zone.id, step, ...values });
    } else {
      if (input.version === undefined) {
        throw validationError({
          version: {
            vi: 'Bước này đã có kế hoạch: cần phiên bản đã đọc.',
            en: 'Already planned: send the version read.',
          },
        });
      }
      row = await updateStep(tx, existing.id, input.version, values);
      if (!row) throw new AppError('conflict', { current: stepView(existing) });
    }
    await recordAudit(tx, deps, {
      action: existing ? 'schedule.step_update' : 'schedule.step_set',
      entityType: 'zone',
      entityId: zone.id,
      before: existing ? stepView(existing) : null,
      after: stepView(row),
    });
    return stepView(row);
  });
}

/** Records a dated land-clearance or construction reading; the reporter kind follows the actor's role. */
export async function addProgressReading(
  deps: ServiceDeps,
  code: string,
  input: ProgressReadingInput,
): Promise<ProgressReading> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  if (!canRecordProgress(actor, zone)) throw new AppError('forbidden');
  if (input.readingDate > today(deps)) {
    throw validationError({
      readingDate: {
        vi: 'Ngày số liệu không thể sau hôm nay.',
        en: 'The reading cannot be dated after today.',
      },
    });
  }
  return deps.db.transaction(async (tx) => {
    const row = await insertReading(tx, {
      zoneId: zone.id,
      kind: input.kind,
      readingDate: input.readingDate,
      pct: String(input.pct),
      source: input.source,
      reporterKind: reporterKindOf(actor, zone),
      note: input.note?.trim() || null,
      recordedBy: actor.userId || null,
    });
    const reading: ProgressReading = {
      id: row.id,
      kind: row.kind as ProgressKind,
      readingDate: row.readingDate,
      pct: Number(row.pct),
      source: row.source,
      reporterKind: row.reporterKind as ReporterKind,
      note: row.note,
    };
    await recordAudit(tx, deps, {
      action: 'schedule.progress_add',
      entityType: 'zone',
      entityId: zone.id,
      after: reading,
    });
    return reading;
  });
}

/** Records a developer's signed commitment and its dated targets (kept or missed is computed, never set). */
export async function addCommitment(
  deps: ServiceDeps,
  code: string,
  input: CommitmentInput,
): Promise<{ id: string }> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  if (!canPlanSchedule(actor, zone)) throw new AppError('forbidden');
  const problems: Parameters<typeof validationError>[0] = {};
  if (input.signedOn > today(deps)) {
    problems.signedOn = {
      vi: 'Ngày ký không thể sau hôm nay.',
      en: 'The signing date cannot be after today.',
    };
  }
  input.targets.forEach((t, i) => {
    if (t.targetDate < input.signedOn) {
      problems[`targets.${i}.targetDate`] = {
        vi: 'Mốc cam kết không thể trước ngày ký.',
        en: 'A target cannot be dated before the signing.',
      };
    }
  });
  if (Object.keys(problems).length) throw validationError(problems);
  return deps.db.transaction(async (tx) => {
    const id = await insertCommitment(
      tx,
      {
        zoneId: zone.id,
        documentRef: input.documentRef,
        signedOn: input.signedOn,
        signedBy: input.signedBy,
        note: input.note?.trim() || null,
        createdBy: actor.userId || null,
      },
      input.targets.map((t) => ({
        step: t.step,
        targetDate: t.targetDate,
        description: t.description?.trim() || null,
      })),
    );
    await recordAudit(tx, deps, {
      action: 'schedule.commitment_add',
      entityType: 'zone',
      entityId: zone.id,
      after: { commitmentId: id, ...input },
    });
    return { id };
  });
}
