import { createRoute, z } from '@hono/zod-openapi';
import {
  openDataDatasetSchema,
  openDataFileSchema,
  openDataForms,
  openDataIndexSchema,
} from '../../../domain/open-data/open-data.schema';
import { errorResponses, jsonResponse } from '../openapi';

const tags = ['Open data'];

const cacheHeaders = {
  ETag: {
    description: 'Strong tag of the content (weak, W/…, when the answer is gzip-compressed)',
    schema: { type: 'string' as const },
  },
  'Cache-Control': {
    description: 'public, max-age=300, must-revalidate',
    schema: { type: 'string' as const },
  },
};
const notModified = {
  304: { description: 'Not modified (If-None-Match matched the ETag)', headers: cacheHeaders },
};

export const openDataFileRoute = createRoute({
  method: 'get',
  path: '/api/open-data/compilations/{form}/{file}',
  tags,
  summary:
    'A signed statutory aggregate (Biểu 04 of the city, or every signed Biểu 03 of the communes) of a period as CSV, XLSX or JSON — the items only, CC BY 4.0, no sign-in',
  description:
    'The address is stable: `/api/open-data/compilations/B04/2026-H1.csv` (`.xlsx`, `.json`). The latest signed version of each report; `asOf` (JSON, and the `X-As-Of` header) is when it was signed. 404 while nothing of the period is signed. Rate-limited per client address (429 with Retry-After).',
  request: {
    params: z.object({
      form: z.enum(openDataForms).openapi({ param: { name: 'form', in: 'path' } }),
      file: openDataFileSchema.openapi({ param: { name: 'file', in: 'path' }, example: '2026-H1.csv' }),
    }),
  },
  responses: {
    200: {
      description: 'The dataset',
      headers: {
        ...cacheHeaders,
        'X-As-Of': {
          description: 'When the figures were signed (ISO 8601)',
          schema: { type: 'string' as const },
        },
        Link: {
          description: '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
          schema: { type: 'string' as const },
        },
      },
      content: {
        'application/json': { schema: openDataDatasetSchema.meta({ id: 'OpenDataDataset' }) },
        'text/csv': { schema: z.string() },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...notModified,
    ...errorResponses(400, 404, 429),
  },
});

export const openDataCatalogRoute = createRoute({
  method: 'get',
  path: '/api/open-data/catalog.jsonld',
  tags,
  summary:
    'The DCAT-AP catalogue (JSON-LD) of the open datasets: the registry (published fields) and every signed aggregate, with licence, publisher and modification dates — no sign-in',
  responses: {
    200: {
      description: 'dcat:Catalog',
      headers: cacheHeaders,
      content: { 'application/ld+json': { schema: z.record(z.string(), z.unknown()) } },
    },
    ...notModified,
    ...errorResponses(429),
  },
});

export const openDataIndexRoute = createRoute({
  method: 'get',
  path: '/api/open-data',
  tags,
  summary: 'The open datasets for people: titles (vi, en), as-of dates and download addresses — no sign-in',
  responses: {
    200: jsonResponse(openDataIndexSchema.meta({ id: 'OpenDataIndex' }), 'The index'),
    ...errorResponses(429),
  },
});
