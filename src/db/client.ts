import { PGlite } from '@electric-sql/pglite';
import { postgisCore } from './postgis-files';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { multiHostClient, parseMultiHostUrl } from './multi-host';

/** Drizzle over either driver: repositories are written once against this type. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs a raw statement and returns its rows (used by health checks, tests and benches). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a tarball (test templates, backups). */
  dump?: () => Promise<Blob>;
  /**
   * Runs `fn` unless another process on the same database is running the job `name` (a scheduled job that
   * two IZIS processes behind one address must not both run): PostgreSQL's session advisory lock, held on
   * one pinned connection for the run and released after it. The embedded database belongs to one process,
   * so there it simply runs.
   */
  exclusive<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** PostgreSQL only: the pool's connections now (for the metrics). */
  poolStats?: () => { total: number; idle: number; waiting: number };
};

/**
 * The embedded server's settings beyond PGlite's own: a 64 MB buffer pool instead of 128 MB. PGlite reads its
 * pages through the operating system's file cache, which keeps what the pool drops, and the pool's memory,
 * once touched, stays in the process for its life; 16 MB saved 29 MB more at idle but made a commune officer's
 * filings list at national scale 2.4 times slower (docs/decisions/0031, docs/performance.md).
 */
export const embeddedSettings = { shared_buffers: '64MB' } as const;

/** Opens the embedded database in `dataDir` (created if empty), with PostGIS available. */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<Database> {
  // The two-argument constructor silently drops extensions: always use create() with `extensions`.
  const client = await PGlite.create({
    startParams: [
      ...PGlite.defaultStartParams,
      ...Object.entries(embeddedSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { postgis: postgisCore },
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      const result = await client.query<T>(text, params);
      return result.rows;
    },
    async close() {
      await client.close();
    },
    async dump() {
      return client.dumpDataDir('none');
    },
    async exclusive(_name, fn) {
      return { ran: true, value: await fn() };
    },
  };
}

/**
 * A `pg` pool. With `role`, every connection acts as that role from its start (`-c role=…`), e.g. the
 * application role `izis_app` (db/privileges.ts); the login must be allowed to SET ROLE to it. `url` may be
 * libpq's multi-host form with `target_session_attrs=read-write` (a failover pair, ADR 0024): each new
 * connection then goes to whichever host is the primary now (db/multi-host.ts).
 */
export async function openPostgres(
  url: string,
  options: { max?: number; role?: string } = {},
): Promise<Database> {
  const target = parseMultiHostUrl(url);
  const pool = new pg.Pool({
    ...(target ? { Client: multiHostClient(target) } : { connectionString: url }),
    max: options.max ?? 10,
    // Also how long a request waits for a free connection (pg-pool uses one setting for both): at a filing
    // deadline 200 submitters queue on 10 connections, and a 5 s limit turned the queue into 500s at national
    // scale. A refused connection still fails at once.
    connectionTimeoutMillis: 30_000,
    // IZIS's statements are short and answered from indexes and roll-ups, but a few (capital totals, Biểu 04)
    // are estimated above jit_above_cost: compiling them with LLVM took ~200 ms for an 8 ms query (capital
    // totals, national scale, EXPLAIN ANALYZE). PGlite has no JIT, so this also keeps both databases alike.
    options: `-c jit=off${options.role ? ` -c role=${options.role}` : ''}`,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor may a checked-out one (inside a transaction, or holding a job's advisory lock) when the server goes
  // away between two of its queries: its queries fail with the error, and the pool drops it on release.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params);
      return result.rows as T[];
    },
    async close() {
      await pool.end();
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async exclusive(name, fn) {
      const client = await pool.connect();
      try {
        const lock = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [
          `izis:job:${name}`,
        ]);
        if (!lock.rows[0]?.ok) return { ran: false };
        try {
          return { ran: true, value: await fn() };
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [`izis:job:${name}`]);
        }
      } finally {
        client.release();
      }
    },
  };
}

export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
