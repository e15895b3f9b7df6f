import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataDir, createTestDatabase, type TestDatabase } from '../db/testing';
import type { CliIo } from './io';
import { runCli } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;
let dataDir: string;

beforeAll(async () => {
  dataDir = process.env.DATABASE_URL
    ? mkdtempSync(join(tmpdir(), 'izis-cli-audit-'))
    : await createTestDataDir();
  env = { IZIS_DATA_DIR: dataDir, IZIS_LOG_LEVEL: 'error' };
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
});
afterAll(() => database?.cleanup());

async function izis(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...env, USER: 'tester' },
    readSecret: async () => 'Mat-khau-tu-stdin-2026',
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** As the database owner at psql: around the append-only trigger. */
async function ownerSql(statement: string) {
  await database!.ownerQuery(`begin;
    alter table audit_log disable trigger audit_log_no_update_delete; ${statement};
    alter table audit_log enable trigger audit_log_no_update_delete; commit;`);
}

// PostgreSQL only: on the embedded database each command opens the data directory anew (six cold starts);
// the same walk runs on PGlite in services/audit/audit-chain.db.test.ts.
describe.skipIf(!process.env.DATABASE_URL)('izis audit', () => {
  it('verify names the row the owner edited in SQL, and checks a head exported before', async () => {
    const add = await izis([
      'user',
      'add',
      '--username',
      'kiem.toan',
      '--name',
      'Kiểm Toán',
      '--role',
      'system_admin',
    ]);
    expect(add.code, add.err).toBe(0);
    const intact = await izis(['audit', 'verify']);
    expect(intact.code, intact.err).toBe(0);
    expect(intact.out).toMatch(/Nhật ký nguyên vẹn/);

    const headFile = join(dataDir, 'head.json');
    expect((await izis(['audit', 'head', '--out', headFile])).code).toBe(0);
    expect((await izis(['audit', 'verify', '--head', headFile])).code).toBe(0);

    const rows = await database!.query<{ id: string; seq: string }>(
      `select id::text, seq::text from audit_log where entity_type = 'user' order by audit_log.seq desc limit 1`,
    );
    await ownerSql(
      `update audit_log set after = jsonb_set(after, '{displayName}', '"Người Khác"') where id = (
        select id from audit_log where entity_type = 'user' order by seq desc limit 1)`,
    );
    const broken = await izis(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/chuỗi gãy tại dòng id \d+ \(seq \d+\) — nội dung dòng không khớp/);
    expect(broken.err).toContain(`dòng id ${rows[0]!.id} (seq ${rows[0]!.seq})`);
  });
});
