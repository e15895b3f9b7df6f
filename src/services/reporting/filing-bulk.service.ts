import ExcelJS from 'exceljs';
import { formatDateTime } from '../../domain/format/format';
import type { CellValue } from '../../domain/import/cells';
import { hasPermission, type Actor } from '../../domain/identity/roles';
import {
  BULK_FORMAT,
  BULK_HEADERS,
  BULK_VERSION_KEY,
  bulkColumnKey,
  bulkExplanationHeader,
  bulkPreviousHeader,
  bulkValueHeader,
  fieldErrorsOnRows,
  parseBulkSheet,
  problemFields,
  rowProblem,
  sameFigures,
  SINGLE_FORMAT,
  type BulkResult,
  type BulkRow,
  type BulkRowAction,
} from '../../domain/reporting/filing-workbook';
import type { FormItem } from '../../domain/reporting/form-types';
import { formatPeriod } from '../../domain/reporting/periods';
import { type FilingValues } from '../../domain/reporting/validation';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { type SpreadsheetFile } from '../import/spreadsheet';
import { owedReports } from './completeness.service';
import { canFile } from './filing.policy';
import {
  acceptedFigures,
  currentFilings,
  loadTenantProjects,
  zoneExists,
  type CurrentFiling,
  type RosterProject,
} from './filing-workbook.repository';
import { saveDraft, submitFiling } from './filing.service';
import { formRules, type FormRules } from './forms';
import {
  BORDER,
  FONT,
  HEADER_FILL,
  INPUT_FILL,
  LOCKED_FILL,
  NOT_OURS,
  PROTECTION,
  STATUS_VI,
  type WorkbookFile,
  addKeySheet,
  cellValidation,
  changedByOthers,
  checkFigures,
  dataSheet,
  fileProblem,
  gridOf,
  numFmt,
  readWorkbook,
  safeName,
  toFile,
  windowLine,
} from './filing-workbook.sheet';

/**
 * Filing by Excel for a developer: one workbook for its cluster (or all its clusters) and a period with a row
 * per tenant project that owes Biểu 01, and its upload — a dry run listing every row's outcome, then one
 * all-or-nothing transaction through `saveDraft` / `submitFiling`. Only its own clusters' tenants (`canFile`).
 */
const BULK_FORM = 'B01';

type BulkEntry = {
  project: RosterProject;
  filing: CurrentFiling | undefined;
  previous: FilingValues | undefined;
};

/**
 * The tenant projects owing Biểu 01 for the period that the actor may file for — in one cluster, or in every
 * cluster of the actor's scope — with their current filing and accepted figures of the comparison period.
 */
async function bulkRoster(
  deps: ServiceDeps,
  actor: Actor,
  rules: FormRules,
  period: string,
  zoneCode: string | null,
): Promise<BulkEntry[]> {
  const projects = await loadTenantProjects(deps.db, zoneCode);
  // Who owes Biểu 01 is the completeness table's answer, from the same registry facts.
  const owes = new Set(
    (await owedReports(deps, period, [BULK_FORM])).list.map((e) => e.obligation.reporter.id),
  );
  const mine = projects.filter((p) => owes.has(p.id) && canFile(actor, p));
  const refs = mine.map((p) => p.id);
  const filings = await currentFilings(
    deps.db,
    { formCode: BULK_FORM, period, reporterKind: 'project' },
    refs,
  );
  const previous = await acceptedFigures(
    deps.db,
    { formCode: BULK_FORM, period: rules.comparisonPeriod, reporterKind: 'project' },
    refs,
  );
  return mine.map((project) => ({
    project,
    filing: filings.get(project.id),
    previous: previous.get(project.id),
  }));
}

/** The developer's workbook: a row per tenant project of the cluster(s) owing Biểu 01 for the period. */
export async function bulkFilingWorkbook(
  deps: ServiceDeps,
  query: { period: string; zone?: string | undefined },
): Promise<WorkbookFile> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'report.file')) throw new AppError('forbidden');
  const rules = formRules(BULK_FORM, query.period, 'CCN');
  const form = rules.form;
  const zoneCode = query.zone ?? null;
  if (zoneCode && !(await zoneExists(deps.db, zoneCode))) throw new AppError('not_found');
  const entries = await bulkRoster(deps, actor, rules, query.period, zoneCode);
  if (!entries.length) {
    throw validationError({
      zone: {
        vi: zoneCode
          ? `Không có dự án nào trong cụm ${zoneCode} phải nộp ${form.shortTitle.vi} kỳ ${formatPeriod(query.period, 'vi')} mà bạn được nộp hộ.`
          : `Không có dự án nào trong các cụm của bạn phải nộp ${form.shortTitle.vi} kỳ ${formatPeriod(query.period, 'vi')}.`,
        en: zoneCode
          ? `No project of cluster ${zoneCode} that you may file for owes ${form.shortTitle.en} for ${formatPeriod(query.period, 'en')}.`
          : `No project of your clusters owes ${form.shortTitle.en} for ${formatPeriod(query.period, 'en')}.`,
      },
    });
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheetName = `${form.shortTitle.vi} - nộp hộ`;
  const keyRow = 6;
  const header = keyRow + 1;
  const sheet = workbook.addWorksheet(sheetName, {
    // A working sheet, wider than a page: printed across pages at full size, the header on each.
    pageSetup: { paperSize: 9, orientation: 'landscape', printTitlesRow: `${header}:${header}` },
    views: [{ state: 'frozen', ySplit: header, xSplit: 3 }],
  });
  const previousLabel = formatPeriod(rules.comparisonPeriod, 'vi');
  const columns: { key: string; header: string; width: number; item?: FormItem; kind?: 'v' | 'e' | 'p' }[] = [
    { key: 'no', header: BULK_HEADERS.no, width: 6 },
    { key: 'project', header: BULK_HEADERS.project, width: 18 },
    { key: 'name', header: BULK_HEADERS.name, width: 34 },
    { key: 'investor', header: BULK_HEADERS.investor, width: 30 },
    { key: 'zone', header: BULK_HEADERS.zone, width: 22 },
    { key: 'status', header: BULK_HEADERS.status, width: 18 },
    ...form.items.map((item) => ({
      key: bulkColumnKey.value(item.indicator),
      header: bulkValueHeader(item),
      width: 18,
      item,
      kind: 'v' as const,
    })),
    ...form.items.map((item) => ({
      key: bulkColumnKey.explanation(item.indicator),
      header: bulkExplanationHeader(item),
      width: 26,
      item,
      kind: 'e' as const,
    })),
    ...form.items.map((item) => ({
      key: bulkColumnKey.previous(item.indicator),
      header: bulkPreviousHeader(item, previousLabel),
      width: 16,
      item,
      kind: 'p' as const,
    })),
    { key: BULK_VERSION_KEY, header: 'version', width: 8 },
  ];
  sheet.columns = columns.map((c) => ({ width: c.width, hidden: c.key === BULK_VERSION_KEY }));
  const last = columns.length - 1;
  const title = (row: number, value: string, style: Partial<ExcelJS.Style> = {}, height?: number) => {
    sheet.mergeCells(row, 1, row, Math.min(last, 14));
    const cell = sheet.getCell(row, 1);
    cell.value = value;
    cell.font = { ...FONT, ...(style.font ?? {}) };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(style.alignment ?? {}) };
    if (height) sheet.getRow(row).height = height;
  };
  title(
    1,
    `${form.shortTitle.vi.toLocaleUpperCase('vi')} — ${form.title.vi.toLocaleUpperCase('vi')} (NỘP HỘ DOANH NGHIỆP)`,
    {
      font: { ...FONT, bold: true, size: 13 },
    },
    24,
  );
  title(2, windowLine(rules, query.period), { font: { ...FONT, italic: true } });
  const zones = [...new Set(entries.map((e) => `${e.project.zoneName} (${e.project.zoneCode})`))];
  title(
    3,
    `Phạm vi: ${zones.join('; ')} — ${entries.length} dự án; tệp lập lúc ${formatDateTime(deps.clock.now())} bởi ${actor.username}.`,
  );
  title(
    4,
    `Mỗi dòng là một dự án phải nộp ${form.shortTitle.vi}. Nhập số liệu vào các ô màu vàng; dòng để trống không được ghi; dòng có báo cáo đã nộp hoặc đã được chấp nhận bị khoá và sẽ được bỏ qua. Số liệu thay đổi quá ±${form.outlierPct} % so với ${previousLabel} cần ghi giải trình khi nộp.`,
    { font: { ...FONT, italic: true, color: { argb: 'FF1F4E79' } } },
    48,
  );
  // The hidden key row: what each column holds, so that the upload never depends on headers or positions.
  columns.forEach((c, i) => {
    sheet.getCell(keyRow, i + 1).value = c.key;
  });
  sheet.getRow(keyRow).hidden = true;
  columns.forEach((c, i) => {
    const cell = sheet.getCell(header, i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true, size: 11 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
    cell.fill = c.kind === 'p' ? LOCKED_FILL : HEADER_FILL;
  });
  sheet.getRow(header).height = 64;
  entries.forEach((entry, index) => {
    const r = header + 1 + index;
    sheet.getRow(r).height = 32;
    const status = entry.filing?.status;
    const editable = status !== 'submitted' && status !== 'accepted';
    const fixed: Record<string, CellValue> = {
      no: index + 1,
      project: entry.project.code,
      name: entry.project.name,
      investor: entry.project.investorName,
      zone: entry.project.zoneCode ?? '',
      status: status ? (STATUS_VI[status] ?? status) : 'Chưa lập',
      [BULK_VERSION_KEY]: entry.filing?.version ?? 0,
    };
    columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 1);
      cell.font = { ...FONT, size: 11 };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (!c.item) {
        cell.value = fixed[c.key] ?? null;
        if (!editable) cell.fill = LOCKED_FILL;
        return;
      }
      const indicator = c.item.indicator;
      if (c.kind === 'p') {
        cell.value = entry.previous?.[indicator] ?? null;
        cell.numFmt = numFmt(c.item);
        cell.fill = LOCKED_FILL;
        return;
      }
      cell.value =
        c.kind === 'v'
          ? (entry.filing?.values[indicator] ?? null)
          : (entry.filing?.explanations[indicator] ?? null);
      if (c.kind === 'v') cell.numFmt = numFmt(c.item);
      if (editable) {
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
        if (c.kind === 'v') cell.dataValidation = cellValidation(c.item);
      } else cell.fill = LOCKED_FILL;
    });
  });
  await sheet.protect('', PROTECTION);
  const keySheet = addKeySheet(workbook, {
    format: BULK_FORMAT,
    formCode: BULK_FORM,
    formVersion: rules.formVersion,
    period: query.period,
    zone: zoneCode ?? '',
    sheet: sheetName,
    generatedAt: deps.clock.now().toISOString(),
  });
  await keySheet.protect('', {});
  const fileName = `Bieu-01_nop-ho_${safeName(query.period)}_${safeName(zoneCode ?? 'cac-cum')}.xlsx`;
  return toFile(workbook, fileName);
}

const reasons = {
  submitted: {
    vi: 'Báo cáo đã nộp, đang chờ cơ quan tiếp nhận xem xét: không ghi đè.',
    en: 'Already submitted and with its reviewer: not overwritten.',
  },
  accepted: {
    vi: 'Báo cáo đã được chấp nhận: không ghi đè (sửa bằng bản sửa đổi trên trang báo cáo của dự án).',
    en: 'Already accepted: not overwritten (correct it as a new revision on the project’s report page).',
  },
  empty: { vi: 'Dòng chưa nhập số liệu: bỏ qua.', en: 'Nothing entered on the row: skipped.' },
  unchanged: {
    vi: 'Số liệu giống bản đã lưu: không có gì thay đổi.',
    en: 'Same figures as saved: nothing changes.',
  },
} satisfies Record<string, LocalizedText>;

export type BulkUploadOptions = { dryRun: boolean; submit?: boolean };

type PlannedRow = BulkRow & {
  entry?: BulkEntry;
  values?: FilingValues;
  explanations?: Record<string, string>;
};

/**
 * The developer's upload: every row is read and checked (dry run: the list of rows OK, bad, skipped); the
 * commit saves (and optionally submits) every row in ONE transaction, or nothing when any row is bad. Rows
 * whose figures equal the saved ones change nothing, so uploading the same file twice writes nothing.
 */
export async function uploadBulkWorkbook(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: BulkUploadOptions,
): Promise<BulkResult> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'report.file')) throw new AppError('forbidden');
  const loaded = await readWorkbook(file);
  const { key } = loaded;
  if (key.format === SINGLE_FORMAT) {
    throw fileProblem(
      'Đây là tệp báo cáo của một doanh nghiệp: hãy tải lên ở trang báo cáo của dự án đó.',
      'This is one reporter’s workbook: upload it on that project’s report page.',
    );
  }
  if (key.format !== BULK_FORMAT || key.formCode !== BULK_FORM || !key.period)
    throw validationError({ file: NOT_OURS });
  const rules = formRules(BULK_FORM, key.period, 'CCN');
  if (key.formVersion !== rules.formVersion) {
    throw fileProblem(
      `Tệp dùng mẫu ${rules.form.shortTitle.vi} phiên bản ${key.formVersion}, nay áp dụng phiên bản ${rules.formVersion}: hãy tải lại tệp mẫu.`,
      `The file uses ${rules.form.shortTitle.en} version ${key.formVersion}; version ${rules.formVersion} applies now: download the template again.`,
    );
  }
  const submit = options.submit === true;
  const grid = gridOf(dataSheet(loaded));
  const parsed = parseBulkSheet(rules.form, grid);
  const entries = new Map(
    (await bulkRoster(deps, actor, rules, key.period, null)).map((e) => [e.project.code, e]),
  );
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  for (const r of parsed.rows) {
    const entry = entries.get(r.projectCode);
    const base: PlannedRow = {
      row: r.row,
      projectCode: r.projectCode,
      projectName: entry?.project.name ?? null,
      zoneCode: entry?.project.zoneCode ?? null,
      action: 'error',
      reason: null,
      filingId: entry?.filing?.id ?? null,
      filingStatus: entry?.filing?.status ?? null,
      problems: [...r.problems],
    };
    planned.push(base);
    const earlier = seen.get(r.projectCode);
    if (earlier !== undefined) {
      base.problems.push(
        rowProblem(grid.name, r.row, 'project', {
          vi: `dự án ${r.projectCode} đã có ở dòng ${earlier}; mỗi dự án một dòng.`,
          en: `project ${r.projectCode} is already on row ${earlier}; one row per project.`,
        }),
      );
      continue;
    }
    seen.set(r.projectCode, r.row);
    if (!entry) {
      base.problems.push(
        rowProblem(grid.name, r.row, 'project', {
          vi: `dự án ${r.projectCode} không phải nộp ${rules.form.shortTitle.vi} kỳ ${formatPeriod(key.period, 'vi')} hoặc không thuộc cụm công nghiệp bạn được nộp hộ.`,
          en: `project ${r.projectCode} does not owe ${rules.form.shortTitle.en} for ${formatPeriod(key.period, 'en')} or is not in a cluster you may file for.`,
        }),
      );
      continue;
    }
    if (base.problems.length) continue;
    const status = entry.filing?.status;
    if (status === 'submitted' || status === 'accepted') {
      base.action = 'skipped';
      base.reason = reasons[status];
      continue;
    }
    if (r.blank) {
      base.action = 'empty';
      base.reason = reasons.empty;
      continue;
    }
    const errors = checkFigures(rules, r.values, r.explanations, {}, submit, entry.previous ?? null);
    const problems = fieldErrorsOnRows(rules.form, grid.name, errors, () => r.row).map((p) => ({
      ...p,
      message: {
        vi: p.message.vi.replace(/^Dòng (\d+): /, `Dòng $1: dự án ${r.projectCode}, `),
        en: p.message.en.replace(/^Row (\d+): /, `Row $1: project ${r.projectCode}, `),
      },
    }));
    base.problems.push(...problems);
    if (problems.some((p) => p.severity === 'error')) continue;
    const same = entry.filing !== undefined && sameFigures(rules.form, r, entry.filing);
    if (same && (status === 'draft' || !submit)) {
      base.action = submit ? 'submit' : 'unchanged';
      base.reason = submit ? null : reasons.unchanged;
    } else {
      // A row typed in by hand has no version: it knew of no filing, so any filing found counts as a change.
      if (await changedByOthers(deps, actor, entry.filing, r.version ?? 0)) {
        base.problems.push(
          rowProblem(grid.name, r.row, 'project', {
            vi: `báo cáo của dự án ${r.projectCode} đã được sửa sau khi tải tệp (có thể do doanh nghiệp tự nộp): tải lại tệp mẫu để không ghi đè số liệu đó.`,
            en: `the report of project ${r.projectCode} changed after the file was downloaded (perhaps filed by the enterprise itself): download the template again so as not to overwrite it.`,
          }),
        );
        continue;
      }
      base.action = submit ? 'save_submit' : 'save';
    }
    base.entry = entry;
    base.values = r.values;
    base.explanations = r.explanations;
  }
  const allProblems = [...parsed.problems, ...planned.flatMap((p) => p.problems)];
  const hasErrors = allProblems.some((p) => p.severity === 'error');
  if (!options.dryRun) {
    if (hasErrors) {
      throw new AppError('import.invalid', {
        errors: allProblems.filter((p) => p.severity === 'error'),
        fields: problemFields(allProblems, (p) => (p.row === null ? (p.field ?? 'file') : `row ${p.row}`)),
      });
    }
    const writes = planned.filter(
      (p) => p.action === 'save' || p.action === 'save_submit' || p.action === 'submit',
    );
    await deps.db.transaction(async (tx) => {
      const inTx = { ...deps, db: tx };
      for (const p of writes) {
        const entry = p.entry!;
        let filing =
          p.action === 'submit'
            ? { id: entry.filing!.id, version: entry.filing!.version }
            : await saveDraft(inTx, {
                formCode: BULK_FORM,
                period: key.period!,
                reporter: { kind: 'project', code: entry.project.code },
                values: p.values!,
                explanations: p.explanations!,
                channel: 'bulk',
                ...(entry.filing ? { version: entry.filing.version } : {}),
              });
        if (p.action !== 'save') filing = await submitFiling(inTx, filing.id, { version: filing.version });
        p.filingId = filing.id;
      }
    });
    const after = await currentFilings(
      deps.db,
      { formCode: BULK_FORM, period: key.period, reporterKind: 'project' },
      writes.map((p) => p.entry!.project.id),
    );
    for (const p of writes) p.filingStatus = after.get(p.entry!.project.id)?.status ?? p.filingStatus;
  }
  const rows: BulkRow[] = planned.map((p) => ({
    row: p.row,
    projectCode: p.projectCode,
    projectName: p.projectName,
    zoneCode: p.zoneCode,
    action: p.problems.some((x) => x.severity === 'error') ? 'error' : p.action,
    reason: p.reason,
    filingId: p.filingId,
    filingStatus: p.filingStatus,
    problems: p.problems,
  }));
  const count = (...actions: BulkRowAction[]) => rows.filter((r) => actions.includes(r.action)).length;
  return {
    formCode: BULK_FORM,
    period: key.period,
    dryRun: options.dryRun,
    submit,
    committed: !options.dryRun,
    rows,
    counts: {
      rows: rows.length,
      save: count('save', 'save_submit'),
      submit: count('save_submit', 'submit'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      empty: count('empty'),
      error: count('error'),
    },
    problems: parsed.problems,
  };
}
