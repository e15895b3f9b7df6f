import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  importListsSchema,
  importProgressSchema,
  importQuerySchema,
  importResultSchema,
} from '../../../domain/import/import.schema';
import { investmentEventExportQuerySchema } from '../../../domain/import/investment-event-import';
import { scheduleStepExportQuerySchema } from '../../../domain/import/schedule-step-import';
import { obstacleListQuerySchema } from '../../../domain/monitoring/obstacle.schema';
import { planTargetExportQuerySchema } from '../../../domain/import/plan-target-import';
import { inspectionListQuerySchema } from '../../../domain/inspection/inspection.schema';
import { organisationListQuerySchema } from '../../../domain/organisation/organisation.schema';
import { projectListQuerySchema } from '../../../domain/project/project.schema';
import { fileTooLarge } from '../../../services/import/spreadsheet';
import type { AppEnv } from '../../context';
import { zoneListQuerySchema } from '../../../domain/zone/zone.schema';
import { errorResponses } from '../openapi';

const importResult = importResultSchema.meta({ id: 'ImportResult' });
const binary = (description: string) => z.string().openapi({ format: 'binary', description });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = {
  'Content-Disposition': {
    description: 'attachment; filename="khu-cum-cong-nghiep-YYYY-MM-DD.…" (the date in Vietnam time)',
    schema: { type: 'string' as const },
  },
};

export const importListsRoute = createRoute({
  method: 'get',
  path: '/api/import/lists',
  tags: ['Import and export'],
  summary: 'The lists you may import (by the same rules the import routes apply)',
  responses: {
    200: {
      description: 'The importable lists',
      content: { 'application/json': { schema: importListsSchema.meta({ id: 'ImportLists' }) } },
    },
    ...errorResponses(401),
  },
});

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

/**
 * The multipart body of an import: declared for the document as a plain schema, not a zod one, so that the
 * framework does not parse the form itself — the handler streams it (server/multipart-upload.ts).
 */
const uploadSchema = {
  type: 'object' as const,
  properties: { file: { type: 'string' as const, format: 'binary', description: 'The .xlsx or .csv file' } },
  required: ['file'],
};

/**
 * The upload is refused (413) before it is read past IZIS_IMPORT_MAX_MB (plus room for the multipart
 * envelope): the bytes are counted while the body streams in.
 */
const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const { maxBytes } = c.get('limits').imports;
  return bodyLimit({
    maxSize: maxBytes + 64 * 1024,
    onError: () => {
      throw fileTooLarge(maxBytes);
    },
  })(c, next);
};

export const importZonesRoute = createRoute({
  method: 'post',
  path: '/api/import/zones',
  tags: ['Import and export'],
  summary:
    'Import zones from an .xlsx or .csv file: `mode=dry-run` reports, `mode=commit` writes all or nothing',
  description:
    'The file goes in the multipart field `file` (.xlsx or .csv, at most IZIS_IMPORT_MAX_MB, 20 MB by default; at most IZIS_IMPORT_MAX_ROWS rows and IZIS_IMPORT_MAX_CELLS cells, else 413; one running import per user, else 429). Rows are matched on "Mã khu/cụm" ' +
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
        'multipart/form-data': { schema: uploadSchema },
      },
    },
  },
  responses: {
    200: {
      description:
        'The result (JSON), or with `Accept: application/x-ndjson` progress lines followed by the result line',
      content: {
        'application/json': { schema: importResult },
        'application/x-ndjson': {
          schema: z.union([importProgressSchema, importResultSchema.extend({ type: z.literal('result') })]),
        },
      },
    },
    ...errorResponses(400, 401, 403, 409, 413, 429),
  },
});

/** The list filters of GET /api/zones, without paging: an export has every matching zone. */
export const exportQuerySchema = zoneListQuerySchema.omit({ page: true, pageSize: true });

/** A GeoJSON FeatureCollection (RFC 7946): JSON, not a binary file. */
const featureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.record(z.string(), z.unknown()).nullable(),
        properties: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'ZoneFeatureCollection' });

const exportRoute = (extension: 'xlsx' | 'csv' | 'geojson', type: string, what: string) =>
  createRoute({
    method: 'get',
    path: `/api/zones/export.${extension}`,
    tags: ['Import and export'],
    summary: what,
    request: { query: exportQuerySchema },
    responses: {
      200: {
        description: 'The file',
        headers: attachment,
        content: {
          [type]: { schema: extension === 'geojson' ? featureCollection.describe(what) : binary(what) },
        },
      },
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

// ---------------------------------------------------------------------------------------------------------
// Organisations, projects, their capital ledger, obstacles and planned schedules: the same three kinds of
// endpoint as zones.

type SheetEntity =
  | 'organisations'
  | 'projects'
  | 'investment-events'
  | 'obstacles'
  | 'schedule-steps'
  | 'inspections'
  | 'plan-targets';

const entityNames: Record<SheetEntity, { what: string; key: string; file: string; template: string }> = {
  organisations: {
    what: 'organisations',
    key: 'Rows are matched on "Mã tổ chức" (code): existing codes are updated, new codes created. The tax code is checked (check digit) and must be unique.',
    file: 'to-chuc',
    template: 'mau-nhap-to-chuc.xlsx',
  },
  projects: {
    what: 'tenant projects',
    key: 'Rows are matched on "Mã dự án" (code): existing codes are updated, new codes created. Zone and investor by code; every row must be in a zone you may edit.',
    file: 'du-an',
    template: 'mau-nhap-du-an.xlsx',
  },
  'investment-events': {
    what: 'investment (capital) events',
    key:
      'The ledger is append-only: a row matches a stored event by project, kind, date, amount and currency (the n-th identical row ' +
      'the n-th identical event); unmatched rows are appended, stored events are never changed. The ledger rules (one new ' +
      'registration, first; nothing after a termination; no negative registered capital) are checked across the stored ' +
      'events and the file.',
    file: 'von-dau-tu',
    template: 'mau-nhap-von-dau-tu.xlsx',
  },
  obstacles: {
    what: 'obstacles',
    key:
      'An import only raises new obstacles (open, with their first history row), never changes a stored one: a row matches ' +
      'a stored obstacle by zone, title and day raised (the n-th identical row the n-th identical obstacle). Each row is ' +
      'checked as raising it through POST /api/obstacles is (category in use, deadline, day raised, project in the zone, ' +
      'the right to raise obstacles on the zone). The export’s state columns (status, days overdue, resolution) are read, never written.',
    file: 'vuong-mac',
    template: 'mau-nhap-vuong-mac.xlsx',
  },
  'schedule-steps': {
    what: 'planned schedule steps',
    key:
      'Rows are matched on zone code and step: a planned step is revised, a new one set (as PUT on the zone’s schedule step); ' +
      'each row must be in a zone whose schedule you plan. Actual dates come from the lifecycle and are never imported.',
    file: 'tien-do-ke-hoach',
    template: 'mau-nhap-tien-do-ke-hoach.xlsx',
  },
  inspections: {
    what: 'inspections',
    key:
      'A row is one inspection; it only creates: a row matches a recorded inspection by zone, kind and date (the n-th ' +
      'identical row the n-th such inspection) and is then left alone, recorded inspections are never changed. The ' +
      'failed checklist items are listed (every other item passed), each with the remediation deadline; every row must be ' +
      'of a zone you may record inspections of.',
    file: 'kiem-tra',
    template: 'mau-nhap-kiem-tra.xlsx',
  },
  'plan-targets': {
    what: 'plan targets',
    key:
      'A row is one target of a recorded plan (family, year, number), matched by kind and indicator (report figures) or ' +
      'title: matching targets are updated, new ones added, withdrawn ones refused. Only who may set the family’s plans.',
    file: 'chi-tieu-ke-hoach',
    template: 'mau-nhap-chi-tieu-ke-hoach.xlsx',
  },
};

export function sheetTemplateRoute(entity: SheetEntity) {
  return createRoute({
    method: 'get',
    path: `/api/import/templates/${entity}.xlsx`,
    tags: ['Import and export'],
    summary: `The ${entityNames[entity].what} import template: Vietnamese headers, and a "Hướng dẫn" sheet explaining every column`,
    responses: {
      200: {
        description: `The template workbook (${entityNames[entity].template})`,
        headers: attachment,
        content: { [xlsxType]: { schema: binary('XLSX workbook') } },
      },
      ...errorResponses(401),
    },
  });
}

export function sheetImportRoute(entity: SheetEntity) {
  return createRoute({
    method: 'post',
    path: `/api/import/${entity}`,
    tags: ['Import and export'],
    summary: `Import ${entityNames[entity].what} from an .xlsx or .csv file: \`mode=dry-run\` reports, \`mode=commit\` writes all or nothing`,
    description:
      `The file goes in the multipart field \`file\` (.xlsx or .csv, at most IZIS_IMPORT_MAX_MB, 20 MB by default; at most IZIS_IMPORT_MAX_ROWS rows and IZIS_IMPORT_MAX_CELLS cells, else 413; one running import per user, else 429). ${entityNames[entity].key} ` +
      'Unchanged rows are left alone (a second import of the same file writes nothing). Every problem is reported with its ' +
      'spreadsheet row (1-based, header included) and the column header as written in the file; with any problem a commit ' +
      'writes nothing (`committed: false`). `Accept: application/x-ndjson` streams progress lines, then the result line.',
    middleware: [uploadLimit] as const,
    request: {
      query: importQuerySchema,
      body: {
        required: true,
        content: {
          'multipart/form-data': { schema: uploadSchema },
        },
      },
    },
    responses: {
      200: {
        description:
          'The result (JSON), or with `Accept: application/x-ndjson` progress lines followed by the result line',
        content: {
          'application/json': { schema: importResult },
          'application/x-ndjson': {
            schema: z.union([importProgressSchema, importResultSchema.extend({ type: z.literal('result') })]),
          },
        },
      },
      ...errorResponses(400, 401, 403, 409, 413, 429),
    },
  });
}

/** The list filters of GET /api/organisations and GET /api/projects, without paging: an export has every row. */
export const organisationExportQuerySchema = organisationListQuerySchema.omit({ page: true, pageSize: true });
export const projectExportQuerySchema = projectListQuerySchema.omit({ page: true, pageSize: true });
export const obstacleExportQuerySchema = obstacleListQuerySchema.omit({ page: true, pageSize: true });

const exportQueries = {
  organisations: organisationExportQuerySchema,
  projects: projectExportQuerySchema,
  'investment-events': investmentEventExportQuerySchema,
  obstacles: obstacleExportQuerySchema,
  'schedule-steps': scheduleStepExportQuerySchema,
  inspections: inspectionListQuerySchema,
  'plan-targets': planTargetExportQuerySchema,
} as const;

const exportScope: Record<SheetEntity, string> = {
  organisations: 'same filters and order as GET /api/organisations, within what you may see',
  projects: 'same filters and order as GET /api/projects, within your scope',
  'investment-events':
    'one project’s ledger (`project`) or every event of the projects in your scope, narrowed by zone, investor, kind and dates',
  obstacles: 'same filters and order as GET /api/obstacles, within your scope',
  'schedule-steps':
    'one zone’s planned steps (`zone`) or those of every zone in your scope, narrowed by step and planned dates',
  inspections: 'same filters as GET /api/inspections, within your scope, oldest first',
  'plan-targets': 'the targets in force of the plans in force, by year, family and plan number',
};

export function sheetExportRoute<E extends SheetEntity>(entity: E, extension: 'xlsx' | 'csv') {
  const what = `The ${entityNames[entity].what} (${exportScope[entity]}) as ${
    extension === 'xlsx' ? 'XLSX' : 'CSV (UTF-8 with BOM, comma-separated)'
  } with the import template’s columns`;
  return createRoute({
    method: 'get',
    path: `/api/${entity}/export.${extension}`,
    tags: ['Import and export'],
    summary: what,
    request: { query: exportQueries[entity] as (typeof exportQueries)[E] },
    responses: {
      200: {
        description: 'The file',
        headers: {
          'Content-Disposition': {
            description: `attachment; filename="${entityNames[entity].file}-YYYY-MM-DD.${extension}" (the date in Vietnam time)`,
            schema: { type: 'string' as const },
          },
        },
        content: {
          [extension === 'xlsx' ? xlsxType : 'text/csv']: { schema: binary(what) },
        },
      },
      ...errorResponses(400, 401, 403),
    },
  });
}
