import type { ImportResult } from '../../domain/import/import.schema';
import {
  projectAuditView,
  projectColumns,
  projectExportFileName,
  projectRecordDiff,
  projectSheetName,
  projectTemplateFileName,
  type ProjectRecord,
} from '../../domain/import/project-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import {
  checkVsicCode,
  createProjectInputSchema,
  type ProjectStatus,
} from '../../domain/project/project.schema';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { familyOfKind, type ZoneKind } from '../../domain/zone/zone.schema';
import { requireActor, type ServiceDeps } from '../deps';
import { canChangeProjectInvestor, canEditProject, projectVisibility } from '../project/project.policy';
import { findProjectsForExport, type findProjects } from '../project/project.repository';
import { canSeeZone, type ZoneFacts } from '../zone/zone.policy';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportProjects, canImportProjects } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type PlannedRow } from './import.pipeline';
import {
  findProjectSheetRowsByCode,
  findZoneFactsByCode,
  upsertProjects,
  type ProjectSheetRow,
  type ZoneFactsRow,
} from './project-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';
import { resolveCodes } from './zone-import.repository';

/**
 * Tenant projects through spreadsheets: the import definition plugged into the generic pipeline (key: the
 * project code; zone and investor by code; each row checked against the project policy on its zone, so a
 * developer imports only into their own zones), the template and the exports of the project list.
 */

type ProjectExisting = {
  id: string;
  version: number;
  record: ProjectRecord;
  zone: ZoneFacts;
  ids: { zoneId: string; investorId: string };
};

type ProjectRefs = {
  zones: Map<string, { id: string; facts: ZoneFacts }>;
  organisations: Map<string, string>;
};

const num = (value: string | null): number | null => (value === null ? null : Number(value));

const factsOf = (row: Omit<ZoneFactsRow, 'id'>): ZoneFacts => ({
  code: row.code,
  family: familyOfKind(row.kind as ZoneKind),
  communeCode: row.communeCode,
  developerCode: row.developerCode,
});

function toExisting(row: ProjectSheetRow): ProjectExisting {
  return {
    id: row.id,
    version: row.version,
    record: {
      code: row.code,
      name: row.name,
      zoneCode: row.zoneCode,
      investorCode: row.investorCode,
      certificateNo: row.certificateNo,
      certificateDate: row.certificateDate,
      vsicCode: row.vsicCode,
      leasedHa: num(row.leasedHa),
      lot: row.lot,
      workers: row.workers,
      status: row.status as ProjectStatus,
    },
    zone: factsOf({
      code: row.zoneCode,
      kind: row.zoneKind,
      communeCode: row.zoneCommuneCode,
      developerCode: row.zoneDeveloperCode,
    }),
    ids: { zoneId: row.zoneId, investorId: row.investorId },
  };
}

const formatHints: Record<string, LocalizedText> = {
  code: {
    vi: 'Mã gồm tối đa 64 ký tự: chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ DA-TL-0001).',
    en: 'A code has up to 64 characters: unaccented capital letters, digits and hyphens (e.g. DA-TL-0001).',
  },
};

const outOfScope = (code: string): LocalizedText => ({
  vi: `Bạn không có quyền tạo hoặc sửa dự án "${code}" (ngoài phạm vi được giao).`,
  en: `You may not create or edit project "${code}" (outside your scope).`,
});

function planProject(
  row: { key: string; values: Record<string, unknown>; present: ReadonlySet<string> },
  existing: ProjectExisting | undefined,
  env: { actor: Actor; refs: ProjectRefs },
): { record: ProjectRecord } | { problems: Record<string, LocalizedText> } {
  const { actor, refs } = env;
  // Scope first: a project the actor may not write is refused as such, whatever the row says.
  if (existing && !canEditProject(actor, existing.zone)) return { problems: { code: outOfScope(row.key) } };
  const candidate: Record<string, unknown> = existing
    ? { ...existing.record }
    : {
        certificateNo: null,
        certificateDate: null,
        vsicCode: null,
        leasedHa: null,
        lot: null,
        workers: null,
      };
  for (const field of row.present) candidate[field] = row.values[field];
  candidate.code = row.key;
  const problems: Record<string, LocalizedText> = {};
  // A status cannot be cleared: empty means "licensed" for a new project, and no change for an existing one
  // (so that a file imported twice changes nothing the second time).
  if (candidate.status === null || candidate.status === undefined) {
    if (existing) candidate.status = existing.record.status;
    else delete candidate.status;
  }
  for (const field of ['name', 'zoneCode', 'investorCode'] as const) {
    if (candidate[field] === null) delete candidate[field];
  }
  const parsed = createProjectInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const found = issuesToFields(parsed.error.issues);
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (issue.code === 'invalid_format' && formatHints[field]) found[field] = formatHints[field];
    }
    Object.assign(problems, found, { ...problems });
  }
  const vsic = candidate.vsicCode;
  if (typeof vsic === 'string' && vsic) {
    const problem = checkVsicCode(vsic);
    if (problem) problems.vsicCode = problem;
  }
  const zoneCode = candidate.zoneCode;
  // The project's own zone was checked above; a new zone must be visible and the actor's to edit.
  if (
    typeof zoneCode === 'string' &&
    zoneCode &&
    zoneCode !== existing?.record.zoneCode &&
    !problems.zoneCode
  ) {
    const zone = refs.zones.get(zoneCode);
    // A zone outside the actor's sight is reported like a zone that does not exist.
    if (!zone || !canSeeZone(actor, zone.facts)) {
      problems.zoneCode = {
        vi: `Không có khu/cụm công nghiệp mã ${zoneCode}.`,
        en: `No park or cluster has code ${zoneCode}.`,
      };
    } else if (!canEditProject(actor, zone.facts)) {
      problems.zoneCode = {
        vi: `Bạn không có quyền tạo hoặc sửa dự án trong khu/cụm ${zoneCode} (ngoài phạm vi được giao).`,
        en: `You may not create or edit projects in ${zoneCode} (outside your scope).`,
      };
    }
  }
  const investorCode = candidate.investorCode;
  if (typeof investorCode === 'string' && investorCode && !problems.investorCode) {
    if (investorCode !== existing?.record.investorCode && !refs.organisations.has(investorCode)) {
      problems.investorCode = {
        vi: `Không có tổ chức (nhà đầu tư) mã ${investorCode}; hãy nhập danh mục tổ chức trước.`,
        en: `No organisation (investor) has code ${investorCode}; import the organisations first.`,
      };
    } else if (
      existing &&
      investorCode !== existing.record.investorCode &&
      !canChangeProjectInvestor(actor, existing.zone)
    ) {
      problems.investorCode = {
        vi: 'Chỉ cán bộ quản lý (Sở, xã/phường) mới được chuyển dự án sang nhà đầu tư khác.',
        en: 'Only a registry officer (department, commune) may hand the project to another investor.',
      };
    }
  }
  if (!parsed.success || Object.keys(problems).length) return { problems };
  const data = parsed.data;
  return {
    record: {
      code: data.code,
      name: data.name,
      zoneCode: data.zoneCode,
      investorCode: data.investorCode,
      certificateNo: data.certificateNo || null,
      certificateDate: data.certificateDate ?? null,
      vsicCode: data.vsicCode || null,
      leasedHa: data.leasedHa ?? null,
      lot: data.lot || null,
      workers: data.workers ?? null,
      status: data.status,
    },
  };
}

function codesOf(
  rows: readonly { values: Record<string, unknown>; present: ReadonlySet<string> }[],
  field: string,
) {
  return rows
    .filter((r) => r.present.has(field))
    .map((r) => r.values[field])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

function toUpsert(p: PlannedRow<ProjectRecord, ProjectExisting>, refs: ProjectRefs) {
  const r = p.record;
  const e = p.existing;
  return {
    id: p.id,
    code: r.code,
    zoneId: r.zoneCode === e?.record.zoneCode ? e.ids.zoneId : refs.zones.get(r.zoneCode)!.id,
    investorId:
      r.investorCode === e?.record.investorCode ? e.ids.investorId : refs.organisations.get(r.investorCode)!,
    name: r.name,
    certificateNo: r.certificateNo,
    certificateDate: r.certificateDate,
    vsicCode: r.vsicCode,
    leasedHa: r.leasedHa === null ? null : String(r.leasedHa),
    lot: r.lot,
    workers: r.workers,
    status: r.status,
    // As the project service computes it.
    searchText: foldVietnamese(`${r.code} ${r.name} ${r.certificateNo ?? ''}`),
    version: e ? e.version + 1 : 1,
  };
}

/** The project sheet plugged into the generic import. */
export const projectImportDefinition: ImportDefinition<null, ProjectRefs, ProjectRecord, ProjectExisting> = {
  entity: 'projects',
  keyField: 'code',
  canImport: canImportProjects,
  prepare: async () => null,
  columns: () => projectColumns(),
  async loadReferences(db, rows) {
    const zones = await findZoneFactsByCode(db, codesOf(rows, 'zoneCode'));
    return {
      zones: new Map(zones.map((z) => [z.code, { id: z.id, facts: factsOf(z) }])),
      organisations: await resolveCodes(db, 'organisation', codesOf(rows, 'investorCode')),
    };
  },
  async loadExisting(db, keys) {
    const rows = await findProjectSheetRowsByCode(db, keys);
    return new Map(rows.map((row) => [row.code, toExisting(row)]));
  },
  plan: (row, existing, env) => planProject(row, existing, env),
  diff: (existing, record) => projectRecordDiff(existing.record, record),
  async write(db, rows, env) {
    const written = await upsertProjects(
      db,
      rows.map((p) => toUpsert(p, env.refs)),
    );
    if (written !== rows.length) {
      throw new AppError('conflict', {
        reason: {
          vi: 'Một số dự án vừa được người khác tạo hoặc sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
          en: 'Some projects were created or changed by someone else during the import; nothing was saved. Run it again.',
        },
      });
    }
  },
  audit(p) {
    const e = p.existing;
    return {
      action: e ? 'project.update' : 'project.create',
      entityType: 'project',
      entityId: p.id,
      ...(e ? { before: projectAuditView(e.record, e.version) } : {}),
      after: projectAuditView(p.record, e ? e.version + 1 : 1),
    };
  },
};

/** Imports tenant projects from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importProjects(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, projectImportDefinition, file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import projects at all. */
export function assertCanImportProjects(deps: ServiceDeps): void {
  if (!canImportProjects(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập danh sách dự án thứ cấp (IZIS)', [
  'Mỗi dòng là một dự án trong khu, cụm công nghiệp, nhận diện bằng cột "Mã dự án": mã đã có thì cập nhật dự án đó, mã mới thì tạo dự án mới. Chỉ nhập được dự án trong các khu/cụm thuộc phạm vi bạn được giao.',
  'Khu/cụm và nhà đầu tư ghi bằng mã, phải có sẵn trong hệ thống: nhập danh mục tổ chức trước. Vốn đầu tư của dự án nhập riêng bằng mẫu "Sự kiện vốn đầu tư".',
  'Ô để trống sẽ xoá giá trị đang có; cột không có trong tệp thì giữ nguyên. Có thể xoá những cột không cần cập nhật (trừ cột mã).',
  'Nhập lại cùng một tệp không thay đổi gì: dòng không đổi được bỏ qua, không ghi nhật ký thay đổi.',
]);

/** The import template: headers, a guide sheet, no rows. */
export async function projectImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: projectTemplateFileName,
    body: await entityWorkbook(projectSheetName, projectColumns(), [], guide),
  };
}

type ProjectListFilter = Omit<Parameters<typeof findProjects>[2], 'page' | 'pageSize' | 'searchPattern'>;

/**
 * The project list (same filters and order as GET /api/projects, every page, within the actor's scope)
 * as XLSX or CSV with the import template's columns.
 */
export async function exportProjects(
  deps: ServiceDeps,
  query: ProjectListFilter,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportProjects(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const rows = await findProjectsForExport(deps.db, projectVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  } as Parameters<typeof findProjectsForExport>[2]);
  const records: ProjectRecord[] = rows.map((row) => ({
    code: row.code,
    name: row.name,
    zoneCode: row.zoneCode,
    investorCode: row.investorCode,
    certificateNo: row.certificateNo,
    certificateDate: row.certificateDate,
    vsicCode: row.vsicCode,
    leasedHa: num(row.leasedHa),
    lot: row.lot,
    workers: row.workers,
    status: row.status as ProjectStatus,
  }));
  return sheetExport({
    format,
    fileName: projectExportFileName(toIsoDate(now), format),
    sheetName: projectSheetName,
    columns: projectColumns(),
    records,
    guide,
    now,
  });
}
