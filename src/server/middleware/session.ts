import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { AppError } from '../../domain/shared/errors';
import { resolveSession } from '../../services/auth/auth.service';
import { serviceDeps, type AppDeps, type AppEnv } from '../context';

export const sessionCookie = 'izis_session';

export function setSessionCookie(c: Context, deps: AppDeps, token: string, expiresAt: Date): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, sessionCookie, { path: '/', secure: deps.cookieSecure });
}

/** Resolves the session cookie, if any. An expired or revoked one is cleared and remembered as such. */
export function session(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie);
    if (token) {
      try {
        c.set('session', await resolveSession(serviceDeps(c, deps), token, deps.auth));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'auth.session_expired') c.set('sessionProblem', 'auth.session_expired');
        clearSessionCookie(c, deps);
      }
    }
    await next();
  };
}
