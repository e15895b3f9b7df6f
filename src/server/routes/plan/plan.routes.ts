import { createRoute, z } from '@hono/zod-openapi';
import {
  planInputSchema,
  planRecordSchema,
  planUpdateSchema,
  planYearQuerySchema,
  planYearViewSchema,
  targetInputSchema,
  targetRecordSchema,
  targetUpdateSchema,
  withdrawSchema,
} from '../../../domain/plan/plan.schema';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../openapi';

const tags = ['Plans and targets'];
const planRecord = planRecordSchema.meta({ id: 'Plan' });
const targetRecord = targetRecordSchema.meta({ id: 'PlanTarget' });

export const planYearRoute = createRoute({
  method: 'get',
  path: '/api/plans',
  tags,
  summary:
    'The year’s plans of a family with every target’s live actual, % achieved and the zones behind it (those in your scope), and the Decree 32 gates',
  request: { query: planYearQuerySchema },
  responses: {
    200: jsonResponse(planYearViewSchema.meta({ id: 'PlanYear' }), 'The year'),
    ...errorResponses(400, 401, 403),
  },
});

export const exportPlanYearRoute = createRoute({
  method: 'get',
  path: '/api/plans/export.xlsx',
  tags,
  summary: 'The plan page as a workbook: targets, the zones behind them, the Decree 32 gates',
  request: { query: planYearQuerySchema },
  responses: {
    200: {
      description: 'The workbook',
      content: {
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: z.string().openapi({ format: 'binary' }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

export const createPlanRoute = createRoute({
  method: 'post',
  path: '/api/plans',
  tags,
  summary: 'Record a plan document (the family’s department); any year from 2000',
  request: { body: jsonBody(planInputSchema.meta({ id: 'PlanInput' })) },
  responses: { 201: jsonResponse(planRecord, 'Recorded'), ...errorResponses(400, 401, 403) },
});

export const updatePlanRoute = createRoute({
  method: 'patch',
  path: '/api/plans/{id}',
  tags,
  summary: 'Correct a plan’s document fields; `version` must be the one you read',
  request: { params: idParam, body: jsonBody(planUpdateSchema.meta({ id: 'PlanUpdate' })) },
  responses: { 200: jsonResponse(planRecord, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const withdrawPlanRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/withdraw',
  tags,
  summary: 'Withdraw a plan (and its targets) with a reason; nothing is deleted',
  request: { params: idParam, body: jsonBody(withdrawSchema.meta({ id: 'WithdrawInput' })) },
  responses: { 200: jsonResponse(planRecord, 'Withdrawn'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const addTargetRoute = createRoute({
  method: 'post',
  path: '/api/plans/{id}/targets',
  tags,
  summary: 'Add a target to a plan: a count over named zones, a rule over the registry, a figure or a task',
  request: { params: idParam, body: jsonBody(targetInputSchema.meta({ id: 'PlanTargetInput' })) },
  responses: { 201: jsonResponse(targetRecord, 'Added'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const updateTargetRoute = createRoute({
  method: 'put',
  path: '/api/plans/targets/{id}',
  tags,
  summary: 'Replace a target’s definition; `version` must be the one you read',
  request: { params: idParam, body: jsonBody(targetUpdateSchema.meta({ id: 'PlanTargetUpdate' })) },
  responses: { 200: jsonResponse(targetRecord, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const withdrawTargetRoute = createRoute({
  method: 'post',
  path: '/api/plans/targets/{id}/withdraw',
  tags,
  summary: 'Withdraw a target with a reason; nothing is deleted',
  request: { params: idParam, body: jsonBody(withdrawSchema) },
  responses: { 200: jsonResponse(targetRecord, 'Withdrawn'), ...errorResponses(400, 401, 403, 404, 409) },
});
