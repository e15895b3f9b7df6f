import type { OpenAPIHono } from '@hono/zod-openapi';
import { contentDisposition } from '../../../domain/document/document-file';
import { openDataLicence } from '../../../domain/catalogue/open-data';
import {
  catalogueFacets,
  catalogueSitemap,
  getPublicZone,
  getScorecardMethod,
  listPublicZones,
  openPublicDocument,
  publicZonesGeoJson,
} from '../../../services/catalogue/catalogue.service';
import { openDataFile } from '../../../services/catalogue/open-data.service';
import {
  checkLang,
  getPublication,
  listPublications,
  removeZoneDescription,
  saveZoneDescription,
  savePublicationOf,
  setDocumentPublication,
} from '../../../services/catalogue/publication.service';
import { serviceDeps, type AppContext, type AppDeps, type AppEnv } from '../../context';
import { rateLimit } from '../../middleware/rate-limit';
import {
  documentPublicationRoute,
  getPublicationRoute,
  getPublicZoneRoute,
  listPublicationsRoute,
  listPublicZonesRoute,
  openDataRoutes,
  publicDocumentRoute,
  publicFacetsRoute,
  publicGeoJsonRoute,
  removeDescriptionRoute,
  robotsRoute,
  saveDescriptionRoute,
  savePublicationRoute,
  scorecardMethodRoute,
  sitemapRoute,
} from './catalogue.routes';

/** Public answers are revalidated every time (`no-cache`) and cost a 304 while nothing public changed. */
const CACHE_CONTROL = 'public, no-cache';

/** Whether the request's If-None-Match names this ETag (weak or strong, as compression may have weakened it). */
function notModified(c: AppContext, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

function cached(c: AppContext, fingerprint: string, suffix: string, send: () => Response): Response {
  const etag = `"${fingerprint}-${suffix}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_CONTROL);
  c.header('Vary', 'Accept-Encoding');
  if (notModified(c, etag)) return c.body(null, 304);
  return send();
}

/** A short hash of a static text, for its ETag (FNV-1a, 32 bits). */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The site's address for the sitemap: IZIS_PUBLIC_URL, else the request's own origin. */
function baseUrl(c: AppContext, deps: AppDeps): string {
  return (deps.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/** The public catalogue and open data (no sign-in) and the officers' publishing. */
export function registerCatalogue(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const perMinute = deps.publicRateLimitPerMinute ?? 600;
  if (perMinute > 0) {
    const limit = { limit: perMinute, windowMs: 60_000, trustedProxies: deps.trustedProxies };
    app.use('/api/public/*', rateLimit(limit));
    app.use('/api/open-data/*', rateLimit({ ...limit, limit: Math.max(1, Math.ceil(perMinute / 10)) }));
    app.use('/sitemap.xml', rateLimit(limit));
    app.use('/robots.txt', rateLimit(limit));
  }

  app.openapi(listPublicZonesRoute, async (c) => {
    const query = c.req.valid('query');
    const { fingerprint, value } = await listPublicZones(serviceDeps(c, deps), query);
    return cached(c, fingerprint, 'list', () => c.json(value, 200));
  });
  app.openapi(getPublicZoneRoute, async (c) => {
    const { fingerprint, value } = await getPublicZone(
      serviceDeps(c, deps),
      c.req.valid('param').code,
      c.req.valid('query').lang,
    );
    return cached(c, fingerprint, 'zone', () => c.json(value, 200));
  });
  app.openapi(publicFacetsRoute, async (c) => {
    const { fingerprint, value } = await catalogueFacets(serviceDeps(c, deps));
    return cached(c, fingerprint, 'facets', () => c.json(value, 200));
  });
  app.openapi(publicGeoJsonRoute, async (c) => {
    const { fingerprint, value } = await publicZonesGeoJson(serviceDeps(c, deps));
    return cached(c, fingerprint, 'geojson', () =>
      c.body(value, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }),
    );
  });
  app.openapi(scorecardMethodRoute, (c) => {
    const method = getScorecardMethod();
    return cached(c, `method-${method.method}`, 'scorecard', () => c.json(method, 200));
  });
  app.openapi(publicDocumentRoute, async (c) => {
    const { document, stream, sizeBytes } = await openPublicDocument(
      serviceDeps(c, deps),
      deps.documents,
      c.req.valid('param').id,
    );
    const etag = `"${document.sha256}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': CACHE_CONTROL,
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    };
    if (notModified(c, etag)) {
      await stream.cancel();
      return c.body(null, 304, headers);
    }
    const image = document.mimeType.startsWith('image/') || document.mimeType === 'application/pdf';
    return c.body(stream, 200, {
      ...headers,
      'Content-Type': document.mimeType,
      'Content-Length': String(sizeBytes),
      'Content-Disposition': contentDisposition(document.fileName, image ? 'inline' : 'attachment'),
    });
  });
  for (const { format, route } of openDataRoutes) {
    app.openapi(route, async (c) => {
      const { fingerprint, value } = await openDataFile(serviceDeps(c, deps), format);
      c.header('Link', `<${openDataLicence.url}>; rel="license"`);
      c.header('X-Data-As-Of', value.asOf);
      return cached(c, fingerprint, `open-data-${format}`, () =>
        c.body(typeof value.body === 'string' ? value.body : (value.body as Uint8Array<ArrayBuffer>), 200, {
          'Content-Type': value.contentType,
          'Content-Disposition': contentDisposition(
            value.fileName,
            format === 'xlsx' ? 'attachment' : 'inline',
          ),
          'X-Licence': openDataLicence.id,
        }),
      );
    });
  }
  app.openapi(sitemapRoute, async (c) => {
    const { fingerprint, value } = await catalogueSitemap(serviceDeps(c, deps), baseUrl(c, deps));
    return cached(c, fingerprint, 'sitemap', () =>
      c.body(value, 200, { 'Content-Type': 'application/xml; charset=utf-8' }),
    );
  });
  app.openapi(robotsRoute, (c) => {
    const body = `User-agent: *\nAllow: /catalogue\nAllow: /api/public/\nAllow: /api/open-data/\nDisallow: /\nSitemap: ${baseUrl(c, deps)}/sitemap.xml\n`;
    return cached(c, `robots-${textHash(body)}`, 'robots', () =>
      c.body(body, 200, { 'Content-Type': 'text/plain; charset=utf-8' }),
    );
  });

  app.openapi(listPublicationsRoute, async (c) => c.json(await listPublications(serviceDeps(c, deps)), 200));
  app.openapi(getPublicationRoute, async (c) =>
    c.json(await getPublication(serviceDeps(c, deps), c.req.valid('param').code), 200),
  );
  app.openapi(savePublicationRoute, async (c) =>
    c.json(
      await savePublicationOf(serviceDeps(c, deps), c.req.valid('param').code, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(saveDescriptionRoute, async (c) => {
    const { code, lang } = c.req.valid('param');
    return c.json(
      await saveZoneDescription(serviceDeps(c, deps), code, checkLang(lang), c.req.valid('json')),
      200,
    );
  });
  app.openapi(removeDescriptionRoute, async (c) => {
    const { code, lang } = c.req.valid('param');
    return c.json(
      await removeZoneDescription(serviceDeps(c, deps), code, checkLang(lang), c.req.valid('query').version),
      200,
    );
  });
  app.openapi(documentPublicationRoute, async (c) =>
    c.json(
      await setDocumentPublication(serviceDeps(c, deps), c.req.valid('param').id, c.req.valid('json').public),
      200,
    ),
  );
}
