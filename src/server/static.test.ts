import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './context';
import { serveWebApp } from './static';

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
