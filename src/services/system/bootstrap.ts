import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { openPglite, openPostgres, ping, type Database } from '../../db/client';
import { embeddedDatabasePaths } from '../../db/embedded-layout';
import type { ReadReplica } from './read-replicas';
import { applyMigrations } from '../../db/migrate';
import { actAsAppRole, appRole } from '../../db/privileges';
import type { AuthSettings } from '../auth/auth.service';
import { closeSpreadsheetPools } from '../import/spreadsheet-pool';
import type { AppConfig } from './config';
import { seedDemo, type DemoSeedResult } from './demo-seed';
import type { Logger } from './logger';
import { syncRoleCatalogue } from './catalogue';
import { countUsers } from './system.repository';

/** A start-up failure that names the setting to fix. Printed as one line; the process exits non-zero. */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'StartupError';
  }
}

export type Runtime = {
  config: AppConfig;
  database: Database;
  log: Logger;
  auth: AuthSettings;
  dataDir: string;
  /** Uploaded documents live here (absolute; created and checked writable at start). */
  uploadDir: string;
  demo: DemoSeedResult | null;
  /** Streaming replicas for heavy reads (DATABASE_REPLICA_URLS), connected as the application role. */
  replicas: ReadReplica[];
  close(): Promise<void>;
};

function ensureWritableDir(dir: string, setting = 'IZIS_DATA_DIR'): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    const probe = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (error) {
    throw new StartupError(setting, `the directory ${dir} cannot be written (${(error as Error).message})`);
  }
}

function loadOrCreateSecret(config: AppConfig, dataDir: string): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One process at a time may open an embedded database directory. */
function lockDataDir(dataDir: string): () => void {
  const lockFile = embeddedDatabasePaths(dataDir).lock;
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StartupError(
        'IZIS_DATA_DIR',
        `the embedded database in ${dataDir} is in use by process ${pid}`,
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => {
    try {
      unlinkSync(lockFile);
    } catch {
      // already gone
    }
  };
}

async function connectPostgres(url: string, setting: string, options: { role?: string }): Promise<Database> {
  let database: Database | undefined;
  try {
    database = await openPostgres(url, { ...options, max: options.role ? 10 : 2 });
    await ping(database);
    return database;
  } catch (error) {
    await database?.close().catch(() => undefined);
    const message = (error as Error).message || String(error);
    const hint = /role/i.test(message)
      ? ` — the login must be allowed to act as ${appRole} (GRANT ${appRole} TO <login>; see README, "Database roles")`
      : '';
    throw new StartupError(setting, `cannot connect to ${redactUrl(url)} (${message})${hint}`);
  }
}

/**
 * From the owner's connection (migrations, grants) to the application's: PGlite's one session switches to
 * the role; PostgreSQL opens the pool on DATABASE_URL with every connection acting as the role.
 */
async function actAsApplication(config: AppConfig, owner: Database): Promise<Database> {
  if (owner.kind === 'pglite') {
    await actAsAppRole(owner);
    return owner;
  }
  await owner.close();
  return connectPostgres(config.databaseUrl!, 'DATABASE_URL', { role: appRole });
}

async function openDatabase(
  config: AppConfig,
  dataDir: string,
): Promise<{ database: Database; fresh: boolean; release: () => void }> {
  if (config.databaseUrl) {
    const ownerUrl = config.databaseOwnerUrl ?? config.databaseUrl;
    const setting = ownerUrl === config.databaseUrl ? 'DATABASE_URL' : 'DATABASE_OWNER_URL';
    return { database: await connectPostgres(ownerUrl, setting, {}), fresh: false, release: () => undefined };
  }
  const release = lockDataDir(dataDir);
  const { dir, readyMarker } = embeddedDatabasePaths(dataDir);
  // A directory without the marker is what an interrupted first start left: it never held accepted data.
  const fresh = !existsSync(readyMarker);
  if (fresh && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  try {
    return { database: await openPglite({ dataDir: dir }), fresh, release };
  } catch (error) {
    release();
    throw new StartupError(
      'IZIS_DATA_DIR',
      `cannot open the embedded database in ${dir} (${(error as Error).message})`,
    );
  }
}

/**
 * Everything between configuration and serving: data directory, database, migrations, catalogues and the
 * demo seed. Any failure stops here with the setting named, and leaves nothing half-initialised.
 */
export async function openRuntime(
  config: AppConfig,
  log: Logger,
  options: { migrate?: boolean } = {},
): Promise<Runtime> {
  const dataDir = resolve(config.dataDir);
  ensureWritableDir(dataDir);
  const uploadDir = resolve(config.uploadDir);
  ensureWritableDir(
    uploadDir,
    config.uploadDir === join(config.dataDir, 'uploads') ? 'IZIS_DATA_DIR' : 'IZIS_UPLOAD_DIR',
  );
  const sessionSecret = loadOrCreateSecret(config, dataDir);
  const started = Date.now();
  const opened = await openDatabase(config, dataDir);
  const { fresh, release } = opened;
  let database = opened.database;
  const replicas: ReadReplica[] = [];
  const close = async () => {
    await closeSpreadsheetPools();
    await Promise.all(replicas.map((replica) => replica.database.close().catch(() => undefined)));
    await database.close();
    release();
  };
  try {
    if (options.migrate !== false) {
      try {
        await applyMigrations(database);
      } catch (error) {
        const message = (error as Error).message || String(error);
        const hint = /postgis/i.test(message + String((error as { cause?: unknown }).cause ?? ''))
          ? ' — PostGIS is missing on this server (Debian: apt-get install postgresql-15-postgis-3)'
          : '';
        const cause = (error as { cause?: Error }).cause?.message;
        const setting = !config.databaseUrl
          ? 'IZIS_DATA_DIR'
          : config.databaseOwnerUrl !== config.databaseUrl
            ? 'DATABASE_OWNER_URL'
            : 'DATABASE_URL';
        throw new StartupError(setting, `migrations failed: ${cause ?? message}${hint}`);
      }
      await syncRoleCatalogue(database.db);
    }
    database = await actAsApplication(config, database);
    for (const [index, url] of config.databaseReplicaUrls.entries()) {
      replicas.push({
        name: `replica-${index + 1}`,
        database: await connectPostgres(url, 'DATABASE_REPLICA_URLS', { role: appRole }),
      });
    }
    let demo: DemoSeedResult | null = null;
    if (config.seedDemo && options.migrate !== false && (await countUsers(database.db)) === 0) {
      demo = await seedDemo({ db: database.db, log });
    }
    if (!config.databaseUrl && fresh)
      writeFileSync(embeddedDatabasePaths(dataDir).readyMarker, new Date().toISOString());
    log.info({ database: database.kind, ms: Date.now() - started, fresh }, 'database ready');
    return {
      config,
      database,
      log,
      dataDir,
      uploadDir,
      demo,
      replicas,
      auth: {
        sessionSecret,
        sessionTtlMinutes: config.sessionTtlMinutes,
        sessionIdleMinutes: config.sessionIdleMinutes,
        loginMaxFailures: config.loginMaxFailures,
        loginWindowMinutes: config.loginWindowMinutes,
      },
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    // A first start that failed leaves no embedded database behind.
    if (!config.databaseUrl && fresh)
      rmSync(embeddedDatabasePaths(dataDir).dir, { recursive: true, force: true });
    throw error;
  }
}
