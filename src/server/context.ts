import { getCookie } from 'hono/cookie';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ReadRouting } from '../services/system/read-replicas';
import type { Context } from 'hono';
import type { Database } from '../db/client';
import type { Locale } from '../domain/shared/errors';
import { AppError, validationError } from '../domain/shared/errors';
import { issuesToFields } from '../domain/shared/zod-messages';
import type { AuthSettings, ResolvedSession } from '../services/auth/auth.service';
import type { Clock, ServiceDeps } from '../services/deps';
import type { ImportLimits } from '../services/import/import-limits';
import type { Logger } from '../services/system/logger';
import type { DocumentStore } from '../services/document/document.store';
import type { InquiryOptions } from '../services/inquiry/inquiry.service';
import type { WarmUp } from './warm-up';

/** What the HTTP app needs from the outside world; `createApp(deps)` never listens by itself. */
export type AppDeps = {
  database: Database;
  auth: AuthSettings;
  log: Logger;
  clock: Clock;
  /** Uploaded documents on disk (IZIS_UPLOAD_DIR), with the size limit (IZIS_UPLOAD_MAX_MB). */
  documents: DocumentStore;
  /** Bounded work per request: JSON bodies (IZIS_REQUEST_MAX_KB) and spreadsheet imports (IZIS_IMPORT_*). */
  limits: { requestMaxBytes: number; imports: ImportLimits };
  cookieSecure: boolean;
  publicUrl: string | undefined;
  /** Reverse proxies whose X-Forwarded-For names the client (IZIS_TRUSTED_PROXIES); none by default. */
  trustedProxies?: readonly string[];
  /** An API request slower than this many ms is logged at warn level (IZIS_SLOW_REQUEST_MS; default 1000). */
  slowRequestMs?: number;
  /** Bearer token for `GET /metrics` (IZIS_METRICS_TOKEN); without it only loopback clients may read it. */
  metricsToken?: string | undefined;
  /** Heavy reads on streaming replicas, with each reader's own writes read back (DATABASE_REPLICA_URLS). */
  reads?: ReadRouting;
  /** Requests per minute per client address on the public catalogue (IZIS_PUBLIC_RATE_LIMIT); 0 = off. */
  publicRateLimitPerMinute?: number;
  /** Directory of the built web app (index.html + assets); omitted in API-only tests. */
  webDir: string | undefined;
  version: string;
  /** Investor inquiries: proof-of-work difficulty, retention, rate limit (defaults when omitted). */
  inquiry?: Partial<InquiryOptions>;
  /** The start's warm-up (server/warm-up.ts): `GET /api/ready` answers 503 until it is over. None: ready. */
  warmUp?: Pick<WarmUp, 'ready'>;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
    session: ResolvedSession | null;
    sessionProblem: 'auth.session_expired' | null;
    /** The 5xx is the answer itself (a readiness probe while warming up): not logged or counted as a failure. */
    deliberate5xx: boolean;
    /** deps.limits, for route middleware declared before the app exists (upload body limits). */
    limits: AppDeps['limits'];
  };
};

export type AppContext = Context<AppEnv>;

/** An OpenAPIHono whose request validation failures become our `validation` error with field messages. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(issuesToFields(result.error.issues));
    },
  });
}

export function serviceDeps(c: AppContext, deps: AppDeps): ServiceDeps {
  return {
    db: deps.database.db,
    actor: c.get('session')?.actor ?? null,
    clock: deps.clock,
    log: c.get('log'),
    requestId: c.get('requestId'),
  };
}

/** The cookie holding the primary's data version after this browser's last write (read-routing.ts). */
export const seenVersionCookie = 'izis_seen';

/**
 * Service deps for a heavy read (statutory reports, dashboards, analyses, the public catalogue): its
 * database a streaming replica that already has everything this browser wrote, else the primary.
 */
export async function readServiceDeps(c: AppContext, deps: AppDeps): Promise<ServiceDeps> {
  const base = serviceDeps(c, deps);
  if (!deps.reads?.enabled) return base;
  const cookie = getCookie(c, seenVersionCookie);
  const seen = cookie && /^\d{1,30}$/.test(cookie) ? BigInt(cookie) : null;
  const { db, source } = await deps.reads.readDb(seen);
  c.header('X-IZIS-Read-From', source);
  return { ...base, db };
}

/** The signed-in session, or the precise reason there is none. */
export function requireSession(c: AppContext): ResolvedSession {
  const session = c.get('session');
  if (!session) throw new AppError(c.get('sessionProblem') ?? 'auth.required');
  return session;
}
