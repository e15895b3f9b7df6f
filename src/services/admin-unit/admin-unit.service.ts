import {
  reorganisationFileSchema,
  type AdminUnit,
  type AdminUnitDetail,
  type AdminUnitQuery,
} from '../../domain/admin-unit/admin-unit.schema';
import { planReorganisation } from '../../domain/admin-unit/reorganisation';
import { hasPermission } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { foldedLikePattern } from '../../domain/shared/text';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import {
  findAdminUnitById,
  findAdminUnits,
  findAllUnitsForComparison,
  insertAdminUnit,
  updateAdminUnit,
  findSuccessionLinks,
  upsertSuccession,
  type AdminUnitRow,
} from './admin-unit.repository';

function toAdminUnit(row: AdminUnitRow): AdminUnit {
  return {
    id: row.id,
    code: row.code,
    level: row.level as AdminUnit['level'],
    kind: row.kind,
    name: row.name,
    parentId: row.parentId,
    parentName: row.parentName,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export async function listAdminUnits(
  deps: ServiceDeps,
  query: AdminUnitQuery,
): Promise<{ items: AdminUnit[]; total: number }> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'admin_unit.read')) throw new AppError('forbidden');
  const { rows, total } = await findAdminUnits(deps.db, {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  return { items: rows.map(toAdminUnit), total };
}

export async function getAdminUnit(deps: ServiceDeps, id: string): Promise<AdminUnitDetail> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'admin_unit.read')) throw new AppError('forbidden');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const row = await findAdminUnitById(deps.db, id);
  if (!row) throw new AppError('not_found');
  const links = await findSuccessionLinks(deps.db, id);
  return { ...toAdminUnit(row), ...links };
}

export type ImportSummary = { inserted: number; updated: number; unchanged: number; links: number };

/**
 * Loads a reorganisation (a province's new communes with the former units and districts they replace).
 * All or nothing: the whole file is validated first and written in one transaction. Idempotent: units are
 * matched on (level, code, valid_from), and a second import of the same file changes nothing.
 */
export async function importReorganisation(
  deps: ServiceDeps,
  input: unknown,
  options: { source: string },
): Promise<ImportSummary> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'admin_unit.manage')) throw new AppError('forbidden');
  const parsed = reorganisationFileSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('import.invalid', {
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: { vi: `Giá trị không hợp lệ: ${issue.message}`, en: `Invalid value: ${issue.message}` },
      })),
    });
  }
  const planned = planReorganisation(parsed.data);
  if (!planned.ok) throw new AppError('import.invalid', { problems: planned.problems });
  const { plan } = planned;

  return deps.db.transaction(async (tx) => {
    const existing = await findAllUnitsForComparison(tx);
    const byKey = new Map(existing.map((u) => [`${u.level}:${u.code}:${u.validFrom ?? ''}`, u]));
    const idByKey = new Map<string, string>();
    const summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0, links: 0 };

    for (const unit of plan.units) {
      const parentId = unit.parentKey ? (idByKey.get(unit.parentKey) ?? null) : null;
      const centre = unit.lat !== null && unit.lon !== null ? { lat: unit.lat, lon: unit.lon } : null;
      const values = {
        kind: unit.kind,
        name: unit.name,
        parentId,
        validTo: unit.validTo,
        searchText: unit.searchText,
        source: options.source,
      };
      const current = byKey.get(unit.key);
      const after = {
        code: unit.code,
        level: unit.level,
        ...values,
        validFrom: unit.validFrom,
        lat: unit.lat,
        lon: unit.lon,
      };
      if (!current) {
        const id = await insertAdminUnit(
          tx,
          { ...values, code: unit.code, level: unit.level, validFrom: unit.validFrom },
          centre,
        );
        idByKey.set(unit.key, id);
        summary.inserted++;
        await recordAudit(tx, deps, {
          action: 'admin_unit.create',
          entityType: 'admin_unit',
          entityId: id,
          after,
        });
        continue;
      }
      idByKey.set(unit.key, current.id);
      const same =
        current.kind === unit.kind &&
        current.name === unit.name &&
        current.parentId === parentId &&
        current.validTo === unit.validTo &&
        (current.lat === null ? unit.lat === null : Math.abs(current.lat - (unit.lat ?? NaN)) < 1e-9) &&
        (current.lon === null ? unit.lon === null : Math.abs(current.lon - (unit.lon ?? NaN)) < 1e-9);
      if (same) {
        summary.unchanged++;
        continue;
      }
      await updateAdminUnit(tx, current.id, values, centre);
      summary.updated++;
      await recordAudit(tx, deps, {
        action: 'admin_unit.update',
        entityType: 'admin_unit',
        entityId: current.id,
        before: {
          code: current.code,
          level: current.level,
          kind: current.kind,
          name: current.name,
          parentId: current.parentId,
          validFrom: current.validFrom,
          validTo: current.validTo,
          lat: current.lat,
          lon: current.lon,
        },
        after,
      });
    }
    for (const link of plan.links) {
      await upsertSuccession(tx, {
        predecessorId: idByKey.get(link.predecessorKey)!,
        successorId: idByKey.get(link.successorKey)!,
        partial: link.partial,
        effectiveDate: plan.effectiveDate,
        legalBasis: plan.legalBasis,
      });
      summary.links++;
    }
    deps.log.info({ ...summary, source: options.source }, 'administrative units imported');
    return summary;
  });
}
