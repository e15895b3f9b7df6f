import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from './client';
import { embeddedDatabasePaths } from './embedded-layout';
import { appRole } from './privileges';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** PGlite: path of a dump of the migrated template database. */
    pgliteTemplate: string;
    /** PostgreSQL: name of the migrated template database on the DATABASE_URL server. */
    postgresTemplate: string;
  }
}

/**
 * `url` is set on PostgreSQL: the connection string of this test's own database (the owner's login).
 * `db`/`query` act as the application role, as the server does; `ownerQuery` runs one statement as the
 * owner (what a migration, or someone at psql with the owner's password, may do).
 */
export type TestDatabase = Database & {
  url?: string;
  ownerQuery<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  cleanup(): Promise<void>;
};

export function databaseUrlWith(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A database of its own for one test file, already migrated and holding the reference data (roles,
 * Hanoi's administrative units) but no users: restored from a PGlite dump, or cloned from a template
 * database on PostgreSQL. Tests never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = inject('postgresTemplate');
    const name = `${template.replace(/_tpl$/, '')}_t_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const database = await openPostgres(databaseUrlWith(url, name), { max: 20, role: appRole });
    return {
      ...database,
      url: databaseUrlWith(url, name),
      async ownerQuery<T>(text: string, params?: unknown[]) {
        const owner = new pg.Client({ connectionString: databaseUrlWith(url, name) });
        await owner.connect();
        try {
          return (await owner.query(text, params)).rows as T[];
        } finally {
          await owner.end();
        }
      },
      async cleanup() {
        await database.close();
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const database = await openPglite({ loadDataDir: new Blob([dump]) });
  await database.query(`SET ROLE ${appRole}`);
  return {
    ...database,
    async ownerQuery<T>(text: string, params?: unknown[]) {
      await database.query('RESET ROLE');
      try {
        return await database.query<T>(text, params);
      } finally {
        await database.query(`SET ROLE ${appRole}`);
      }
    },
    cleanup: () => database.close(),
  };
}

/**
 * Embedded only: a data directory of its own holding the test template as a completed first start leaves it
 * (what `createTestDatabase` gives on PostgreSQL, for tests that run the command line or a server process on
 * a data directory). A first start's migrations cost ~30 s on the embedded database; this costs one open.
 */
export async function createTestDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'izis-data-'));
  const { dir, readyMarker } = embeddedDatabasePaths(dataDir);
  const database = await openPglite({
    dataDir: dir,
    loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
  });
  await database.close();
  writeFileSync(readyMarker, new Date().toISOString());
  return dataDir;
}
