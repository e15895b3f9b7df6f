import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/client';
import {
  buildUrl,
  fillPath,
  type ApiBodyArgs,
  type ApiErrorBody,
  type ApiInitArgs,
  type ApiMethod,
  type ApiOperation,
  type ApiPath,
  type ApiResponse,
  type QueryValue,
} from '../domain/contract/api-operations';
import type { AuthSettings } from '../services/auth/auth.service';
import type { Clock } from '../services/deps';
import { defaultImportLimits, type ImportLimits } from '../services/import/import-limits';
import { silentLogger } from '../services/system/logger';
import { manualClock } from '../services/testing';
import { createDocumentStore, type DocumentStore } from '../services/document/document.store';
import { createApp } from './app';
import type { AppDeps } from './context';

/** Test helpers for the HTTP tier: the real app in-process (no socket) and a browser-like client. */

export const testAuth: AuthSettings = {
  sessionSecret: 'test-secret-test-secret-test-secret-0123',
  sessionTtlMinutes: 60,
  // Tests move their clocks by days; the idle timeout is tested where it is set (accounts.db.test.ts).
  sessionIdleMinutes: 60 * 24 * 365,
  loginMaxFailures: 5,
  loginWindowMinutes: 15,
};

export function createTestApp(
  database: Database,
  options: {
    clock?: Clock;
    auth?: Partial<AuthSettings>;
    documents?: DocumentStore;
    limits?: Partial<ImportLimits> & { requestMaxBytes?: number };
  } = {},
  overrides: Partial<
    Pick<
      AppDeps,
      | 'publicUrl'
      | 'trustedProxies'
      | 'cookieSecure'
      | 'slowRequestMs'
      | 'metricsToken'
      | 'log'
      | 'reads'
      | 'publicRateLimitPerMinute'
      | 'inquiry'
      | 'warmUp'
    >
  > = {},
) {
  const clock = options.clock ?? manualClock();
  // Uploads go to a fresh directory of their own unless the test brings a store.
  const documents =
    options.documents ??
    createDocumentStore({ dir: mkdtempSync(join(tmpdir(), 'izis-uploads-')), maxBytes: 25 * 1024 * 1024 });
  const app = createApp({
    database,
    auth: { ...testAuth, ...options.auth },
    log: silentLogger,
    clock,
    documents,
    limits: {
      requestMaxBytes: options.limits?.requestMaxBytes ?? 1024 * 1024,
      imports: { ...defaultImportLimits, ...options.limits },
    },
    cookieSecure: false,
    publicUrl: undefined,
    webDir: undefined,
    version: 'test',
    ...overrides,
  });
  return { app, clock, documents };
}

type App = ReturnType<typeof createApp>;

export type TestResponse = { status: number; body: any; headers: Headers };

/**
 * A refusal as a test reads it: the contract's error body, its `details` as loose as the assertions need
 * (field messages under `fields`; a conflict's `current` record and `changes`).
 */
export type TestErrorBody = Omit<ApiErrorBody, 'details'> & {
  details: { fields: Record<string, string>; [key: string]: any };
};

/**
 * The answer to a typed call (`client.api.*`): `body` has the type of the operation's successful answer and
 * `error` the type of a refusal; both are the same parsed JSON — read the one the test's status expects.
 */
export type TypedTestResponse<T> = {
  status: number;
  body: T;
  error: TestErrorBody;
  headers: Headers;
};

/** What a test may add to a typed call: leave out the CSRF token, send more headers. */
type TestInit = { csrf?: boolean; headers?: Record<string, string> };
type CallInit = TestInit & { params?: object; query?: object };

/**
 * A client that behaves like the SPA in a browser: keeps the session cookie, sends the CSRF token on
 * writes (unless told not to), and can pretend to be another site.
 */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  private readonly jar = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly locale: 'vi' | 'en' = 'vi',
  ) {}

  /**
   * Calls typed by the routes' contract, like the web's `api` (decision 0026): the path template names the
   * operation, and its parameters, query, body and answer take their types from it —
   * `client.api.get('/api/zones/{code}', { params: { code } })`. The untyped `get`/`post`/`patch`/`request`
   * below are for what the contract refuses to describe: deliberately invalid input, raw paths.
   */
  readonly api = {
    get: <P extends ApiPath<'get'>>(path: P, ...[init]: ApiInitArgs<ApiOperation<P, 'get'>, TestInit>) =>
      this.call<P, 'get'>('GET', path, undefined, init),
    post: <P extends ApiPath<'post'>>(
      path: P,
      ...[body, init]: ApiBodyArgs<ApiOperation<P, 'post'>, TestInit>
    ) => this.call<P, 'post'>('POST', path, body ?? {}, init),
    patch: <P extends ApiPath<'patch'>>(
      path: P,
      ...[body, init]: ApiBodyArgs<ApiOperation<P, 'patch'>, TestInit>
    ) => this.call<P, 'patch'>('PATCH', path, body ?? {}, init),
    put: <P extends ApiPath<'put'>>(
      path: P,
      ...[body, init]: ApiBodyArgs<ApiOperation<P, 'put'>, TestInit>
    ) => this.call<P, 'put'>('PUT', path, body ?? {}, init),
    delete: <P extends ApiPath<'delete'>>(
      path: P,
      ...[init]: ApiInitArgs<ApiOperation<P, 'delete'>, TestInit>
    ) => this.call<P, 'delete'>('DELETE', path, undefined, init),
  };

  private async call<P extends ApiPath<M>, M extends ApiMethod>(
    method: string,
    template: string,
    body: unknown,
    init: CallInit = {},
  ): Promise<TypedTestResponse<ApiResponse<P, M>>> {
    const { params, query, ...options } = init;
    const path = buildUrl(
      fillPath(template, params as Record<string, string | number> | undefined),
      query as Record<string, QueryValue> | undefined,
    );
    const res = await this.request(method, path, { ...options, body });
    return { ...res, error: res.body };
  }

  async request(
    method: string,
    path: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.locale, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    // FormData (an upload) sets its own multipart Content-Type with the boundary.
    const isForm = options.body instanceof FormData;
    if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.request(`http://127.0.0.1${path}`, {
      method,
      headers,
      ...(options.body === undefined
        ? {}
        : { body: isForm ? (options.body as FormData) : JSON.stringify(options.body) }),
    });
    // A cookie jar like a browser's: every Set-Cookie kept by name, an empty value (a deletion) removing it.
    for (const line of res.headers.getSetCookie()) {
      const match = /^([^=;\s]+)=([^;]*)/.exec(line);
      if (!match) continue;
      if (match[2]) this.jar.set(match[1]!, match[2]);
      else this.jar.delete(match[1]!);
    }
    this.cookie = this.jar.size
      ? [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ')
      : undefined;
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body, headers: res.headers };
  }

  get(path: string, options?: { headers?: Record<string, string> }) {
    return this.request('GET', path, options);
  }

  post(path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }) {
    return this.request('POST', path, { ...options, body: body ?? {} });
  }

  patch(path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }) {
    return this.request('PATCH', path, { ...options, body: body ?? {} });
  }

  async signIn(username: string, password: string) {
    const res = await this.api.post('/api/auth/sign-in', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
