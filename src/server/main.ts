import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { offsetClock } from '../services/deps';
import { openRuntime, StartupError } from '../services/system/bootstrap';
import { ConfigError, parseConfig } from '../services/system/config';
import { demoSignIns } from '../services/system/demo-seed';
import { createLogger } from '../services/system/logger';
import { createMailer } from '../services/system/mailer';
import { startWarmUp } from './warm-up';
import { startReminderTimer } from '../services/reporting/reminder.scheduler';
import { createDocumentStore } from '../services/document/document.store';
import { startBackupTimer } from '../services/backup/backup.scheduler';
import { startMailOutbox } from '../services/notification/mail-outbox.scheduler';
import { startObstacleReminderTimer } from '../services/monitoring/obstacle-reminder.scheduler';
import { createReadRouting } from '../services/system/read-replicas';
import { startInquiryRetentionTimer } from '../services/inquiry/inquiry-retention.scheduler';
import { createApp } from './app';

const rootDir = fileURLToPath(new URL('../../', import.meta.url));

function version(): string {
  return (JSON.parse(readFileSync(`${rootDir}package.json`, 'utf8')) as { version: string }).version;
}

/** Starts IZIS: configuration → runtime (database, migrations, seed) → HTTP. Fails with the setting named. */
export async function startServer(env: Record<string, string | undefined> = process.env): Promise<void> {
  const started = performance.now();
  const config = parseConfig(env);
  const log = createLogger(config.logLevel);
  const runtime = await openRuntime(config, log);
  const webDir = `${rootDir}dist/web`;
  const clock = offsetClock(config.testClockOffsetDays);
  const reads = createReadRouting(runtime.database, runtime.replicas);
  const warmUp = config.warmUpSeconds
    ? startWarmUp({ db: runtime.database.db, reads, clock, log, budgetMs: config.warmUpSeconds * 1000 })
    : undefined;
  const app = createApp({
    database: runtime.database,
    auth: runtime.auth,
    log,
    clock,
    documents: createDocumentStore({ dir: runtime.uploadDir, maxBytes: config.uploadMaxBytes }),
    limits: { requestMaxBytes: config.requestMaxBytes, imports: config.importLimits },
    cookieSecure: config.cookieSecure,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
    slowRequestMs: config.slowRequestMs,
    reads,
    warmUp,
    metricsToken: config.metricsToken,
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    webDir: existsSync(webDir) ? webDir : undefined,
    version: version(),
    inquiry: config.inquiry,
  });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }) as Server;
  // A proxy or balancer in front keeps its connections to IZIS open and reuses them (nginx's upstream
  // keepalive, a cloud balancer's 60 s idle timeout). With Node's 5 s default IZIS closed a connection just as
  // the client sent its next request on it: under the mixed load 6 of 30,000 requests failed so (ECONNRESET),
  // writes among them. Idle connections stay open longer than such clients keep theirs; the header timeout
  // must exceed it. Closing the server still closes idle connections at once.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', (error: NodeJS.ErrnoException) => {
      void runtime.close();
      reject(
        new StartupError(
          'PORT',
          error.code === 'EADDRINUSE'
            ? `port ${config.port} on ${config.host} is already in use`
            : `cannot listen on ${config.host}:${config.port} (${error.message})`,
        ),
      );
    });
  });

  const url = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const signIns = config.seedDemo ? await demoSignIns(runtime.database.db) : [];
  const lines = [
    '',
    `  IZIS ${version()} — Hệ thống thông tin khu, cụm công nghiệp`,
    `  ➜ ${url}   (API reference: ${url}/api/docs)`,
    `  Database: ${runtime.database.kind === 'pglite' ? `embedded (${runtime.dataDir}/pglite)` : 'PostgreSQL'}` +
      `   ready in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ];
  if (signIns.length) {
    lines.push('  Demo sign-ins (change or disable them before real use):');
    for (const s of signIns) lines.push(`    ${s.username.padEnd(15)} ${s.password}   ${s.role}`);
  }
  process.stderr.write(`${lines.join('\n')}\n\n`);
  log.info({ url, startupMs: Math.round(performance.now() - started) }, 'listening');

  const mailer = createMailer(config.smtp);
  // Two or more IZIS processes may serve one PostgreSQL database: each scheduled job runs in one at a time.
  const exclusive = runtime.database.exclusive.bind(runtime.database);
  const stopMail = startMailOutbox({
    db: runtime.database.db,
    exclusive,
    log,
    clock,
    mailer,
    publicUrl: url,
  });
  const stopReminders = startReminderTimer({
    db: runtime.database.db,
    exclusive,
    log,
    clock,
    mailer,
    publicUrl: url,
    daysBefore: config.reminderDaysBefore,
    intervalMinutes: config.reminderIntervalMinutes,
  });

  const stopBackups = startBackupTimer({
    source: {
      database: runtime.database,
      ownerUrl: config.databaseOwnerUrl,
      uploadDir: runtime.uploadDir,
      appVersion: version(),
    },
    log,
    dir: config.backup.dir,
    intervalHours: config.backup.intervalHours,
    keep: config.backup.keep,
    exclusive,
  });
  const stopObstacleReminders = startObstacleReminderTimer({
    db: runtime.database.db,
    exclusive,
    log,
    clock,
    mailer,
    publicUrl: url,
    intervalMinutes: config.reminderIntervalMinutes,
  });

  const stopInquiryRetention = startInquiryRetentionTimer({
    db: runtime.database.db,
    exclusive,
    log,
    clock,
    months: config.inquiry.retentionMonths,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    void Promise.all([
      stopReminders(),
      stopMail(),
      stopBackups(),
      stopObstacleReminders(),
      stopInquiryRetention(),
    ])
      .then(() => runtime.close())
      .then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

export function reportStartupFailure(error: unknown): never {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`IZIS cannot start — ${error.message}\n`);
  } else {
    process.stderr.write(`IZIS cannot start — ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  startServer().catch(reportStartupFailure);
}
