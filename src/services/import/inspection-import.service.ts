import type { ImportResult } from '../../domain/import/import.schema';
import {
  inspectionColumnOf,
  inspectionColumns,
  inspectionExportFileName,
  inspectionKey,
  inspectionKeyFields,
  inspectionSheetName,
  inspectionTemplateFileName,
  resolveFailedItems,
  type InspectionExportRow,
} from '../../domain/import/inspection-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import { checkInspection } from '../../domain/inspection/inspection';
import {
  inspectionInputSchema,
  type InspectionKind,
  type InspectionListQuery,
} from '../../domain/inspection/inspection.schema';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { requireActor, type ServiceDeps } from '../deps';
import { canRecordInspection } from '../inspection/inspection.policy';
import { findKinds } from '../inspection/inspection.repository';
import { inspectionRows, listInspections, noProjectInZone } from '../inspection/inspection.service';
import { canSeeZone, type ZoneFacts } from '../zone/zone.policy';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportInspections, canImportInspections } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type ImportRow } from './import.pipeline';
import {
  findProjectsByCode,
  findStoredInspections,
  insertInspections,
  type InspectionInsert,
} from './inspection-import.repository';
import { findZoneScopesByCode } from './zone-scope-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';

/**
 * Inspections through spreadsheets. A row is one inspection; it has no code, so it is matched to a recorded
 * inspection by zone, kind and date counted by occurrence: re-importing a file finds every inspection it
 * created and writes nothing, and a recorded inspection is never changed by an import. Each new row is
 * checked as recording it through the API is — the actor may record inspections of the zone
 * (`canRecordInspection`), the project is of the zone, the input schema, and `checkInspection` (every item of
 * the kind's checklist answered, each failed one with a remediation deadline, nothing dated wrongly).
 */

type Ctx = { kinds: InspectionKind[] };

type ZoneRef = { id: string; facts: ZoneFacts };

type Refs = {
  zones: Map<string, ZoneRef>;
  projects: Map<string, { id: string; zoneId: string }>;
  /** Recorded inspections under their occurrence key (`<zone>|<kind>|<date>#<n>`). */
  stored: Map<string, { id: string }>;
};

type Planned = {
  zoneCode: string;
  rows: Omit<InspectionInsert, 'inspection'> & { inspection: Omit<InspectionInsert['inspection'], 'id'> };
  input: ReturnType<typeof inspectionInputSchema.parse>;
};

function naturalKeyOf(values: Record<string, unknown>): string {
  return inspectionKey({
    zoneCode: values.zoneCode as string,
    kindCode: values.kind as string,
    inspectedOn: values.inspectedOn as string,
  });
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const penaltyFields = ['penaltyDecisionNo', 'penaltyDecidedOn', 'penaltyAmountVnd'] as const;

/**
 * One row: its zone visible and the actor's to record inspections of, its project of the zone, its failed
 * items on the kind's checklist, then the recorded inspection's own rules. Every field is checked even when
 * another is wrong, so that one dry run lists all of a row's problems.
 */
function planInspection(
  row: ImportRow,
  env: { actor: Actor; ctx: Ctx; refs: Refs },
  today: string,
): { record: Planned } | { problems: Record<string, LocalizedText> } {
  const { values } = row;
  const { actor, refs } = env;
  const problems: Record<string, LocalizedText> = {};
  const add = (field: string, message: LocalizedText) => {
    problems[field] ??= message;
  };
  const zoneCode = values.zoneCode;
  const zone = typeof zoneCode === 'string' ? refs.zones.get(zoneCode) : undefined;
  // A zone outside the actor's sight is reported like a zone that does not exist.
  const visible = zone && canSeeZone(actor, zone.facts) ? zone : undefined;
  if (typeof zoneCode === 'string' && zoneCode) {
    if (!visible) {
      add('zoneCode', {
        vi: `Không có khu/cụm công nghiệp mã ${zoneCode}.`,
        en: `No park or cluster has code ${zoneCode}.`,
      });
    } else if (!canRecordInspection(actor, visible.facts)) {
      add('zoneCode', {
        vi: `Bạn không có quyền ghi kết quả kiểm tra của khu/cụm ${zoneCode} (ngoài phạm vi được giao).`,
        en: `You may not record inspections of ${zoneCode} (outside your scope).`,
      });
    }
  }
  let projectId: string | null = null;
  const projectCode = values.projectCode;
  if (typeof projectCode === 'string' && projectCode && visible) {
    const found = refs.projects.get(projectCode);
    if (!found || found.zoneId !== visible.id) add('projectCode', noProjectInZone);
    else projectId = found.id;
  }
  if (row.present.has('agency') && blank(values.agency)) {
    add('agency', { vi: 'Thiếu cơ quan kiểm tra.', en: 'The inspecting agency is missing.' });
  }
  const kind = env.ctx.kinds.find((k) => k.code === values.kind);
  let failed: string[] = [];
  if (kind && row.present.has('failedItems')) {
    const resolved = resolveFailedItems(kind, values.failedItems as string | null);
    if ('problem' in resolved) add('failedItems', resolved.problem);
    else failed = resolved.codes;
  }
  const deadline = (values.deadline as string | null | undefined) ?? null;
  if (deadline && !failed.length && !problems.failedItems) {
    add('deadline', {
      vi: 'Thời hạn khắc phục chỉ ghi khi có hạng mục không đạt.',
      en: 'A remediation deadline goes with failed items only.',
    });
  }
  // A penalty is written in full (number, date, amount) or not at all.
  const penaltyGiven = penaltyFields.filter((f) => row.present.has(f) && !blank(values[f]));
  if (penaltyGiven.length && penaltyGiven.length < penaltyFields.length) {
    for (const f of penaltyFields.filter((f) => !penaltyGiven.includes(f))) {
      add(f, {
        vi: 'Quyết định xử phạt ghi đủ số quyết định, ngày và số tiền.',
        en: 'A penalty needs its decision number, date and amount.',
      });
    }
  }
  if (typeof values.penaltyAmountVnd === 'string' && values.penaltyAmountVnd.startsWith('-')) {
    add('penaltyAmountVnd', { vi: 'Số tiền phạt không được âm.', en: 'The penalty cannot be negative.' });
  }
  if (kind && typeof values.inspectedOn === 'string') {
    const label = (code: string) => kind.items.find((i) => i.code === code)?.labelVi ?? code;
    const candidate = {
      kindCode: kind.code,
      inspectedOn: values.inspectedOn,
      agency: (values.agency as string | null) ?? '',
      projectCode: (projectCode as string | null) || null,
      decisionNo: (values.decisionNo as string | null) ?? null,
      conclusion: (values.conclusion as string | null) ?? null,
      results: kind.items.map((i) => ({ itemCode: i.code, passed: !failed.includes(i.code) })),
      findings: failed.map((code) => ({ itemCode: code, description: label(code), deadline })),
      penalties:
        penaltyGiven.length === penaltyFields.length
          ? [
              {
                decisionNo: values.penaltyDecisionNo as string,
                decidedOn: values.penaltyDecidedOn as string,
                amountVnd: values.penaltyAmountVnd as string,
              },
            ]
          : [],
    };
    const parsed = inspectionInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesToFields(parsed.error.issues))) {
        if (field === 'penalties.0.amountVnd') {
          add('penaltyAmountVnd', {
            vi: 'Số tiền phạt là số nguyên không âm (tối đa 18 chữ số).',
            en: 'The penalty is a whole, non-negative amount (at most 18 digits).',
          });
        } else add(inspectionColumnOf(field), message);
      }
    } else {
      const found = checkInspection(
        parsed.data,
        kind.items.map((i) => i.code),
        today,
      );
      for (const [field, message] of Object.entries(found)) add(inspectionColumnOf(field), message);
      if (!Object.keys(problems).length && visible && row.key) {
        return {
          record: {
            zoneCode: visible.facts.code,
            input: parsed.data,
            rows: inspectionRows(parsed.data, {
              zoneId: visible.id,
              projectId,
              recordedBy: actor.userId || null,
            }),
          },
        };
      }
    }
  }
  return { problems };
}

/** The inspection sheet plugged into the generic import; `today` bounds the dates. */
function inspectionImportDefinition(today: string): ImportDefinition<Ctx, Refs, Planned, { id: string }> {
  return {
    entity: 'inspections',
    keyField: 'zoneCode',
    naturalKey: { fields: inspectionKeyFields, of: naturalKeyOf },
    canImport: canImportInspections,
    prepare: async (db) => ({ kinds: await findKinds(db) }),
    columns: (ctx) => inspectionColumns(ctx.kinds),
    async loadReferences(db, rows) {
      const text = (field: string) =>
        rows.map((r) => r.values[field]).filter((v): v is string => typeof v === 'string' && v !== '');
      // Locked, so that two imports of the same file record its inspections once.
      const zoneRows = await findZoneScopesByCode(db, text('zoneCode'), { lock: true });
      const zones = new Map(
        zoneRows.map((z) => [
          z.code,
          {
            id: z.id,
            facts: {
              code: z.code,
              family: z.family,
              communeCode: z.communeCode,
              developerCode: z.developerCode,
            },
          },
        ]),
      );
      const projects = new Map((await findProjectsByCode(db, text('projectCode'))).map((p) => [p.code, p]));
      const codeOf = new Map(zoneRows.map((z) => [z.id, z.code]));
      const stored = new Map<string, { id: string }>();
      const occurrences = new Map<string, number>();
      for (const s of await findStoredInspections(db, [...codeOf.keys()], text('inspectedOn'))) {
        const natural = inspectionKey({
          zoneCode: codeOf.get(s.zoneId)!,
          kindCode: s.kindCode,
          inspectedOn: s.inspectedOn,
        });
        const n = (occurrences.get(natural) ?? 0) + 1;
        occurrences.set(natural, n);
        stored.set(`${natural}#${n}`, { id: s.id });
      }
      return { zones, projects, stored };
    },
    async loadExisting(_db, keys, refs) {
      const existing = new Map<string, { id: string }>();
      for (const key of keys) {
        const found = refs.stored.get(key);
        if (found) existing.set(key, found);
      }
      return existing;
    },
    plan: (row, _existing, env) => planInspection(row, env, today),
    // A matched inspection is the same inspection: an import never changes a recorded one.
    diff: () => [],
    async write(db, rows) {
      const written = await insertInspections(
        db,
        rows.map((p) => ({ ...p.record.rows, inspection: { ...p.record.rows.inspection, id: p.id } })),
      );
      if (written !== rows.length) throw new AppError('conflict');
    },
    audit: (p) => ({
      action: 'inspection.record',
      entityType: 'inspection',
      entityId: p.id,
      after: { zoneCode: p.record.zoneCode, ...p.record.input },
    }),
  };
}

/** Imports inspections from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importInspections(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, inspectionImportDefinition(toIsoDate(deps.clock.now())), file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import inspections at all. */
export function assertCanImportInspections(deps: ServiceDeps): void {
  if (!canImportInspections(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập kết quả kiểm tra, thanh tra (IZIS)', [
  'Mỗi dòng là một cuộc kiểm tra của một khu/cụm (hoặc một dự án trong khu/cụm). Nhập chỉ THÊM cuộc kiểm tra mới, không bao giờ sửa hay xoá cuộc kiểm tra đã ghi: muốn sửa, sửa trên màn hình của khu/cụm.',
  'Một dòng trùng khu/cụm, loại kiểm tra và ngày kiểm tra với cuộc kiểm tra đã ghi được coi là chính cuộc kiểm tra đó và bỏ qua (các cột khác không được so sánh); nếu tệp có hai dòng trùng như vậy thì đó là hai cuộc kiểm tra. Vì vậy nhập lại cùng một tệp không thay đổi gì.',
  'Chỉ nhập được cho các khu/cụm bạn được giao ghi kết quả kiểm tra; dòng của khu/cụm khác bị báo lỗi, không dòng nào được ghi.',
  '"Hạng mục không đạt": ghi các hạng mục KHÔNG đạt của danh mục kiểm tra (mã hoặc tên), cách nhau bởi dấu ";"; mọi hạng mục còn lại được ghi là đạt. Khi có hạng mục không đạt phải ghi "Thời hạn khắc phục": mỗi hạng mục không đạt thành một kiến nghị khắc phục với thời hạn đó.',
  'Quyết định xử phạt (nếu có) ghi đủ số quyết định, ngày và số tiền; ngày quyết định không trước ngày kiểm tra. Mỗi dòng ghi tối đa một quyết định xử phạt.',
  'Nhận các cuộc kiểm tra của các năm trước (dữ liệu lịch sử); ngày kiểm tra không được sau hôm nay.',
  'Tệp xuất từ danh sách kiểm tra có cùng các cột: khi một cuộc kiểm tra có nhiều kiến nghị với thời hạn khác nhau, tệp xuất ghi thời hạn sớm nhất; có nhiều quyết định xử phạt, tệp xuất ghi quyết định đầu tiên.',
]);

/** The import template: headers (the kinds of the catalogue), a guide sheet, no rows. */
export async function inspectionImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: inspectionTemplateFileName,
    body: await entityWorkbook(inspectionSheetName, inspectionColumns(await findKinds(deps.db)), [], guide),
  };
}

/**
 * The inspection list (the filters of GET /api/inspections, within the reader's scope) as XLSX or CSV with the
 * import template's columns: one row per inspection, so an export imports back with nothing to write.
 */
export async function exportInspections(
  deps: ServiceDeps,
  query: InspectionListQuery,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportInspections(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const [inspections, kinds] = await Promise.all([listInspections(deps, query, 100_000), findKinds(deps.db)]);
  const records: InspectionExportRow[] = inspections.map((r) => {
    const kind = kinds.find((k) => k.code === r.kindCode);
    const label = (code: string) => kind?.items.find((i) => i.code === code)?.labelVi ?? code;
    // In the checklist's order (items since taken off it last).
    const order = (code: string) => {
      const at = kind?.items.findIndex((i) => i.code === code) ?? -1;
      return at < 0 ? Number.MAX_SAFE_INTEGER : at;
    };
    const failed = r.results
      .filter((x) => !x.passed)
      .map((x) => x.itemCode)
      .sort((a, b) => order(a) - order(b));
    const deadlines = r.findings
      .filter((f) => f.itemCode && failed.includes(f.itemCode) && f.deadline)
      .map((f) => f.deadline!)
      .sort();
    const penalty = r.penalties[0];
    return {
      zoneCode: r.zoneCode,
      projectCode: r.projectCode,
      kind: r.kindCode,
      inspectedOn: r.inspectedOn,
      agency: r.agency,
      decisionNo: r.decisionNo,
      failedItems: failed.map(label).join('; ') || null,
      deadline: deadlines[0] ?? null,
      penaltyDecisionNo: penalty?.decisionNo ?? null,
      penaltyDecidedOn: penalty?.decidedOn ?? null,
      penaltyAmountVnd: penalty?.amountVnd ?? null,
      conclusion: r.conclusion,
    };
  });
  // Oldest first, as they happened (the list shows the newest first).
  records.reverse();
  return sheetExport({
    format,
    fileName: inspectionExportFileName(toIsoDate(now), format),
    sheetName: inspectionSheetName,
    columns: inspectionColumns(kinds),
    records,
    guide,
    now,
  });
}
