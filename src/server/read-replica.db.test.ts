import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres, type Database } from '../db/client';
import { loadDataVersion } from '../db/data-version';
import { applyMigrations } from '../db/migrate';
import { appRole } from '../db/privileges';
import { syncRoleCatalogue } from '../services/system/catalogue';
import { createReadRouting } from '../services/system/read-replicas';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

/**
 * Issue 15, "read replicas": a real PostgreSQL streaming replica on loopback — a primary cluster made for the
 * test (initdb), a standby from `pg_basebackup -R` — with IZIS reading heavy pages from the standby. Runs with
 * the PostgreSQL tier (DATABASE_URL set) on a machine with Debian's PostgreSQL 15 server binaries.
 */
const BIN = '/usr/lib/postgresql/15/bin';
const runs = !!process.env.DATABASE_URL && existsSync(`${BIN}/pg_basebackup`);

let root = '';
let primaryPort = 0;
let primary: Database | undefined;
let replica: Database | undefined;
let standbyAdmin: pg.Client | undefined;

const asPostgres = (command: string) =>
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe', timeout: 120_000 });
const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/izis`;

beforeAll(async () => {
  if (!runs) return;
  root = mkdtempSync('/tmp/izis-replica-');
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  chownSync(root, uid, gid);
  primaryPort = 20000 + Math.floor(Math.random() * 20000);
  asPostgres(`${BIN}/initdb -D ${root}/primary -U postgres --auth=trust -E UTF8 >/dev/null`);
  appendFileSync(
    `${root}/primary/postgresql.conf`,
    `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\n` +
      `wal_level = replica\nmax_wal_senders = 4\nfsync = off\nshared_buffers = 32MB\n`,
  );
  asPostgres(`${BIN}/pg_ctl -D ${root}/primary -l ${root}/primary.log -w start >/dev/null`);
  const admin = new pg.Client({
    connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
  });
  await admin.connect();
  await admin.query('create database izis');
  await admin.end();
  const owner = await openPostgres(url(primaryPort));
  await owner.query('create extension if not exists postgis');
  await applyMigrations(owner);
  await syncRoleCatalogue(owner.db);
  await owner.close();
  // The standby: a base backup that follows the primary (-R writes primary_conninfo and standby.signal).
  asPostgres(
    `${BIN}/pg_basebackup -h 127.0.0.1 -p ${primaryPort} -U postgres -D ${root}/standby -R -X stream -c fast`,
  );
  appendFileSync(`${root}/standby/postgresql.auto.conf`, `\nport = ${primaryPort + 1}\n`);
  asPostgres(`${BIN}/pg_ctl -D ${root}/standby -l ${root}/standby.log -w start >/dev/null`);
  primary = await openPostgres(url(primaryPort), { role: appRole });
  replica = await openPostgres(url(primaryPort + 1), { role: appRole });
  standbyAdmin = new pg.Client({ connectionString: url(primaryPort + 1) });
  await standbyAdmin.connect();
}, 180_000);

afterAll(async () => {
  if (!runs) return;
  await standbyAdmin?.end().catch(() => undefined);
  await replica?.close().catch(() => undefined);
  await primary?.close().catch(() => undefined);
  for (const node of ['standby', 'primary']) {
    if (existsSync(`${root}/${node}`)) {
      try {
        asPostgres(`${BIN}/pg_ctl -D ${root}/${node} -m immediate -w stop >/dev/null`);
      } catch {
        // already stopped
      }
    }
  }
  rmSync(root, { recursive: true, force: true });
}, 60_000);

async function caughtUp() {
  const target = await loadDataVersion(primary!.db);
  for (let i = 0; i < 200 && (await loadDataVersion(replica!.db)) !== target; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const zoneCount = (dashboard: { figures: { code: string; value: number | null }[] }) =>
  dashboard.figures.find((f) => f.code === 'zones')?.value;

describe.runIf(runs)('heavy reads from a streaming replica', () => {
  it('reads the dashboard from the replica, yet a user reads back their own write at once; lag is visible', async () => {
    const { user } = await makeUser(primary!.db, { username: 'replica-admin' });
    const { app } = createTestApp(
      primary!,
      {},
      { reads: createReadRouting(primary!, [{ name: 'replica-1', database: replica! }]) },
    );
    const officer = new TestClient(app);
    expect((await officer.signIn(user.username, testPassword)).status).toBe(200);

    const before = await officer.request('GET', '/api/dashboard');
    expect(before.status).toBe(200);

    // Replay stops: the replica keeps what it has; the primary goes on.
    await standbyAdmin!.query('select pg_wal_replay_pause()');
    // Someone else's write (another process, plain SQL): this user has not seen it.
    await primary!.query(
      `insert into zone (code, name, kind, search_text) values ('CCN-KHAC', 'CCN Khác', 'CCN', 'ccn khac')`,
    );
    await new Promise((resolve) => setTimeout(resolve, 150)); // past the routing's 100 ms version cache
    const fromReplica = await officer.request('GET', '/api/dashboard');
    expect(fromReplica.headers.get('x-izis-read-from')).toBe('replica-1');
    expect(zoneCount(fromReplica.body)).toBe(zoneCount(before.body)); // the replica's (older) figure

    // The user's own write: the next heavy read goes to the primary, since the replica has not replayed it.
    const created = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-MOI', name: 'CCN Mới', kind: 'CCN' },
    });
    expect(created.status).toBe(201);
    const own = await officer.request('GET', '/api/dashboard');
    expect(own.headers.get('x-izis-read-from')).toBe('primary');
    expect(zoneCount(own.body)).toBe(zoneCount(before.body)! + 2);

    const health = await officer.request('GET', '/api/health');
    expect(health.body.replicas).toEqual([
      expect.objectContaining({ name: 'replica-1', reachable: true, versionsBehind: expect.any(Number) }),
    ]);
    expect(health.body.replicas[0].versionsBehind).toBeGreaterThan(0);

    // Replay resumes: once the replica has the write, the same user reads it from the replica.
    await standbyAdmin!.query('select pg_wal_replay_resume()');
    await caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const after = await officer.request('GET', '/api/dashboard');
    expect(after.headers.get('x-izis-read-from')).toBe('replica-1');
    expect(zoneCount(after.body)).toBe(zoneCount(before.body)! + 2);
    expect((await officer.request('GET', '/api/health')).body.replicas[0].versionsBehind).toBe(0);
  }, 120_000);
});
