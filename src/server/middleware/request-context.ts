import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { pickLocale } from '../../domain/shared/errors';
import type { AppDeps, AppEnv } from '../context';

/** Request id (echoed in `X-Request-Id`), locale, a request-scoped logger and one access-log line. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    const lang = c.req.query('lang');
    c.set('requestId', requestId);
    c.set('locale', lang === 'en' || lang === 'vi' ? lang : pickLocale(c.req.header('accept-language')));
    const log = deps.log.child({ requestId });
    c.set('log', log);
    c.set('session', null);
    c.set('sessionProblem', null);
    c.set('limits', deps.limits);
    const started = performance.now();
    c.header('X-Request-Id', requestId);
    await next();
    if (c.req.path.startsWith('/api/')) {
      log.info(
        {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
          userId: c.get('session')?.user.id,
        },
        'request',
      );
    }
  };
}
