import type { OpenAPIHono } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { contentDisposition } from '../../../domain/document/document-file';
import { LICENCE } from '../../../domain/open-data/open-data.schema';
import {
  openDataCatalog,
  openDataFile,
  openDataIndexFor,
} from '../../../services/open-data/open-data.service';
import { rateLimit } from '../../middleware/rate-limit';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import { openDataCatalogRoute, openDataFileRoute, openDataIndexRoute } from './open-data.routes';

const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a gzip-weakened tag still matches. */
function matches(c: AppContext, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => strip(t) === strip(etag));
}

function respond(c: AppContext, etag: string, body: string | Uint8Array, headers: Record<string, string>) {
  const common: Record<string, string> = { ETag: etag, 'Cache-Control': CACHE_CONTROL, ...headers };
  if (matches(c, etag)) {
    delete common['Content-Type'];
    delete common['Content-Disposition'];
    return c.body(null, 304, common) as never;
  }
  return c.body(typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>), 200, common) as never;
}

/** Absolute addresses in the catalogue: the configured public address, else the request's own. */
function baseOf(c: AppContext, deps: AppDeps): string {
  return (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

const tagOf = (text: string) => `"${createHash('sha256').update(text).digest('hex').slice(0, 32)}"`;

export function registerOpenData(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  // Anonymous readers share one budget per client address over these routes: h1's limiter with the open-data
  // share of IZIS_PUBLIC_RATE_LIMIT, as for the registry's open data (catalogue.handlers.ts); 0 turns it off.
  const perMinute = deps.publicRateLimitPerMinute ?? 600;
  if (perMinute > 0) {
    const limit = rateLimit({
      limit: Math.max(1, Math.ceil(perMinute / 10)),
      windowMs: 60_000,
      trustedProxies: deps.trustedProxies,
    });
    for (const path of ['/api/open-data', '/api/open-data/catalog.jsonld', '/api/open-data/compilations/*']) {
      app.use(path, limit);
    }
  }
  app.openapi(openDataFileRoute, async (c) => {
    const { form, file } = c.req.valid('param');
    const out = await openDataFile(serviceDeps(c, deps), form, file);
    return respond(c, out.etag, out.body, {
      'Content-Type': out.contentType,
      'Content-Disposition': contentDisposition(out.fileName).replace(/^attachment/, 'inline'),
      'X-As-Of': out.asOf,
      Link: `<${LICENCE.url}>; rel="license"`,
    });
  });
  app.openapi(openDataCatalogRoute, async (c) => {
    const text = JSON.stringify(await openDataCatalog(serviceDeps(c, deps), baseOf(c, deps)));
    return respond(c, tagOf(text), text, {
      'Content-Type': 'application/ld+json; charset=utf-8',
      Link: `<${LICENCE.url}>; rel="license"`,
    });
  });
  app.openapi(openDataIndexRoute, async (c) => {
    const text = JSON.stringify(await openDataIndexFor(serviceDeps(c, deps), baseOf(c, deps)));
    return respond(c, tagOf(text), text, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
