import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres, type Database } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { databaseUrlWith } from '../db/testing';
import { prepareReferenceData } from './testing';

/**
 * Builds the template every db-tier test file starts from, once per run: migrations, the role catalogue
 * and Hanoi's administrative units. PGlite cold start with PostGIS costs ~10 s; restoring a dump ~3 s.
 */
export default async function setup(project: TestProject) {
  const prepare = async (database: Database) => {
    await applyMigrations(database);
    await prepareReferenceData(database.db);
  };
  const url = process.env.DATABASE_URL;
  if (url) {
    const base = new URL(url).pathname.slice(1) || 'izis';
    const template = `${base}_tpl`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    const database = await openPostgres(databaseUrlWith(url, template));
    await prepare(database);
    await database.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const database = await openPglite({});
  await prepare(database);
  const dump = await dumpPglite(database);
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', path);
  project.provide('postgresTemplate', '');
  return undefined;
}

async function dumpPglite(database: Database): Promise<Blob> {
  if (!database.dump) throw new Error('not a PGlite database');
  return database.dump();
}
