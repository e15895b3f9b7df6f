import { createRoute, z } from '@hono/zod-openapi';
import {
  createUserInputSchema,
  listQuerySchema,
  resetPasswordInputSchema,
  userSummarySchema,
} from '../../../domain/identity/identity.schema';
import { roleCodes, scopeKinds } from '../../../domain/identity/roles';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../openapi';

const userSummary = userSummarySchema.meta({ id: 'UserSummary' });

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Users visible to the caller (by role and scope), with diacritics-insensitive search',
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(z.object({ items: z.array(userSummary), total: z.number() }), 'A page of users'),
    ...errorResponses(400, 401, 403),
  },
});

export const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Create a user with one role assignment',
  request: { body: jsonBody(createUserInputSchema.meta({ id: 'CreateUserInput' })) },
  responses: { 201: jsonResponse(userSummary, 'Created'), ...errorResponses(400, 401, 403, 409) },
});

export const getUserRoute = createRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags: ['Users'],
  summary: 'One user (404 when outside your scope)',
  request: { params: idParam },
  responses: { 200: jsonResponse(userSummary, 'The user'), ...errorResponses(401, 404) },
});

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/password',
  tags: ['Users'],
  summary: "Set a user's password (administrators); ends their sessions",
  request: { params: idParam, body: jsonBody(resetPasswordInputSchema) },
  responses: { 204: { description: 'Password set' }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const setStatusRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}/status',
  tags: ['Users'],
  summary: 'Enable or disable an account (optimistic concurrency on `version`)',
  request: {
    params: idParam,
    body: jsonBody(z.object({ status: z.enum(['active', 'disabled']), version: z.number().int().min(1) })),
  },
  responses: { 200: jsonResponse(userSummary, 'Updated'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const listRolesRoute = createRoute({
  method: 'get',
  path: '/api/roles',
  tags: ['Users'],
  summary: 'The role catalogue with the scope kinds each accepts',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({ code: z.enum(roleCodes), name: z.string(), scopeKinds: z.array(z.enum(scopeKinds)) }),
        ),
      }),
      'Roles',
    ),
    ...errorResponses(401),
  },
});
