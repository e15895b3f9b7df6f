import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  EXCHANGE_SCHEMA_PATH,
  exchangeExportQuerySchema,
  exchangeImportResultSchema,
  exchangePackageSchema,
  exchangeSubmissionListSchema,
  exchangeSubmissionSchema,
} from '../../../domain/exchange/exchange.schema';
import { fileTooLarge } from '../../../services/import/spreadsheet';
import type { AppEnv } from '../../context';
import { errorResponses, idParam, jsonResponse } from '../openapi';

const tags = ['Exchange with the national database'];
const packageSchema = exchangePackageSchema.meta({ id: 'ExchangePackageV1' });
const submission = exchangeSubmissionSchema.meta({ id: 'ExchangeSubmission' });

export const exportExchangePackageRoute = createRoute({
  method: 'get',
  path: '/api/compilations/exchange-package',
  tags,
  summary:
    'The exchange package of a signed Biểu 04 (JSON, format "izis-bieu04-exchange" v1): the 27 items as signed, the registry rows behind them, the form as XLSX (base64) and a SHA-256 checksum',
  description: `The latest signed version of the period, or \`version\`. 409 when the period has no signed version. Read by the officers who may read the report. The JSON Schema is at ${EXCHANGE_SCHEMA_PATH}; the format is described in docs/decisions/0020-exchange-package.md.`,
  request: { query: exchangeExportQuerySchema },
  responses: {
    200: {
      description: 'The package, as a download',
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="bieu-04-2026-H1-01-ban-ky-1.izis-exchange.json"',
          schema: { type: 'string' as const },
        },
      },
      content: { 'application/json': { schema: packageSchema } },
    },
    ...errorResponses(400, 401, 404, 409),
  },
});

export const exchangeSchemaRoute = createRoute({
  method: 'get',
  path: EXCHANGE_SCHEMA_PATH,
  tags,
  summary: 'The JSON Schema (draft 2020-12) of the exchange package, version 1 — public',
  responses: {
    200: {
      description: 'JSON Schema',
      content: { 'application/schema+json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

const uploadSchema = {
  type: 'object' as const,
  properties: {
    file: { type: 'string' as const, format: 'binary', description: 'The package (.json)' },
  },
  required: ['file'],
};

const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const { maxBytes } = c.get('limits').imports;
  return bodyLimit({
    maxSize: maxBytes + 64 * 1024,
    onError: () => {
      throw fileTooLarge(maxBytes);
    },
  })(c, next);
};

export const importExchangePackageRoute = createRoute({
  method: 'post',
  path: '/api/exchange/packages',
  tags,
  summary:
    'Receive a province’s Biểu 04 exchange package: checksum, version and schema verified, the 27 items recomputed from its registry rows; stored if they hold',
  description:
    'The package goes in the multipart field `file` (at most IZIS_IMPORT_MAX_MB). 422 names what failed: an unknown format or version, a checksum that does not match the canonical content, or the items that differ from the recomputation. The same package again answers `created: false`; a different package for the same province, period and signed version is 409. Department officers and the system administrator.',
  middleware: [uploadLimit] as const,
  request: {
    body: { required: true, content: { 'multipart/form-data': { schema: uploadSchema } } },
  },
  responses: {
    200: jsonResponse(
      exchangeImportResultSchema.meta({ id: 'ExchangeImportResult' }),
      'Stored (or already stored)',
    ),
    ...errorResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

export const listExchangeSubmissionsRoute = createRoute({
  method: 'get',
  path: '/api/exchange/submissions',
  tags,
  summary: 'The received exchange packages, newest first',
  responses: {
    200: jsonResponse(exchangeSubmissionListSchema, 'Received submissions'),
    ...errorResponses(401, 403),
  },
});

export const getExchangeSubmissionRoute = createRoute({
  method: 'get',
  path: '/api/exchange/submissions/{id}',
  tags,
  summary: 'One received submission with its 27 items',
  request: { params: idParam },
  responses: { 200: jsonResponse(submission, 'The submission'), ...errorResponses(401, 404) },
});
