import { OpenAPIHono } from '@hono/zod-openapi';
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
  /** Requests per minute per client address on the public catalogue (IZIS_PUBLIC_RATE_LIMIT); 0 = off. */
  publicRateLimitPerMinute?: number;
  /** Directory of the built web app (index.html + assets); omitted in API-only tests. */
  webDir: string | undefined;
  version: string;
  /** Investor inquiries: proof-of-work difficulty, retention, rate limit (defaults when omitted). */
  inquiry?: Partial<InquiryOptions>;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    locale: Locale;
    log: Logger;
    session: ResolvedSession | null;
    sessionProblem: 'auth.session_expired' | null;
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

/** The signed-in session, or the precise reason there is none. */
export function requireSession(c: AppContext): ResolvedSession {
  const session = c.get('session');
  if (!session) throw new AppError(c.get('sessionProblem') ?? 'auth.required');
  return session;
}
