import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  importProgressSchema,
  importQuerySchema,
  importResultSchema,
  MAX_IMPORT_BYTES,
} from '../../../domain/import/import.schema';
import { validationError } from '../../../domain/shared/errors';
import { zoneListQuerySchema } from '../../../domain/zone/zone.schema';
import { errorResponses } from '../openapi';

const binary = (description: string) => z.string().openapi({ format: 'binary', description });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = {
  'Content-Disposition': {
    description: 'attachment; filename="khu-cum-cong-nghiep-YYYY-MM-DD.…" (the date in Vietnam time)',
    schema: { type: 'string' as const },
  },
};

export const zoneTemplateRoute = createRoute({
  method: 'get',
  path: '/api/import/templates/zones.xlsx',
  tags: ['Import and export'],
  summary: 'The zone import template: Vietnamese headers, and a "Hướng dẫn" sheet explaining every column',
  responses: {
    200: {
      description: 'The template workbook',
      headers: attachment,
      content: { [xlsxType]: { schema: binary('XLSX workbook') } },
    },
    ...errorResponses(401),
  },
});

/** The upload is refused before it is read past 20 MB (plus room for the multipart envelope). */
const uploadLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES + 64 * 1024,
  onError: () => {
    throw validationError({
      file: { vi: 'Tệp quá lớn (tối đa 20 MB).', en: 'The file is too large (20 MB at most).' },
    });
  },
});

export const importZonesRoute = createRoute({
  method: 'post',
  path: '/api/import/zones',
  tags: ['Import and export'],
  summary:
    'Import zones from an .xlsx or .csv file: `mode=dry-run` reports, `mode=commit` writes all or nothing',
  description:
    'The file goes in the multipart field `file` (.xlsx or .csv, at most 20 MB). Rows are matched on "Mã khu/cụm" ' +
    '(code): existing codes are updated, new codes created, unchanged rows left alone (a second import of the same ' +
    'file writes nothing). Every problem is reported with its spreadsheet row (1-based, header included) and the ' +
    'column header as written in the file; with any problem a commit writes nothing (`committed: false`). ' +
    'Send `Accept: application/x-ndjson` to receive progress as newline-delimited JSON: ' +
    '`{"type":"progress","phase","done","total"}` lines, then one `{"type":"result",…}` line (or `{"type":"error",…}`).',
  middleware: [uploadLimit] as const,
  request: {
    query: importQuerySchema,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
    },
  },
  responses: {
    200: {
      description:
        'The result (JSON), or with `Accept: application/x-ndjson` progress lines followed by the result line',
      content: {
        'application/json': { schema: importResultSchema.meta({ id: 'ImportResult' }) },
        'application/x-ndjson': {
          schema: z.union([importProgressSchema, importResultSchema.extend({ type: z.literal('result') })]),
        },
      },
    },
    ...errorResponses(400, 401, 403, 409),
  },
});

/** The list filters of GET /api/zones, without paging: an export has every matching zone. */
export const exportQuerySchema = zoneListQuerySchema.omit({ page: true, pageSize: true });

const exportRoute = (extension: 'xlsx' | 'csv' | 'geojson', type: string, what: string) =>
  createRoute({
    method: 'get',
    path: `/api/zones/export.${extension}`,
    tags: ['Import and export'],
    summary: what,
    request: { query: exportQuerySchema },
    responses: {
      200: { description: 'The file', headers: attachment, content: { [type]: { schema: binary(what) } } },
      ...errorResponses(400, 401, 403),
    },
  });

export const exportZonesXlsxRoute = exportRoute(
  'xlsx',
  xlsxType,
  'The zone list (same filters as GET /api/zones, within your scope) as XLSX with the import template’s columns',
);
export const exportZonesCsvRoute = exportRoute(
  'csv',
  'text/csv',
  'The zone list as CSV (UTF-8 with BOM, comma-separated) with the import template’s columns',
);
export const exportZonesGeojsonRoute = exportRoute(
  'geojson',
  'application/geo+json',
  'The zone list as a GeoJSON FeatureCollection (boundary, else point, else null geometry; list fields as properties)',
);
