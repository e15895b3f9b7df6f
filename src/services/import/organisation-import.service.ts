import type { ImportResult } from '../../domain/import/import.schema';
import {
  organisationAuditView,
  organisationColumns,
  organisationExportFileName,
  organisationRecordDiff,
  organisationSheetName,
  organisationTemplateFileName,
  taxCodeFromCell,
  type OrganisationRecord,
} from '../../domain/import/organisation-import';
import { toIsoDate } from '../../domain/format/format';
import {
  checkOrganisationFields,
  createOrganisationInputSchema,
  type OrganisationRole,
  type Ownership,
} from '../../domain/organisation/organisation.schema';
import { normalizeTaxCode } from '../../domain/organisation/tax-code';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { requireActor, type ServiceDeps } from '../deps';
import { organisationVisibility } from '../organisation/organisation.policy';
import { findOrganisations, isUniqueViolation } from '../organisation/organisation.repository';
import { sheetExport, guideText, type ExportFile } from './export-file';
import { canExportOrganisations, canImportOrganisations } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type PlannedRow } from './import.pipeline';
import {
  findOrganisationSheetRowsByCode,
  findTaxCodeHolders,
  releaseTaxCodes,
  upsertOrganisations,
  type OrganisationSheetRow,
} from './organisation-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';

/**
 * Organisations through spreadsheets: the import definition plugged into the generic pipeline (key: the
 * organisation code; the tax code checked with its check digit and unique across the registry and the
 * file), the template and the XLSX/CSV exports of the organisation list.
 */

type OrganisationExisting = { id: string; version: number; record: OrganisationRecord };

type OrganisationRefs = {
  /** Stored holders of the file's tax codes. */
  taxHolders: Map<string, { id: string; code: string; name: string }>;
};

function toRecord(row: OrganisationSheetRow): OrganisationRecord {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    taxCode: row.taxCode,
    country: row.country,
    ownership: row.ownership as Ownership | null,
    roles: row.roles as OrganisationRole[],
    address: row.address,
    sources: row.sources ?? [],
  };
}

const formatHints: Record<string, LocalizedText> = {
  code: {
    vi: 'Mã gồm tối đa 64 ký tự: chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ DN-0100109106).',
    en: 'A code has up to 64 characters: unaccented capital letters, digits and hyphens (e.g. DN-0100109106).',
  },
  country: {
    vi: 'Quốc gia ghi bằng mã ISO 3166-1 hai chữ cái (ví dụ VN, JP, KR).',
    en: 'The country is a two-letter ISO 3166-1 code (e.g. VN, JP, KR).',
  },
};

/** The tax code of a cell: a number cell's lost leading zero restored, then normalised ("…-001"). */
function taxCodeOf(value: unknown): string | null {
  return typeof value === 'string' && value ? normalizeTaxCode(taxCodeFromCell(value)) : null;
}

function planOrganisation(
  row: { key: string; values: Record<string, unknown>; present: ReadonlySet<string> },
  existing: OrganisationExisting | undefined,
): { record: OrganisationRecord } | { problems: Record<string, LocalizedText> } {
  const candidate: Record<string, unknown> = existing
    ? { ...existing.record }
    : { code: row.key, nameEn: null, taxCode: null, ownership: null, address: null, sources: [] };
  for (const field of row.present) candidate[field] = row.values[field];
  candidate.code = row.key;
  if (row.present.has('taxCode')) candidate.taxCode = taxCodeOf(row.values.taxCode);
  const problems: Record<string, LocalizedText> = {};
  // A country cannot be cleared: empty means Việt Nam for a new organisation, and no change for an existing
  // one (so that a file imported twice changes nothing the second time).
  if (candidate.country === null || candidate.country === undefined) {
    candidate.country = existing?.record.country ?? 'VN';
  }
  if (candidate.name === null) delete candidate.name;
  if (Array.isArray(candidate.roles) && candidate.roles.length === 0) {
    problems.roles = {
      vi: 'Cần ít nhất một vai trò (chủ đầu tư hạ tầng, nhà đầu tư thứ cấp hoặc cơ quan quản lý).',
      en: 'At least one role is needed (developer, tenant or agency).',
    };
  }
  const parsed = createOrganisationInputSchema.safeParse(candidate);
  if (!parsed.success) {
    const found = issuesToFields(parsed.error.issues);
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (issue.code === 'invalid_format' && formatHints[field]) found[field] = formatHints[field];
    }
    // Our own wording (country, roles) wins over zod's.
    Object.assign(problems, found, { ...problems });
  }
  Object.assign(
    problems,
    checkOrganisationFields({
      taxCode: (candidate.taxCode as string | null) ?? null,
      roles: candidate.roles as OrganisationRole[],
    }),
  );
  if (!parsed.success || Object.keys(problems).length) return { problems };
  const data = parsed.data;
  return {
    record: {
      code: data.code,
      name: data.name,
      nameEn: data.nameEn || null,
      taxCode: data.taxCode || null,
      country: data.country,
      ownership: data.ownership ?? null,
      roles: data.roles,
      address: data.address || null,
      sources: data.sources ?? [],
    },
  };
}

/** Tax codes are unique: within the file, and against the organisations the file does not change away. */
function taxCodeProblems(
  planned: readonly PlannedRow<OrganisationRecord, OrganisationExisting>[],
  refs: OrganisationRefs,
): { row: number; field: string; message: LocalizedText }[] {
  const problems: { row: number; field: string; message: LocalizedText }[] = [];
  const fileHolder = new Map<string, { row: number; code: string }>();
  const finalTaxCodeOf = new Map(planned.map((p) => [p.key, p.record.taxCode]));
  for (const p of planned) {
    const taxCode = p.record.taxCode;
    if (!taxCode) continue;
    const first = fileHolder.get(taxCode);
    if (first) {
      problems.push({
        row: p.row,
        field: 'taxCode',
        message: {
          vi: `Mã số thuế ${taxCode} trùng với tổ chức ${first.code} ở dòng ${first.row}; mỗi mã số thuế chỉ thuộc một tổ chức.`,
          en: `Tax code ${taxCode} is also given to ${first.code} in row ${first.row}; a tax code belongs to one organisation.`,
        },
      });
      continue;
    }
    fileHolder.set(taxCode, { row: p.row, code: p.key });
    const holder = refs.taxHolders.get(taxCode);
    if (holder && holder.code !== p.key && finalTaxCodeOf.get(holder.code) === undefined) {
      problems.push({
        row: p.row,
        field: 'taxCode',
        message: {
          vi: `Mã số thuế ${taxCode} đã thuộc tổ chức ${holder.code} (${holder.name}).`,
          en: `Tax code ${taxCode} already belongs to ${holder.code} (${holder.name}).`,
        },
      });
    }
    // A holder in the file that keeps the code is caught as a duplicate within the file, on the later row.
  }
  return problems;
}

function searchTextOf(r: OrganisationRecord): string {
  return foldVietnamese([r.code, r.name, r.nameEn, r.taxCode].filter(Boolean).join(' '));
}

const conflict = () =>
  new AppError('conflict', {
    reason: {
      vi: 'Một số tổ chức vừa được người khác tạo hoặc sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
      en: 'Some organisations were created or changed by someone else during the import; nothing was saved. Run it again.',
    },
  });

/** The organisation sheet plugged into the generic import. */
export const organisationImportDefinition: ImportDefinition<
  null,
  OrganisationRefs,
  OrganisationRecord,
  OrganisationExisting
> = {
  entity: 'organisations',
  keyField: 'code',
  canImport: canImportOrganisations,
  prepare: async () => null,
  columns: () => organisationColumns(),
  async loadReferences(db, rows) {
    const taxCodes = rows
      .filter((r) => r.present.has('taxCode'))
      .map((r) => taxCodeOf(r.values.taxCode))
      .filter((t): t is string => !!t);
    return { taxHolders: await findTaxCodeHolders(db, taxCodes) };
  },
  async loadExisting(db, keys) {
    const rows = await findOrganisationSheetRowsByCode(db, keys);
    return new Map(
      rows.map((row) => [row.code, { id: row.id, version: row.version, record: toRecord(row) }]),
    );
  },
  plan: (row, existing) => planOrganisation(row, existing),
  validatePlan(planned, _rejected, env) {
    // A holder that is in the file (planned) and gives the code up is fine; one in the file but refused
    // keeps its code for now — its own row's problem already stops the commit.
    return taxCodeProblems(planned, env.refs);
  },
  diff: (existing, record) => organisationRecordDiff(existing.record, record),
  async prepareWrite(db, rows) {
    await releaseTaxCodes(
      db,
      rows
        .filter((p) => p.existing?.record.taxCode && p.existing.record.taxCode !== p.record.taxCode)
        .map((p) => ({ id: p.id, version: p.existing!.version })),
    );
  },
  async write(db, rows) {
    let written: number;
    try {
      written = await upsertOrganisations(
        db,
        rows.map((p) => ({
          id: p.id,
          ...p.record,
          searchText: searchTextOf(p.record),
          version: p.existing ? p.existing.version + 1 : 1,
        })),
      );
    } catch (error) {
      // A tax code registered by someone else since the file was checked.
      if (isUniqueViolation(error)) throw conflict();
      throw error;
    }
    if (written !== rows.length) throw conflict();
  },
  audit(p) {
    const e = p.existing;
    return {
      action: e ? 'organisation.update' : 'organisation.create',
      entityType: 'organisation',
      entityId: p.id,
      ...(e ? { before: organisationAuditView(e.record, e.version) } : {}),
      after: organisationAuditView(p.record, e ? e.version + 1 : 1),
    };
  },
};

/** Imports organisations from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importOrganisations(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, organisationImportDefinition, file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import organisations at all. */
export function assertCanImportOrganisations(deps: ServiceDeps): void {
  if (!canImportOrganisations(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập danh mục tổ chức, doanh nghiệp (IZIS)', [
  'Mỗi dòng là một tổ chức (doanh nghiệp, hộ kinh doanh, chủ đầu tư hạ tầng, cơ quan), nhận diện bằng cột "Mã tổ chức": mã đã có thì cập nhật tổ chức đó, mã mới thì tạo tổ chức mới.',
  'Ô để trống sẽ xoá giá trị đang có; cột không có trong tệp thì giữ nguyên. Có thể xoá những cột không cần cập nhật (trừ cột mã).',
  'Mã số thuế được kiểm tra chữ số kiểm tra và không được trùng với tổ chức khác (trong hệ thống và trong tệp). Định dạng cột là văn bản để giữ số 0 ở đầu.',
  'Nhập lại cùng một tệp không thay đổi gì: dòng không đổi được bỏ qua, không ghi nhật ký thay đổi.',
]);

/** The import template: headers, a guide sheet, no rows. */
export async function organisationImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: organisationTemplateFileName,
    body: await entityWorkbook(organisationSheetName, organisationColumns(), [], guide),
  };
}

type OrganisationListFilter = Omit<Parameters<typeof findOrganisations>[2], 'page' | 'pageSize'>;

const EXPORT_PAGE = 20_000;

/**
 * The organisation list (same filters and order as GET /api/organisations, every page, within the actor's
 * visibility) as XLSX or CSV with the import template's columns.
 */
export async function exportOrganisations(
  deps: ServiceDeps,
  query: Omit<OrganisationListFilter, 'searchPattern'>,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportOrganisations(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const records: OrganisationRecord[] = [];
  for (let page = 1; ; page++) {
    const { rows } = await findOrganisations(deps.db, organisationVisibility(actor), {
      ...query,
      ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
      page,
      pageSize: EXPORT_PAGE,
    } as Parameters<typeof findOrganisations>[2]);
    records.push(...rows.map((row) => toRecord({ ...row, sources: row.sources ?? [] })));
    if (rows.length < EXPORT_PAGE) break;
  }
  return sheetExport({
    format,
    fileName: organisationExportFileName(toIsoDate(now), format),
    sheetName: organisationSheetName,
    columns: organisationColumns(),
    records,
    guide,
    now,
  });
}
