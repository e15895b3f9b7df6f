import { createRoute, z } from '@hono/zod-openapi';
import { scheduleSteps } from '../../../domain/schedule/schedule';
import {
  commitmentInputSchema,
  progressReadingInputSchema,
  progressReadingSchema,
  scheduleStepInputSchema,
  zoneScheduleSchema,
} from '../../../domain/schedule/schedule.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const tags = ['Monitoring: schedule'];

const codeParam = z.object({
  code: z
    .string()
    .max(64)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

export const getScheduleRoute = createRoute({
  method: 'get',
  path: '/api/zones/{code}/schedule',
  tags,
  summary:
    "A zone's planned steps with the actual dates read from its lifecycle, slippage, progress readings and commitments",
  request: { params: codeParam },
  responses: {
    200: jsonResponse(zoneScheduleSchema.meta({ id: 'ZoneSchedule' }), 'Schedule'),
    ...errorResponses(401, 404),
  },
});

export const setStepRoute = createRoute({
  method: 'put',
  path: '/api/zones/{code}/schedule/{step}',
  tags,
  summary: 'Set or revise the planned date of a step (agencies); revising needs the `version` read (409)',
  request: {
    params: codeParam.extend({
      step: z.enum(scheduleSteps).openapi({ param: { name: 'step', in: 'path' } }),
    }),
    body: jsonBody(scheduleStepInputSchema.meta({ id: 'ScheduleStepInput' })),
  },
  responses: {
    200: jsonResponse(z.object({ id: z.string(), version: z.number() }).passthrough(), 'Saved'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

export const addReadingRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/progress-readings',
  tags,
  summary: 'Record a dated land-clearance or construction progress reading (agencies and the developer)',
  request: {
    params: codeParam,
    body: jsonBody(progressReadingInputSchema.meta({ id: 'ProgressReadingInput' })),
  },
  responses: {
    201: jsonResponse(progressReadingSchema.meta({ id: 'ProgressReading' }), 'Recorded'),
    ...errorResponses(400, 401, 403, 404),
  },
});

export const addCommitmentRoute = createRoute({
  method: 'post',
  path: '/api/zones/{code}/commitments',
  tags,
  summary: "Record a developer's signed commitment with its dated targets (kept or missed is computed)",
  request: { params: codeParam, body: jsonBody(commitmentInputSchema.meta({ id: 'CommitmentInput' })) },
  responses: {
    201: jsonResponse(z.object({ id: z.string() }), 'Recorded'),
    ...errorResponses(400, 401, 403, 404),
  },
});
