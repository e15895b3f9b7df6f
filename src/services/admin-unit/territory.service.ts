import { readBoundaryFile, type BoundaryProblem } from '../../domain/admin-unit/boundary-import';
import { hasPermission } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import {
  findCurrentUnitsByCode,
  findTerritory,
  inspectBoundary,
  setUnitBoundary,
} from './territory.repository';

/** Vietnam's rough extent (with its islands), to catch a file in another projection or with lat/lon swapped. */
const VIETNAM = { minLon: 102, maxLon: 118, minLat: 6, maxLat: 24 };

/**
 * The territory drawn under the zones: the province outline, the communes/wards and their labels, as a
 * GeoJSON FeatureCollection text (see territory.repository.ts). Any signed-in reader of the registry.
 */
export async function territoryMap(deps: ServiceDeps): Promise<string> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'zone.read') && !hasPermission(actor, 'admin_unit.read')) {
    throw new AppError('forbidden');
  }
  return findTerritory(deps.db);
}

export type BoundaryImportResult = { updated: number };

function invalid(problems: BoundaryProblem[]): AppError {
  return new AppError('import.invalid', {
    problems: problems.map((p) => ({
      path: p.row ? `features[${p.row}]${p.code ? ` (${p.code})` : ''}` : '',
      message: p.message,
    })),
  });
}

/**
 * Stores each feature's polygon as the boundary of the unit in force with its code (the province or a
 * commune/ward). All or nothing: every feature is checked (code known, geometry valid and in Vietnam)
 * before anything is written; each unit changed is audited in the same transaction.
 */
export async function importBoundaries(
  deps: ServiceDeps,
  input: unknown,
  options: { source: string },
): Promise<BoundaryImportResult> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'admin_unit.manage')) throw new AppError('forbidden');
  const read = readBoundaryFile(input);
  if (!read.ok) throw invalid(read.problems);
  return deps.db.transaction(async (tx) => {
    const units = new Map(
      (
        await findCurrentUnitsByCode(
          tx,
          read.features.map((f) => f.code),
        )
      ).map((u) => [u.code, u]),
    );
    const problems: BoundaryProblem[] = [];
    for (const feature of read.features) {
      if (!units.has(feature.code)) {
        problems.push({
          row: feature.row,
          code: feature.code,
          message: {
            vi: `Không có tỉnh hoặc xã, phường đang hiệu lực mang mã ${feature.code}.`,
            en: `No province or commune/ward in force has code ${feature.code}.`,
          },
        });
        continue;
      }
      const shape = await inspectBoundary(tx, feature.geometry).catch(() => null);
      if (!shape || !shape.valid) {
        problems.push({
          row: feature.row,
          code: feature.code,
          message: {
            vi: `Ranh giới không hợp lệ${shape ? ` (${shape.reason})` : ''}.`,
            en: `The boundary is not valid${shape ? ` (${shape.reason})` : ''}.`,
          },
        });
      } else if (
        shape.xmin < VIETNAM.minLon ||
        shape.xmax > VIETNAM.maxLon ||
        shape.ymin < VIETNAM.minLat ||
        shape.ymax > VIETNAM.maxLat
      ) {
        problems.push({
          row: feature.row,
          code: feature.code,
          message: {
            vi: 'Ranh giới nằm ngoài lãnh thổ Việt Nam: tọa độ phải là kinh độ, vĩ độ WGS 84 (EPSG:4326).',
            en: 'The boundary lies outside Vietnam: coordinates must be WGS 84 longitude, latitude (EPSG:4326).',
          },
        });
      }
    }
    if (problems.length) throw invalid(problems);
    const source = `${options.source} — ${actor.username}, ${deps.clock.now().toISOString().slice(0, 10)}`;
    for (const feature of read.features) {
      const unit = units.get(feature.code)!;
      await setUnitBoundary(tx, unit.id, feature.geometry, source);
      await recordAudit(tx, deps, {
        action: 'admin_unit.boundary_set',
        entityType: 'admin_unit',
        entityId: unit.id,
        before: { code: unit.code, name: unit.name, hasBoundary: unit.hasBoundary },
        after: { code: unit.code, name: unit.name, hasBoundary: true, source },
      });
    }
    return { updated: read.features.length };
  });
}
