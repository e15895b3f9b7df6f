import { createRoute } from '@hono/zod-openapi';
import {
  changePasswordInputSchema,
  sessionResponseSchema,
  sessionUserSchema,
  signInInputSchema,
  updateMeInputSchema,
} from '../../../domain/identity/identity.schema';
import { errorResponses, jsonBody, jsonResponse } from '../openapi';

const session = sessionResponseSchema.meta({ id: 'Session' });

export const getSession = createRoute({
  method: 'get',
  path: '/api/auth/session',
  tags: ['Auth'],
  summary: 'The signed-in user, permissions and CSRF token',
  responses: { 200: jsonResponse(session, 'Signed in'), ...errorResponses(401) },
});

export const postSignIn = createRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags: ['Auth'],
  summary: 'Sign in with username and password; sets the HttpOnly session cookie',
  request: { body: jsonBody(signInInputSchema.meta({ id: 'SignInInput' })) },
  responses: { 200: jsonResponse(session, 'Signed in'), ...errorResponses(400, 401, 403, 429) },
});

export const postSignOut = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['Auth'],
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' }, ...errorResponses(401, 403) },
});

export const postSignOutEverywhere = createRoute({
  method: 'post',
  path: '/api/auth/sign-out-everywhere',
  tags: ['Auth'],
  summary: 'End every session of the signed-in user',
  responses: { 204: { description: 'All sessions ended' }, ...errorResponses(401, 403) },
});

export const patchMe = createRoute({
  method: 'patch',
  path: '/api/me',
  tags: ['Auth'],
  summary: 'Update own preferences (language)',
  request: { body: jsonBody(updateMeInputSchema) },
  responses: {
    200: jsonResponse(sessionUserSchema.meta({ id: 'SessionUser' }), 'Updated'),
    ...errorResponses(400, 401, 403),
  },
});

export const postMyPassword = createRoute({
  method: 'post',
  path: '/api/me/password',
  tags: ['Auth'],
  summary: 'Change own password; other sessions end',
  request: { body: jsonBody(changePasswordInputSchema) },
  responses: { 204: { description: 'Changed' }, ...errorResponses(400, 401, 403) },
});
