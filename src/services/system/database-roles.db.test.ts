import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { openRuntime, type Runtime } from './bootstrap';
import { parseConfig } from './config';
import { silentLogger } from './logger';

const url = process.env.DATABASE_URL;
let database: TestDatabase | undefined;
let runtime: Runtime | undefined;
const login = `izis_web_${randomBytes(3).toString('hex')}`;

afterAll(async () => {
  await runtime?.close();
  await database?.cleanup();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${login}`);
    await admin.end();
  }
});

describe.skipIf(!url)('PostgreSQL with an owner login and an application login', () => {
  it('migrates as the owner and serves as a login that cannot step back to more than izis_app', async () => {
    database = await createTestDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE ROLE ${login} LOGIN IN ROLE izis_app`);
    await admin.end();
    const appUrl = new URL(database.url!);
    appUrl.username = login;
    runtime = await openRuntime(
      parseConfig({
        DATABASE_OWNER_URL: database.url,
        DATABASE_URL: appUrl.toString(),
        IZIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'izis-roles-')),
        IZIS_SEED_DEMO: 'false',
      }),
      silentLogger,
    );
    const q = (text: string) => runtime!.database.query<Record<string, string>>(text);
    expect(await q('select current_user as who, session_user as login')).toEqual([
      { who: 'izis_app', login },
    ]);
    // What injected SQL would try first: leave the role. It only gets back to the login, which has no more.
    const session = new pg.Client({ connectionString: appUrl.toString(), options: '-c role=izis_app' });
    await session.connect();
    try {
      // RESET ROLE returns to the connection's default, izis_app; SET ROLE NONE to the login itself.
      await session.query('reset role');
      expect((await session.query('select current_user as who')).rows[0].who).toBe('izis_app');
      await session.query('set role none');
      expect((await session.query('select current_user as who')).rows[0].who).toBe(login);
      for (const statement of [
        `insert into audit_log (seq, action, entity_type, entity_id, prev_hash, hash) values (0, 'x', 'x', 'x', '', '')`,
        'alter table audit_log disable trigger all',
        'set role postgres',
      ]) {
        await expect(session.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await session.end();
    }
    await q(`select audit_append('[{"action": "test.login", "entity_type": "test", "entity_id": "1"}]')`);
  });
});
