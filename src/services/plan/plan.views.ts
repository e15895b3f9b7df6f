import type { ZoneFamily } from '../../domain/identity/roles';
import type { PlanRecord, TargetRecord } from '../../domain/plan/plan.schema';
import type { PlanRow, PlanTargetRow } from './plan.repository';

/** Plans and targets as the API returns them (explicitly mapped from their rows). */
export function planRecord(p: PlanRow): PlanRecord {
  return {
    id: p.id,
    family: p.family as ZoneFamily,
    year: p.year,
    number: p.number,
    issuedOn: p.issuedOn,
    issuer: p.issuer,
    title: p.title,
    documentRef: p.documentRef,
    version: p.version,
    withdrawn:
      p.withdrawnAt && p.withdrawnReason
        ? { at: p.withdrawnAt.toISOString(), reason: p.withdrawnReason }
        : null,
  };
}

export function targetRecord(t: PlanTargetRow): TargetRecord {
  return {
    id: t.id,
    planId: t.planId,
    kind: t.kind as TargetRecord['kind'],
    indicator: t.indicator,
    title: t.title ?? t.indicator,
    value: Number(t.value),
    maxValue: t.maxValue === null ? null : Number(t.maxValue),
    withdrawn:
      t.withdrawnAt && t.withdrawnReason
        ? { at: t.withdrawnAt.toISOString(), reason: t.withdrawnReason }
        : null,
    version: t.version,
  };
}
