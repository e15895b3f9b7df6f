import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { keptJson } from './kept-json';

const big = { rows: Array.from({ length: 500 }, (_, i) => ({ code: `BC-${i}`, name: 'Báo cáo quá hạn' })) };
const small = { ok: true };
const app = new Hono();
app.get('/big', (c) => keptJson(c, big));
app.get('/small', (c) => keptJson(c, small));

describe('keptJson', () => {
  it('sends a kept value gzip-compressed to a client that accepts it, the same bytes each time', async () => {
    const first = await app.request('/big', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(first.headers.get('Content-Encoding')).toBe('gzip');
    expect(first.headers.get('Content-Type')).toBe('application/json; charset=UTF-8');
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(big);
    const again = await app.request('/big', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('sends plain JSON when gzip is not accepted (absent or q=0), and small answers as they are', async () => {
    for (const header of [undefined, 'identity', 'gzip;q=0', 'deflate, gzip; q=0.0']) {
      const res = await app.request('/big', { headers: header ? { 'Accept-Encoding': header } : {} });
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(await res.json()).toEqual(big);
    }
    const res = await app.request('/small', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.json()).toEqual(small);
  });
});
