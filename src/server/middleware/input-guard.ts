import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { findUnstorableText, hasUnstorableText } from '../../domain/shared/fields';
import type { AppEnv } from '../context';

/**
 * Input every route gets checked the same way, before any route sees it:
 * - a body that is not an upload (multipart) is read up to `maxBodyBytes` and no further (413 naming the
 *   setting); uploads have their own, larger limit on their route;
 * - text PostgreSQL cannot store (NUL, lone surrogates) in the path, the query or a JSON body is a field
 *   error naming the field, rather than a database error.
 */

const unstorable: LocalizedText = {
  vi: 'Có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ) mà hệ thống không lưu được.',
  en: 'Contains a character that cannot be stored (NUL or an unpaired Unicode surrogate).',
};

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** The path parameter names of the route that will answer (e.g. `code` for /api/zones/:code). */
function pathFieldNames(c: Parameters<MiddlewareHandler<AppEnv>>[0]): (string | null)[] {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.includes(':'));
  if (!route) return [];
  return route.path.split('/').map((s) => (s.startsWith(':') ? s.slice(1).replace(/\{.*$/, '') : null));
}

export function inputGuard(options: { maxBodyBytes: number }): MiddlewareHandler<AppEnv> {
  const tooLarge = () =>
    new AppError('request.too_large', {
      fields: {
        body: {
          vi: `Nội dung yêu cầu vượt ${Math.round(options.maxBodyBytes / 1024)} KB (giới hạn IZIS_REQUEST_MAX_KB).`,
          en: `The request body exceeds ${Math.round(options.maxBodyBytes / 1024)} KB (limit IZIS_REQUEST_MAX_KB).`,
        },
      },
    });
  return async (c, next) => {
    // Path and query.
    const segments = c.req.path.split('/');
    const names = pathFieldNames(c);
    segments.forEach((segment, i) => {
      if (hasUnstorableText(safeDecode(segment))) {
        throw validationError({ [names[i] ?? 'path']: unstorable });
      }
    });
    for (const [key, values] of Object.entries(c.req.queries())) {
      if (hasUnstorableText(key) || values.some(hasUnstorableText)) {
        throw validationError({ [hasUnstorableText(key) ? 'query' : key]: unstorable });
      }
    }
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    const raw = c.req.raw;
    if (!raw.body || contentType.startsWith('multipart/form-data')) return next();

    // A bounded body: counted while it streams in, never read past the limit.
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > options.maxBodyBytes) throw tooLarge();
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > options.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.length;
    }
    c.req.raw = new Request(raw, { body });
    if (/^application\/([\w.-]+\+)?json\b/.test(contentType)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(body));
      } catch {
        return next(); // the route's validator answers malformed JSON with its 400
      }
      const field = findUnstorableText(parsed);
      if (field !== null) throw validationError({ [field]: unstorable });
    }
    return next();
  };
}
