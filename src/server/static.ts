import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './context';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file inside `root`, or undefined (never a path that escapes it). */
function fileIn(root: string, urlPath: string): string | undefined {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);

/**
 * Compressed copies of the built files, made once per file version (path + mtime) and kept in memory: the
 * hashed assets never change, so Brotli at a high quality costs one compression per asset per start.
 */
const compressedCache = new Map<string, Buffer>();

function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

function compressedBody(path: string, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${path}:${statSync(path).mtimeMs}`;
  let body = compressedCache.get(key);
  if (!body) {
    const raw = readFileSync(path);
    body =
      encoding === 'br'
        ? brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : gzipSync(raw, { level: 9 });
    compressedCache.set(key, body);
  }
  return body;
}

function send(path: string, cache: string, acceptEncoding?: string): Response {
  const headers: Record<string, string> = {
    'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'cache-control': cache,
    vary: 'Accept-Encoding',
  };
  const encoding = COMPRESSIBLE.has(extname(path)) ? encodingFor(acceptEncoding) : undefined;
  if (!encoding) return new Response(readFileSync(path), { headers });
  return new Response(compressedBody(path, encoding), {
    headers: { ...headers, 'content-encoding': encoding },
  });
}

/** A zone page's title, meta description and language, or null for a zone that is not public. */
export type ZonePageHead = (
  code: string,
  lang: string | undefined,
) => Promise<{ title: string; description: string | null; lang: string } | null>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** The catalogue's index.html with a zone's own title, description and `lang`. */
export function withHead(
  html: string,
  head: { title: string; description: string | null; lang: string },
): string {
  let out = html
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(head.lang)}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(head.title)}</title>`);
  if (head.description) {
    out = out.replace(
      /(<meta\s+name="description"\s+content=")[^"]*(")/,
      (_, before: string, after: string) => `${before}${escapeHtml(head.description!)}${after}`,
    );
  }
  return out;
}

/** The public catalogue's page in the build (a second Vite entry, `src/web/catalogue/index.html`). */
const CATALOGUE_INDEX = join('catalogue', 'index.html');

/** `/catalogue` and everything under `/catalogue/` belong to the public catalogue. */
export function isCataloguePath(path: string): boolean {
  return path === '/catalogue' || path.startsWith('/catalogue/');
}

/**
 * The built SPA: hashed assets cached for a year and never revalidated (`immutable`), index.html
 * revalidated on every load (`no-cache`), so a new build is picked up at once; text compressed with Brotli
 * or gzip as the browser accepts. Everything else falls back to index.html so that deep links work
 * (client-side routing).
 */
export function serveWebApp(
  app: Hono<AppEnv>,
  webDir: string,
  options: { zonePageHead?: ZonePageHead } = {},
): void {
  const staffIndex = join(webDir, 'index.html');
  app.get('*', async (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return c.notFound();
    const accept = c.req.header('accept-encoding');
    const file = path !== '/' ? fileIn(webDir, path) : undefined;
    if (file) {
      const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return send(file, cache, accept);
    }
    // The public investor catalogue (issue 14) is a page of its own, with no sign-in: its routes fall back
    // to its own index.html, never to the staff app's.
    const index = isCataloguePath(path) ? join(webDir, CATALOGUE_INDEX) : staffIndex;
    if (!existsSync(index)) {
      return c.text('IZIS web app is not built. Run `npm run build` (or `npm start`, which builds it).', 503);
    }
    // A zone's public page carries its own title and description in the HTML itself, for what reads a page
    // without running it (search engines, link previews in chat apps).
    const zone = /^\/catalogue\/zones\/([^/]+)\/?$/.exec(path);
    if (zone && options.zonePageHead) {
      const head = await options.zonePageHead(decodeURIComponent(zone[1]!), c.req.query('lang'));
      if (head) {
        c.header('Cache-Control', 'no-cache');
        return c.html(withHead(readFileSync(index, 'utf8'), head));
      }
    }
    return send(index, 'no-cache', accept);
  });
}

/** A browsable API reference (Swagger UI, served from the npm package: no CDN, works offline). */
export function serveApiReference(app: Hono<AppEnv>): void {
  const require = createRequire(import.meta.url);
  const uiDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>IZIS API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body></html>`),
  );
  app.get('/api/docs/assets/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });", 200, {
      'content-type': 'text/javascript; charset=utf-8',
    }),
  );
  app.get('/api/docs/assets/:file', (c) => {
    const file = fileIn(uiDir, c.req.param('file'));
    return file ? send(file, 'public, max-age=86400') : c.notFound();
  });
}
