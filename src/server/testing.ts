import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/client';
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
    Pick<AppDeps, 'publicUrl' | 'trustedProxies' | 'cookieSecure' | 'publicRateLimitPerMinute' | 'inquiry'>
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
 * A client that behaves like the SPA in a browser: keeps the session cookie, sends the CSRF token on
 * writes (unless told not to), and can pretend to be another site.
 */
export class TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(
    private readonly app: App,
    private readonly locale: 'vi' | 'en' = 'vi',
  ) {}

  async request(
    method: string,
    path: string,
    options: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { 'accept-language': this.locale, ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && options.csrf !== false && this.csrfToken)
      headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.request(`http://127.0.0.1${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const match = /izis_session=([^;]*)/.exec(setCookie);
      if (match) this.cookie = match[1] ? `izis_session=${match[1]}` : undefined;
    }
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

  async signIn(username: string, password: string): Promise<TestResponse> {
    const res = await this.post('/api/auth/sign-in', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
