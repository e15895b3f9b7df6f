import { createRoute, z } from '@hono/zod-openapi';
import {
  incidentInputSchema,
  incidentSchema,
  incidentUpdateSchema,
  zoneIncidentsSchema,
} from '../../../domain/incident/incident.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Monitoring: incidents'];
const incident = incidentSchema.meta({ id: 'Incident' });
const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const zoneIncidentsRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/incidents',
  tags,
  summary: "A zone's incidents, newest first",
  request: { params: codeParam },
  responses: {
    200: jsonResponse(zoneIncidentsSchema.meta({ id: 'ZoneIncidents' }), 'Incidents'),
    ...errorResponses(401, 404),
  },
});

export const recordIncidentRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/incidents',
  tags,
  summary: 'Record an incident (agencies and the developer)',
  request: { params: codeParam, body: jsonBody(incidentInputSchema.meta({ id: 'IncidentInput' })) },
  responses: { 201: jsonResponse(incident, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const updateIncidentRoute = createRoute({
  method: 'patch',
  path: '/api/incidents/{id}',
  tags,
  summary: 'Follow up an incident (response, follow-up, damage, closed on); `version` must be current (409)',
  request: {
    params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    body: jsonBody(incidentUpdateSchema.meta({ id: 'IncidentUpdate' })),
  },
  responses: { 200: jsonResponse(incident, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});
