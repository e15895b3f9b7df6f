import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { serveWebApp, type ZonePageHead } from './static';

function builtWeb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'izis-web-'));
  mkdirSync(join(dir, 'catalogue'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<html>staff</html>');
  writeFileSync(join(dir, 'catalogue', 'index.html'), '<html>catalogue</html>');
  writeFileSync(join(dir, 'assets', 'catalogue-1.js'), 'console.log(1)');
  return dir;
}

describe('the built web pages', () => {
  const app = new Hono<AppEnv>();
  serveWebApp(app, builtWeb());
  const text = async (path: string) => (await app.request(path)).text();

  it('answer every address under /catalogue with the public catalogue page', async () => {
    expect(await text('/catalogue')).toBe('<html>catalogue</html>');
    expect(await text('/catalogue/')).toBe('<html>catalogue</html>');
    expect(await text('/catalogue/zones/CCN-01?lang=ja')).toBe('<html>catalogue</html>');
    expect(await text('/catalogue/method')).toBe('<html>catalogue</html>');
  });

  it('keep the staff app for every other page, including look-alike addresses', async () => {
    expect(await text('/')).toBe('<html>staff</html>');
    expect(await text('/zones/CCN-01')).toBe('<html>staff</html>');
    expect(await text('/catalogue-admin')).toBe('<html>staff</html>');
  });

  it('serve the hashed assets for a year', async () => {
    const res = await app.request('/assets/catalogue-1.js');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });
});

describe('a zone page’s head in the HTML itself', () => {
  const page =
    '<!doctype html><html lang="vi"><head><meta name="description" content="Tìm đất" /><title>Danh mục</title></head><body></body></html>';
  function served(head: Awaited<ReturnType<ZonePageHead>>) {
    const dir = builtWeb();
    writeFileSync(join(dir, 'catalogue', 'index.html'), page);
    const app = new Hono<AppEnv>();
    const asked: [string, string | undefined][] = [];
    serveWebApp(app, dir, {
      zonePageHead: async (code, lang) => {
        asked.push([code, lang]);
        return head;
      },
    });
    return { app, asked };
  }

  it('carries the zone’s title, description and language, escaped, for readers that run no script', async () => {
    const { app, asked } = served({
      title: 'CCN "Đông Anh" <1> — Invest in Hanoi industry',
      description: 'Free land & ready',
      lang: 'en',
    });
    const html = await (await app.request('/catalogue/zones/CCN-%C4%90A?lang=en')).text();
    expect(asked).toEqual([['CCN-ĐA', 'en']]);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>CCN &quot;Đông Anh&quot; &lt;1&gt; — Invest in Hanoi industry</title>');
    expect(html).toContain('<meta name="description" content="Free land &amp; ready" />');
  });

  it('is the catalogue’s own for a zone that is not public (nothing of it is told)', async () => {
    const { app } = served(null);
    expect(await (await app.request('/catalogue/zones/CCN-AN')).text()).toBe(page);
  });
});
