import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CliIo } from './io';
import { runCli } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'izis-cli-backup-'));
  env = { IZIS_DATA_DIR: join(dir, 'data'), IZIS_LOG_LEVEL: 'error' };
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
    readSecret: async () => '',
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('izis backup and izis restore', () => {
  it('refuse a file that is not a sound archive, saying so, and change nothing', async () => {
    const bad = join(dir, 'not-a-backup.tar.gz');
    writeFileSync(bad, 'đây không phải bản sao lưu');
    const result = await izis(['restore', bad]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/izis restore: Tệp sao lưu .* bị hỏng/);
    expect((await izis(['backup'])).code).toBe(2);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'back up a running PostgreSQL database and restore it over itself only when told to replace it',
    async () => {
      const file = join(dir, 'izis.tar.gz');
      const backup = await izis(['backup', file]);
      expect(backup.code, backup.err).toBe(0);
      expect(backup.out).toMatch(/Đã sao lưu vào .*izis\.tar\.gz: \d+ bảng/);
      const refused = await izis(['restore', file]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/--replace/);
      const restored = await izis(['restore', file, '--replace']);
      expect(restored.code, restored.err).toBe(0);
      expect(restored.out).toMatch(/dòng khớp với bản kê.*nhật ký nguyên vẹn/);
    },
    300_000,
  );
});
