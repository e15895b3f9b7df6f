import { createRoute, z } from '@hono/zod-openapi';
import {
  documentEntityTypes,
  documentListSchema,
  documentSchema,
  withdrawDocumentSchema,
} from '../../../domain/document/document';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Registry: documents'];
const document = documentSchema.meta({ id: 'Document' });
const list = documentListSchema.meta({ id: 'DocumentList' });

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The document id' }),
});

/** The text fields beside the file; blank ones count as absent. */
const metaFields = {
  title: z.string().optional().openapi({ description: 'Title (defaults to the file name)' }),
  docNo: z.string().optional().openapi({ description: 'Document number, e.g. 1292/QĐ-UBND' }),
  docDate: z.string().optional().openapi({ description: 'Document date, YYYY-MM-DD' }),
};
const file = z.any().openapi({ type: 'string', format: 'binary', description: 'The file' });
const uploadDescription =
  'multipart/form-data with the file in `file`. Accepted: PDF, Word (.docx), Excel (.xlsx), images (PNG, JPEG, ' +
  'WebP, TIFF), KML and GeoJSON, checked by extension and by content; at most IZIS_UPLOAD_MAX_MB (25 MB by ' +
  'default). Identical files are stored once (by SHA-256). Needs the right to edit the record.';

export const listZoneDocumentsRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/documents',
  tags,
  summary: 'Documents of a zone and of its lifecycle events (withdrawn ones included, marked, last)',
  request: { params: codeParam },
  responses: { 200: jsonResponse(list, 'Documents'), ...errorResponses(401, 404) },
});

export const uploadZoneDocumentRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/documents',
  tags,
  summary: 'Attach a document to a zone',
  description: uploadDescription,
  request: {
    params: codeParam,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: z.object({ file, ...metaFields }) } },
    },
  },
  responses: { 201: jsonResponse(document, 'Stored'), ...errorResponses(400, 401, 403, 404) },
});

export const listDocumentsRoute = createRoute({
  method: 'get',
  path: '/api/documents',
  tags,
  summary: 'Documents of one record: a zone (by code), a project (by code) or a lifecycle event (by id)',
  request: {
    query: z.object({ entityType: z.enum(documentEntityTypes), entityRef: z.string().trim().min(1).max(64) }),
  },
  responses: { 200: jsonResponse(list, 'Documents'), ...errorResponses(400, 401, 404) },
});

export const uploadDocumentRoute = createRoute({
  method: 'post',
  path: '/api/documents',
  tags,
  summary: 'Attach a document to a zone, a project or a lifecycle event',
  description: `${uploadDescription} \`entityType\` is zone, project or lifecycle_event; \`entityRef\` the zone's or project's code, or the event's id.`,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file,
            entityType: z.enum(documentEntityTypes),
            entityRef: z.string().min(1).max(64),
            ...metaFields,
          }),
        },
      },
    },
  },
  responses: { 201: jsonResponse(document, 'Stored'), ...errorResponses(400, 401, 403, 404) },
});

export const getDocumentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  tags,
  summary: 'One document’s record',
  request: { params: idParam },
  responses: { 200: jsonResponse(document, 'The document'), ...errorResponses(401, 404) },
});

export const downloadDocumentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}/file',
  tags,
  summary:
    'The file, with its type and its Vietnamese file name (RFC 5987); withdrawn documents stay downloadable',
  description:
    '`inline=true` opens PDFs and images in the browser instead of saving them. The ETag is the SHA-256 of the file.',
  request: {
    params: idParam,
    query: z.object({ inline: z.enum(['true', 'false']).optional() }),
  },
  responses: {
    200: {
      description: 'The file',
      headers: {
        'Content-Disposition': {
          description: `attachment; filename="Quyet dinh 1292.pdf"; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%201292.pdf`,
          schema: { type: 'string' as const },
        },
      },
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...errorResponses(401, 404),
  },
});

export const withdrawDocumentRoute = createRoute({
  method: 'post',
  path: '/api/documents/{id}/withdraw',
  tags,
  summary: 'Withdraw a document: it stays listed, marked, with its file; the reason is recorded',
  request: { params: idParam, body: jsonBody(withdrawDocumentSchema) },
  responses: { 200: jsonResponse(document, 'Withdrawn'), ...errorResponses(400, 401, 403, 404, 409) },
});
