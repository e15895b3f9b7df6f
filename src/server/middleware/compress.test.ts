import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, compressAnswers } from './compress';

const rows = Array.from({ length: 300 }, (_, i) => ({
  code: `KCN-${i}`,
  name: 'Khu công nghiệp Thăng Long',
}));
const app = new Hono();
app.use('*', compressAnswers());
app.get('/list', (c) => {
  setCookie(c, 'a', '1');
  setCookie(c, 'b', '2');
  c.header('ETag', '"v1"');
  return c.json({ rows }, 200);
});
app.get('/small', (c) => c.json({ ok: true }));
app.get('/missing', (c) => c.json({ code: 'not_found', rows }, 404));
app.get('/geo', (c) =>
  c.body(JSON.stringify({ type: 'FeatureCollection', rows }), 200, {
    'Content-Type': 'application/geo+json',
  }),
);
app.get('/csv', (c) => c.body('mã,tên\n'.repeat(500), 200, { 'Content-Type': 'text/csv; charset=utf-8' }));
app.get('/progress', (c) =>
  c.body('{"done":1}\n'.repeat(500), 200, { 'Content-Type': 'application/x-ndjson' }),
);
app.get('/raw', (c) =>
  c.body(JSON.stringify({ rows }), 200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-transform',
  }),
);

const gzipHeaders = { 'Accept-Encoding': 'gzip, deflate, br' };

describe('compressAnswers', () => {
  it('gzips a JSON answer in one piece, keeping its status and every header (both cookies), the ETag weakened', async () => {
    const res = await app.request('/list', { headers: gzipHeaders });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('ETag')).toBe('W/"v1"');
    expect(res.headers.getSetCookie().map((s) => s.split(';')[0])).toEqual(['a=1', 'b=2']);
    const body = Buffer.from(await res.arrayBuffer());
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual({ rows });
    expect(body.byteLength).toBeLessThan(JSON.stringify({ rows }).length / 5);
  });

  it('compresses an error answer and a GeoJSON one too, with their own status and type', async () => {
    const missing = await app.request('/missing', { headers: gzipHeaders });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await missing.arrayBuffer())).toString()).code).toBe(
      'not_found',
    );
    const geo = await app.request('/geo', { headers: gzipHeaders });
    expect(geo.headers.get('Content-Type')).toBe('application/geo+json');
    expect(geo.headers.get('Content-Encoding')).toBe('gzip');
  });

  it('leaves small answers, clients that refuse gzip, no-transform and NDJSON progress as they are', async () => {
    const small = await app.request('/small', { headers: gzipHeaders });
    expect(small.headers.get('Content-Encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    for (const header of ['identity', 'gzip;q=0', 'deflate, gzip; q=0.0']) {
      const res = await app.request('/list', { headers: { 'Accept-Encoding': header } });
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(await res.json()).toEqual({ rows });
    }
    const raw = await app.request('/raw', { headers: gzipHeaders });
    expect(raw.headers.get('Content-Encoding')).toBeNull();
    const progress = await app.request('/progress', { headers: gzipHeaders });
    expect(progress.headers.get('Content-Encoding')).toBeNull();
    expect((await progress.text()).split('\n')).toHaveLength(501);
  });

  it('still compresses other text (a CSV export) through the streaming middleware', async () => {
    const res = await app.request('/csv', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe('mã,tên\n'.repeat(500));
  });

  it('reads Accept-Encoding as HTTP does: gzip with any q above 0', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, gzip;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
