import { createRoute, z } from '@hono/zod-openapi';
import {
  findingSchema,
  inspectionCountsSchema,
  inspectionInputSchema,
  inspectionKindSchema,
  inspectionListQuerySchema,
  inspectionSchema,
  planEntryInputSchema,
  planEntrySchema,
  remedyInputSchema,
  zoneInspectionsSchema,
} from '../../../domain/inspection/inspection.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Monitoring: inspections'];
const inspection = inspectionSchema.meta({ id: 'Inspection' });

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const listKindsRoute = createRoute({
  method: 'get',
  path: '/api/inspection-kinds',
  tags,
  summary: 'Kinds of inspection (configuration) with their checklists',
  responses: { 200: jsonResponse(z.array(inspectionKindSchema), 'Kinds'), ...errorResponses(401) },
});

export const zoneInspectionsRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/inspections',
  tags,
  summary: "A zone's inspections (results, findings with their follow-up, penalties) and its plan entries",
  request: { params: codeParam },
  responses: {
    200: jsonResponse(zoneInspectionsSchema.meta({ id: 'ZoneInspections' }), 'Inspections'),
    ...errorResponses(401, 404),
  },
});

export const recordInspectionRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/inspections',
  tags,
  summary: 'Record an inspection (agencies): every checklist item answered, each failed one with a deadline',
  request: { params: codeParam, body: jsonBody(inspectionInputSchema.meta({ id: 'InspectionInput' })) },
  responses: { 201: jsonResponse(inspection, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const remedyRoute = createRoute({
  method: 'post',
  path: '/api/inspections/{id}/findings/{findingId}/remedy',
  tags,
  summary: 'Record that a finding was remedied (date, evidence); `version` must be the one read (409)',
  request: {
    params: z.object({
      id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
      findingId: z.uuid().openapi({ param: { name: 'findingId', in: 'path' } }),
    }),
    body: jsonBody(remedyInputSchema.meta({ id: 'RemedyInput' })),
  },
  responses: {
    200: jsonResponse(findingSchema.meta({ id: 'Finding' }), 'Remedied'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const listInspectionsRoute = createRoute({
  method: 'get',
  path: '/api/inspections',
  tags,
  summary: 'Inspections in your scope (newest first, at most 500), by year, kind, zone, unremedied',
  request: { query: inspectionListQuerySchema },
  responses: { 200: jsonResponse(z.array(inspection), 'Inspections'), ...errorResponses(400, 401) },
});

export const countsRoute = createRoute({
  method: 'get',
  path: '/api/inspections/counts',
  tags,
  summary: 'Per kind: planned and done in the year, with failures, findings past due, penalties (VND)',
  request: { query: yearQuery },
  responses: { 200: jsonResponse(inspectionCountsSchema, 'Counts'), ...errorResponses(400, 401) },
});

export const listPlanRoute = createRoute({
  method: 'get',
  path: '/api/inspection-plan',
  tags,
  summary: "The year's inspection plan in your scope, with how many were done",
  request: { query: yearQuery },
  responses: { 200: jsonResponse(z.array(planEntrySchema), 'Plan'), ...errorResponses(400, 401) },
});

export const addPlanRoute = createRoute({
  method: 'post',
  path: '/api/inspection-plan',
  tags,
  summary: 'Plan an inspection of a zone or project (kind, quarter) in a year (agencies)',
  request: { body: jsonBody(planEntryInputSchema.meta({ id: 'InspectionPlanEntryInput' })) },
  responses: {
    201: jsonResponse(z.object({ id: z.string() }), 'Planned'),
    ...errorResponses(400, 401, 403, 404),
  },
});
