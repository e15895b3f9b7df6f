import { createRoute, z } from '@hono/zod-openapi';
import {
  adminUnitDetailSchema,
  adminUnitQuerySchema,
  adminUnitSchema,
} from '../../../domain/admin-unit/admin-unit.schema';
import { errorResponses, idParam, jsonResponse } from '../openapi';

export const listAdminUnitsRoute = createRoute({
  method: 'get',
  path: '/api/admin-units',
  tags: ['Administrative units'],
  summary:
    'Provinces, districts (until 30/6/2025) and communes/wards, filtered by level, validity date and name',
  request: { query: adminUnitQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(adminUnitSchema.meta({ id: 'AdminUnit' })), total: z.number() }),
      'A page of units',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const getAdminUnitRoute = createRoute({
  method: 'get',
  path: '/api/admin-units/{id}',
  tags: ['Administrative units'],
  summary: 'One unit with its predecessors and successors',
  request: { params: idParam },
  responses: {
    200: jsonResponse(adminUnitDetailSchema.meta({ id: 'AdminUnitDetail' }), 'The unit'),
    ...errorResponses(401, 403, 404),
  },
});

export const importAdminUnitsRoute = createRoute({
  method: 'post',
  path: '/api/admin-units/import',
  tags: ['Administrative units'],
  summary: 'Load a reorganisation file (all or nothing, idempotent on codes)',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()).openapi('ReorganisationFile') },
      },
    },
  },
  responses: {
    200: jsonResponse(
      z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number(), links: z.number() }),
      'Imported',
    ),
    ...errorResponses(400, 401, 403),
  },
});

export const territoryRoute = createRoute({
  method: 'get',
  path: '/api/admin-units/territory',
  tags: ['Administrative units'],
  summary:
    'GeoJSON of the territory under the map: the province outline, the communes/wards and their labels',
  description:
    'Layers in `properties.layer`: "province", "commune", "label". A unit without an imported boundary is ' +
    'drawn approximately from the communes’ rough centres (`approximate: true`): never a legal boundary.',
  responses: {
    200: jsonResponse(
      z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
      'Features',
    ),
    ...errorResponses(401, 403),
  },
});

export const importBoundariesRoute = createRoute({
  method: 'post',
  path: '/api/admin-units/boundaries',
  tags: ['Administrative units'],
  summary: 'Import boundaries of the province and communes/wards (GeoJSON, all or nothing)',
  description:
    'A FeatureCollection of Polygons/MultiPolygons in WGS 84, each with the unit code in `properties.code`.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()).openapi('BoundaryFile') },
        'application/geo+json': { schema: z.record(z.string(), z.unknown()) },
      },
    },
  },
  responses: {
    200: jsonResponse(z.object({ updated: z.number() }), 'Imported'),
    ...errorResponses(400, 401, 403),
  },
});
