import { formatCell, formatCsvCell, type ColumnDef } from '../../domain/import/cells';
import { writeCsv } from '../../domain/import/csv';
import { formatDate } from '../../domain/format/format';
import { entityWorkbook, type GuideText } from './spreadsheet';

/**
 * Registry lists as files: XLSX (the template's sheet with the rows under it, and its guide) or CSV (UTF-8
 * with BOM), always with the import columns, so an exported file edited in Excel imports back.
 */

export type ExportFormat = 'xlsx' | 'csv' | 'geojson';

export type ExportFile = { fileName: string; contentType: string; body: Uint8Array | string; count: number };

export const exportContentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Records (objects keyed by the columns' fields) as an XLSX or CSV file with those columns. */
export async function sheetExport<T extends object>(options: {
  format: 'xlsx' | 'csv';
  fileName: string;
  sheetName: string;
  columns: readonly ColumnDef[];
  records: readonly T[];
  guide: GuideText;
  now: Date;
}): Promise<ExportFile> {
  const { columns, records, format, fileName } = options;
  const values = (record: T) => columns.map((c) => (record as Record<string, unknown>)[c.field]);
  if (format === 'csv') {
    const body = writeCsv([
      columns.map((c) => c.vi),
      ...records.map((record) => values(record).map((v, i) => formatCsvCell(columns[i]!.column, v))),
    ]);
    return { fileName, contentType: exportContentTypes.csv, body, count: records.length };
  }
  const body = await entityWorkbook(
    options.sheetName,
    columns,
    records.map((record) => values(record).map((v, i) => formatCell(columns[i]!.column, v))),
    { ...options.guide, title: `${options.guide.title} — dữ liệu xuất ngày ${formatDate(options.now)}` },
  );
  return { fileName, contentType: exportContentTypes.xlsx, body, count: records.length };
}

/** The rules every import guide starts its list with (after the entity's own first rule). */
export const commonGuideRules = [
  'Nhập là "tất cả hoặc không": chỉ cần một dòng lỗi thì không dòng nào được ghi; hệ thống báo từng dòng, từng cột bị lỗi. Nên chạy "Kiểm tra" trước khi "Ghi".',
  'Số: dấu phẩy thập phân (1.347,4) hoặc dấu chấm (1347.4); số như "1.347" không rõ nghĩa sẽ bị từ chối. Ngày: dd/mm/yyyy (14/03/2018).',
  'Giá trị danh mục: ghi nhãn tiếng Việt, nhãn tiếng Anh hoặc mã (không phân biệt chữ hoa, có dấu hay không dấu).',
  'Tiêu đề cột ghi bằng tiếng Việt như mẫu, hoặc bằng tên tiếng Anh ở cột B của bảng dưới đây.',
  'Tệp CSV: lưu dạng "CSV UTF-8", phân cách bằng dấu phẩy hoặc dấu chấm phẩy. Tệp tối đa 20 MB.',
];

/** A guide: its title, then the entity's rules and the common ones, numbered. */
export function guideText(title: string, rules: readonly string[]): GuideText {
  return {
    title,
    rules: [...rules.slice(0, 1), ...commonGuideRules, ...rules.slice(1)].map(
      (rule, i) => `${i + 1}. ${rule}`,
    ),
  };
}
