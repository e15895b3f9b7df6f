import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_INQUIRY_RETENTION_MONTHS } from '../../domain/inquiry/inquiry';
import { DEFAULT_POW_BITS } from '../../domain/inquiry/proof-of-work';
import { defaultImportLimits, type ImportLimits } from '../import/import-limits';

/**
 * Configuration, parsed once at start-up from the environment. Every problem is reported at once, each
 * naming its setting; nothing starts until all are fixed. Documented in .env.example and the README.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const wholeNumber = (min: number, max: number, unit: string, fallback: number) => {
  const message = `must be a whole number${unit ? ` of ${unit}` : ''} between ${min} and ${max}`;
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .default(fallback);
};

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number between 1 and 65535' })
    .int('must be a whole number between 1 and 65535')
    .min(1, 'must be a whole number between 1 and 65535')
    .max(65535, 'must be a whole number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  IZIS_DATA_DIR: z.string().min(1).default('./data'),
  /** Uploaded documents (content-addressed); defaults to IZIS_DATA_DIR/uploads. */
  IZIS_UPLOAD_DIR: z.string().min(1).optional(),
  IZIS_UPLOAD_MAX_MB: z.coerce
    .number({ error: 'must be a whole number of megabytes between 1 and 1024' })
    .int('must be a whole number of megabytes between 1 and 1024')
    .min(1, 'must be a whole number of megabytes between 1 and 1024')
    .max(1024, 'must be a whole number of megabytes between 1 and 1024')
    .default(25),
  /** A request body that is not an upload (JSON), in KB. */
  IZIS_REQUEST_MAX_KB: wholeNumber(1, 102400, 'kilobytes', 1024),
  IZIS_IMPORT_MAX_MB: wholeNumber(1, 1024, 'megabytes', defaultImportLimits.maxBytes / 1024 / 1024),
  IZIS_IMPORT_MAX_ROWS: wholeNumber(1, 10_000_000, 'rows', defaultImportLimits.maxRows),
  IZIS_IMPORT_MAX_CELLS: wholeNumber(1, 100_000_000, 'cells', defaultImportLimits.maxCells),
  IZIS_IMPORT_WORKER_MB: wholeNumber(64, 16384, 'megabytes', defaultImportLimits.workerHeapMb),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** The owner's connection, for migrations and backups; DATABASE_URL is then the application's login. */
  DATABASE_OWNER_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Streaming replicas for heavy reads, comma-separated (the application's login, like DATABASE_URL). */
  DATABASE_REPLICA_URLS: z
    .string()
    .regex(
      /^\s*postgres(ql)?:\/\/[^,\s]+\s*(,\s*postgres(ql)?:\/\/[^,\s]+\s*)*$/,
      'must be a comma-separated list of postgres:// or postgresql:// URLs',
    )
    .optional(),
  IZIS_SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (or unset, to generate one in IZIS_DATA_DIR)')
    .optional(),
  IZIS_SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(43200).default(720),
  IZIS_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes between 5 and 1440' })
    .int('must be a whole number of minutes between 5 and 1440')
    .min(5, 'must be a whole number of minutes between 5 and 1440')
    .max(1440, 'must be a whole number of minutes between 5 and 1440')
    .default(60),
  IZIS_TRUSTED_PROXIES: z
    .string()
    .regex(
      /^\s*[0-9a-fA-F:.]+\s*(,\s*[0-9a-fA-F:.]+\s*)*$/,
      'must be a comma-separated list of IP addresses, e.g. 127.0.0.1,::1',
    )
    .optional(),
  IZIS_COOKIE_SECURE: booleanString.default(false),
  IZIS_PUBLIC_URL: z.url().optional(),
  IZIS_PUBLIC_RATE_LIMIT: z.coerce
    .number({ error: 'must be a whole number of requests per minute (0 = off)' })
    .int('must be a whole number of requests per minute (0 = off)')
    .min(0, 'must be a whole number of requests per minute (0 = off)')
    .max(1_000_000, 'must be at most 1000000')
    .default(600),
  IZIS_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  IZIS_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  IZIS_SEED_DEMO: booleanString.default(true),
  IZIS_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  IZIS_SLOW_REQUEST_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds between 1 and 600000' })
    .int('must be a whole number of milliseconds between 1 and 600000')
    .min(1, 'must be a whole number of milliseconds between 1 and 600000')
    .max(600_000, 'must be a whole number of milliseconds between 1 and 600000')
    .default(1000),
  IZIS_WARM_UP_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds between 0 (off) and 600' })
    .int('must be a whole number of seconds between 0 (off) and 600')
    .min(0, 'must be a whole number of seconds between 0 (off) and 600')
    .max(600, 'must be a whole number of seconds between 0 (off) and 600')
    .default(60),
  IZIS_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  IZIS_REMINDER_INTERVAL_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes between 0 (off) and 10080' })
    .int('must be a whole number of minutes between 0 (off) and 10080')
    .min(0, 'must be a whole number of minutes between 0 (off) and 10080')
    .max(10080, 'must be a whole number of minutes between 0 (off) and 10080')
    .default(60),
  IZIS_REMINDER_DAYS_BEFORE: z
    .string()
    .regex(/^\s*\d{1,3}\s*(,\s*\d{1,3}\s*)*$/, 'must be a comma-separated list of days, e.g. 7,1')
    .default('7,1'),
  /** TEST ONLY: moves the server's clock this many days (the e2e harness's "test clock"). Never set in use. */
  IZIS_TEST_CLOCK_OFFSET_DAYS: z.coerce
    .number({ error: 'must be a whole number of days between -3650 and 3650' })
    .int('must be a whole number of days between -3650 and 3650')
    .min(-3650, 'must be a whole number of days between -3650 and 3650')
    .max(3650, 'must be a whole number of days between -3650 and 3650')
    .default(0),
  IZIS_BACKUP_DIR: z.string().min(1).optional(),
  IZIS_BACKUP_INTERVAL_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours between 0 (off) and 8760' })
    .int('must be a whole number of hours between 0 (off) and 8760')
    .min(0, 'must be a whole number of hours between 0 (off) and 8760')
    .max(8760, 'must be a whole number of hours between 0 (off) and 8760')
    .default(24),
  IZIS_BACKUP_KEEP: z.coerce
    .number({ error: 'must be a whole number of backups between 1 and 1000' })
    .int('must be a whole number of backups between 1 and 1000')
    .min(1, 'must be a whole number of backups between 1 and 1000')
    .max(1000, 'must be a whole number of backups between 1 and 1000')
    .default(7),
  /** Investor inquiries: proof-of-work difficulty (leading zero bits) and months personal data is kept. */
  IZIS_INQUIRY_POW_BITS: wholeNumber(1, 30, 'bits', DEFAULT_POW_BITS),
  IZIS_INQUIRY_RETENTION_MONTHS: wholeNumber(1, 120, 'months', DEFAULT_INQUIRY_RETENTION_MONTHS),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanString.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
});

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  /** Where uploaded documents are stored (IZIS_UPLOAD_DIR, else IZIS_DATA_DIR/uploads). */
  uploadDir: string;
  /** The largest document accepted, in bytes (IZIS_UPLOAD_MAX_MB). */
  uploadMaxBytes: number;
  /** The largest request body that is not an upload, in bytes (IZIS_REQUEST_MAX_KB). */
  requestMaxBytes: number;
  /** Bounds of one spreadsheet import (IZIS_IMPORT_MAX_MB, _MAX_ROWS, _MAX_CELLS, _WORKER_MB). */
  importLimits: ImportLimits;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: the owner's connection for migrations, grants and backups (DATABASE_OWNER_URL, else
   * DATABASE_URL). The application itself always acts as the role `izis_app`.
   */
  databaseOwnerUrl: string | undefined;
  /** PostgreSQL streaming replicas for heavy reads (DATABASE_REPLICA_URLS); none by default. */
  databaseReplicaUrls: string[];
  sessionSecret: string | undefined;
  sessionTtlMinutes: number;
  /** A session unused this long ends (IZIS_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** `Secure` session cookie: IZIS_COOKIE_SECURE, or a public URL on https. */
  cookieSecure: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (IZIS_TRUSTED_PROXIES). */
  trustedProxies: string[];
  publicUrl: string | undefined;
  /** An API request slower than this is logged at warn level with its route (IZIS_SLOW_REQUEST_MS). */
  slowRequestMs: number;
  /** The start's warm-up: at most this many seconds computing the officials' views (IZIS_WARM_UP_SECONDS; 0 = off). */
  warmUpSeconds: number;
  /** Bearer token for `GET /metrics` from other machines (IZIS_METRICS_TOKEN); without it, loopback only. */
  metricsToken: string | undefined;
  /** Requests per minute per client address on the public catalogue (IZIS_PUBLIC_RATE_LIMIT; 0 = off). */
  publicRateLimitPerMinute: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Minutes between reminder runs in the server (IZIS_REMINDER_INTERVAL_MINUTES); 0 = no timer. */
  reminderIntervalMinutes: number;
  /** Days before a due date at which reminders go out (IZIS_REMINDER_DAYS_BEFORE). */
  reminderDaysBefore: number[];
  /**
   * TEST ONLY (IZIS_TEST_CLOCK_OFFSET_DAYS): days added to the server's clock, so a browser test can let a
   * deadline pass. Only the e2e harness sets it; 0 (the default) is the real time.
   */
  testClockOffsetDays: number;
  /** Scheduled backups: where (IZIS_BACKUP_DIR, else IZIS_DATA_DIR/backups), how often (0 = off), how many kept. */
  backup: { dir: string; intervalHours: number; keep: number };
  /** Investor inquiries (IZIS_INQUIRY_POW_BITS, IZIS_INQUIRY_RETENTION_MONTHS). */
  inquiry: { powBits: number; retentionMonths: number };
  smtp:
    | { host: string; port: number; secure: boolean; user?: string; password?: string; from: string }
    | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        return `${key}=${JSON.stringify(cleaned[key] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = result.data;
  const problems: string[] = [];
  if (e.SMTP_HOST && !e.SMTP_FROM) problems.push('SMTP_FROM: required when SMTP_HOST is set');
  if (e.DATABASE_REPLICA_URLS && !e.DATABASE_URL)
    problems.push('DATABASE_REPLICA_URLS: replicas need DATABASE_URL (their primary) too');
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL)
    problems.push('DATABASE_OWNER_URL: set DATABASE_URL too (the application connects with it)');
  if (problems.length) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.IZIS_DATA_DIR,
    uploadDir: e.IZIS_UPLOAD_DIR ?? join(e.IZIS_DATA_DIR, 'uploads'),
    uploadMaxBytes: e.IZIS_UPLOAD_MAX_MB * 1024 * 1024,
    requestMaxBytes: e.IZIS_REQUEST_MAX_KB * 1024,
    importLimits: {
      maxBytes: e.IZIS_IMPORT_MAX_MB * 1024 * 1024,
      maxRows: e.IZIS_IMPORT_MAX_ROWS,
      maxCells: e.IZIS_IMPORT_MAX_CELLS,
      workerHeapMb: e.IZIS_IMPORT_WORKER_MB,
    },
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    databaseReplicaUrls: (e.DATABASE_REPLICA_URLS ?? '')
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
    sessionSecret: e.IZIS_SESSION_SECRET,
    sessionTtlMinutes: e.IZIS_SESSION_TTL_MINUTES,
    sessionIdleMinutes: e.IZIS_SESSION_IDLE_MINUTES,
    cookieSecure: e.IZIS_COOKIE_SECURE || (e.IZIS_PUBLIC_URL?.startsWith('https:') ?? false),
    trustedProxies: (e.IZIS_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    publicUrl: e.IZIS_PUBLIC_URL,
    slowRequestMs: e.IZIS_SLOW_REQUEST_MS,
    warmUpSeconds: e.IZIS_WARM_UP_SECONDS,
    metricsToken: e.IZIS_METRICS_TOKEN,
    publicRateLimitPerMinute: e.IZIS_PUBLIC_RATE_LIMIT,
    loginMaxFailures: e.IZIS_LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.IZIS_LOGIN_WINDOW_MINUTES,
    seedDemo: e.IZIS_SEED_DEMO,
    logLevel: e.IZIS_LOG_LEVEL,
    reminderIntervalMinutes: e.IZIS_REMINDER_INTERVAL_MINUTES,
    reminderDaysBefore: [...new Set(e.IZIS_REMINDER_DAYS_BEFORE.split(',').map((d) => Number(d.trim())))],
    testClockOffsetDays: e.IZIS_TEST_CLOCK_OFFSET_DAYS,
    backup: {
      dir: e.IZIS_BACKUP_DIR ?? join(e.IZIS_DATA_DIR, 'backups'),
      intervalHours: e.IZIS_BACKUP_INTERVAL_HOURS,
      keep: e.IZIS_BACKUP_KEEP,
    },
    inquiry: { powBits: e.IZIS_INQUIRY_POW_BITS, retentionMonths: e.IZIS_INQUIRY_RETENTION_MONTHS },
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE,
          user: e.SMTP_USER,
          password: e.SMTP_PASSWORD,
          from: e.SMTP_FROM ?? '',
        }
      : undefined,
  };
}
