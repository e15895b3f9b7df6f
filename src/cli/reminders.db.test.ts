import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataDir, createTestDatabase, type TestDatabase } from '../db/testing';
import type { CliIo } from './io';
import { runCli } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;

beforeAll(async () => {
  // PostgreSQL: a database of this file's own. Embedded: a data directory of its own holding the template.
  const dataDir = mkdtempSync(join(tmpdir(), 'izis-cli-'));
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url, IZIS_DATA_DIR: dataDir, IZIS_LOG_LEVEL: 'error' };
  } else {
    env = { IZIS_DATA_DIR: await createTestDataDir(), IZIS_LOG_LEVEL: 'error' };
  }
});
afterAll(() => database?.cleanup());

async function izis(args: string[], extraEnv: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...env, USER: 'tester', ...extraEnv },
    readSecret: async () => '',
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('izis reminders', () => {
  it('runs a dry run and a real run, saying what it did in Vietnamese', async () => {
    const dry = await izis(['reminders', 'send', '--dry-run']);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(
      /^\(Chạy thử, không ghi gì\) Ngày \d{4}-\d{2}-\d{2}: \d+ báo cáo cần nhắc hạn, \d+ báo cáo bị trả lại chưa nộp lại; 0 thông báo/,
    );
    const real = await izis(['reminders', 'send']);
    expect(real.code).toBe(0);
    expect(real.out).toContain('e-mail: 0 đã gửi, 0 lỗi');
  });

  it('refuses an unknown subcommand or a bad setting, naming it', async () => {
    expect((await izis(['reminders', 'gui'])).code).toBe(2);
    const bad = await izis(['reminders', 'send'], { IZIS_REMINDER_DAYS_BEFORE: 'bảy' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('IZIS_REMINDER_DAYS_BEFORE');
  });
});
