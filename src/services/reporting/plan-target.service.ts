import type { Actor, ZoneFamily } from '../../domain/identity/roles';
import {
  targetIndicators,
  type PlanTarget,
  type PlanTargetInput,
  type PlanTargetList,
  type PlanTargetQuery,
} from '../../domain/reporting/plan-target.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { findPark } from './parks-report.repository';
import { canReadTargets, canSetTargets, type ParksScope } from './parks.policy';
import {
  findTargets,
  insertTarget,
  updateTarget,
  type PlanTargetKey,
  type PlanTargetRow,
} from './plan-target.repository';

/** The city's targets are stored under this scope reference; a park's under its zone id. */
export const CITY_SCOPE_REF = 'province';

export type TargetScope = {
  policy: ParksScope;
  view: PlanTargetList['scope'];
  key: PlanTargetKey;
};

const CITY_NAME: Record<ZoneFamily, string> = {
  KCN: 'Các khu công nghiệp, khu chế xuất Hà Nội',
  CCN: 'Các cụm công nghiệp Hà Nội',
};

/** The scope of a year's targets: the whole city, or one park (an unknown code answers 404). */
export async function resolveTargetScope(
  deps: ServiceDeps,
  year: number,
  family: ZoneFamily,
  zone: string | null | undefined,
): Promise<TargetScope> {
  if (!zone) {
    return {
      policy: { kind: 'city' },
      view: { kind: 'city', code: family, name: CITY_NAME[family] },
      key: { year, family, scopeKind: 'city', scopeRef: CITY_SCOPE_REF },
    };
  }
  if (family !== 'KCN') {
    throw validationError({
      zone: {
        vi: 'Chỉ tiêu của cụm công nghiệp chỉ đặt cho toàn thành phố.',
        en: 'Cluster targets are set for the whole city only.',
      },
    });
  }
  const park = await findPark(deps.db, zone.trim().toUpperCase());
  if (!park) throw new AppError('not_found');
  return {
    policy: { kind: 'zone', code: park.code, developerCode: park.developerCode },
    view: { kind: 'zone', code: park.code, name: park.name },
    key: { year, family, scopeKind: 'zone', scopeRef: park.id },
  };
}

function toTarget(indicator: string, unit: string, row: PlanTargetRow | undefined): PlanTarget {
  return {
    indicator,
    unit,
    value: row ? Number(row.value) : null,
    note: row?.note ?? null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

async function list(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
  family: ZoneFamily,
  scope: TargetScope,
): Promise<PlanTargetList> {
  const rows = await findTargets(deps.db, scope.key);
  const byIndicator = new Map(rows.map((r) => [r.indicator, r]));
  return {
    year,
    family,
    scope: scope.view,
    canEdit: canSetTargets(actor, family),
    items: targetIndicators(family, year).map(({ indicator, unit }) =>
      toTarget(indicator, unit, byIndicator.get(indicator)),
    ),
  };
}

/** The targets of a year by indicator code, in the items' units (for the report). */
export async function targetValues(deps: ServiceDeps, scope: TargetScope): Promise<Record<string, number>> {
  const rows = await findTargets(deps.db, scope.key);
  return Object.fromEntries(rows.map((r) => [r.indicator, Number(r.value)]));
}

/** Every target-bearing indicator of the family's report for the year, with its target if one is set. */
export async function listTargets(deps: ServiceDeps, query: PlanTargetQuery): Promise<PlanTargetList> {
  const actor = requireActor(deps);
  const scope = await resolveTargetScope(deps, query.year, query.family, query.zone);
  if (!canReadTargets(actor, query.family, scope.policy)) throw new AppError('not_found');
  return list(deps, actor, query.year, query.family, scope);
}

/**
 * Sets one target. `version` null creates it; otherwise it must be the version read, or the answer is 409 with
 * the target as it now stands. A target is never deleted: it is changed, and the audit trail keeps each value.
 */
export async function setTarget(deps: ServiceDeps, input: PlanTargetInput): Promise<PlanTargetList> {
  const actor = requireActor(deps);
  const scope = await resolveTargetScope(deps, input.year, input.family, input.zone);
  if (!canReadTargets(actor, input.family, scope.policy)) throw new AppError('not_found');
  if (!canSetTargets(actor, input.family)) throw new AppError('forbidden');
  const allowed = targetIndicators(input.family, input.year);
  const indicator = allowed.find((i) => i.indicator === input.indicator);
  if (!indicator) {
    throw validationError({
      indicator: {
        vi: `Chỉ tiêu "${input.indicator}" không có kế hoạch năm ${input.year}; chọn một trong: ${allowed.map((i) => i.indicator).join(', ') || '(không có)'}.`,
        en: `Indicator "${input.indicator}" takes no target for ${input.year}; choose one of: ${allowed.map((i) => i.indicator).join(', ') || '(none)'}.`,
      },
    });
  }
  const value = input.value.toFixed(4);
  const note = input.note?.trim() ? input.note.trim() : null;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const rows = await findTargets(tx, scope.key);
    const current = rows.find((r) => r.indicator === input.indicator);
    const stale = () =>
      new AppError('conflict', { current: toTarget(indicator.indicator, indicator.unit, current) });
    let saved: PlanTargetRow | null;
    if (input.version === null) {
      if (current) throw stale();
      saved = await insertTarget(tx, {
        ...scope.key,
        indicator: input.indicator,
        value,
        unit: indicator.unit,
        note,
        updatedAt: now,
      });
    } else {
      if (!current || current.version !== input.version) throw stale();
      saved = await updateTarget(tx, current.id, input.version, {
        value,
        unit: indicator.unit,
        note,
        updatedAt: now,
      });
    }
    if (!saved) {
      const [again] = (await findTargets(tx, scope.key)).filter((r) => r.indicator === input.indicator);
      throw new AppError('conflict', { current: toTarget(indicator.indicator, indicator.unit, again) });
    }
    await recordAudit(tx, deps, {
      action: 'plan_target.set',
      entityType: 'plan_target',
      entityId: saved.id,
      before: current
        ? {
            year: current.year,
            family: current.family,
            scope: scope.view.code,
            indicator: current.indicator,
            value: Number(current.value),
            note: current.note,
          }
        : null,
      after: {
        year: saved.year,
        family: saved.family,
        scope: scope.view.code,
        indicator: saved.indicator,
        value: Number(saved.value),
        note: saved.note,
      },
    });
  });
  return list(deps, actor, input.year, input.family, scope);
}
