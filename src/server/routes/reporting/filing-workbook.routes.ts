import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  bulkResultSchema,
  bulkTemplateQuerySchema,
  bulkUploadQuerySchema,
  workbookTemplateQuerySchema,
  workbookUploadQuerySchema,
  workbookUploadResultSchema,
} from '../../../domain/reporting/filing-workbook';
import { validationError } from '../../../domain/shared/errors';
import { errorResponses, jsonResponse } from '../openapi';

const tags = ['Reports: filing by Excel'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = (description: string) => z.string().openapi({ format: 'binary', description });

/** A filled report workbook is a few dozen KB; 5 MB leaves room for a cluster with hundreds of tenants. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

const uploadLimit = bodyLimit({
  maxSize: MAX_WORKBOOK_BYTES + 64 * 1024,
  onError: () => {
    throw validationError({
      file: { vi: 'Tệp quá lớn (tối đa 5 MB).', en: 'The file is too large (5 MB at most).' },
    });
  },
});

const multipart = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
    },
  },
};

const workbookResponse = (description: string) => ({
  description,
  headers: {
    'Content-Disposition': {
      description: 'attachment; filename="Bieu-01_2026-H1_<code>.xlsx"',
      schema: { type: 'string' as const },
    },
  },
  content: { [xlsxType]: { schema: binary('XLSX workbook') } },
});

export const filingTemplateRoute = createRoute({
  method: 'get',
  path: '/api/filings/workbook.xlsx',
  tags,
  summary:
    "Your report (e.g. Biểu 01 of your project) for a period as an Excel workbook in the form's layout, with the previous period's accepted figures and your current draft filled in; only the value and explanation cells are unlocked",
  request: { query: workbookTemplateQuerySchema },
  responses: {
    200: workbookResponse('The workbook'),
    ...errorResponses(400, 401, 404),
  },
});

export const filingUploadRoute = createRoute({
  method: 'post',
  path: '/api/filings/workbook',
  tags,
  summary:
    'Upload the filled workbook: checked with the web form’s rules, saved as your draft (`submit=true`: and submitted)',
  description:
    'The file goes in the multipart field `file` (.xlsx, at most 5 MB). Problems answer 400 `validation` with ' +
    '`details.fields` (by item code) and `details.errors` `[{sheet,row,field,item,message,severity}]`, each naming the ' +
    'sheet row and the item; nothing is saved then. A workbook of a reporter you may not file for answers 403. ' +
    'Uploading the same figures again writes nothing (`changed: false`). If someone else changed the report after the ' +
    'template was made, 409. The query `formCode`, `period`, `kind`, `code` (the report the page shows) refuse a ' +
    'workbook of another report.',
  middleware: [uploadLimit] as const,
  request: { query: workbookUploadQuerySchema, body: multipart },
  responses: {
    200: jsonResponse(
      workbookUploadResultSchema.meta({ id: 'WorkbookUploadResult' }),
      'Saved (or unchanged)',
    ),
    ...errorResponses(400, 401, 403, 409),
  },
});

export const bulkTemplateRoute = createRoute({
  method: 'get',
  path: '/api/filings/bulk/workbook.xlsx',
  tags,
  summary:
    'For a developer: one workbook with a row per tenant project of the cluster (or of all your clusters) that owes Biểu 01 for the period',
  request: { query: bulkTemplateQuerySchema },
  responses: {
    200: workbookResponse('The workbook'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const bulkUploadRoute = createRoute({
  method: 'post',
  path: '/api/filings/bulk',
  tags,
  summary:
    'Upload the bulk workbook: `dryRun=true` (default) lists every row as OK, bad or skipped; `dryRun=false` saves (`submit=true`: and submits) every row in one transaction, or nothing',
  description:
    'Rows of reports already submitted or accepted are skipped with the reason, never overwritten; empty rows are ' +
    'skipped; rows whose figures equal the saved ones change nothing (uploading the same file twice writes nothing). ' +
    'A commit with any bad row answers 400 `import.invalid` with `details.errors` naming each row and item.',
  middleware: [uploadLimit] as const,
  request: { query: bulkUploadQuerySchema, body: multipart },
  responses: {
    200: jsonResponse(
      bulkResultSchema.meta({ id: 'BulkFilingResult' }),
      'The rows and what happened to them',
    ),
    ...errorResponses(400, 401, 403),
  },
});
