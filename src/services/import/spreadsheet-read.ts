import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { foldLabel, type CellValue } from '../../domain/import/cells';
import { CsvError, parseCsv } from '../../domain/import/csv';
import { AppError, validationError } from '../../domain/shared/errors';
import { viCount, type ImportLimits } from './import-limits';
import { precheckXlsx } from './xlsx-precheck';

/**
 * Reading the rows of one sheet out of an upload, within the import limits: an .xlsx is streamed (exceljs's
 * WorkbookReader) and reading stops at the first row or cell past the limit, a .csv stops at the record past
 * it — the file is never parsed whole before it is refused. Runs in the worker (spreadsheet.worker.ts).
 */

export type SheetRow = { row: number; cells: CellValue[] };
export type ReadRequest = {
  data: Uint8Array;
  format: 'xlsx' | 'csv';
  sheet?: string | undefined;
  limits: Pick<ImportLimits, 'maxBytes' | 'maxRows' | 'maxCells'>;
};

const fileProblem = (vi: string, en: string) => validationError({ file: { vi, en } });

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** An exceljs cell value as a plain cell: rich text joined, formulas by their result, links by their text. */
export function plainCell(value: ExcelJS.CellValue | undefined): CellValue {
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

/** Counts rows and non-empty cells as they come; throws (413) at the first past a limit. */
function limiter(limits: ReadRequest['limits']) {
  let rows = 0;
  let cells = 0;
  // The header row and up to 20 title rows above it are not data rows.
  const maxRows = limits.maxRows + 21;
  return (row: SheetRow) => {
    const filled = row.cells.filter((c) => !isBlank(c)).length;
    if (!filled) return false;
    rows++;
    cells += filled;
    if (rows > maxRows) {
      throw new AppError('request.too_large', {
        fields: {
          file: {
            vi: `Tệp có hơn ${viCount(limits.maxRows)} dòng dữ liệu (giới hạn IZIS_IMPORT_MAX_ROWS); hãy chia thành nhiều tệp.`,
            en: `The file has more than ${limits.maxRows} data rows (limit IZIS_IMPORT_MAX_ROWS); split it into several files.`,
          },
        },
      });
    }
    if (cells > limits.maxCells) {
      throw new AppError('request.too_large', {
        fields: {
          file: {
            vi: `Tệp có hơn ${viCount(limits.maxCells)} ô có dữ liệu (giới hạn IZIS_IMPORT_MAX_CELLS); hãy chia thành nhiều tệp.`,
            en: `The file has more than ${limits.maxCells} non-empty cells (limit IZIS_IMPORT_MAX_CELLS); split it into several files.`,
          },
        },
      });
    }
    return true;
  };
}

async function readXlsx(request: ReadRequest): Promise<SheetRow[]> {
  const { maxBytes, maxRows, maxCells } = request.limits;
  await precheckXlsx(request.data, { maxRows, maxCells, maxUnpackedBytes: maxBytes * 50 });
  const count = limiter(request.limits);
  const input = Readable.from([
    Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength),
  ]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers formatted as dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const names: string[] = [];
  const rows: SheetRow[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as unknown as { name?: string }).name ?? '');
      names.push(`"${name}"`);
      if (found || (request.sheet !== undefined && foldLabel(name) !== foldLabel(request.sheet))) {
        // Read through a sheet that is not wanted: exceljs keeps it in a temporary file and deletes that file as
        // soon as the loop moves on, while the file's stream is still opening — an ENOENT thrown later, on no
        // one's stack, which ended the reading thread and failed the next import it ran.
        for await (const _row of worksheet) {
          // skipped (precheckXlsx has bounded every sheet's rows)
        }
        continue;
      }
      found = true;
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        const sheetRow = { row: row.number, cells };
        if (count(sheetRow)) rows.push(sheetRow);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileProblem(
      `Không đọc được tệp Excel: ${(error as Error).message}`,
      `The Excel file cannot be read: ${(error as Error).message}`,
    );
  }
  if (!found) {
    throw fileProblem(
      request.sheet
        ? `Không có trang tính "${request.sheet}" (các trang: ${names.join(', ')}).`
        : 'Tệp Excel không có trang tính nào.',
      request.sheet
        ? `No sheet "${request.sheet}" (sheets: ${names.join(', ')}).`
        : 'The workbook has no sheet.',
    );
  }
  return rows;
}

function readCsv(request: ReadRequest): SheetRow[] {
  const count = limiter(request.limits);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(request.data);
  } catch {
    throw fileProblem(
      'Tệp CSV không ở mã UTF-8: trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)".',
      'The CSV file is not UTF-8: in Excel use Save as → "CSV UTF-8 (Comma delimited)".',
    );
  }
  let records: string[][];
  try {
    // Empty lines are records too: read a little past the row limit, then let the limiter decide.
    records = parseCsv(text, { maxRecords: request.limits.maxRows * 2 + 100 });
  } catch (error) {
    if (error instanceof CsvError) {
      throw fileProblem(
        `Tệp CSV lỗi: dấu ngoặc kép mở ở dòng ${error.record} không được đóng.`,
        `Broken CSV: the quote opened in row ${error.record} is never closed.`,
      );
    }
    throw error;
  }
  const rows: SheetRow[] = [];
  records.forEach((cells, index) => {
    const row = { row: index + 1, cells };
    if (count(row)) rows.push(row);
  });
  return rows;
}

/** The non-empty rows of the sheet, with their spreadsheet row numbers. */
export async function readSheetRows(request: ReadRequest): Promise<SheetRow[]> {
  return request.format === 'xlsx' ? readXlsx(request) : readCsv(request);
}
