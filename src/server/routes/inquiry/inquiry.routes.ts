import { createRoute, z } from '@hono/zod-openapi';
import {
  inquiryChallengeSchema,
  inquiryDetailSchema,
  inquiryInputSchema,
  inquiryListQuerySchema,
  inquiryListSchema,
  inquiryReceiptSchema,
  inquiryReplyInputSchema,
  inquiryStepInputSchema,
} from '../../../domain/inquiry/inquiry.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const publicTags = ['Public catalogue'];
const tags = ['Investor inquiries'];
const inquiryDetail = inquiryDetailSchema.meta({ id: 'InquiryDetail' });
const idParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The inquiry id' }),
});
const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' }, description: 'The published zone’s code' }),
});

export const inquiryChallengeRoute = createRoute({
  method: 'get',
  path: '/api/public/inquiry-challenge',
  tags: publicTags,
  summary:
    'A signed proof-of-work challenge for the inquiry form (no sign-in): find a decimal nonce such that ' +
    'SHA-256(challenge + nonce) has `difficulty` leading zero bits; with the personal-data notice to consent to',
  responses: {
    200: jsonResponse(inquiryChallengeSchema.meta({ id: 'InquiryChallenge' }), 'Challenge'),
    ...errorResponses(429),
  },
});

export const submitInquiryRoute = createRoute({
  method: 'post',
  path: '/api/public/zones/{code}/inquiries',
  tags: publicTags,
  summary:
    'Send an investor inquiry about a published zone (no sign-in; same-site Origin or none). Needs a solved, ' +
    'unused challenge (`proof`) and consent to the personal-data notice; answers the reference to quote',
  request: { params: codeParam, body: jsonBody(inquiryInputSchema.meta({ id: 'InquiryInput' })) },
  responses: {
    201: jsonResponse(inquiryReceiptSchema.meta({ id: 'InquiryReceipt' }), 'Received'),
    ...errorResponses(400, 403, 404, 429),
  },
});

export const listInquiriesRoute = createRoute({
  method: 'get',
  path: '/api/inquiries',
  tags,
  summary: 'Investor inquiries of the zones in your scope, newest first (filters: status, zone)',
  request: { query: inquiryListQuerySchema },
  responses: {
    200: jsonResponse(inquiryListSchema.meta({ id: 'InquiryList' }), 'Inquiries'),
    ...errorResponses(400, 401, 403),
  },
});

export const getInquiryRoute = createRoute({
  method: 'get',
  path: '/api/inquiries/{id}',
  tags,
  summary: 'One inquiry with its contact, consent, history and the actions you may take',
  request: { params: idParam },
  responses: { 200: jsonResponse(inquiryDetail, 'Inquiry'), ...errorResponses(400, 401, 403, 404) },
});

export const replyInquiryRoute = createRoute({
  method: 'post',
  path: '/api/inquiries/{id}/reply',
  tags,
  summary:
    'Answer the investor (officers of the zone, its developer): stored, e-mailed when SMTP is set; status → ' +
    'answered; `version` must be the one you read (409)',
  request: { params: idParam, body: jsonBody(inquiryReplyInputSchema.meta({ id: 'InquiryReplyInput' })) },
  responses: { 200: jsonResponse(inquiryDetail, 'Answered'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const closeInquiryRoute = createRoute({
  method: 'post',
  path: '/api/inquiries/{id}/close',
  tags,
  summary: 'Close an inquiry (its personal data is erased after the retention period); version-checked',
  request: { params: idParam, body: jsonBody(inquiryStepInputSchema.meta({ id: 'InquiryStepInput' })) },
  responses: { 200: jsonResponse(inquiryDetail, 'Closed'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const releaseInquiryRoute = createRoute({
  method: 'post',
  path: '/api/inquiries/{id}/release',
  tags,
  summary: 'Release a held inquiry (officers): it becomes new and is notified; version-checked',
  request: { params: idParam, body: jsonBody(inquiryStepInputSchema) },
  responses: { 200: jsonResponse(inquiryDetail, 'Released'), ...errorResponses(400, 401, 403, 404, 409) },
});
