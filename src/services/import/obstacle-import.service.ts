import type { ImportResult } from '../../domain/import/import.schema';
import {
  isRaisedState,
  obstacleColumns,
  obstacleExportFileName,
  obstacleKey,
  obstacleKeyFields,
  obstacleSheetName,
  obstacleStateColumns,
  obstacleTemplateFileName,
  type ObstacleCategoryOption,
} from '../../domain/import/obstacle-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import {
  obstacleCategoryProblem,
  obstacleDeadlineProblem,
  obstacleProjectMissing,
  obstacleRaisedOnProblem,
} from '../../domain/monitoring/obstacle';
import { obstacleInputSchema, type ObstacleListQuery } from '../../domain/monitoring/obstacle.schema';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { requireActor, type ServiceDeps } from '../deps';
import { raisingParty, type RaiserParty } from '../monitoring/obstacle.policy';
import { listObstacles, raisedObstacleRows } from '../monitoring/obstacle.service';
import { canSeeZone } from '../zone/zone.policy';
import type { ZoneScopeRow } from '../zone/zone-facts.repository';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportObstacles, canImportObstacles } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type ImportRow } from './import.pipeline';
import {
  findAllCategories,
  findObstaclesOfZones,
  findProjectsOfZones,
  insertRaisedObstacles,
} from './obstacle-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';
import { findZoneScopesByCode } from './zone-scope-import.repository';

/**
 * Obstacles through spreadsheets. An import raises new obstacles as `raiseObstacle` does — the same checks
 * (the domain schema, the category in use, the deadline not before the day raised, that day not after today,
 * the project in the zone) and the same authorization (`raisingParty` on the row's zone), each new obstacle
 * open with its first history row and an `obstacle.raise` audit row — and never changes a stored one. A row
 * is matched to a stored obstacle by zone, title and day raised counted by occurrence, so a second import of
 * the same file writes nothing.
 */

type Category = ObstacleCategoryOption & { active: boolean };
type ObstacleCtx = { categories: Category[] };

type ObstacleRefs = {
  zones: Map<string, ZoneScopeRow>;
  /** `<zone id>|<project code>` → project id. */
  projects: Map<string, string>;
  /** Stored obstacles under their occurrence key (`<natural key>#<n>`). */
  stored: Map<string, { id: string }>;
};

type ObstacleRecord = {
  zone: ZoneScopeRow;
  party: RaiserParty;
  projectId: string | null;
  projectCode: string | null;
  categoryCode: string;
  title: string;
  description: string | null;
  agency: string;
  raisedOn: string;
  deadline: string | null;
};

const inputFields = [
  'zoneCode',
  'projectCode',
  'categoryCode',
  'title',
  'description',
  'agency',
  'raisedOn',
  'deadline',
] as const;

function naturalKeyOf(values: Record<string, unknown>): string {
  return obstacleKey({
    zoneCode: values.zoneCode as string,
    title: values.title as string,
    raisedOn: values.raisedOn as string,
  });
}

/**
 * One row: its zone visible and one the actor raises obstacles on, the fields as the API takes them, and —
 * for a row that raises a new obstacle — the rules of raising one. Every field is checked even when another
 * fails, so that one dry run lists all of a row's problems.
 */
function planObstacle(
  row: ImportRow,
  existing: { id: string } | undefined,
  env: { actor: Actor; ctx: ObstacleCtx; refs: ObstacleRefs },
  today: string,
): { record: ObstacleRecord } | { problems: Record<string, LocalizedText> } {
  const { values, present } = row;
  const { actor, refs } = env;
  const problems: Record<string, LocalizedText> = {};
  const zoneCode = values.zoneCode;
  const zone = typeof zoneCode === 'string' ? refs.zones.get(zoneCode) : undefined;
  const party = zone ? raisingParty(actor, zone) : null;
  if (typeof zoneCode === 'string' && zoneCode) {
    // A zone outside the actor's sight is reported like a zone that does not exist.
    if (!zone || !canSeeZone(actor, zone)) {
      problems.zoneCode = {
        vi: `Không có khu/cụm công nghiệp mã ${zoneCode}.`,
        en: `No park or cluster has code ${zoneCode}.`,
      };
    } else if (!party) {
      problems.zoneCode = {
        vi: `Bạn không có quyền ghi vướng mắc của khu/cụm ${zoneCode} (ngoài phạm vi được giao).`,
        en: `You may not record obstacles of ${zoneCode} (outside your scope).`,
      };
    }
  }
  const candidate: Record<string, unknown> = {};
  for (const field of inputFields) if (present.has(field)) candidate[field] = values[field] ?? undefined;
  const parsed = obstacleInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [field, message] of Object.entries(issuesToFields(parsed.error.issues))) {
      if (!problems[field]) problems[field] = message;
    }
  }
  const raisedOn = values.raisedOn as string | undefined;
  const deadline = values.deadline as string | null | undefined;
  if (raisedOn) {
    const late = obstacleDeadlineProblem(raisedOn, deadline);
    if (late && !problems.deadline) problems.deadline = late;
  }
  const projectCode = values.projectCode as string | null | undefined;
  const projectId = zone && projectCode ? refs.projects.get(`${zone.id}|${projectCode}`) : undefined;
  if (zone && projectCode && !projectId && !problems.projectCode && !problems.zoneCode) {
    problems.projectCode = obstacleProjectMissing(zone.code, projectCode);
  }
  if (!existing) {
    // Raising a new obstacle: the rules of `raiseObstacle` that a stored one has passed already.
    const code = values.categoryCode;
    if (typeof code === 'string' && !problems.categoryCode) {
      const problem = obstacleCategoryProblem(
        code,
        env.ctx.categories.find((c) => c.code === code),
      );
      if (problem) problems.categoryCode = problem;
    }
    const future = raisedOn ? obstacleRaisedOnProblem(raisedOn, today) : null;
    if (future && !problems.raisedOn) problems.raisedOn = future;
    if (present.has('status') && !isRaisedState(values.status)) {
      problems.status = {
        vi: 'Vướng mắc mới luôn ở trạng thái "Mới phát sinh"; chuyển trạng thái trên trang của vướng mắc sau khi nhập.',
        en: 'A new obstacle is always open; change its status on its page after the import.',
      };
    }
    const resolution = values.resolution;
    if (present.has('resolution') && typeof resolution === 'string' && resolution.trim()) {
      problems.resolution = {
        vi: 'Vướng mắc mới chưa có kết quả xử lý; ghi kết quả khi giải quyết trên trang của vướng mắc.',
        en: 'A new obstacle has no resolution yet; record it on its page when resolving it.',
      };
    }
  }
  if (Object.keys(problems).length || !parsed.success || !zone || !party || !row.key) return { problems };
  const data = parsed.data;
  return {
    record: {
      zone,
      party,
      projectId: projectId ?? null,
      projectCode: projectId ? (projectCode as string) : null,
      categoryCode: data.categoryCode,
      title: data.title,
      description: data.description || null,
      agency: data.agency,
      raisedOn: data.raisedOn,
      deadline: data.deadline ?? null,
    },
  };
}

/** The obstacle sheet plugged into the generic import, for one actor on one day. */
function obstacleImportDefinition(
  deps: ServiceDeps,
): ImportDefinition<ObstacleCtx, ObstacleRefs, ObstacleRecord, { id: string }> {
  const actor = requireActor(deps);
  const now = deps.clock.now();
  const today = toIsoDate(now);
  return {
    entity: 'obstacles',
    keyField: 'zoneCode',
    naturalKey: { fields: obstacleKeyFields, of: naturalKeyOf },
    canImport: canImportObstacles,
    prepare: async (db) => ({ categories: await findAllCategories(db) }),
    columns: (ctx) => [...obstacleColumns(ctx.categories), ...obstacleStateColumns()],
    async loadReferences(db, rows) {
      const codes = rows
        .map((r) => r.values.zoneCode)
        .filter((v): v is string => typeof v === 'string' && !!v);
      // Locked, so that two imports of the same file raise its obstacles once.
      const zones = await findZoneScopesByCode(db, codes, { lock: true });
      const zoneIds = zones.map((z) => z.id);
      const projectCodes = rows
        .map((r) => r.values.projectCode)
        .filter((v): v is string => typeof v === 'string' && !!v);
      const projects = await findProjectsOfZones(db, zoneIds, projectCodes);
      const stored = new Map<string, { id: string }>();
      const occurrences = new Map<string, number>();
      for (const o of await findObstaclesOfZones(db, zoneIds)) {
        const natural = obstacleKey(o);
        const n = (occurrences.get(natural) ?? 0) + 1;
        occurrences.set(natural, n);
        stored.set(`${natural}#${n}`, { id: o.id });
      }
      return {
        zones: new Map(zones.map((z) => [z.code, z])),
        projects: new Map(projects.map((p) => [`${p.zoneId}|${p.code}`, p.id])),
        stored,
      };
    },
    async loadExisting(_db, keys, refs) {
      const existing = new Map<string, { id: string }>();
      for (const key of keys) {
        const found = refs.stored.get(key);
        if (found) existing.set(key, found);
      }
      return existing;
    },
    plan: (row, existing, env) => planObstacle(row, existing, env, today),
    // A matched obstacle is the stored one: an import never changes it.
    diff: () => [],
    async write(db, rows) {
      const raised = rows.map((p) => {
        const r = p.record;
        return {
          id: p.id,
          ...raisedObstacleRows(actor, r.party, now, {
            zoneId: r.zone.id,
            projectId: r.projectId,
            categoryCode: r.categoryCode,
            title: r.title,
            description: r.description,
            agency: r.agency,
            raisedOn: r.raisedOn,
            deadline: r.deadline,
          }),
        };
      });
      const written = await insertRaisedObstacles(
        db,
        raised.map((r) => ({ id: r.id, ...r.obstacle })),
        raised.map((r) => r.event(r.id)),
      );
      if (written !== rows.length) throw new AppError('internal');
    },
    audit: (p) => ({
      action: 'obstacle.raise',
      entityType: 'obstacle',
      entityId: p.id,
      // What `raiseObstacle` records: the obstacle as raised (an import cites no documents).
      after: {
        zone: p.record.zone.code,
        project: p.record.projectCode,
        category: p.record.categoryCode,
        title: p.record.title,
        description: p.record.description,
        agency: p.record.agency,
        raisedOn: p.record.raisedOn,
        deadline: p.record.deadline,
        status: 'open',
        resolution: null,
        documents: [],
      },
    }),
  };
}

/** Raises obstacles from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importObstacles(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, obstacleImportDefinition(deps), file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import obstacles at all. */
export function assertCanImportObstacles(deps: ServiceDeps): void {
  if (!canImportObstacles(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập vướng mắc của khu, cụm công nghiệp (IZIS)', [
  'Mỗi dòng là một vướng mắc của một khu/cụm (hoặc của một dự án trong khu/cụm). Nhập chỉ ghi nhận vướng mắc MỚI, ở trạng thái "Mới phát sinh", kèm dòng đầu tiên của lịch sử xử lý; nhập KHÔNG sửa vướng mắc đã có — sửa nội dung, hạn xử lý, trạng thái hay kết quả trên trang của vướng mắc.',
  'Một dòng có cùng mã khu/cụm, nội dung vướng mắc và ngày phát sinh với vướng mắc đã có được coi là chính vướng mắc đó và bỏ qua (các cột khác của dòng không được ghi); nếu tệp có hai dòng giống nhau như vậy thì đó là hai vướng mắc. Vì vậy nhập lại cùng một tệp không thay đổi gì.',
  'Chỉ được nhập vướng mắc của khu/cụm thuộc phạm vi bạn được giao; dòng của khu/cụm khác bị báo lỗi. Dự án phải thuộc khu/cụm của dòng; nhóm vướng mắc phải đang được sử dụng; hạn xử lý không trước ngày phát sinh; ngày phát sinh không sau hôm nay.',
  'Tệp xuất có thêm các cột "Trạng thái", "Số ngày quá hạn", "Kết quả xử lý" để xem; khi nhập, các cột này không được ghi (vướng mắc mới phải để trống hoặc "Mới phát sinh").',
]);

async function categories(deps: ServiceDeps): Promise<ObstacleCategoryOption[]> {
  return (await findAllCategories(deps.db)).filter((c) => c.active);
}

/** The import template: headers, a guide sheet, no rows. */
export async function obstacleImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: obstacleTemplateFileName,
    body: await entityWorkbook(obstacleSheetName, obstacleColumns(await categories(deps)), [], guide),
  };
}

/**
 * The obstacles the reader may see, with the list's filters, as XLSX or CSV: the import template's columns,
 * then what each became since (status, days overdue, resolution) — an export imports back unchanged.
 */
export async function exportObstacles(
  deps: ServiceDeps,
  query: Partial<ObstacleListQuery>,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportObstacles(actor)) throw new AppError('forbidden');
  const list = await listObstacles(deps, query, { all: true });
  const all = await findAllCategories(deps.db);
  return sheetExport({
    format,
    fileName: obstacleExportFileName(list.asOf, format),
    sheetName: obstacleSheetName,
    columns: [...obstacleColumns(all), ...obstacleStateColumns()],
    records: list.items.map((o) => ({
      zoneCode: o.zone.code,
      projectCode: o.project?.code ?? null,
      categoryCode: o.categoryCode,
      title: o.title,
      description: o.description,
      agency: o.agency,
      raisedOn: o.raisedOn,
      deadline: o.deadline,
      status: o.status,
      daysOverdue: o.daysOverdue,
      resolution: o.resolution,
    })),
    guide,
    now: deps.clock.now(),
  });
}
