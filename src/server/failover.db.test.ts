import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../db/client';
import { resolveHostUrl } from '../db/multi-host';
import { appRole } from '../db/privileges';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { startStreamingPair, streamingPairAvailable, type StreamingPair } from './testing-standby';

/**
 * Issue 15, "failover" (ADR 0024): DATABASE_URL in libpq's multi-host form, as pg_auto_failover gives it, on a
 * real streaming pair on loopback (./testing-standby.ts). IZIS's connections go to the host that accepts
 * writes whatever the order of the list, a lost database answers 503 (retry) rather than 500, and once the
 * standby is promoted the same pool writes to it without a restart. PostgreSQL tier only.
 */
const runs = streamingPairAvailable;

let pair: StreamingPair | undefined;
const opened: Database[] = [];

async function open(url: string): Promise<Database> {
  const database = await openPostgres(url, { role: appRole });
  opened.push(database);
  return database;
}

/** A pair's URL listing the standby first, as a client of pg_auto_failover may find them after a switch. */
const standbyFirst = (attrs: string) =>
  `postgresql://postgres@127.0.0.1:${pair!.standbyPort},127.0.0.1:${pair!.primaryPort}/izis?target_session_attrs=${attrs}`;

async function signedIn(database: Database, username: string) {
  await makeUser(opened[0]!.db, { username });
  const { app } = createTestApp(database);
  const client = new TestClient(app);
  expect((await client.signIn(username, testPassword)).status).toBe(200);
  return client;
}

async function zoneOn(port: number, code: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: pair!.url(port) });
  await client.connect();
  try {
    return (await client.query('select 1 from zone where code = $1', [code])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Waits until the standby has replayed the user `username` (streaming replication is asynchronous here). */
async function replayed(standby: Database, username: string) {
  for (let i = 0; i < 100; i++) {
    if ((await standby.query('select 1 from app_user where username = $1', [username])).length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the standby never replayed ${username}`);
}

beforeAll(async () => {
  if (!runs) return;
  pair = await startStreamingPair('izis-failover-test-');
  await open(pair.url(pair.primaryPort)); // for making users
}, 180_000);

afterAll(async () => {
  if (!runs) return;
  for (const database of opened) await database.close().catch(() => undefined);
  pair?.destroy();
}, 60_000);

describe.runIf(runs)('a multi-host DATABASE_URL (pg_auto_failover)', () => {
  it('read-write: with the standby listed first, every connection and every write goes to the primary', async () => {
    const database = await open(standbyFirst('read-write'));
    const ports = await Promise.all(
      Array.from({ length: 4 }, () => database.query<{ port: number }>('select inet_server_port() as port')),
    );
    expect(new Set(ports.map((rows) => rows[0]!.port))).toEqual(new Set([pair!.primaryPort]));
    // What a backup hands pg_dump: the primary's own URL.
    expect(await resolveHostUrl(standbyFirst('read-write'))).toBe(pair!.url(pair!.primaryPort));

    const officer = await signedIn(database, 'failover-rw');
    const created = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-RW', name: 'CCN Ghi', kind: 'CCN' },
    });
    expect(created.status).toBe(201);
    expect(await zoneOn(pair!.primaryPort, 'CCN-RW')).toBe(true);
  }, 30_000);

  it('a write that reaches a read-only server, or no server at all, answers 503 with Retry-After', async () => {
    // target_session_attrs=any keeps the first host that answers: the standby (libpq's rule), read-only.
    const onStandby = await open(standbyFirst('any'));
    expect((await onStandby.query<{ port: number }>('select inet_server_port() as port'))[0]!.port).toBe(
      pair!.standbyPort,
    );
    await makeUser(opened[0]!.db, { username: 'failover-ro' });
    await replayed(onStandby, 'failover-ro');
    // Signing in writes a session: on a standby PostgreSQL refuses it (SQLSTATE 25006).
    const refused = await new TestClient(createTestApp(onStandby).app).request('POST', '/api/auth/sign-in', {
      body: { username: 'failover-ro', password: testPassword },
    });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('database.unavailable');
    expect(refused.headers.get('retry-after')).toBe('5');

    // Nobody listens on either port: the connection itself fails.
    const gone = `postgresql://postgres@127.0.0.1:${pair!.primaryPort + 2},127.0.0.1:${pair!.primaryPort + 3}/izis?target_session_attrs=read-write&connect_timeout=2`;
    const nowhere = await openPostgres(gone, { role: appRole });
    try {
      const lost = await new TestClient(createTestApp(nowhere).app).request('POST', '/api/auth/sign-in', {
        body: { username: 'failover-ro', password: testPassword },
      });
      expect(lost.status).toBe(503);
      expect(lost.body.message).toMatch(/cơ sở dữ liệu/);
    } finally {
      await nowhere.close();
    }
  }, 30_000);

  it('when the primary is lost and the standby promoted, the same pool writes again without a restart', async () => {
    const database = await open(standbyFirst('read-write'));
    const officer = await signedIn(database, 'failover-switch');
    const before = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-TRUOC', name: 'CCN Trước', kind: 'CCN' },
    });
    expect(before.status).toBe(201);

    pair!.stop('primary');
    const during = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-GIUA', name: 'CCN Giữa', kind: 'CCN' },
    });
    expect(during.status).toBe(503); // the standby is still read-only, the primary gone

    pair!.promote();
    const after = await officer.request('POST', '/api/zones', {
      body: { code: 'CCN-SAU', name: 'CCN Sau', kind: 'CCN' },
    });
    expect(after.status).toBe(201);
    expect(await zoneOn(pair!.standbyPort, 'CCN-SAU')).toBe(true);
    expect(await zoneOn(pair!.standbyPort, 'CCN-TRUOC')).toBe(true); // replicated before the loss
  }, 60_000);
});
