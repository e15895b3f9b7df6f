import { rmSync } from 'node:fs';
import pg from 'pg';
import { startIzis, templateEnv } from './harness';

/**
 * Runs `npm start`'s first run once for the whole browser tier — migrations and demo data on an empty
 * database — and leaves the stopped installation for every test file to copy (see `templateEnv`).
 */
export default async function setup() {
  const izis = await startIzis({ startTimeoutMs: 300_000 });
  await izis.stop();
  const databaseUrl = izis.databaseUrl;
  if (!databaseUrl) {
    process.env[templateEnv.dataDir] = izis.dataDir;
    return () => rmSync(izis.dataDir, { recursive: true, force: true });
  }
  // The first run's database becomes the template: renamed, so that the next scratch database (same name)
  // can be created from it.
  const name = new URL(databaseUrl).pathname.slice(1);
  const template = `${name}_tpl`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`ALTER DATABASE "${name}" RENAME TO "${template}"`);
  await admin.end();
  process.env[templateEnv.database] = template;
  rmSync(izis.dataDir, { recursive: true, force: true });
  return async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.end();
  };
}
