import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from './client';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    /** PGlite: path of a dump of the migrated template database. */
    pgliteTemplate: string;
    /** PostgreSQL: name of the migrated template database on the DATABASE_URL server. */
    postgresTemplate: string;
  }
}

/** `url` is set on PostgreSQL: the connection string of this test's own database. */
export type TestDatabase = Database & { url?: string; cleanup(): Promise<void> };

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
    const database = await openPostgres(databaseUrlWith(url, name), { max: 20 });
    return {
      ...database,
      url: databaseUrlWith(url, name),
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
  return { ...database, cleanup: () => database.close() };
}
