import { createRoute, z } from '@hono/zod-openapi';
import {
  masterPlanInputSchema,
  masterPlanSchema,
  masterPlanUpdateSchema,
  planEntryInputSchema,
  zonePlanSchema,
} from '../../../domain/zone/master-plan';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Registry: master plans'];
const plan = masterPlanSchema.meta({ id: 'MasterPlan' });
const zonePlan = zonePlanSchema.meta({ id: 'ZonePlan' });

const planCodeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' }, description: 'The plan code' }),
});
const zoneCodeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' }, description: 'The zone code' }),
});

export const listPlansRoute = createRoute({
  method: 'get',
  path: '/api/master-plans',
  tags,
  summary: 'Master plan versions (of one family), newest first',
  request: { query: z.object({ family: z.enum(['KCN', 'CCN']).optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(plan) }), 'Plans'),
    ...errorResponses(400, 401, 403),
  },
});

export const createPlanRoute = createRoute({
  method: 'post',
  path: '/api/master-plans',
  tags,
  summary:
    'Record a plan version (the family’s department); it may supersede an earlier one and carry its zones over',
  request: { body: jsonBody(masterPlanInputSchema.meta({ id: 'MasterPlanInput' })) },
  responses: { 201: jsonResponse(plan, 'Created'), ...errorResponses(400, 401, 403, 409) },
});

export const getPlanRoute = createRoute({
  method: 'get',
  path: '/api/master-plans/{code}',
  tags,
  summary: 'One plan version',
  request: { params: planCodeParam },
  responses: { 200: jsonResponse(plan, 'The plan'), ...errorResponses(401, 403, 404) },
});

export const updatePlanRoute = createRoute({
  method: 'patch',
  path: '/api/master-plans/{code}',
  tags,
  summary: 'Correct a plan’s name, decision or end of validity; `version` must be the one you read',
  request: { params: planCodeParam, body: jsonBody(masterPlanUpdateSchema) },
  responses: { 200: jsonResponse(plan, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const zonePlanRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/master-plan',
  tags,
  summary:
    'A zone’s plan status on `at` (default today), derived from its entries, and every entry over time',
  request: { params: zoneCodeParam, query: z.object({ at: z.iso.date().optional() }) },
  responses: {
    200: jsonResponse(zonePlan, 'The zone in the master plans'),
    ...errorResponses(400, 401, 404),
  },
});

export const addPlanEntryRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/master-plan/entries',
  tags,
  summary: 'Record that a plan (or an amendment) added the zone, changed its planned area or removed it',
  request: { params: zoneCodeParam, body: jsonBody(planEntryInputSchema.meta({ id: 'PlanEntryInput' })) },
  responses: { 201: jsonResponse(zonePlan, 'Recorded'), ...errorResponses(400, 401, 403, 404) },
});

export const removePlanEntryRoute = createRoute({
  method: 'delete',
  path: '/api/zones/{code}/master-plan/entries/{id}',
  tags,
  summary: 'Take back an entry recorded by mistake, if the zone’s remaining entries still make sense',
  request: {
    params: zoneCodeParam.extend({
      id: z
        .string()
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: { 200: jsonResponse(zonePlan, 'Removed'), ...errorResponses(400, 401, 403, 404) },
});
