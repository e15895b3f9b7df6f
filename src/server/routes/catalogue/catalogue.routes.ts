import { createRoute, z } from '@hono/zod-openapi';
import {
  catalogueFacetsSchema,
  catalogueQuerySchema,
  descriptionInputSchema,
  documentPublicationInputSchema,
  publicationInputSchema,
  publicationListSchema,
  publicationSchema,
  publicZoneListSchema,
  publicZoneQuerySchema,
  publicZoneSchema,
  scorecardMethodSchema,
} from '../../../domain/catalogue/catalogue.schema';
import { openDataFormats, type OpenDataFormat } from '../../../domain/catalogue/open-data';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

/**
 * The public investor catalogue (no sign-in, rate-limited per address, `ETag` + `Cache-Control: public,
 * no-cache`: a client revalidates every time and gets 304 while nothing public changed) and the officers'
 * publishing. Public paths: `/api/public/…`, `/api/open-data/…`, `/sitemap.xml`, `/robots.txt`.
 */
const publicTags = ['Public catalogue'];
const openDataTags = ['Open data'];
const officerTags = ['Catalogue publishing'];

const notModified = { description: 'Not modified (If-None-Match matched the ETag)' };
const cacheHeaders = {
  ETag: {
    description: 'Changes when anything public changes (data version and day)',
    schema: { type: 'string' as const },
  },
  'Cache-Control': { description: '`public, no-cache`', schema: { type: 'string' as const } },
};

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'CCN-DA-01' }),
});

export const listPublicZonesRoute = createRoute({
  method: 'get',
  path: '/api/public/zones',
  tags: publicTags,
  summary: 'Published parks and clusters, filtered and paged; each with its published fields only',
  description:
    'Search without diacritics (`q`), family, commune, former district, sector (VSIC division), unleased land ' +
    '(`freeLandMinHa`), current sublease price (`priceMin`/`priceMax` in `priceCurrency` per `priceUnit`, default ' +
    'VND per m² per year), readiness, and `near` a commune within `radiusKm` (nearest first).',
  request: { query: catalogueQuerySchema },
  responses: {
    200: {
      ...jsonResponse(publicZoneListSchema.meta({ id: 'PublicZoneList' }), 'Zones'),
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

export const getPublicZoneRoute = createRoute({
  method: 'get',
  path: '/api/public/zones/{code}',
  tags: publicTags,
  summary: 'The public profile of a published zone, with its scorecard; 404 when unknown or unpublished',
  request: { params: codeParam, query: publicZoneQuerySchema },
  responses: {
    200: { ...jsonResponse(publicZoneSchema.meta({ id: 'PublicZone' }), 'The zone'), headers: cacheHeaders },
    304: notModified,
    ...errorResponses(400, 404, 429),
  },
});

export const publicFacetsRoute = createRoute({
  method: 'get',
  path: '/api/public/facets',
  tags: publicTags,
  summary:
    'The values the filters offer: families, communes, former districts and sectors with published zones',
  responses: {
    200: {
      ...jsonResponse(catalogueFacetsSchema.meta({ id: 'CatalogueFacets' }), 'Facets'),
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

export const publicGeoJsonRoute = createRoute({
  method: 'get',
  path: '/api/public/zones.geojson',
  tags: publicTags,
  summary:
    'Published zones as points for the public map (at the commune centre, `approximate`, when unplaced)',
  responses: {
    200: {
      description: 'A GeoJSON FeatureCollection of points',
      content: {
        'application/geo+json': {
          schema: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
        },
      },
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

export const scorecardMethodRoute = createRoute({
  method: 'get',
  path: '/api/public/scorecard-method',
  tags: publicTags,
  summary: 'How the zone scorecard is computed, in Vietnamese and English',
  responses: {
    200: {
      ...jsonResponse(scorecardMethodSchema.meta({ id: 'ScorecardMethod' }), 'The method'),
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

export const publicDocumentRoute = createRoute({
  method: 'get',
  path: '/api/public/documents/{id}/file',
  tags: publicTags,
  summary: 'A public document or photo of a published zone; 404 when not public, withdrawn or unpublished',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The file (ETag: its SHA-256)',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: notModified,
    ...errorResponses(400, 404, 429),
  },
});

const openDataMedia: Record<OpenDataFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  json: 'application/json',
};

/** `GET /api/open-data/zones.{csv,xlsx,geojson,json}`: one operation per format (stable addresses). */
export const openDataRoutes = openDataFormats.map((format) => ({
  format,
  route: createRoute({
    method: 'get',
    path: `/api/open-data/zones.${format}`,
    tags: openDataTags,
    summary: `Open data: the published fields of the published zones as ${format.toUpperCase()} (CC BY 4.0)`,
    description:
      'Licence CC BY 4.0 (header `Link: <https://creativecommons.org/licenses/by/4.0/>; rel="license"`, and in ' +
      'the file). `X-Data-As-Of` and `ETag` say which state of the registry it is; `If-None-Match` answers 304.',
    responses: {
      200: {
        description: `The ${format.toUpperCase()} file`,
        content: {
          [openDataMedia[format]]: {
            schema:
              format === 'json' || format === 'geojson'
                ? z.object({}).passthrough()
                : z.string().openapi({ format: format === 'xlsx' ? 'binary' : 'text' }),
          },
        },
        headers: cacheHeaders,
      },
      304: notModified,
      ...errorResponses(400, 429),
    },
  }),
}));

export const sitemapRoute = createRoute({
  method: 'get',
  path: '/sitemap.xml',
  tags: publicTags,
  summary: "The catalogue's home and every published zone's page, for search engines",
  responses: {
    200: {
      description: 'Sitemap',
      content: { 'application/xml': { schema: z.string() } },
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

export const robotsRoute = createRoute({
  method: 'get',
  path: '/robots.txt',
  tags: publicTags,
  summary: 'Search engines may index the catalogue, not the staff app; names the sitemap',
  responses: {
    200: {
      description: 'robots.txt',
      content: { 'text/plain': { schema: z.string() } },
      headers: cacheHeaders,
    },
    304: notModified,
    ...errorResponses(400, 429),
  },
});

// ---- Officers ----------------------------------------------------------------------------------------------

export const listPublicationsRoute = createRoute({
  method: 'get',
  path: '/api/catalogue/zones',
  tags: officerTags,
  summary: 'The zones you may publish, with their publication state (published first)',
  responses: {
    200: jsonResponse(publicationListSchema.meta({ id: 'PublicationList' }), 'Zones'),
    ...errorResponses(401, 403),
  },
});

export const getPublicationRoute = createRoute({
  method: 'get',
  path: '/api/catalogue/zones/{code}',
  tags: officerTags,
  summary: "A zone's publication: published or not, public fields, descriptions per language, documents",
  request: { params: codeParam },
  responses: {
    200: jsonResponse(publicationSchema.meta({ id: 'Publication' }), 'Publication'),
    ...errorResponses(401, 403, 404),
  },
});

export const savePublicationRoute = createRoute({
  method: 'put',
  path: '/api/catalogue/zones/{code}',
  tags: officerTags,
  summary: 'Publish or unpublish a zone and choose its public fields; `version` as read (0 the first time)',
  request: { params: codeParam, body: jsonBody(publicationInputSchema.meta({ id: 'PublicationInput' })) },
  responses: {
    200: jsonResponse(publicationSchema, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const langParams = codeParam.extend({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .openapi({ param: { name: 'lang', in: 'path' }, example: 'en' }),
});

export const saveDescriptionRoute = createRoute({
  method: 'put',
  path: '/api/catalogue/zones/{code}/descriptions/{lang}',
  tags: officerTags,
  summary: "An officer's description of the zone in one language (never machine translated)",
  request: { params: langParams, body: jsonBody(descriptionInputSchema.meta({ id: 'DescriptionInput' })) },
  responses: {
    200: jsonResponse(publicationSchema, 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const removeDescriptionRoute = createRoute({
  method: 'delete',
  path: '/api/catalogue/zones/{code}/descriptions/{lang}',
  tags: officerTags,
  summary: "Remove a language's description; `version` as read",
  request: {
    params: langParams,
    query: z.object({ version: z.coerce.number().int().min(1).max(2_000_000_000) }),
  },
  responses: {
    200: jsonResponse(publicationSchema, 'Removed'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const documentPublicationRoute = createRoute({
  method: 'put',
  path: '/api/catalogue/documents/{id}',
  tags: officerTags,
  summary: 'Mark a zone document public (downloadable from the catalogue) or not',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    body: jsonBody(documentPublicationInputSchema.meta({ id: 'DocumentPublicationInput' })),
  },
  responses: {
    200: jsonResponse(publicationSchema, 'Saved'),
    ...errorResponses(400, 401, 403, 404),
  },
});
