import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';
import { acceptsGzip, COMPRESS_THRESHOLD } from './middleware/compress';

const gzipAsync = promisify(gzip);

/** What is kept per value: its gzip-compressed JSON (the JSON text itself is about ten times larger), or a small body. */
type Encoded = { gzip: Promise<Buffer> } | { small: string };

/** Encoded answers per kept value: dropped with the value when the memo lets it go. */
const encoded = new WeakMap<object, Encoded>();

/**
 * The JSON answer of a kept value (services/system/memo.ts: the same object while nothing it reads changed),
 * serialised and gzip-compressed once per value instead of once per request — a completeness table of ten
 * thousand outstanding reports is 3.5 MB of JSON. Compression runs on libuv's threads, not the event loop.
 */
export async function keptJson<T extends object>(
  c: Context,
  value: T,
): Promise<TypedResponse<T, 200, 'json'>> {
  // The route's typed answer: the body is `value` as JSON, as `c.json` would send it.
  return (await encodedAnswer(c, value)) as unknown as TypedResponse<T, 200, 'json'>;
}

async function encodedAnswer(c: Context, value: object): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  let entry = encoded.get(value);
  if (!entry) {
    const json = JSON.stringify(value);
    entry = json.length < COMPRESS_THRESHOLD ? { small: json } : { gzip: gzipAsync(json) };
    encoded.set(value, entry);
  }
  if ('small' in entry) return c.body(entry.small, 200, headers);
  headers.Vary = 'Accept-Encoding';
  // A client that does not take gzip (rare: browsers and the bench do) gets the JSON made again.
  if (!acceptsGzip(c.req.header('Accept-Encoding'))) return c.body(JSON.stringify(value), 200, headers);
  return c.body(new Uint8Array(await entry.gzip), 200, { ...headers, 'Content-Encoding': 'gzip' });
}
