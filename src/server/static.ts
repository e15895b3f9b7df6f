import { existsSync, readFileSync, statSync } from 'node:fs';
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

function send(path: string, cache: string): Response {
  return new Response(readFileSync(path), {
    headers: {
      'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
      'cache-control': cache,
    },
  });
}

/**
 * The built SPA: hashed assets cached for a year, everything else falls back to index.html so that deep
 * links work (client-side routing).
 */
export function serveWebApp(app: Hono<AppEnv>, webDir: string): void {
  const index = join(webDir, 'index.html');
  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/')) return c.notFound();
    const file = path !== '/' ? fileIn(webDir, path) : undefined;
    if (file)
      return send(file, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (!existsSync(index)) {
      return c.text('IZIS web app is not built. Run `npm run build` (or `npm start`, which builds it).', 503);
    }
    return send(index, 'no-cache');
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
