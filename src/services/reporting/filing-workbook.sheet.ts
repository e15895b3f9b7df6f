import ExcelJS from 'exceljs';
import { formatDate, formatNumber } from '../../domain/format/format';
import type { CellValue } from '../../domain/import/cells';
import { type Actor } from '../../domain/identity/roles';
import { KEY_SHEET, type SheetGrid } from '../../domain/reporting/filing-workbook';
import type { FormItem } from '../../domain/reporting/form-types';
import { indicatorOf } from '../../domain/reporting/indicators';
import { formatPeriod } from '../../domain/reporting/periods';
import {
  compareWithPrevious,
  unexplainedOutliers,
  validateFiling,
  type FieldError,
  type FilingValues,
} from '../../domain/reporting/validation';
import { validationError } from '../../domain/shared/errors';
import { type ServiceDeps } from '../deps';
import { fileFormat, type SpreadsheetFile } from '../import/spreadsheet';
import { precheckXlsx } from '../import/xlsx-precheck';
import { lastWriter } from './filing-workbook.repository';
import { type FormRules } from './forms';

/**
 * The workbook side of filing by Excel, shared by a reporter's own form (`filing-workbook.service.ts`) and a
 * developer's bulk sheet (`filing-bulk.service.ts`): styles, the hidden key sheet, reading an upload back into
 * cells, and the checks both run before saving.
 */
export type WorkbookFile = { fileName: string; body: Uint8Array };

export const FONT = { name: 'Times New Roman', size: 12 };
export const THIN = { style: 'thin' as const };
export const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
export const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

export const STATUS_VI: Record<string, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã nộp — chờ xem xét',
  returned: 'Bị trả lại — cần sửa',
  accepted: 'Đã được chấp nhận',
};

export const fileProblem = (vi: string, en: string) => validationError({ file: { vi, en } });
export const safeName = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');

export function numFmt(item: FormItem): string {
  const decimals = indicatorOf(item.indicator).decimals;
  return decimals > 0 ? `#,##0.${'#'.repeat(decimals)}` : '#,##0';
}

/** Excel's own check on a value cell (a first line of defence; the upload checks again). */
export function cellValidation(item: FormItem): ExcelJS.DataValidation {
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

export function addKeySheet(workbook: ExcelJS.Workbook, key: Record<string, string | number>) {
  const sheet = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' });
  for (const [name, value] of Object.entries(key)) sheet.addRow([name, String(value)]);
  return sheet;
}

export async function toFile(workbook: ExcelJS.Workbook, fileName: string): Promise<WorkbookFile> {
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName, body: new Uint8Array(buffer as ArrayBuffer) };
}

export function windowLine(rules: FormRules, period: string): string {
  return `Kỳ báo cáo: ${formatPeriod(period, 'vi')} (số liệu từ ngày ${formatDate(rules.window.start)} đến ngày ${formatDate(rules.window.end)}) — hạn nộp: ${formatDate(rules.dueDate)}.`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading uploads

/** An exceljs cell as a plain value: rich text joined, formulas by their result. */
export function plainCell(value: ExcelJS.CellValue | undefined): CellValue {
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

export function gridOf(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: { row: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: CellValue[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return { name: sheet.name, rows };
}

export type LoadedWorkbook = { workbook: ExcelJS.Workbook; key: Record<string, string> };

export const NOT_OURS = {
  vi: 'Tệp không phải mẫu báo cáo tải từ IZIS (không thấy khoá của mẫu). Hãy tải tệp mẫu trên trang báo cáo, điền số liệu rồi tải lên lại.',
  en: 'The file is not a report template downloaded from IZIS (its key is missing). Download the template from the report page, fill it in and upload it.',
};

/** Bounds of an uploaded report workbook (one reporter's form, or a developer's tenants): far above real ones. */
const WORKBOOK_LIMITS = { maxRows: 20_000, maxCells: 1_000_000, maxUnpackedBytes: 40 * 1024 * 1024 };

export async function readWorkbook(file: SpreadsheetFile): Promise<LoadedWorkbook> {
  if (fileFormat(file) !== 'xlsx') {
    throw fileProblem(
      'Chỉ nhận tệp Excel (.xlsx) tải từ hệ thống.',
      'Only the Excel (.xlsx) template from the system is accepted.',
    );
  }
  // A report workbook is small: refuse a zip bomb or a sheet of a hundred thousand rows before loading it.
  await precheckXlsx(file.data, WORKBOOK_LIMITS, {
    rows: 'của mẫu báo cáo: 20.000 dòng',
    cells: 'của mẫu báo cáo: 1.000.000 ô',
    unpacked: 'của mẫu báo cáo: 40 MB',
  });
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

export function dataSheet(loaded: LoadedWorkbook): ExcelJS.Worksheet {
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
export async function changedByOthers(
  deps: ServiceDeps,
  actor: Actor,
  current: { id: string; version: number } | undefined,
  versionInFile: number | null,
): Promise<boolean> {
  if (!current || versionInFile === null || current.version === versionInFile) return false;
  return (await lastWriter(deps.db, current.id)) !== actor.userId;
}

export function checkFigures(
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
