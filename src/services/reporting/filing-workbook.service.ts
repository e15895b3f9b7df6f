import ExcelJS from 'exceljs';
import { formatDateTime } from '../../domain/format/format';
import type { CellValue } from '../../domain/import/cells';
import { hasPermission } from '../../domain/identity/roles';
import {
  BULK_FORMAT,
  fieldErrorsOnRows,
  itemLabel,
  itemUnit,
  parseSingleSheet,
  problemFields,
  sameFigures,
  SINGLE_COLUMNS,
  SINGLE_FORMAT,
  SINGLE_HEADERS,
  type WorkbookUploadResult,
} from '../../domain/reporting/filing-workbook';
import { formatPeriod } from '../../domain/reporting/periods';
import { AppError, validationError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { type SpreadsheetFile } from '../import/spreadsheet';
import { canFile, filesOnBehalf } from './filing.policy';
import { findFilingByKey, findReporter, type ReporterKind } from './filing.repository';
import { acceptedFigures, currentFilings, reporterNames } from './filing-workbook.repository';
import { getFiling, saveDraft, submitFiling } from './filing.service';
import { filingContext, formRules } from './forms';
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
 * Filing by Excel. A reporter downloads its own form for a period as a workbook in the form's layout (previous
 * accepted figures beside the cells to fill, the current draft filled in, everything else locked, a hidden key
 * naming form, version, period and reporter) and uploads it back; a developer downloads one workbook with a row
 * per tenant project of its clusters that owes Biểu 01 and files them all at once. Uploads are read cell by
 * cell, checked with the web form's own rules (domain/reporting/validation.ts) and saved through `saveDraft` /
 * `submitFiling` — the same authorization, audit and concurrency as the web form.
 */
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
