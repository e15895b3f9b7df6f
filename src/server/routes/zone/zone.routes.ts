import { createRoute, z } from '@hono/zod-openapi';
import { auditEntrySchema } from '../../../domain/audit/audit.schema';
import { projectSummarySchema } from '../../../domain/project/project.schema';
import {
  createZoneInputSchema,
  lifecycleEventInputSchema,
  lifecycleEventSchema,
  occupancyGroupSchema,
  updateZoneInputSchema,
  zoneDetailSchema,
  zoneListQuerySchema,
  zoneSummarySchema,
} from '../../../domain/zone/zone.schema';
import { zoneMapQuerySchema } from '../../../domain/zone/zone-map.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const detail = zoneDetailSchema.meta({ id: 'ZoneDetail' });
const tags = ['Registry: zones'];

export const listZonesRoute = createRoute({
  method: 'get',
  path: '/api/zones',
  tags,
  summary: 'Parks and clusters visible to the caller; filters, sort, paging, diacritics-insensitive search',
  request: { query: zoneListQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(zoneSummarySchema.meta({ id: 'ZoneSummary' })),
        total: z.number(),
        asOf: z.string(),
      }),
      'A page of zones',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const zoneMapRoute = createRoute({
  method: 'get',
  path: '/api/zones/map',
  tags,
  summary: 'GeoJSON FeatureCollection of the zones (boundary, or a point while none is drawn)',
  description:
    'Every visible zone matching the filters, with its full boundary unless `tolerance` asks for a simplified ' +
    'one; `bbox` keeps the zones meeting a box. Revalidate with `If-None-Match`: the `ETag` is a hash of the ' +
    'body, so an unchanged map answers 304 without a body.',
  request: { query: zoneMapQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        type: z.literal('FeatureCollection'),
        features: z.array(z.unknown()),
        /** Zones with no location at all, so that none is silently missing from the map. */
        unplaced: z.array(z.object({ code: z.string(), name: z.string() })),
      }),
      'Features',
    ),
    304: { description: 'Not modified: the map is the one the client has (same ETag)' },
    ...errorResponses(400, 401, 403),
  },
});

export const zoneOccupancyRoute = createRoute({
  method: 'get',
  path: '/api/zones/occupancy',
  tags,
  summary: 'Area-weighted occupancy (Decree 32) per commune, former district, family or the city',
  request: {
    query: z.object({
      groupBy: z.enum(['commune', 'formerDistrict', 'family', 'city']).default('family'),
      family: z.enum(['KCN', 'CCN']).optional(),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ asOf: z.string(), items: z.array(occupancyGroupSchema) }), 'Groups'),
    ...errorResponses(400, 401, 403),
  },
});

export const ccnTypesRoute = createRoute({
  method: 'get',
  path: '/api/ccn-types',
  tags,
  summary: 'The configurable list of cluster types',
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }),
      'Types',
    ),
    ...errorResponses(401),
  },
});

export const createZoneRoute = createRoute({
  method: 'post',
  path: '/api/zones',
  tags,
  summary: 'Register a park or cluster',
  request: { body: jsonBody(createZoneInputSchema.meta({ id: 'CreateZoneInput' })) },
  responses: { 201: jsonResponse(detail, 'Created'), ...errorResponses(400, 401, 403) },
});

export const getZoneRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}',
  tags,
  summary: 'One zone with key figures, lifecycle summary and sources (404 outside your scope)',
  request: { params: codeParam },
  responses: { 200: jsonResponse(detail, 'The zone'), ...errorResponses(401, 404) },
});

export const updateZoneRoute = createRoute({
  method: 'patch',
  path: '/api/zones/{code}',
  tags,
  summary: 'Edit a zone; `version` must be the one you read (409 with the current record and missed changes)',
  request: { params: codeParam, body: jsonBody(updateZoneInputSchema.meta({ id: 'UpdateZoneInput' })) },
  responses: { 200: jsonResponse(detail, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const listLifecycleRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/lifecycle',
  tags,
  summary: 'The dated lifecycle history',
  request: { params: codeParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(lifecycleEventSchema) }), 'Events'),
    ...errorResponses(401, 404),
  },
});

export const addLifecycleRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/lifecycle',
  tags,
  summary: 'Record a legal step (validated against the whole history)',
  request: { params: codeParam, body: jsonBody(lifecycleEventInputSchema) },
  responses: { 201: jsonResponse(lifecycleEventSchema, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const zoneHistoryRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/history',
  tags,
  summary: 'Who changed what and when (from the audit trail)',
  request: { params: codeParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(auditEntrySchema) }), 'History'),
    ...errorResponses(401, 404),
  },
});

export const setBoundaryRoute = createRoute({
  method: 'put',
  path: '/api/zones/{code}/boundary',
  tags,
  summary: 'Set the boundary from a GeoJSON Polygon or MultiPolygon (EPSG:4326)',
  request: {
    params: codeParam,
    body: jsonBody(z.object({ geometry: z.unknown(), version: z.number().int().min(1) })),
  },
  responses: { 200: jsonResponse(detail, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const clearBoundaryRoute = createRoute({
  method: 'delete',
  path: '/api/zones/{code}/boundary',
  tags,
  summary: 'Remove the boundary (the marker stays)',
  request: { params: codeParam, query: z.object({ version: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse(detail, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const zoneProjectsRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/projects',
  tags,
  summary: 'The tenant projects of one zone (same as /api/projects?zone=…)',
  request: {
    params: codeParam,
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(projectSummarySchema), total: z.number() }), 'Projects'),
    ...errorResponses(401, 404),
  },
});
