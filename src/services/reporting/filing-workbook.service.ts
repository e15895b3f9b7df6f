import ExcelJS from 'exceljs';
import { formatDate, formatDateTime, formatNumber } from '../../domain/format/format';
import type { CellValue } from '../../domain/import/cells';
import { hasPermission, type Actor } from '../../domain/identity/roles';
import type { ProjectFacts, ZoneFacts } from '../../domain/reporting/facts';
import {
  BULK_FORMAT,
  BULK_HEADERS,
  BULK_VERSION_KEY,
  bulkColumnKey,
  bulkExplanationHeader,
  bulkPreviousHeader,
  bulkValueHeader,
  fieldErrorsOnRows,
  itemLabel,
  itemUnit,
  KEY_SHEET,
  parseBulkSheet,
  parseSingleSheet,
  problemFields,
  rowProblem,
  sameFigures,
  SINGLE_COLUMNS,
  SINGLE_FORMAT,
  SINGLE_HEADERS,
  type BulkResult,
  type BulkRow,
  type BulkRowAction,
  type SheetGrid,
  type WorkbookUploadResult,
} from '../../domain/reporting/filing-workbook';
import type { FormItem } from '../../domain/reporting/form-types';
import { indicatorOf } from '../../domain/reporting/indicators';
import { obligationsFor } from '../../domain/reporting/obligations';
import { formatPeriod } from '../../domain/reporting/periods';
import {
  compareWithPrevious,
  unexplainedOutliers,
  validateFiling,
  type FieldError,
  type FilingValues,
} from '../../domain/reporting/validation';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { fileFormat, type SpreadsheetFile } from '../import/spreadsheet';
import { canFile, filesOnBehalf } from './filing.policy';
import { findFilingByKey, findReporter, type ReporterKind } from './filing.repository';
import {
  acceptedFigures,
  currentFilings,
  lastWriter,
  loadTenantProjects,
  reporterNames,
  zoneExists,
  type CurrentFiling,
  type RosterProject,
} from './filing-workbook.repository';
import { getFiling, saveDraft, submitFiling } from './filing.service';
import { filingContext, formRules, type FormRules } from './forms';

/**
 * Filing by Excel. A reporter downloads its own form for a period as a workbook in the form's layout (previous
 * accepted figures beside the cells to fill, the current draft filled in, everything else locked, a hidden key
 * naming form, version, period and reporter) and uploads it back; a developer downloads one workbook with a row
 * per tenant project of its clusters that owes Biểu 01 and files them all at once. Uploads are read cell by
 * cell, checked with the web form's own rules (domain/reporting/validation.ts) and saved through `saveDraft` /
 * `submitFiling` — the same authorization, audit and concurrency as the web form.
 */

export type WorkbookFile = { fileName: string; body: Uint8Array };

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

const STATUS_VI: Record<string, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã nộp — chờ xem xét',
  returned: 'Bị trả lại — cần sửa',
  accepted: 'Đã được chấp nhận',
};

const fileProblem = (vi: string, en: string) => validationError({ file: { vi, en } });
const safeName = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');

function numFmt(item: FormItem): string {
  const decimals = indicatorOf(item.indicator).decimals;
  return decimals > 0 ? `#,##0.${'#'.repeat(decimals)}` : '#,##0';
}

/** Excel's own check on a value cell (a first line of defence; the upload checks again). */
function cellValidation(item: FormItem): ExcelJS.DataValidation {
  const indicator = indicatorOf(item.indicator);
  const min = Math.max(indicator.min, item.min ?? -Infinity);
  const max = Math.min(indicator.max, item.max ?? Infinity);
  const whole = indicator.valueType !== 'decimal';
  return {
    type: whole ? 'whole' : 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Số liệu không hợp lệ',
    error:
      indicator.valueType === 'flag'
        ? 'Chỉ nhận 1 (có) hoặc 0 (không).'
        : `Nhập ${whole ? 'số nguyên' : 'số'} từ ${formatNumber(min)} đến ${formatNumber(max)}.`,
  };
}

function addKeySheet(workbook: ExcelJS.Workbook, key: Record<string, string | number>) {
  const sheet = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' });
  for (const [name, value] of Object.entries(key)) sheet.addRow([name, String(value)]);
  return sheet;
}

async function toFile(workbook: ExcelJS.Workbook, fileName: string): Promise<WorkbookFile> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, body: new Uint8Array(buffer as ArrayBuffer) };
}

function windowLine(rules: FormRules, period: string): string {
  return `Kỳ báo cáo: ${formatPeriod(period, 'vi')} (số liệu từ ngày ${formatDate(rules.window.start)} đến ngày ${formatDate(rules.window.end)}) — hạn nộp: ${formatDate(rules.dueDate)}.`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading uploads

/** An exceljs cell as a plain value: rich text joined, formulas by their result. */
function plainCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value as unknown);
}

function gridOf(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: { row: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: CellValue[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return { name: sheet.name, rows };
}

type LoadedWorkbook = { workbook: ExcelJS.Workbook; key: Record<string, string> };

const NOT_OURS = {
  vi: 'Tệp không phải mẫu báo cáo tải từ IZIS (không thấy khoá của mẫu). Hãy tải tệp mẫu trên trang báo cáo, điền số liệu rồi tải lên lại.',
  en: 'The file is not a report template downloaded from IZIS (its key is missing). Download the template from the report page, fill it in and upload it.',
};

async function readWorkbook(file: SpreadsheetFile): Promise<LoadedWorkbook> {
  if (fileFormat(file) !== 'xlsx') {
    throw fileProblem(
      'Chỉ nhận tệp Excel (.xlsx) tải từ hệ thống.',
      'Only the Excel (.xlsx) template from the system is accepted.',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength) as never,
    );
  } catch (error) {
    throw fileProblem(
      `Không đọc được tệp Excel: ${(error as Error).message}`,
      `The Excel file cannot be read: ${(error as Error).message}`,
    );
  }
  const keySheet = workbook.getWorksheet(KEY_SHEET);
  if (!keySheet) throw validationError({ file: NOT_OURS });
  const key: Record<string, string> = {};
  keySheet.eachRow((row) => {
    const name = plainCell(row.getCell(1).value);
    const value = plainCell(row.getCell(2).value);
    if (name !== null) key[String(name)] = value === null ? '' : String(value);
  });
  return { workbook, key };
}

function dataSheet(loaded: LoadedWorkbook): ExcelJS.Worksheet {
  const sheet =
    (loaded.key.sheet ? loaded.workbook.getWorksheet(loaded.key.sheet) : undefined) ??
    loaded.workbook.worksheets.find((w) => w.name !== KEY_SHEET);
  if (!sheet) throw validationError({ file: NOT_OURS });
  return sheet;
}

/**
 * Whether the filing changed since the workbook was made, by someone else: then the upload would overwrite
 * figures its author never saw (the web form's 409). Changes the uploader made themselves do not count, so a
 * corrected file can be uploaded again.
 */
async function changedByOthers(
  deps: ServiceDeps,
  actor: Actor,
  current: { id: string; version: number } | undefined,
  versionInFile: number | null,
): Promise<boolean> {
  if (!current || versionInFile === null || current.version === versionInFile) return false;
  return (await lastWriter(deps.db, current.id)) !== actor.userId;
}

function checkFigures(
  rules: FormRules,
  values: FilingValues,
  explanations: Record<string, string>,
  context: Record<string, number | null>,
  submit: boolean,
  previous: FilingValues | null,
): FieldError[] {
  const errors = validateFiling(rules.form, values, context, submit ? 'submit' : 'draft');
  if (!submit) return errors;
  const label = formatPeriod(rules.comparisonPeriod, 'vi');
  const labelEn = formatPeriod(rules.comparisonPeriod, 'en');
  return [
    ...errors,
    ...unexplainedOutliers(
      compareWithPrevious(rules.form, values, previous, {
        explanations,
        previousLabel: { vi: label, en: labelEn },
      }),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The reporter's workbook

export type TemplateQuery = { formCode: string; period: string; kind: ReporterKind; code: string };

/** The workbook of one reporter's form for a period, with the current draft's figures filled in. */
export async function filingWorkbook(deps: ServiceDeps, query: TemplateQuery): Promise<WorkbookFile> {
  const actor = requireActor(deps);
  const reporter = await findReporter(deps.db, query.kind, query.code);
  if (!reporter || !canFile(actor, reporter)) throw new AppError('not_found');
  const rules = formRules(query.formCode, query.period, reporter.family);
  const form = rules.form;
  const key = {
    formCode: query.formCode,
    period: query.period,
    reporterKind: reporter.kind,
    reporterRef: reporter.ref,
  };
  const filing = await findFilingByKey(deps.db, key);
  const current = filing ? (await currentFilings(deps.db, key, [reporter.ref])).get(reporter.ref) : undefined;
  const previous = (
    await acceptedFigures(deps.db, { ...key, period: rules.comparisonPeriod }, [reporter.ref])
  ).get(reporter.ref);
  const names = await reporterNames(deps.db, reporter.kind, reporter.ref);
  const editable = !filing || filing.status !== 'submitted';

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheetName = form.shortTitle.vi;
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 10 }],
  });
  sheet.columns = [
    { width: 7 },
    { width: 50 },
    { width: 22 },
    { width: 20 },
    { width: 20 },
    { width: 44 },
    { width: 18, hidden: true },
  ];
  const put = (row: number, col: number, value: CellValue, style: Partial<ExcelJS.Style> = {}) => {
    const cell = sheet.getCell(row, col);
    cell.value = value;
    cell.font = { ...FONT, ...(style.font ?? {}) };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(style.alignment ?? {}) };
    if (style.border) cell.border = style.border;
    if (style.numFmt) cell.numFmt = style.numFmt;
    if (style.fill) cell.fill = style.fill;
    return cell;
  };
  const line = (row: number, value: string, style: Partial<ExcelJS.Style> = {}, height?: number) => {
    sheet.mergeCells(row, 1, row, 6);
    put(row, 1, value, style);
    if (height) sheet.getRow(row).height = height;
  };
  sheet.mergeCells(1, 1, 1, 3);
  put(1, 1, (names.organisationName ?? reporter.name).toLocaleUpperCase('vi'), {
    font: { ...FONT, bold: true },
  });
  sheet.mergeCells(1, 4, 1, 6);
  put(1, 4, form.shortTitle.vi.replace('Biểu', 'Biểu số'), {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'right' },
  });
  sheet.mergeCells(2, 4, 2, 6);
  put(2, 4, `Ban hành kèm theo ${form.legalBasis.split(',')[0]}`, {
    font: { ...FONT, italic: true, size: 10 },
    alignment: { horizontal: 'right' },
  });
  line(
    3,
    form.title.vi.toLocaleUpperCase('vi'),
    {
      font: { ...FONT, bold: true, size: 13 },
      alignment: { horizontal: 'center' },
    },
    36,
  );
  line(4, windowLine(rules, query.period), {
    font: { ...FONT, italic: true },
    alignment: { horizontal: 'center' },
  });
  line(
    5,
    reporter.kind === 'project'
      ? `Tên dự án: ${reporter.name} (mã ${reporter.code}) — Cụm công nghiệp: ${names.zoneName} (mã ${names.zoneCode}).`
      : `Cụm công nghiệp: ${reporter.name} (mã ${reporter.code}) — Chủ đầu tư hạ tầng: ${names.organisationName ?? '—'}.`,
  );
  const onBehalf = filesOnBehalf(actor, reporter)
    ? ` Người lập: ${actor.username} (chủ đầu tư hạ tầng cụm, nộp hộ doanh nghiệp).`
    : '';
  line(
    6,
    (filing
      ? `Tình trạng: ${STATUS_VI[filing.status] ?? filing.status}, bản số ${filing.currentRevision}; tệp lập lúc ${formatDateTime(deps.clock.now())}.`
      : `Tình trạng: chưa lập báo cáo; tệp lập lúc ${formatDateTime(deps.clock.now())}.`) + onBehalf,
  );
  line(
    7,
    editable
      ? `Nhập số liệu vào các ô màu vàng (cột “${SINGLE_HEADERS.value}”); các ô khác đã khoá. Số thập phân viết bằng dấu phẩy (ví dụ 12,5). Số liệu thay đổi quá ±${form.outlierPct} % so với kỳ so sánh cần ghi giải trình. Lưu tệp dạng .xlsx rồi tải lên trên trang báo cáo.`
      : 'Báo cáo đang chờ cơ quan tiếp nhận xem xét: tệp này chỉ để xem, không tải lên được.',
    { font: { ...FONT, italic: true, color: { argb: editable ? 'FF1F4E79' : 'FFC00000' } } },
    48,
  );
  // Merged cells do not grow with their text: the heights are set.
  for (const [r, h] of [
    [1, 20],
    [4, 22],
    [5, 36],
    [6, 22],
  ] as const)
    sheet.getRow(r).height = h;
  const header = 9;
  const previousLabel = `Kỳ so sánh: ${formatPeriod(rules.comparisonPeriod, 'vi')} (đã chấp nhận)`;
  [
    SINGLE_HEADERS.no,
    SINGLE_HEADERS.label,
    SINGLE_HEADERS.unit,
    previousLabel,
    SINGLE_HEADERS.value,
    SINGLE_HEADERS.explanation,
    'key',
  ].forEach((text, i) =>
    put(header, i + 1, text, {
      font: { ...FONT, bold: true },
      alignment: { horizontal: 'center' },
      border: BORDER,
      fill: HEADER_FILL,
    }),
  );
  sheet.getRow(header).height = 48;
  ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'].forEach((text, i) =>
    put(header + 1, i + 1, text, {
      font: { ...FONT, italic: true, size: 10 },
      alignment: { horizontal: 'center' },
      border: BORDER,
    }),
  );
  let row = header + 2;
  for (const item of form.items) {
    put(row, SINGLE_COLUMNS.no, item.no, { alignment: { horizontal: 'center' }, border: BORDER });
    put(row, SINGLE_COLUMNS.label, itemLabel(item).vi + (item.required ? ' *' : ''), {
      font: { ...FONT, italic: item.level === 1 },
      border: BORDER,
    });
    put(row, SINGLE_COLUMNS.unit, itemUnit(item).vi, { alignment: { horizontal: 'center' }, border: BORDER });
    put(row, SINGLE_COLUMNS.previous, previous?.[item.indicator] ?? null, {
      alignment: { horizontal: 'right' },
      border: BORDER,
      numFmt: numFmt(item),
      fill: LOCKED_FILL,
    });
    const value = put(row, SINGLE_COLUMNS.value, current?.values[item.indicator] ?? null, {
      alignment: { horizontal: 'right' },
      border: BORDER,
      numFmt: numFmt(item),
      ...(editable ? { fill: INPUT_FILL } : {}),
    });
    const explanation = put(row, SINGLE_COLUMNS.explanation, current?.explanations[item.indicator] ?? null, {
      border: BORDER,
      ...(editable ? { fill: INPUT_FILL } : {}),
    });
    if (editable) {
      value.protection = { locked: false };
      explanation.protection = { locked: false };
      value.dataValidation = cellValidation(item);
    }
    put(row, SINGLE_COLUMNS.key, item.indicator);
    sheet.getRow(row).height = 30;
    row += 1;
  }
  put(row, 1, '* Chỉ tiêu bắt buộc (ghi 0 nếu không có).', { font: { ...FONT, italic: true, size: 10 } });
  sheet.mergeCells(row, 1, row, 3);
  sheet.mergeCells(row + 2, 5, row + 2, 6);
  put(row + 2, 5, 'NGƯỜI ĐẠI DIỆN THEO PHÁP LUẬT', {
    font: { ...FONT, bold: true },
    alignment: { horizontal: 'center' },
  });
  sheet.mergeCells(row + 3, 5, row + 3, 6);
  put(row + 3, 5, '(Ký, ghi rõ họ tên, đóng dấu)', {
    font: { ...FONT, italic: true },
    alignment: { horizontal: 'center' },
  });
  await sheet.protect('', PROTECTION);

  const keySheet = addKeySheet(workbook, {
    format: SINGLE_FORMAT,
    formCode: query.formCode,
    formVersion: rules.formVersion,
    period: query.period,
    reporterKind: reporter.kind,
    reporterCode: reporter.code,
    filingVersion: filing?.version ?? 0,
    sheet: sheetName,
    generatedAt: deps.clock.now().toISOString(),
  });
  await keySheet.protect('', {});
  const fileName = `${safeName(form.shortTitle.vi.replace('Biểu', 'Bieu'))}_${safeName(query.period)}_${safeName(reporter.code)}.xlsx`;
  return toFile(workbook, fileName);
}

export type WorkbookUploadOptions = {
  submit?: boolean;
  /** The filing the page shows; a workbook of another one is refused. */
  expect?: {
    formCode?: string | undefined;
    period?: string | undefined;
    kind?: string | undefined;
    code?: string | undefined;
  };
};

/**
 * Reads the reporter's filled workbook, checks it with the web form's rules and saves it as the draft (and,
 * with `submit`, submits it). Every problem names its sheet row and the item in Vietnamese; with any problem
 * nothing is saved. A workbook of a reporter the user may not file for is refused whatever it contains.
 */
export async function uploadFilingWorkbook(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: WorkbookUploadOptions = {},
): Promise<WorkbookUploadResult> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'report.file')) throw new AppError('forbidden');
  const loaded = await readWorkbook(file);
  const { key } = loaded;
  if (key.format === BULK_FORMAT) {
    throw fileProblem(
      'Đây là tệp nộp hộ nhiều doanh nghiệp: hãy tải lên ở trang “Nộp hộ doanh nghiệp”.',
      'This is a bulk workbook for many enterprises: upload it on the “File for tenants” page.',
    );
  }
  if (key.format !== SINGLE_FORMAT || !key.formCode || !key.period || !key.reporterCode)
    throw validationError({ file: NOT_OURS });
  const kind: ReporterKind = key.reporterKind === 'zone' ? 'zone' : 'project';
  const expect = options.expect ?? {};
  const mismatch =
    (expect.formCode && expect.formCode !== key.formCode) ||
    (expect.period && expect.period !== key.period) ||
    (expect.kind && expect.kind !== kind) ||
    (expect.code && expect.code !== key.reporterCode);
  if (mismatch) {
    throw fileProblem(
      `Tệp là ${key.formCode === 'B01' || key.formCode === 'B02' ? `Biểu ${key.formCode.slice(1)}` : key.formCode} kỳ ${key.period} của ${key.reporterCode}, không phải báo cáo đang mở (${expect.formCode ?? ''} kỳ ${expect.period ?? ''} của ${expect.code ?? ''}).`,
      `The file is ${key.formCode} for ${key.period} of ${key.reporterCode}, not the report open on this page (${expect.formCode ?? ''} for ${expect.period ?? ''} of ${expect.code ?? ''}).`,
    );
  }
  const reporter = await findReporter(deps.db, kind, key.reporterCode);
  if (!reporter || !canFile(actor, reporter)) {
    // The same answer whether the reporter exists or not: nothing is revealed beyond what the file says.
    throw new AppError('forbidden', {
      fields: {
        file: {
          vi: `Tệp này là báo cáo của ${kind === 'project' ? 'dự án' : 'cụm'} ${key.reporterCode}: tài khoản của bạn không được nộp báo cáo này.`,
          en: `This file is the report of ${kind === 'project' ? 'project' : 'cluster'} ${key.reporterCode}: your account may not file it.`,
        },
      },
    });
  }
  const rules = formRules(key.formCode, key.period, reporter.family);
  if (key.formVersion !== rules.formVersion) {
    throw fileProblem(
      `Tệp dùng mẫu ${rules.form.shortTitle.vi} phiên bản ${key.formVersion}, nay áp dụng phiên bản ${rules.formVersion}: hãy tải lại tệp mẫu.`,
      `The file uses ${rules.form.shortTitle.en} version ${key.formVersion}; version ${rules.formVersion} applies now: download the template again.`,
    );
  }
  const grid = gridOf(dataSheet(loaded));
  const parsed = parseSingleSheet(rules.form, grid);
  if (parsed.problems.length) {
    throw new AppError('validation', {
      fields: problemFields(parsed.problems),
      errors: parsed.problems,
    });
  }
  const submit = options.submit === true;
  const filingKey = {
    formCode: key.formCode,
    period: key.period,
    reporterKind: reporter.kind,
    reporterRef: reporter.ref,
  };
  const previous = submit
    ? ((await acceptedFigures(deps.db, { ...filingKey, period: rules.comparisonPeriod }, [reporter.ref])).get(
        reporter.ref,
      ) ?? null)
    : null;
  const context = await filingContext(deps.db, rules.form, reporter.zoneId);
  const errors = checkFigures(rules, parsed.values, parsed.explanations, context, submit, previous);
  const problems = fieldErrorsOnRows(rules.form, grid.name, errors, (item) => parsed.rowOf[item] ?? null);
  const blocking = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  if (blocking.length) {
    throw new AppError('validation', { fields: problemFields(blocking), errors: problems });
  }
  const existing = await findFilingByKey(deps.db, filingKey);
  const current = existing
    ? (await currentFilings(deps.db, filingKey, [reporter.ref])).get(reporter.ref)
    : undefined;
  if (existing?.status === 'submitted') {
    throw fileProblem(
      'Báo cáo đang chờ cơ quan tiếp nhận xem xét; chỉ sửa được khi bị trả lại hoặc sau khi đã được chấp nhận (tạo bản sửa đổi).',
      'The report is with its reviewer; it can be corrected once returned, or after acceptance as a new revision.',
    );
  }
  const figures = { values: parsed.values, explanations: parsed.explanations };
  const same = current !== undefined && sameFigures(rules.form, figures, current);
  // Equal figures: nothing to write (no new revision); a draft may still be submitted as it is.
  if (existing && current && same && (existing.status === 'draft' || !submit)) {
    if (submit && existing.status === 'draft') {
      const filing = await submitFiling(deps, existing.id, { version: existing.version });
      return { filing, changed: false, submitted: true, warnings };
    }
    return { filing: await getFiling(deps, existing.id), changed: false, submitted: false, warnings };
  }
  const versionInFile = Number(key.filingVersion) || 0;
  if (await changedByOthers(deps, actor, existing, versionInFile)) {
    throw new AppError('conflict', {
      current: existing ? await getFiling(deps, existing.id) : null,
      fields: {
        file: {
          vi: 'Báo cáo đã được người khác sửa sau khi bạn tải tệp mẫu: hãy tải lại tệp mẫu (có số liệu mới nhất), điền lại rồi tải lên.',
          en: 'Someone else changed the report after you downloaded the template: download it again (with the latest figures), fill it in and upload it.',
        },
      },
    });
  }
  let filing = await saveDraft(deps, {
    formCode: key.formCode,
    period: key.period,
    reporter: { kind: reporter.kind, code: reporter.code },
    values: parsed.values,
    explanations: parsed.explanations,
    channel: 'excel',
    ...(existing ? { version: existing.version } : {}),
  });
  if (submit) filing = await submitFiling(deps, filing.id, { version: filing.version });
  return { filing, changed: true, submitted: submit, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Bulk: a row per tenant project owing Biểu 01

const BULK_FORM = 'B01';

type BulkEntry = {
  project: RosterProject;
  filing: CurrentFiling | undefined;
  previous: FilingValues | undefined;
};

/** Minimal registry facts for the obligation rule of Biểu 01 (a tenant project's status in a cluster). */
function owing(period: string, projects: readonly RosterProject[]): Set<string> {
  const zones = new Map<string, ZoneFacts>();
  for (const p of projects) {
    if (zones.has(p.zoneId)) continue;
    zones.set(p.zoneId, {
      id: p.zoneId,
      code: p.zoneCode ?? '',
      name: p.zoneName,
      kind: p.zoneKind as ZoneFacts['kind'],
      ccnType: null,
      communeId: null,
      formerDistrictId: null,
      developerOrgId: null,
      developerOwnership: null,
      planEntries: [],
      areaHa: null,
      industrialLandHa: null,
      leasedHa: null,
      approvedHa: null,
      infraInvestmentApprovedVnd: null,
      infraInvestmentPaidVnd: null,
      wwtpStatus: null,
      lifecycle: [],
    });
  }
  const facts: ProjectFacts[] = projects.map((p) => ({
    id: p.id,
    code: p.code,
    zoneId: p.zoneId,
    investorOrgId: p.investorId,
    investorIsFdi: false,
    status: p.status as ProjectFacts['status'],
  }));
  const { obligations } = obligationsFor({
    period,
    zones: [...zones.values()],
    projects: facts,
    province: { department: 'department', management_board: 'management_board' },
    forms: [BULK_FORM],
  });
  return new Set(obligations.map((o) => o.reporter.id));
}

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
  const owes = owing(period, projects);
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
