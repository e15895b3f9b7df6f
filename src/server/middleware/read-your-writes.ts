import type { MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import { seenVersionCookie, type AppDeps, type AppEnv } from '../context';

/**
 * With streaming replicas configured: after a write that succeeded, the browser is given the primary's data
 * version (an HttpOnly cookie, 10 minutes), so that its next heavy reads go to a replica only once that
 * replica has replayed the write (`readServiceDeps`). Without replicas: nothing.
 */
export function readYourWrites(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!deps.reads?.enabled) return;
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.res.status >= 400) return;
    setCookie(c, seenVersionCookie, await deps.reads.primaryVersion(), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.cookieSecure,
      path: '/',
      maxAge: 600,
    });
  };
}
