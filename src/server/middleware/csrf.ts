import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../domain/shared/errors';
import { csrfTokenMatches } from '../../services/auth/auth.service';
import type { AppDeps, AppEnv } from '../context';
import { sessionCookie } from './session';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for cookie-authenticated writes, in two layers:
 * 1. the browser's own provenance headers: a write whose `Origin` is another site, or whose
 *    `Sec-Fetch-Site` says cross-site, is refused (this also covers sign-in, which has no session yet);
 * 2. a synchronizer token: a write carrying the session cookie must echo the session's token in
 *    `X-CSRF-Token` (the SPA gets it from /api/auth/session) — except under `/api/public/`, whose writes
 *    (investor inquiries) never act with the session.
 */
export function csrf(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const publicOrigin = deps.publicUrl ? new URL(deps.publicUrl).origin : undefined;
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin) {
      const own = publicOrigin ?? new URL(c.req.url).origin;
      if (origin !== own) throw new AppError('csrf.failed', { reason: 'origin' });
    }
    if (c.req.header('sec-fetch-site') === 'cross-site')
      throw new AppError('csrf.failed', { reason: 'fetch-site' });
    const session = c.get('session');
    // Public writes (an investor's inquiry) act for no session: an officer signed in in the same browser
    // must not need the token, and the provenance checks above still apply.
    if (c.req.path.startsWith('/api/public/')) return next();
    if (session && getCookie(c, sessionCookie)) {
      if (!csrfTokenMatches(session.csrfToken, c.req.header('x-csrf-token'))) {
        throw new AppError('csrf.failed', { reason: 'token' });
      }
    }
    return next();
  };
}
