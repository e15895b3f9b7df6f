import ExcelJS from 'exceljs';
import { writeCsv } from '../../domain/import/csv';
import {
  openDataColumns,
  openDataLicence,
  openDataRow,
  type OpenDataFormat,
  type OpenDataRow,
} from '../../domain/catalogue/open-data';
import type { ServiceDeps } from '../deps';
import { memo } from '../system/memo';
import { publishedRecords, type Versioned } from './catalogue.service';

/**
 * Open data of the registry: the published fields of the published zones as CSV (UTF-8 with BOM), XLSX (the
 * table, then a sheet with the licence and "as of"), GeoJSON and JSON, computed once per catalogue fingerprint
 * (the ETag) and kept in memory.
 */
export type OpenDataFile = {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
  /** When the registry was read (ISO timestamp). */
  asOf: string;
};

export const openDataContentTypes: Record<OpenDataFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const licenceText = `${openDataLicence.name} (${openDataLicence.id}) — ${openDataLicence.url}`;

export async function openDataFile(
  deps: Pick<ServiceDeps, 'db' | 'clock'>,
  format: OpenDataFormat,
): Promise<Versioned<OpenDataFile>> {
  const { fingerprint, value } = await publishedRecords(deps);
  const file = await memo(deps.db, `open-data|${format}`, fingerprint, async (): Promise<OpenDataFile> => {
    const rows = value.records.map((r) => openDataRow(r, value.today));
    const fileName = `izis-zones.${format}`;
    const contentType = openDataContentTypes[format];
    const meta = { licence: openDataLicence, asOf: value.asOf };
    switch (format) {
      case 'json':
        return {
          asOf: value.asOf,
          fileName,
          contentType,
          body: JSON.stringify({
            ...meta,
            columns: openDataColumns.map((c) => ({ key: c.key, label: c.label, field: c.field })),
            items: rows,
          }),
        };
      case 'geojson': {
        // A zone whose location is not published is a feature without geometry (RFC 7946 §3.2).
        const features = rows.map((row) => ({
          type: 'Feature',
          geometry:
            typeof row.lat === 'number' && typeof row.lon === 'number'
              ? { type: 'Point', coordinates: [row.lon, row.lat] }
              : null,
          properties: row,
        }));
        return {
          asOf: value.asOf,
          fileName,
          contentType,
          body: JSON.stringify({ type: 'FeatureCollection', ...meta, features }),
        };
      }
      case 'csv':
        return { asOf: value.asOf, fileName, contentType, body: writeCsv(table(rows)) };
      case 'xlsx':
        return { asOf: value.asOf, fileName, contentType, body: await workbook(rows, value.asOf) };
    }
  });
  return { fingerprint, value: file };
}

function table(rows: readonly OpenDataRow[]) {
  return [
    openDataColumns.map((c) => c.key),
    ...rows.map((row) => openDataColumns.map((c) => toCell(row[c.key]))),
  ];
}

function toCell(value: OpenDataRow[string] | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

async function workbook(rows: readonly OpenDataRow[], asOf: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'IZIS';
  const sheet = book.addWorksheet('zones', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow(openDataColumns.map((c) => c.key));
  sheet.addRow(openDataColumns.map((c) => `${c.label.vi} / ${c.label.en}`));
  for (const row of rows) sheet.addRow(openDataColumns.map((c) => toCell(row[c.key])));
  const about = book.addWorksheet('licence');
  about.addRow(['Giấy phép / Licence', licenceText]);
  about.addRow(['Ghi nguồn / Attribution', openDataLicence.attribution]);
  about.addRow(['Dữ liệu tại thời điểm / As of', asOf]);
  about.addRow([
    'Ghi chú / Note',
    'Chỉ các trường được công bố; ô trống là trường không công bố hoặc chưa có số liệu. / Published fields only; an empty cell is a field not published or not on record.',
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
