import { timingSafeEqual } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { metricsRegistry, observeDatabasePool } from '../../../services/system/metrics';
import { clientAddress } from '../../client-address';
import type { AppDeps, AppEnv } from '../../context';

const LOOPBACK = new Set(['127.0.0.1', '::1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus's text format, for a scraper — not part of the public API (no OpenAPI
 * operation). Readable with `Authorization: Bearer <IZIS_METRICS_TOKEN>`, or without a token from the
 * machine itself (loopback) when none is configured; anyone else gets 404, as if it did not exist.
 */
export function registerMetrics(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  observeDatabasePool(() => deps.database.poolStats?.() ?? null);
  app.get('/metrics', async (c) => {
    const header = c.req.header('authorization') ?? '';
    const allowed = deps.metricsToken
      ? header.startsWith('Bearer ') && sameToken(header.slice(7), deps.metricsToken)
      : LOOPBACK.has(clientAddress(c, deps.trustedProxies) ?? '');
    if (!allowed) return c.text('Not Found', 404);
    return c.body(await metricsRegistry.metrics(), 200, {
      'Content-Type': metricsRegistry.contentType,
      'Cache-Control': 'no-store',
    });
  });
}
