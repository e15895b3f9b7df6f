import {
  buildUrl,
  fillPath,
  type ApiBodyArgs,
  type ApiInitArgs,
  type ApiOperation,
  type ApiPath,
  type ApiResponse,
  type QueryValue,
} from '../../domain/contract/api-operations';
import { earlyRequests } from './early-requests';
import { getLocale } from './locale-store';

/**
 * The one way the web app talks to the server. Errors always arrive as `ApiError`, built from the server's
 * error body `{ code, message, details?, requestId }`; `message` is already in the requested language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: Record<string, unknown> | undefined;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
  }

  /** Field-level messages of a validation error (`details.fields`), keyed by field name. */
  get fieldErrors(): Record<string, string> {
    const fields = this.details?.['fields'];
    if (!isRecord(fields)) return {};
    const out: Record<string, string> = {};
    for (const [name, message] of Object.entries(fields)) {
      if (typeof message === 'string') out[name] = message;
    }
    return out;
  }

  /** A numeric entry of `details`, e.g. `retryAfterSeconds` of a throttled sign-in. */
  detailNumber(key: string): number | null {
    const value = this.details?.[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
}

/** Codes made up on this side, when there is no server answer to read. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network',
  badResponse: 'client.bad_response',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Set from every session response; sent as `x-csrf-token` on each request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** What to do when the server says the session is gone (the app sends the user to the sign-in page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function notifyUnauthorized(): void {
  onUnauthorized?.();
}

export {
  buildUrl,
  fillPath,
  type ApiPath,
  type ApiOperation,
  type ApiResponse,
  type ApiRequestBody,
  type ApiQuery,
  type ApiSchema,
  type QueryValue,
} from '../../domain/contract/api-operations';

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Handle a 401 yourself instead of being sent to the sign-in page (session probe, sign-in itself). */
  skipAuthRedirect?: boolean;
};

async function readErrorBody(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get('x-request-id');
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && typeof body['code'] === 'string') {
    return new ApiError({
      status: response.status,
      code: body['code'],
      message: typeof body['message'] === 'string' ? body['message'] : '',
      details: isRecord(body['details']) ? body['details'] : undefined,
      requestId: typeof body['requestId'] === 'string' ? body['requestId'] : headerRequestId,
    });
  }
  // Not our server speaking (a proxy error page, a crash before the error handler): no message to show.
  return new ApiError({
    status: response.status,
    code: CLIENT_ERROR_CODES.badResponse,
    message: '',
    requestId: headerRequestId,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
  };
  // FormData (file uploads) sets its own multipart Content-Type with the boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const url = buildUrl(path, options.query);
  // The first screen's GETs may have been sent already, from the entry (lib/early-requests.ts); a change
  // (sign-in, sign-out, any write) makes every answer fetched before it unusable.
  if (method !== 'GET') earlyRequests.forget();
  const early =
    method === 'GET' && typeof window !== 'undefined'
      ? earlyRequests.take(
          url,
          headers['Accept-Language']!,
          window.location.pathname + window.location.search,
        )
      : null;
  let response: Response;
  try {
    response = await (early ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body:
          options.body === undefined
            ? null
            : isForm
              ? (options.body as FormData)
              : JSON.stringify(options.body),
        signal: options.signal ?? null,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: '' });
  }

  if (!response.ok) {
    const error = await readErrorBody(response);
    if (response.status === 401 && !options.skipAuthRedirect) notifyUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({
      status: response.status,
      code: CLIENT_ERROR_CODES.badResponse,
      message: '',
      requestId: response.headers.get('x-request-id'),
    });
  }
}

/**
 * The API client typed by the server's contract (decision 0026). Each call names an operation of the OpenAPI
 * document by its path template and method; the path parameters, the query, the request body and the answer
 * all take their types from the contract (`domain/contract/api-operations.ts` over `api-contract.gen.ts`,
 * generated by `npm run api:types`), so a changed route contract fails the type check wherever the web uses
 * what changed:
 *
 *   api.get('/api/zones/{code}', { params: { code }, signal })      // → the operation's 200 body
 *   api.patch('/api/zones/{code}', input, { params: { code } })
 *
 * Everything else — ApiError, the CSRF header, the first screen's early requests, the locale, the sign-in
 * redirect — is `apiRequest`'s above, unchanged.
 */

type Init = Pick<RequestOptions, 'signal' | 'skipAuthRedirect'>;

function call(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  init: {
    params?: object;
    query?: object;
    signal?: AbortSignal | undefined;
    skipAuthRedirect?: boolean;
  } = {},
) {
  const { params, query, ...options } = init;
  return apiRequest<never>(fillPath(path, params as Record<string, string | number> | undefined), {
    ...options,
    method,
    query: query as RequestOptions['query'],
    ...(body === undefined ? {} : { body }),
  });
}

export const api = {
  get: <P extends ApiPath<'get'>>(path: P, ...[init]: ApiInitArgs<ApiOperation<P, 'get'>, Init>) =>
    call('GET', path, undefined, init) as Promise<ApiResponse<P, 'get'>>,
  post: <P extends ApiPath<'post'>>(path: P, ...[body, init]: ApiBodyArgs<ApiOperation<P, 'post'>, Init>) =>
    call('POST', path, body, init) as Promise<ApiResponse<P, 'post'>>,
  patch: <P extends ApiPath<'patch'>>(
    path: P,
    ...[body, init]: ApiBodyArgs<ApiOperation<P, 'patch'>, Init>
  ) => call('PATCH', path, body, init) as Promise<ApiResponse<P, 'patch'>>,
  put: <P extends ApiPath<'put'>>(path: P, ...[body, init]: ApiBodyArgs<ApiOperation<P, 'put'>, Init>) =>
    call('PUT', path, body, init) as Promise<ApiResponse<P, 'put'>>,
  delete: <P extends ApiPath<'delete'>>(path: P, ...[init]: ApiInitArgs<ApiOperation<P, 'delete'>, Init>) =>
    call('DELETE', path, undefined, init) as Promise<ApiResponse<P, 'delete'>>,
};

/** A page of a list endpoint: `{ items, total }`. */
export type Page<T> = { items: T[]; total: number };
