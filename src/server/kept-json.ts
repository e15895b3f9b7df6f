import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, TypedResponse } from 'hono';

const gzipAsync = promisify(gzip);

/** A body below this is sent as it is (the compress middleware's threshold). */
const THRESHOLD = 1024;

type Encoded = { json: string; gzip?: Promise<Buffer> };

/** Encoded answers per kept value: dropped with the value when the memo lets it go. */
const encoded = new WeakMap<object, Encoded>();

function acceptsGzip(header: string | undefined): boolean {
  return !!header && /(^|,)\s*gzip\s*(,|;(?!\s*q=0(\.0*)?\s*(,|$))|$)/i.test(header);
}

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
  let entry = encoded.get(value);
  if (!entry) encoded.set(value, (entry = { json: JSON.stringify(value) }));
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (entry.json.length < THRESHOLD) return c.body(entry.json, 200, headers);
  headers.Vary = 'Accept-Encoding';
  if (!acceptsGzip(c.req.header('Accept-Encoding'))) return c.body(entry.json, 200, headers);
  entry.gzip ??= gzipAsync(entry.json);
  const body = await entry.gzip;
  return c.body(new Uint8Array(body), 200, { ...headers, 'Content-Encoding': 'gzip' });
}
