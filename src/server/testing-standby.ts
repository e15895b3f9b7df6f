import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openPostgres } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { syncRoleCatalogue } from '../services/system/catalogue';

/**
 * A real PostgreSQL streaming pair on loopback for tests (issue 15): a primary cluster made for the test
 * (initdb, the IZIS database `izis` migrated) and a standby from `pg_basebackup -R`, both run as the
 * `postgres` OS user under one temporary directory. Needs Debian's PostgreSQL 15 server binaries and a
 * PostgreSQL test run (DATABASE_URL set): `streamingPairAvailable` says whether a test can have one.
 */
const BIN = '/usr/lib/postgresql/15/bin';

export const streamingPairAvailable = !!process.env.DATABASE_URL && existsSync(`${BIN}/pg_basebackup`);

export type StreamingPair = {
  root: string;
  primaryPort: number;
  standbyPort: number;
  /** The database `izis` on `port`, as the superuser `postgres` (trust). */
  url(port: number): string;
  /** The standby becomes a primary (`pg_ctl promote`, waiting for it). */
  promote(): void;
  /** Stops one node at once (`-m immediate`: as if the server were lost). */
  stop(node: 'primary' | 'standby'): void;
  /** Stops both and removes the directory. */
  destroy(): void;
};

const asPostgres = (command: string) =>
  execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe', timeout: 120_000 });

export async function startStreamingPair(prefix = 'izis-pair-'): Promise<StreamingPair> {
  const root = mkdtempSync(`/tmp/${prefix}`);
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  chownSync(root, uid, gid);
  const primaryPort = 20000 + Math.floor(Math.random() * 20000);
  const standbyPort = primaryPort + 1;
  const url = (port: number) => `postgresql://postgres@127.0.0.1:${port}/izis`;
  const dir = (node: 'primary' | 'standby') => `${root}/${node}`;
  const stop = (node: 'primary' | 'standby') => {
    if (!existsSync(`${dir(node)}/postmaster.pid`)) return;
    try {
      asPostgres(`${BIN}/pg_ctl -D ${dir(node)} -m immediate -w stop >/dev/null`);
    } catch {
      // already stopped
    }
  };
  const pair: StreamingPair = {
    root,
    primaryPort,
    standbyPort,
    url,
    promote: () => void asPostgres(`${BIN}/pg_ctl -D ${dir('standby')} -w promote >/dev/null`),
    stop,
    destroy() {
      stop('standby');
      stop('primary');
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    asPostgres(`${BIN}/initdb -D ${dir('primary')} -U postgres --auth=trust -E UTF8 >/dev/null`);
    appendFileSync(
      `${dir('primary')}/postgresql.conf`,
      `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\n` +
        `wal_level = replica\nmax_wal_senders = 4\nfsync = off\nshared_buffers = 32MB\n`,
    );
    asPostgres(`${BIN}/pg_ctl -D ${dir('primary')} -l ${root}/primary.log -w start >/dev/null`);
    const admin = new pg.Client({
      connectionString: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
    });
    await admin.connect();
    await admin.query('create database izis');
    await admin.end();
    const owner = await openPostgres(url(primaryPort));
    try {
      await owner.query('create extension if not exists postgis');
      await applyMigrations(owner);
      await syncRoleCatalogue(owner.db);
    } finally {
      await owner.close();
    }
    // The standby: a base backup that follows the primary (-R writes primary_conninfo and standby.signal).
    asPostgres(
      `${BIN}/pg_basebackup -h 127.0.0.1 -p ${primaryPort} -U postgres -D ${dir('standby')} -R -X stream -c fast`,
    );
    appendFileSync(`${dir('standby')}/postgresql.auto.conf`, `\nport = ${standbyPort}\n`);
    asPostgres(`${BIN}/pg_ctl -D ${dir('standby')} -l ${root}/standby.log -w start >/dev/null`);
    return pair;
  } catch (error) {
    pair.destroy();
    throw error;
  }
}
