import ExcelJS from 'exceljs';
import { allowedText, type CellValue, type ColumnDef } from '../../domain/import/cells';
import type { RawTable } from '../../domain/import/table';
import { AppError, validationError } from '../../domain/shared/errors';
import { defaultImportLimits, megabytes, type ImportLimits } from './import-limits';
import { readInPool, type WorkerAnswer } from './spreadsheet-pool';
import type { ReadRequest, SheetRow } from './spreadsheet-read';

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

/** Recognises the header row (e.g. a row holding the key column's header). */
export type HeaderTest = (cells: readonly CellValue[]) => boolean;

/**
 * The header row is the first of the first 20 non-empty rows that `isHeader` accepts — title rows above
 * it ("DANH SÁCH CỤM CÔNG NGHIỆP…") are skipped — or else the first non-empty row. Empty rows are dropped.
 */
function toTable(rows: SheetRow[], isHeader?: HeaderTest): RawTable {
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

/** Reads the sheet's rows on a pooled thread (off the event loop, heap capped), within the limits. */
async function readRowsInWorker(request: ReadRequest, heapMb: number): Promise<SheetRow[]> {
  let answer: WorkerAnswer;
  try {
    answer = await readInPool(request, heapMb);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw heapExceeded(heapMb);
    throw error;
  }
  if ('rows' in answer) return answer.rows;
  if ('error' in answer) throw new AppError(answer.error.code, answer.error.details);
  throw new Error(`spreadsheet worker: ${answer.failure}`);
}

function heapExceeded(heapMb: number): AppError {
  return new AppError('request.too_large', {
    fields: {
      file: {
        vi: `Tệp quá lớn để đọc trong ${heapMb} MB bộ nhớ dành cho việc nhập (giới hạn IZIS_IMPORT_WORKER_MB); hãy chia thành nhiều tệp.`,
        en: `The file is too large to read within the ${heapMb} MB an import may use (limit IZIS_IMPORT_WORKER_MB); split it.`,
      },
    },
  });
}

/**
 * Reads the first sheet (or the named one) of an .xlsx, or a .csv, into a table: in a worker thread, and
 * refused (413, naming the setting) at the first byte, row or cell past the import limits.
 */
export async function readTable(
  file: SpreadsheetFile,
  options: { sheet?: string; isHeader?: HeaderTest; limits?: ImportLimits } = {},
): Promise<RawTable> {
  const limits = options.limits ?? defaultImportLimits;
  if (file.data.byteLength > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
  const format = fileFormat(file);
  const rows = await readRowsInWorker(
    {
      data: file.data,
      format,
      sheet: options.sheet,
      limits: { maxBytes: limits.maxBytes, maxRows: limits.maxRows, maxCells: limits.maxCells },
    },
    limits.workerHeapMb,
  );
  return toTable(rows, options.isHeader);
}

/** The upload is larger than IZIS_IMPORT_MAX_MB (413). */
export function fileTooLarge(maxBytes: number): AppError {
  return new AppError('request.too_large', {
    fields: {
      file: {
        vi: `Tệp quá lớn: tối đa ${megabytes(maxBytes)} (giới hạn IZIS_IMPORT_MAX_MB).`,
        en: `The file is too large: at most ${megabytes(maxBytes)} (limit IZIS_IMPORT_MAX_MB).`,
      },
    },
  });
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
