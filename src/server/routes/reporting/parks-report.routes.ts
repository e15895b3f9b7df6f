import { createRoute, z } from '@hono/zod-openapi';
import {
  parksItemPageSchema,
  parksItemQuerySchema,
  parksReportQuerySchema,
  parksReportViewSchema,
} from '../../../domain/reporting/parks-report.schema';
import {
  planTargetInputSchema,
  planTargetListSchema,
  planTargetQuerySchema,
} from '../../../domain/reporting/plan-target.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Reports: industrial parks'];

export const getParksReportRoute = createRoute({
  method: 'get',
  path: '/api/parks-reports',
  tags,
  summary:
    'The Management Board’s quarterly (2026-Q1) or yearly (2026) report on the parks of the city or of one park (`zone`), computed now from the investment ledger and the accepted tenant reports, with the year’s targets and the per cent achieved; each item with its sources and gaps',
  request: { query: parksReportQuerySchema },
  responses: {
    200: jsonResponse(parksReportViewSchema.meta({ id: 'ParksReportView' }), 'The report'),
    ...errorResponses(400, 401, 404),
  },
});

export const parksReportItemRoute = createRoute({
  method: 'get',
  path: '/api/parks-reports/items/{no}',
  tags,
  summary: 'Every source and gap behind one item of the parks’ report, a page at a time',
  request: {
    query: parksItemQuerySchema,
    params: z.object({
      no: z
        .string()
        .max(8)
        .openapi({ param: { name: 'no', in: 'path' } }),
    }),
  },
  responses: {
    200: jsonResponse(parksItemPageSchema, 'The item with a page of its sources'),
    ...errorResponses(400, 401, 404),
  },
});

const fileTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const exportParksReportRoute = (format: keyof typeof fileTypes) =>
  createRoute({
    method: 'get',
    path: `/api/parks-reports/export.${format}`,
    tags,
    summary: `The parks’ report as ${format.toUpperCase()}, live figures marked as a draft${format === 'pdf' ? ' (needs LibreOffice on the server: 503 otherwise)' : ''}`,
    request: { query: parksReportQuerySchema },
    responses: {
      200: {
        description: 'The file',
        headers: {
          'Content-Disposition': {
            description:
              'attachment; filename="bao-cao-kcn-2026-Q1-thanh-pho-du-thao-YYYY-MM-DD.docx" (UTF-8 name in filename*)',
            schema: { type: 'string' as const },
          },
        },
        content: { [fileTypes[format]]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...errorResponses(400, 401, 404),
    },
  });

const targets = planTargetListSchema.meta({ id: 'PlanTargetList' });

export const listPlanTargetsRoute = createRoute({
  method: 'get',
  path: '/api/plan-targets',
  tags,
  summary:
    'The year’s targets (chỉ tiêu kế hoạch năm) of the city or of one park: every indicator of the report that takes one, with its value if set',
  request: { query: planTargetQuerySchema },
  responses: { 200: jsonResponse(targets, 'The targets'), ...errorResponses(400, 401, 404) },
});

export const setPlanTargetRoute = createRoute({
  method: 'put',
  path: '/api/plan-targets',
  tags,
  summary:
    'Set one target (`version` null to create it, else the version read; 409 with `details.current` when stale). Targets are changed, never deleted; the audit trail keeps every value',
  request: { body: jsonBody(planTargetInputSchema) },
  responses: {
    200: jsonResponse(targets, 'The targets after the change'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
