import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const gzipAsync = promisify(gzip);

/** A body below this is sent as it is: gzip would save nothing worth the work. */
export const COMPRESS_THRESHOLD = 1024;
/** A body above this is compressed on libuv's threads instead of the event loop (a few milliseconds at level 1). */
const OFF_LOOP_BYTES = 256 * 1024;
/**
 * zlib level 1, as nginx compresses by default: on a JSON answer of a list it is about twice as fast as the
 * default level 6 for an answer ~10 % larger (ADR 0032).
 */
const LEVEL = 1;

const json = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const varyEncoding = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** Whether an Accept-Encoding header takes gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  return !!header && /(^|,)\s*gzip\s*(,|;(?!\s*q=0(\.0*)?\s*(,|$))|$)/i.test(header);
}

/**
 * API answers gzip-compressed when the client takes gzip. A JSON answer (every route's, made whole in memory)
 * is compressed in one call at level 1 — Hono's middleware pipes every answer, however small, through a web
 * CompressionStream, which under load cost about a sixth of a server's time (ADR 0032); any other compressible
 * answer (a CSV export, a streamed text document) still goes through Hono's middleware, which streams it.
 * Answers that are already encoded (kept-json.ts), partial, streamed progress (NDJSON) or marked `no-transform`
 * are left as they are.
 */
export function compressAnswers(): MiddlewareHandler {
  const streaming = compress();
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!json.test(res.headers.get('Content-Type') ?? '')) return streaming(c, async () => {});
    if (
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      res.headers.has('Transfer-Encoding') ||
      noTransform.test(res.headers.get('Cache-Control') ?? '')
    ) {
      return;
    }
    const body = Buffer.from(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    const vary = headers.get('Vary');
    if (vary !== '*' && !(vary && varyEncoding.test(vary))) {
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    let sent: Uint8Array = body;
    if (body.byteLength >= COMPRESS_THRESHOLD && acceptsGzip(c.req.header('Accept-Encoding'))) {
      sent =
        body.byteLength > OFF_LOOP_BYTES
          ? await gzipAsync(body, { level: LEVEL })
          : gzipSync(body, { level: LEVEL });
      headers.set('Content-Encoding', 'gzip');
      headers.delete('Content-Length');
      const etag = headers.get('ETag');
      if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    }
    // Replaced, not merged: assigning over an answer would copy its headers back onto this one (Hono's setter).
    c.res = undefined;
    c.res = new Response(sent, { status: res.status, statusText: res.statusText, headers });
  };
}
