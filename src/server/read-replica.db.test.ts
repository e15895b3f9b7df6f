import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgres, type Database } from '../db/client';
import { loadDataVersion } from '../db/data-version';
import { appRole } from '../db/privileges';
import { createReadRouting } from '../services/system/read-replicas';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { startStreamingPair, streamingPairAvailable, type StreamingPair } from './testing-standby';

/**
 * Issue 15, "read replicas": a real PostgreSQL streaming replica on loopback — a primary cluster made for the
 * test (initdb), a standby from `pg_basebackup -R` (./testing-standby.ts) — with IZIS reading heavy pages
 * from the standby. Runs with the PostgreSQL tier (DATABASE_URL set) on a machine with Debian's PostgreSQL 15
 * server binaries.
 */
const runs = streamingPairAvailable;

let pair: StreamingPair | undefined;
let primary: Database | undefined;
let replica: Database | undefined;
let standbyAdmin: pg.Client | undefined;

beforeAll(async () => {
  if (!runs) return;
  pair = await startStreamingPair('izis-replica-');
  primary = await openPostgres(pair.url(pair.primaryPort), { role: appRole });
  replica = await openPostgres(pair.url(pair.standbyPort), { role: appRole });
  standbyAdmin = new pg.Client({ connectionString: pair.url(pair.standbyPort) });
  await standbyAdmin.connect();
}, 180_000);

afterAll(async () => {
  if (!runs) return;
  await standbyAdmin?.end().catch(() => undefined);
  await replica?.close().catch(() => undefined);
  await primary?.close().catch(() => undefined);
  pair?.destroy();
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
  it('reads the dashboard and Biểu 04 from the replica, yet a user reads back their own write at once; lag is visible', async () => {
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
    const b04 = '/api/compilations?formCode=B04&period=2026-H1';
    const statutoryBefore = await officer.request('GET', b04);
    expect(statutoryBefore.status).toBe(200);

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
    // The statutory report too: Biểu 04 of the city, computed from the replica.
    const statutory = await officer.request('GET', b04);
    expect(statutory.status).toBe(200);
    expect(statutory.headers.get('x-izis-read-from')).toBe('replica-1');
    expect(statutory.body.report.items).toEqual(statutoryBefore.body.report.items);

    // The user's own write: the next heavy read goes to the primary, since the replica has not replayed it.
    const created = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-MOI', name: 'CCN Mới', kind: 'CCN' },
    });
    expect(created.status).toBe(201);
    const own = await officer.request('GET', '/api/dashboard');
    expect(own.headers.get('x-izis-read-from')).toBe('primary');
    expect(zoneCount(own.body)).toBe(zoneCount(before.body)! + 2);
    expect((await officer.request('GET', b04)).headers.get('x-izis-read-from')).toBe('primary');

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
