import { createRoute, z } from '@hono/zod-openapi';
import {
  annotateInputSchema,
  compilationQuerySchema,
  compilationItemQuerySchema,
  compilationItemSchema,
  compilationViewSchema,
  completenessQuerySchema,
  completenessReportSchema,
  signInputSchema,
  signedCompilationSchema,
} from '../../../domain/reporting/compilation.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const view = compilationViewSchema.meta({ id: 'CompilationView' });
const tags = ['Reports: Biểu 03 and 04'];

export const getCompilationRoute = createRoute({
  method: 'get',
  path: '/api/compilations',
  tags,
  summary:
    'Biểu 03 of a commune or Biểu 04 of the city for a period, computed now from the registry and the accepted Biểu 01/02, each item with its sources and gaps',
  request: { query: compilationQuerySchema },
  responses: {
    200: jsonResponse(view, 'The report, its notes and its signed versions'),
    ...errorResponses(400, 401, 404),
  },
});

export const annotateCompilationRoute = createRoute({
  method: 'put',
  path: '/api/compilations/annotations',
  tags,
  summary: 'Save the notes per item on the open draft (`version` null for the first note)',
  request: { query: compilationQuerySchema, body: jsonBody(annotateInputSchema) },
  responses: { 200: jsonResponse(view, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const signCompilationRoute = createRoute({
  method: 'post',
  path: '/api/compilations/sign',
  tags,
  summary: 'Sign: every figure, its sources and the notes are frozen; a later correction is the next version',
  request: { query: compilationQuerySchema, body: jsonBody(signInputSchema) },
  responses: { 200: jsonResponse(view, 'Signed'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const getSignedCompilationRoute = createRoute({
  method: 'get',
  path: '/api/compilations/versions/{versionNo}',
  tags,
  summary: 'A signed version exactly as it was signed',
  request: {
    query: compilationQuerySchema,
    params: z.object({
      versionNo: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'versionNo', in: 'path' } }),
    }),
  },
  responses: {
    200: jsonResponse(signedCompilationSchema, 'The signed version'),
    ...errorResponses(401, 404),
  },
});

export const completenessRoute = createRoute({
  method: 'get',
  path: '/api/completeness',
  tags,
  summary:
    'Expected (derived from the registry), received, on time, late, overdue and pending reports per form and commune or zone, with the outstanding list',
  request: { query: completenessQuerySchema },
  responses: {
    200: jsonResponse(completenessReportSchema.meta({ id: 'CompletenessReport' }), 'Completeness'),
    ...errorResponses(400, 401, 403),
  },
});

const binary = z.string().openapi({ format: 'binary' });
const attachment = {
  'Content-Disposition': {
    description:
      'attachment; filename="bieu-04-2026-H1-thanh-pho-du-thao-YYYY-MM-DD.docx" (UTF-8 name in filename*)',
    schema: { type: 'string' as const },
  },
};
const fileTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const compilationExportQuerySchema = compilationQuerySchema.extend({
  version: z.coerce.number().int().positive().optional(),
});

export const exportCompilationRoute = (format: keyof typeof fileTypes) =>
  createRoute({
    method: 'get',
    path: `/api/compilations/export.${format}`,
    tags,
    summary: `Biểu 03/04 as ${format.toUpperCase()}: a signed version (\`version\`) exactly as signed, or the live figures marked as a draft${format === 'pdf' ? ' (needs LibreOffice on the server: 503 otherwise)' : ''}`,
    request: { query: compilationExportQuerySchema },
    responses: {
      200: {
        description: 'The file',
        headers: attachment,
        content: { [fileTypes[format]]: { schema: binary } },
      },
      ...errorResponses(400, 401, 404),
    },
  });

export const exportFilingRoute = (format: 'docx' | 'pdf') =>
  createRoute({
    method: 'get',
    path: `/api/filings/{id}/export.${format}`,
    tags: ['Reports: filings'],
    summary: `A filing (its accepted revision, else the latest) as ${format.toUpperCase()}`,
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: {
      200: {
        description: 'The file',
        headers: attachment,
        content: { [fileTypes[format]]: { schema: binary } },
      },
      ...errorResponses(401, 404),
    },
  });

export const compilationItemRoute = createRoute({
  method: 'get',
  path: '/api/compilations/items/{no}',
  tags,
  summary: 'Every source and gap behind one item of the live report, a page at a time',
  request: {
    query: compilationItemQuerySchema,
    params: z.object({
      no: z
        .string()
        .max(8)
        .openapi({ param: { name: 'no', in: 'path' } }),
    }),
  },
  responses: {
    200: jsonResponse(compilationItemSchema, 'The item with a page of its sources'),
    ...errorResponses(400, 401, 404),
  },
});
