import type { EnumOption } from '../../domain/import/cells';
import type { ImportResult } from '../../domain/import/import.schema';
import { zoneRuleProblems } from '../../domain/zone/zone-rules';
import {
  familyChangeProblem,
  zoneAuditView,
  zoneColumns,
  zoneExportFileName,
  zoneRecordDiff,
  zoneRecordFields,
  zoneSheetName,
  zoneTemplateFileName,
  type ZoneRecord,
} from '../../domain/import/zone-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import { issuesToFields } from '../../domain/shared/zod-messages';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import { occupancy } from '../../domain/zone/occupancy';
import {
  createZoneInputSchema,
  familyOfKind,
  type ZoneKind,
  type ZoneListQuery,
} from '../../domain/zone/zone.schema';
import { requireActor, type ServiceDeps } from '../deps';
import { canCreateZone, canEditZone, zoneVisibility } from '../zone/zone.policy';
import { findAllZones, findCcnTypes } from '../zone/zone.repository';
import { canExportZones, canImportZones } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type PlannedRow } from './import.pipeline';
import { exportContentTypes, sheetExport, type ExportFile, type ExportFormat } from './export-file';
import { entityWorkbook, type GuideText, type SpreadsheetFile } from './spreadsheet';
import {
  findZoneSheetRowsByCode,
  findZoneSheetRowsById,
  resolveCodes,
  upsertZones,
  type ZoneSheetRow,
  type ZoneUpsert,
} from './zone-import.repository';

/**
 * Zones through spreadsheets: the import definition plugged into the generic pipeline, the template, and
 * the exports (XLSX and CSV with the template's columns, so an export edited in Excel imports back
 * unchanged; GeoJSON for GIS).
 */

type ZoneCtx = { ccnTypes: EnumOption[] };

type ZoneRefs = {
  communes: Map<string, string>;
  formerDistricts: Map<string, string>;
  formerCommunes: Map<string, string>;
  organisations: Map<string, string>;
  zones: Map<string, string>;
};

type ZoneExisting = {
  id: string;
  version: number;
  hasBoundary: boolean;
  record: ZoneRecord;
  /** Ids of the references as stored, reused when the file leaves a reference as it is. */
  ids: {
    communeId: string | null;
    formerDistrictId: string | null;
    formerCommuneId: string | null;
    developerId: string | null;
    phaseOfId: string | null;
  };
};

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

function toRecord(row: ZoneSheetRow): ZoneRecord {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as ZoneKind,
    ccnTypeCode: row.ccnTypeCode,
    phaseOfCode: row.phaseOfCode,
    phaseNo: row.phaseNo,
    communeCode: row.communeCode,
    formerDistrictCode: row.formerDistrictCode,
    formerCommuneCode: row.formerCommuneCode,
    declaredAreaHa: num(row.declaredAreaHa),
    industrialLandHa: num(row.industrialLandHa),
    infrastructureCompleteHa: num(row.infrastructureCompleteHa),
    leasedHa: num(row.leasedHa),
    approvedHa: num(row.approvedHa),
    priorityReservedHa: num(row.priorityReservedHa),
    developerCode: row.developerCode,
    managingAuthority: row.managingAuthority,
    infraInvestmentApprovedVnd: row.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: row.infraInvestmentPaidVnd,
    wwtpStatus: row.wwtpStatus as ZoneRecord['wwtpStatus'],
    wwtpCapacityM3Day: num(row.wwtpCapacityM3Day),
    fireSafetyStatus: row.fireSafetyStatus as ZoneRecord['fireSafetyStatus'],
    lat: num(row.lat),
    lon: num(row.lon),
    sourceStatusText: row.sourceStatusText,
    notes: row.notes,
    sources: row.sources ?? [],
  };
}

function emptyRecord(code: string): Omit<ZoneRecord, 'name' | 'kind'> {
  const record = Object.fromEntries(zoneRecordFields.map((f) => [f, null])) as Record<string, unknown>;
  return { ...(record as Omit<ZoneRecord, 'name' | 'kind'>), code, sources: [] };
}

const outOfScope = (code: string): LocalizedText => ({
  vi: `Bạn không có quyền tạo hoặc sửa khu/cụm "${code}" (ngoài phạm vi được giao).`,
  en: `You may not create or edit zone "${code}" (outside your scope).`,
});

const facts = (r: Pick<ZoneRecord, 'code' | 'kind' | 'communeCode' | 'developerCode'>) => ({
  code: r.code,
  family: familyOfKind(r.kind),
  communeCode: r.communeCode,
  developerCode: r.developerCode,
});

/** The reference checks: a code must exist (or, for a zone, be created by the same file). */
const referenceRules = [
  {
    field: 'communeCode',
    refs: 'communes',
    message: (c: string) => ({
      vi: `Không có xã/phường đang hiệu lực mã ${c}.`,
      en: `No commune/ward in force has code ${c}.`,
    }),
  },
  {
    field: 'formerDistrictCode',
    refs: 'formerDistricts',
    message: (c: string) => ({
      vi: `Không có quận/huyện cũ mã ${c}.`,
      en: `No former district has code ${c}.`,
    }),
  },
  {
    field: 'formerCommuneCode',
    refs: 'formerCommunes',
    message: (c: string) => ({
      vi: `Không có xã/phường cũ (trước 1/7/2025) mã ${c}.`,
      en: `No former commune (before 1/7/2025) has code ${c}.`,
    }),
  },
  {
    field: 'developerCode',
    refs: 'organisations',
    message: (c: string) => ({ vi: `Không có tổ chức mã ${c}.`, en: `No organisation has code ${c}.` }),
  },
] as const;

/** What a well-formed value looks like, for fields whose format zod can only call "invalid". */
const formatHints: Record<string, LocalizedText> = {
  code: {
    vi: 'Mã gồm 2–63 ký tự: chữ in hoa không dấu, chữ số và dấu gạch ngang (ví dụ CCN-THUY-LAM).',
    en: 'A code has 2–63 characters: unaccented capital letters, digits and hyphens (e.g. CCN-THUY-LAM).',
  },
  communeCode: {
    vi: 'Mã xã/phường gồm 5 chữ số (ví dụ 00454).',
    en: 'A commune code has 5 digits (e.g. 00454).',
  },
  formerCommuneCode: {
    vi: 'Mã xã/phường cũ gồm 5 chữ số (ví dụ 00460).',
    en: 'A former commune code has 5 digits (e.g. 00460).',
  },
  formerDistrictCode: {
    vi: 'Mã quận/huyện cũ gồm 3 chữ số (ví dụ 017).',
    en: 'A former district code has 3 digits (e.g. 017).',
  },
  infraInvestmentApprovedVnd: {
    vi: 'Số tiền là số nguyên đồng, tối đa 20 chữ số.',
    en: 'Whole VND, up to 20 digits.',
  },
  infraInvestmentPaidVnd: {
    vi: 'Số tiền là số nguyên đồng, tối đa 20 chữ số.',
    en: 'Whole VND, up to 20 digits.',
  },
};

function planZone(
  row: { key: string; values: Record<string, unknown>; present: ReadonlySet<string> },
  existing: ZoneExisting | undefined,
  env: { actor: Actor; refs: ZoneRefs; fileKeys: ReadonlyMap<string, number> },
): { record: ZoneRecord } | { problems: Record<string, LocalizedText> } {
  const { actor, refs, fileKeys } = env;
  // Scope first: a row the actor may not write is refused as such, without revealing anything about it.
  if (existing && !canEditZone(actor, facts(existing.record)))
    return { problems: { code: outOfScope(row.key) } };
  if (!existing) {
    const kind = row.present.has('kind') ? (row.values.kind as ZoneKind | null) : null;
    const families = kind ? [familyOfKind(kind)] : (['KCN', 'CCN'] as const);
    if (!families.some((f) => canCreateZone(actor, f))) return { problems: { code: outOfScope(row.key) } };
  }
  const candidate: Record<string, unknown> = { ...(existing?.record ?? emptyRecord(row.key)) };
  for (const field of row.present) candidate[field] = row.values[field];
  candidate.code = row.key;
  for (const field of ['name', 'kind'] as const) if (candidate[field] === null) delete candidate[field];
  const parsed = createZoneInputSchema.safeParse(candidate);
  if (!parsed.success) {
    // Report the cross-field rules too (on the fields that are valid), so one pass shows every problem.
    const problems = issuesToFields(parsed.error.issues);
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (issue.code === 'invalid_format' && formatHints[field]) problems[field] = formatHints[field];
    }
    const rules = zoneRuleProblems({
      ...(candidate as ZoneRecord),
      kind: (candidate.kind as ZoneKind) ?? 'CCN',
    });
    for (const [field, message] of Object.entries(rules)) {
      if (!problems[field] && (field !== 'ccnTypeCode' || candidate.kind)) problems[field] = message;
    }
    return { problems };
  }
  const record = {
    ...emptyRecord(row.key),
    ...parsed.data,
    sources: parsed.data.sources ?? [],
  } as ZoneRecord;
  for (const field of zoneRecordFields) (record as Record<string, unknown>)[field] ??= null;
  record.sources ??= [];

  const problems = zoneRuleProblems(record);
  if (existing) {
    const family = familyChangeProblem(existing.record, record);
    if (family) problems.kind = family;
  }
  for (const rule of referenceRules) {
    const code = record[rule.field];
    if (code && code !== existing?.record[rule.field] && !refs[rule.refs].has(code)) {
      problems[rule.field] = rule.message(code);
    }
  }
  const phaseOf = record.phaseOfCode;
  if (
    phaseOf &&
    phaseOf !== existing?.record.phaseOfCode &&
    !refs.zones.has(phaseOf) &&
    !fileKeys.has(phaseOf)
  ) {
    problems.phaseOfCode = {
      vi: `Không có khu/cụm mã ${phaseOf} (trong hệ thống và trong tệp).`,
      en: `No zone has code ${phaseOf} (neither in the registry nor in the file).`,
    };
  }
  if (Object.keys(problems).length) return { problems };
  if (!existing && !canCreateZone(actor, familyOfKind(record.kind)))
    return { problems: { code: outOfScope(row.key) } };
  if (existing && !canEditZone(actor, facts(record))) {
    return {
      problems: {
        code: {
          vi: `Sau khi sửa, khu/cụm "${row.key}" sẽ nằm ngoài phạm vi được giao của bạn.`,
          en: `After this change zone "${row.key}" would fall outside your scope.`,
        },
      },
    };
  }
  return { record };
}

const decimal = (value: number | null) => (value === null ? null : String(value));

function toUpsert(
  p: PlannedRow<ZoneRecord, ZoneExisting>,
  refs: ZoneRefs,
  idOf: (key: string) => string | undefined,
): ZoneUpsert {
  const r = p.record;
  const e = p.existing;
  const ref = (
    code: string | null,
    stored: string | null | undefined,
    storedCode: string | null | undefined,
    map: Map<string, string>,
  ) => (code === null ? null : code === storedCode && stored ? stored : (map.get(code) ?? null));
  return {
    id: p.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    ccnTypeCode: r.ccnTypeCode,
    phaseOfId: r.phaseOfCode
      ? r.phaseOfCode === e?.record.phaseOfCode && e.ids.phaseOfId
        ? e.ids.phaseOfId
        : (refs.zones.get(r.phaseOfCode) ?? idOf(r.phaseOfCode) ?? null)
      : null,
    phaseNo: r.phaseNo,
    communeId: ref(r.communeCode, e?.ids.communeId, e?.record.communeCode, refs.communes),
    formerDistrictId: ref(
      r.formerDistrictCode,
      e?.ids.formerDistrictId,
      e?.record.formerDistrictCode,
      refs.formerDistricts,
    ),
    formerCommuneId: ref(
      r.formerCommuneCode,
      e?.ids.formerCommuneId,
      e?.record.formerCommuneCode,
      refs.formerCommunes,
    ),
    developerId: ref(r.developerCode, e?.ids.developerId, e?.record.developerCode, refs.organisations),
    location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
    declaredAreaHa: decimal(r.declaredAreaHa),
    industrialLandHa: decimal(r.industrialLandHa),
    infrastructureCompleteHa: decimal(r.infrastructureCompleteHa),
    leasedHa: decimal(r.leasedHa),
    approvedHa: decimal(r.approvedHa),
    priorityReservedHa: decimal(r.priorityReservedHa),
    managingAuthority: r.managingAuthority,
    infraInvestmentApprovedVnd: r.infraInvestmentApprovedVnd,
    infraInvestmentPaidVnd: r.infraInvestmentPaidVnd,
    wwtpStatus: r.wwtpStatus,
    wwtpCapacityM3Day: decimal(r.wwtpCapacityM3Day),
    fireSafetyStatus: r.fireSafetyStatus,
    sourceStatusText: r.sourceStatusText,
    notes: r.notes,
    sources: r.sources,
    searchText: foldVietnamese(`${r.code} ${r.name}`),
    version: e ? e.version + 1 : 1,
  };
}

function toExisting(row: ZoneSheetRow): ZoneExisting {
  return {
    id: row.id,
    version: row.version,
    hasBoundary: row.hasBoundary,
    record: toRecord(row),
    ids: {
      communeId: row.communeId,
      formerDistrictId: row.formerDistrictId,
      formerCommuneId: row.formerCommuneId,
      developerId: row.developerId,
      phaseOfId: row.phaseOfId,
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

/** The zone sheet plugged into the generic import. */
export const zoneImportDefinition: ImportDefinition<ZoneCtx, ZoneRefs, ZoneRecord, ZoneExisting> = {
  entity: 'zones',
  keyField: 'code',
  canImport: canImportZones,
  async prepare(db) {
    const types = await findCcnTypes(db);
    return { ccnTypes: types.map((t) => ({ value: t.code, vi: t.nameVi, en: t.nameEn })) };
  },
  columns: (ctx) => zoneColumns(ctx.ccnTypes),
  async loadExisting(db, keys) {
    const rows = await findZoneSheetRowsByCode(db, keys);
    return new Map(rows.map((row) => [row.code, toExisting(row)]));
  },
  async loadReferences(db, rows) {
    return {
      communes: await resolveCodes(db, 'commune', codesOf(rows, 'communeCode')),
      formerDistricts: await resolveCodes(db, 'formerDistrict', codesOf(rows, 'formerDistrictCode')),
      formerCommunes: await resolveCodes(db, 'formerCommune', codesOf(rows, 'formerCommuneCode')),
      organisations: await resolveCodes(db, 'organisation', codesOf(rows, 'developerCode')),
      zones: await resolveCodes(db, 'zone', codesOf(rows, 'phaseOfCode')),
    };
  },
  plan: (row, existing, env) => planZone(row, existing, env),
  diff: (existing, record) => zoneRecordDiff(existing.record, record),
  dependsOn: { field: 'phaseOfCode', keys: (record) => [record.phaseOfCode] },
  async write(db, rows, env) {
    const written = await upsertZones(
      db,
      rows.map((p) => toUpsert(p, env.refs, env.idOf)),
    );
    if (written !== rows.length) {
      throw new AppError('conflict', {
        reason: {
          vi: 'Một số khu/cụm vừa được người khác tạo hoặc sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
          en: 'Some zones were created or changed by someone else during the import; nothing was saved. Run it again.',
        },
      });
    }
  },
  audit(p) {
    const e = p.existing;
    return {
      action: e ? 'zone.update' : 'zone.create',
      entityType: 'zone',
      entityId: p.id,
      ...(e ? { before: zoneAuditView(e.record, { version: e.version, hasBoundary: e.hasBoundary }) } : {}),
      after: zoneAuditView(p.record, {
        version: e ? e.version + 1 : 1,
        hasBoundary: e?.hasBoundary ?? false,
      }),
    };
  },
};

/** Imports zones from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importZones(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, zoneImportDefinition, file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import zones at all. */
export function assertCanImportZones(deps: ServiceDeps): void {
  if (!canImportZones(requireActor(deps))) throw new AppError('forbidden');
}

const guide: GuideText = {
  title: 'Hướng dẫn nhập danh sách khu, cụm công nghiệp (IZIS)',
  rules: [
    '1. Mỗi dòng là một khu/cụm, nhận diện bằng cột "Mã khu/cụm": mã đã có thì cập nhật khu/cụm đó, mã mới thì tạo khu/cụm mới.',
    '2. Nhập là "tất cả hoặc không": chỉ cần một dòng lỗi thì không dòng nào được ghi; hệ thống báo từng dòng, từng cột bị lỗi. Nên chạy "Kiểm tra" trước khi "Ghi".',
    '3. Ô để trống sẽ xoá giá trị đang có; cột không có trong tệp thì giữ nguyên. Có thể xoá những cột không cần cập nhật (trừ cột mã).',
    '4. Số: dấu phẩy thập phân (1.347,4) hoặc dấu chấm (1347.4); số như "1.347" không rõ nghĩa sẽ bị từ chối. Ngày: dd/mm/yyyy (14/03/2018).',
    '5. Giá trị danh mục: ghi nhãn tiếng Việt, nhãn tiếng Anh hoặc mã (không phân biệt chữ hoa, có dấu hay không dấu).',
    '6. Tiêu đề cột ghi bằng tiếng Việt như mẫu, hoặc bằng tên tiếng Anh ở cột B của bảng dưới đây.',
    '7. Nhập lại cùng một tệp không thay đổi gì: dòng không đổi được bỏ qua, không ghi nhật ký thay đổi.',
    '8. Tệp CSV: lưu dạng "CSV UTF-8", phân cách bằng dấu phẩy hoặc dấu chấm phẩy. Tệp tối đa 20 MB.',
  ],
};

/** The import template: headers, a guide sheet, no rows. */
export async function zoneImportTemplate(deps: ServiceDeps): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  const ctx = await zoneImportDefinition.prepare(deps.db);
  return {
    fileName: zoneTemplateFileName,
    body: await entityWorkbook(zoneSheetName, zoneImportDefinition.columns(ctx), [], guide),
  };
}

export { exportContentTypes, type ExportFile, type ExportFormat } from './export-file';

/**
 * The zone list (same filters and order as GET /api/zones, every page, within the actor's scope) as a file:
 * XLSX or CSV with the import template's columns, or GeoJSON with the list fields as properties.
 */
export async function exportZones(
  deps: ServiceDeps,
  query: Partial<ZoneListQuery>,
  format: ExportFormat,
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportZones(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const rows = await findAllZones(deps.db, zoneVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  const fileName = zoneExportFileName(toIsoDate(now), format);
  if (format === 'geojson') {
    const collection = {
      type: 'FeatureCollection' as const,
      /** When the figures were read (a foreign member; GIS tools ignore it). */
      asOf: now.toISOString(),
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.code,
        geometry: r.geometry ? (JSON.parse(r.geometry) as unknown) : null,
        properties: {
          code: r.code,
          name: r.name,
          kind: r.kind,
          family: r.family,
          ccnTypeCode: r.ccnTypeCode,
          communeCode: r.communeCode,
          communeName: r.communeName,
          formerDistrictName: r.formerDistrictName,
          developerName: r.developerName,
          declaredAreaHa: num(r.declaredAreaHa),
          industrialLandHa: num(r.industrialLandHa),
          leasedHa: num(r.leasedHa),
          approvedHa: num(r.approvedHa),
          occupancy: occupancy({
            industrialLandHa: num(r.industrialLandHa),
            leasedHa: num(r.leasedHa),
            approvedHa: num(r.approvedHa),
          }),
          lifecycleState: r.lifecycleState as LifecycleState | null,
          wwtpStatus: r.wwtpStatus,
          projects: Number(r.projects),
          isSynthetic: r.isSynthetic,
          geometry: r.geometryKind,
        },
      })),
    };
    return {
      fileName,
      contentType: exportContentTypes.geojson,
      body: JSON.stringify(collection),
      count: rows.length,
    };
  }
  const ctx = await zoneImportDefinition.prepare(deps.db);
  const columns = zoneImportDefinition.columns(ctx);
  const byId = new Map(
    (
      await findZoneSheetRowsById(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const records = rows.map((r) => toRecord(byId.get(r.id)!));
  return sheetExport({ format, fileName, sheetName: zoneSheetName, columns, records, guide, now });
}
