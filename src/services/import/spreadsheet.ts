import ExcelJS from 'exceljs';
import { allowedText, foldLabel, type CellValue, type ColumnDef } from '../../domain/import/cells';
import { CsvError, parseCsv } from '../../domain/import/csv';
import type { RawTable } from '../../domain/import/table';
import { validationError } from '../../domain/shared/errors';

/**
 * Spreadsheet files in and out: XLSX through exceljs, CSV through the domain's RFC 4180 reader. Reading
 * yields the header row and the non-empty data rows with their spreadsheet row numbers; writing builds the
 * import template and exports (data sheet + "Hướng dẫn" guide sheet).
 */

export type SpreadsheetFile = { name: string; data: Uint8Array };

const fileProblem = (vi: string, en: string) => validationError({ file: { vi, en } });

export function fileFormat(file: SpreadsheetFile): 'xlsx' | 'csv' {
  const name = file.name.toLowerCase();
  const zip = file.data[0] === 0x50 && file.data[1] === 0x4b;
  if (name.endsWith('.xlsx')) {
    if (!zip)
      throw fileProblem(
        'Tệp .xlsx bị hỏng hoặc không phải Excel.',
        'The .xlsx file is damaged or not Excel.',
      );
    return 'xlsx';
  }
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xls')) {
    throw fileProblem(
      'Định dạng Excel 97–2003 (.xls) không được hỗ trợ: trong Excel chọn Lưu thành → Sổ làm việc Excel (.xlsx).',
      'Excel 97–2003 (.xls) is not supported: save the workbook as .xlsx.',
    );
  }
  throw fileProblem('Chỉ nhận tệp .xlsx hoặc .csv.', 'Only .xlsx or .csv files are accepted.');
}

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** An exceljs cell value as a plain cell: rich text joined, formulas by their result, links by their text. */
function plainCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof text === 'string' ? text : plainCell(text as ExcelJS.CellValue);
    }
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return String(value as unknown);
}

/** Recognises the header row (e.g. a row holding the key column's header). */
export type HeaderTest = (cells: readonly CellValue[]) => boolean;

/**
 * The header row is the first of the first 20 non-empty rows that `isHeader` accepts — title rows above
 * it ("DANH SÁCH CỤM CÔNG NGHIỆP…") are skipped — or else the first non-empty row. Empty rows are dropped.
 */
function toTable(rows: { row: number; cells: CellValue[] }[], isHeader?: HeaderTest): RawTable {
  const nonEmpty = rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  let at = isHeader ? nonEmpty.slice(0, 20).findIndex((r) => isHeader(r.cells)) : 0;
  if (at < 0) at = 0;
  const header = nonEmpty[at];
  if (!header) {
    throw fileProblem(
      'Tệp không có dữ liệu (không thấy dòng tiêu đề).',
      'The file is empty (no header row).',
    );
  }
  return {
    headerRow: header.row,
    headers: header.cells.map((c) =>
      c === null ? '' : String(c instanceof Date ? c.toISOString() : c).trim(),
    ),
    rows: nonEmpty.slice(at + 1),
  };
}

async function readXlsx(
  data: Uint8Array,
  sheet: string | undefined,
  isHeader?: HeaderTest,
): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as never);
  } catch (error) {
    throw fileProblem(
      `Không đọc được tệp Excel: ${(error as Error).message}`,
      `The Excel file cannot be read: ${(error as Error).message}`,
    );
  }
  const worksheet = sheet
    ? workbook.worksheets.find((w) => foldLabel(w.name) === foldLabel(sheet))
    : workbook.worksheets[0];
  if (!worksheet) {
    const names = workbook.worksheets.map((w) => `"${w.name}"`).join(', ');
    throw fileProblem(
      sheet ? `Không có trang tính "${sheet}" (các trang: ${names}).` : 'Tệp Excel không có trang tính nào.',
      sheet ? `No sheet "${sheet}" (sheets: ${names}).` : 'The workbook has no sheet.',
    );
  }
  const rows: { row: number; cells: CellValue[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: CellValue[] = [];
    for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
    rows.push({ row: rowNumber, cells });
  });
  return toTable(rows, isHeader);
}

function readCsv(data: Uint8Array, isHeader?: HeaderTest): RawTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw fileProblem(
      'Tệp CSV không ở mã UTF-8: trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)".',
      'The CSV file is not UTF-8: in Excel use Save as → "CSV UTF-8 (Comma delimited)".',
    );
  }
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) {
      throw fileProblem(
        `Tệp CSV lỗi: dấu ngoặc kép mở ở dòng ${error.record} không được đóng.`,
        `Broken CSV: the quote opened in row ${error.record} is never closed.`,
      );
    }
    throw error;
  }
  return toTable(
    records.map((cells, index) => ({ row: index + 1, cells })),
    isHeader,
  );
}

/** Reads the first sheet (or the named one) of an .xlsx, or a .csv, into a table. */
export async function readTable(
  file: SpreadsheetFile,
  options: { sheet?: string; isHeader?: HeaderTest } = {},
): Promise<RawTable> {
  return fileFormat(file) === 'xlsx'
    ? readXlsx(file.data, options.sheet, options.isHeader)
    : readCsv(file.data, options.isHeader);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export type GuideText = { title: string; rules: string[] };

/** Code columns as text (so "00454" keeps its zeros), money grouped, lists wrapped. */
function columnStyle(column: ColumnDef['column']): Partial<ExcelJS.Style> {
  switch (column.type) {
    case 'text':
      return { numFmt: '@' };
    case 'integerText':
      return { numFmt: '#,##0' };
    case 'decimalText':
      return { numFmt: '#,##0.00' };
    case 'list':
      return { alignment: { wrapText: true, vertical: 'top' } };
    default:
      return {};
  }
}

/**
 * A workbook of one entity's sheet — the Vietnamese headers, frozen and bold, sized columns, code columns
 * formatted as text so that "00454" keeps its zeros — with `rows` under it, and a "Hướng dẫn" sheet that
 * explains every column.
 */
export async function entityWorkbook(
  sheetName: string,
  columns: readonly ColumnDef[],
  rows: readonly CellValue[][],
  guide: GuideText,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'IZIS';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = columns.map((c) => ({
    header: c.vi,
    key: c.field,
    width: c.width ?? Math.max(12, c.vi.length + 2),
    style: columnStyle(c.column),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = c.help.meaning;
  });
  for (const row of rows) sheet.addRow(row);

  const help = workbook.addWorksheet('Hướng dẫn', {
    views: [{ state: 'frozen', ySplit: guide.rules.length + 3 }],
  });
  help.columns = [
    { width: 36 },
    { width: 26 },
    { width: 70 },
    { width: 14 },
    { width: 60 },
    { width: 18 },
    { width: 30 },
  ];
  help.addRow([guide.title]).font = { bold: true, size: 14 };
  for (const rule of guide.rules) help.addRow([rule]);
  help.addRow([]);
  const tableHeader = help.addRow([
    'Cột',
    'Tên tiếng Anh (cũng được chấp nhận)',
    'Ý nghĩa',
    'Đơn vị',
    'Giá trị cho phép',
    'Bắt buộc',
    'Ví dụ',
  ]);
  tableHeader.font = { bold: true };
  tableHeader.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const c of columns) {
    const row = help.addRow([
      c.vi,
      c.en,
      c.help.meaning,
      c.help.unit ?? '',
      c.help.allowed ?? allowedText(c.column),
      c.required === 'always' ? 'Có (mọi dòng)' : c.required === 'create' ? 'Có, khi tạo mới' : 'Không',
      c.help.example ?? '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
