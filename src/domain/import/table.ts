import type { LocalizedText } from '../shared/errors';
import { foldLabel, parseCell, type CellValue, type ColumnDef } from './cells';

/** A sheet as read from a file: the header row and the data rows under it, with their spreadsheet numbers. */
export type RawTable = {
  /** 1-based spreadsheet row of the headers. */
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: CellValue[] }[];
};

/** One problem of an import: the spreadsheet row (1-based, header included) and the column as in the file. */
export type ImportIssue = { row: number; field: string | null; message: LocalizedText };

export type HeaderMap = {
  /** Per column of the file, the definition it fills (null: not ours). */
  columns: (ColumnDef | null)[];
  /** Field → the header text exactly as the file has it. */
  headerOf: Map<string, string>;
  issues: ImportIssue[];
};

/**
 * Matches a file's headers to an entity's columns by the Vietnamese header or the English alternative,
 * ignoring case, diacritics and a trailing "*". An unknown or repeated column is an error (its data
 * would otherwise be silently dropped), and so is a missing key column.
 */
export function matchHeaders(
  headers: readonly string[],
  defs: readonly ColumnDef[],
  headerRow: number,
): HeaderMap {
  const byLabel = new Map<string, ColumnDef>();
  for (const def of defs) {
    byLabel.set(foldLabel(def.vi), def);
    byLabel.set(foldLabel(def.en), def);
  }
  const columns: (ColumnDef | null)[] = [];
  const headerOf = new Map<string, string>();
  const issues: ImportIssue[] = [];
  headers.forEach((raw) => {
    const header = raw.trim();
    if (!header) {
      columns.push(null);
      return;
    }
    const def = byLabel.get(foldLabel(header));
    if (!def) {
      issues.push({
        row: headerRow,
        field: header,
        message: {
          vi: `Cột "${header}" không có trong mẫu nhập; sửa tên cột theo mẫu hoặc xoá cột này.`,
          en: `Column "${header}" is not part of the import template; rename it as in the template or remove it.`,
        },
      });
      columns.push(null);
      return;
    }
    if (headerOf.has(def.field)) {
      issues.push({
        row: headerRow,
        field: header,
        message: {
          vi: `Cột "${header}" trùng với cột "${headerOf.get(def.field)}".`,
          en: `Column "${header}" repeats column "${headerOf.get(def.field)}".`,
        },
      });
      columns.push(null);
      return;
    }
    headerOf.set(def.field, header);
    columns.push(def);
  });
  for (const def of defs) {
    if (def.required === 'always' && !headerOf.has(def.field)) {
      issues.push({
        row: headerRow,
        field: def.vi,
        message: {
          vi: `Thiếu cột bắt buộc "${def.vi}".`,
          en: `The required column "${def.vi}" (${def.en}) is missing.`,
        },
      });
    }
  }
  return { columns, headerOf, issues };
}

/** A data row with the cells of our columns parsed; `present` lists the fields whose column is in the file. */
export type ParsedRow = {
  row: number;
  values: Record<string, unknown>;
  present: ReadonlySet<string>;
  issues: ImportIssue[];
};

/** Parses every cell of every row for its column; a value in a column without a header is an error. */
export function parseRows(table: RawTable, headers: HeaderMap): ParsedRow[] {
  const present = new Set(headers.headerOf.keys());
  return table.rows.map(({ row, cells }) => {
    const values: Record<string, unknown> = {};
    const issues: ImportIssue[] = [];
    cells.forEach((cell, index) => {
      const def = headers.columns[index];
      if (!def) {
        const header = table.headers[index]?.trim();
        if (!header && cell !== null && !(typeof cell === 'string' && cell.trim() === '')) {
          issues.push({
            row,
            field: null,
            message: {
              vi: `Ô ở cột thứ ${index + 1} có dữ liệu nhưng cột không có tiêu đề.`,
              en: `The cell in column ${index + 1} has data but the column has no header.`,
            },
          });
        }
        return;
      }
      const result = parseCell(def.column, cell);
      if (result.ok) values[def.field] = result.value;
      else issues.push({ row, field: headers.headerOf.get(def.field) ?? def.vi, message: result.message });
    });
    // Columns the row is too short for are empty cells.
    for (const field of present) {
      if (!(field in values) && !issues.some((i) => i.field === headers.headerOf.get(field))) {
        const def = headers.columns.find((d) => d?.field === field)!;
        const result = parseCell(def.column, null);
        if (result.ok) values[field] = result.value;
      }
    }
    return { row, values, present, issues };
  });
}

/** The column a field's problem is reported under: the header as in the file, else the template's. */
export function headerForField(field: string, headers: HeaderMap, defs: readonly ColumnDef[]): string {
  const base = field.split('.')[0]!;
  return headers.headerOf.get(base) ?? defs.find((d) => d.field === base)?.vi ?? base;
}
