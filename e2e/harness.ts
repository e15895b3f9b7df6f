import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const root = new URL('../', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A fresh database (suffix `_<suffix>`) beside the one `url` names, on the same PostgreSQL server; a copy of
 * `template` when one is named.
 */
export async function scratchDatabase(url: string, suffix = 'e2e', template?: string): Promise<string> {
  const name = `${new URL(url).pathname.slice(1) || 'izis'}_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type RunningIzis = {
  url: string;
  dataDir: string;
  /** The PostgreSQL database it runs on (undefined: the embedded one in `dataDir`). */
  databaseUrl: string | undefined;
  process: ChildProcess;
  /** Milliseconds from spawn to the first healthy answer. */
  startMs: number;
  output: () => string;
  stop(): Promise<void>;
};

/**
 * Where the browser tier's global set-up (e2e/template.global-setup.ts) left one installation that has
 * been through `npm start`'s first run (migrations, demo data): a stopped embedded data directory, or a
 * PostgreSQL database to copy. Copying it spares every test file the first run's 20–40 s on the embedded
 * database; the first run itself is what the set-up exercises.
 */
export const templateEnv = { dataDir: 'IZIS_E2E_TEMPLATE_DIR', database: 'IZIS_E2E_TEMPLATE_DB' } as const;

/**
 * Starts the built IZIS exactly as `npm start` does (demo data on an empty database) and waits for it.
 * Without options: a new data directory, and on PostgreSQL runs a fresh database of its own — each a copy
 * of the run's template installation when there is one (see `templateEnv`).
 */
export async function startIzis(
  options: {
    dataDir?: string;
    databaseUrl?: string | null;
    env?: Record<string, string>;
    startTimeoutMs?: number;
    /** Wait until `/api/ready` too (the start's warm-up over), as a balancer does before it sends users. */
    ready?: boolean;
    /**
     * The start's warm-up (server/warm-up.ts): on when waiting for `ready`, else off — the browser tests start a
     * server per file on CI's two cores, and what they check does not depend on kept views being warm.
     */
    warmUp?: boolean;
  } = {},
): Promise<RunningIzis> {
  const port = await freePort();
  const template = {
    dataDir: process.env[templateEnv.dataDir],
    database: process.env[templateEnv.database],
  };
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'izis-e2e-'));
  const pristine = options.dataDir === undefined && options.databaseUrl === undefined;
  if (pristine && !process.env.DATABASE_URL && template.dataDir && existsSync(template.dataDir)) {
    const { lock } = embeddedDatabasePaths(template.dataDir);
    cpSync(template.dataDir, dataDir, { recursive: true, filter: (path) => path !== lock });
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    PORT: String(port),
    IZIS_DATA_DIR: dataDir,
    IZIS_LOG_LEVEL: 'warn',
    ...((options.warmUp ?? options.ready) ? {} : { IZIS_WARM_UP_SECONDS: '0' }),
    ...options.env,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else if (options.databaseUrl === undefined && process.env.DATABASE_URL) {
    env.DATABASE_URL = await scratchDatabase(
      process.env.DATABASE_URL,
      'e2e',
      pristine ? template.database : undefined,
    );
  }
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/izis.mjs', 'serve'], { cwd: root, env });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const timeout = options.startTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`IZIS exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/${options.ready ? 'ready' : 'health'}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`IZIS did not start in ${timeout / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    startMs: performance.now() - started,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium, headless, with a throwaway profile and no background network traffic. */
export async function openBrowser(): Promise<BrowserContext> {
  const home = mkdtempSync(join(tmpdir(), 'izis-chromium-'));
  for (const dir of ['config', 'cache', 'data']) mkdirSync(join(home, dir));
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.XDG_CACHE_HOME = join(home, 'cache');
  process.env.XDG_DATA_HOME = join(home, 'data');
  return chromium.launchPersistentContext(join(home, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1366, height: 820 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: { ...process.env, HOME: home } as Record<string, string>,
  });
}

export const screenshotDir = join(root, '.tmp', 'screenshots');

/** Signs in on the sign-in page with a demo account (every demo account has the demo password). */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('IzisDemo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('app-shell').waitFor();
}
