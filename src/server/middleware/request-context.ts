import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { httpRequestSeconds, slowRequests } from '../../services/system/metrics';
import { pickLocale } from '../../domain/shared/errors';
import type { AppDeps, AppEnv } from '../context';

/** How often the terminal gets one line summing up the API requests served since the last one. */
const SUMMARY_EVERY_MS = 60_000;

/**
 * Request id (echoed in `X-Request-Id`), locale, a request-scoped logger and one access-log line per API
 * request — at debug level (a failure at warn), so the terminal is not a stream of JSON lines; instead,
 * at most once a minute, one info line sums up the requests since the previous one (count, failures, p95).
 * Each API request is also timed in the metrics by its route pattern (`/api/zones/:code`, never the raw
 * path, so the series stay few); one slower than `deps.slowRequestMs` gets a warn line of its own.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  let windowStart = performance.now();
  let durations: number[] = [];
  let failures = 0;
  const summarise = (now: number) => {
    if (now - windowStart < SUMMARY_EVERY_MS) return;
    if (durations.length) {
      const sorted = [...durations].sort((a, b) => a - b);
      deps.log.info(
        {
          requests: sorted.length,
          failures,
          p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))],
          seconds: Math.round((now - windowStart) / 1000),
        },
        'requests served',
      );
    }
    windowStart = now;
    durations = [];
    failures = 0;
  };
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
    c.set('deliberate5xx', false);
    c.set('limits', deps.limits);
    const started = performance.now();
    c.header('X-Request-Id', requestId);
    await next();
    if (c.req.path.startsWith('/api/')) {
      const now = performance.now();
      const ms = Math.round((now - started) * 10) / 10;
      const line = {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms,
        userId: c.get('session')?.user.id,
      };
      // After next(), routeIndex is the route that answered (a 404 or an early refusal: the middleware's).
      const route = matchedRoutes(c)[c.req.routeIndex]?.path ?? 'unmatched';
      httpRequestSeconds.observe(
        { method: c.req.method, route, status: `${Math.floor(c.res.status / 100)}xx` },
        ms / 1000,
      );
      const failed = c.res.status >= 500 && !c.get('deliberate5xx');
      if (failed) log.warn(line, 'request');
      else if (ms >= (deps.slowRequestMs ?? 1000)) {
        slowRequests.inc({ route });
        log.warn({ ...line, route }, 'slow request');
      } else log.debug(line, 'request');
      durations.push(ms);
      if (failed) failures += 1;
      summarise(now);
    }
  };
}
