import { createRoute, z } from '@hono/zod-openapi';
import {
  filingDetailSchema,
  filingListQuerySchema,
  filingSummarySchema,
  filingVersionInputSchema,
  returnFilingInputSchema,
  saveDraftInputSchema,
} from '../../../domain/reporting/filing.schema';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../openapi';

const detail = filingDetailSchema.meta({ id: 'FilingDetail' });
const tags = ['Reports: filings'];

export const saveDraftRoute = createRoute({
  method: 'put',
  path: '/api/filings/draft',
  tags,
  summary:
    'Save the draft of a report you owe (Biểu 01 of your project, Biểu 02 of your cluster). A returned or accepted report gets a new revision; a submitted one cannot be edited',
  request: { body: jsonBody(saveDraftInputSchema.meta({ id: 'SaveDraftInput' })) },
  responses: {
    200: jsonResponse(detail, 'The filing with every revision'),
    ...errorResponses(400, 401, 404, 409),
  },
});

export const getFilingRoute = createRoute({
  method: 'get',
  path: '/api/filings/{id}',
  tags,
  summary: 'A filing with all its revisions side by side (404 outside your scope)',
  request: { params: idParam },
  responses: { 200: jsonResponse(detail, 'The filing'), ...errorResponses(401, 404) },
});

export const submitFilingRoute = createRoute({
  method: 'post',
  path: '/api/filings/{id}/submit',
  tags,
  summary: "Submit the current draft; it is checked against the form's rules and your previous period",
  request: { params: idParam, body: jsonBody(filingVersionInputSchema) },
  responses: { 200: jsonResponse(detail, 'Submitted'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const returnFilingRoute = createRoute({
  method: 'post',
  path: '/api/filings/{id}/return',
  tags,
  summary: 'Return a submitted filing to its reporter with a reason (reviewers of its scope)',
  request: { params: idParam, body: jsonBody(returnFilingInputSchema) },
  responses: { 200: jsonResponse(detail, 'Returned'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const acceptFilingRoute = createRoute({
  method: 'post',
  path: '/api/filings/{id}/accept',
  tags,
  summary: 'Accept a submitted filing; of two reviewers accepting at once, one gets 409',
  request: { params: idParam, body: jsonBody(filingVersionInputSchema) },
  responses: { 200: jsonResponse(detail, 'Accepted'), ...errorResponses(401, 403, 404, 409) },
});

export const listFilingsRoute = createRoute({
  method: 'get',
  path: '/api/filings',
  tags,
  summary:
    'Filings of a period you may read (your own, or your scope as reviewer); `status=submitted` is the in-tray',
  request: { query: filingListQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(filingSummarySchema.meta({ id: 'FilingSummary' })), total: z.number() }),
      'A page of filings',
    ),
    ...errorResponses(400, 401),
  },
});
