import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CliIo } from './io';
import { runCli } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;

beforeAll(async () => {
  // PostgreSQL: a database of this file's own. Embedded: a fresh data directory (the CLI migrates it).
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env = {
      DATABASE_URL: database.url,
      IZIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'izis-cli-')),
      IZIS_LOG_LEVEL: 'error',
    };
  } else {
    env = { IZIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'izis-cli-')), IZIS_LOG_LEVEL: 'error' };
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
    readSecret: async () => 'Mat-khau-tu-stdin-2026',
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the izis command line', () => {
  it('migrates, loads administrative units from a file, and adds, lists and resets users', async () => {
    expect((await izis(['migrate'])).out).toMatch(/Database schema is at 0\d{3}_/);

    const file = join(mkdtempSync(join(tmpdir(), 'izis-units-')), 'tinh.json');
    writeFileSync(
      file,
      JSON.stringify({
        province: { code: '01', name: 'Hà Nội', kind: 'Thành phố' },
        effectiveDate: '2025-07-01',
        districts: [{ code: '017', name: 'Huyện Đông Anh' }],
        units: [
          {
            newCode: '00454',
            newName: 'Xã Đông Anh',
            type: 'Xã',
            formerUnits: [
              {
                oldCode: '00451',
                name: 'Thị trấn Đông Anh',
                district: 'Huyện Đông Anh',
                splitAcrossNewUnits: false,
              },
            ],
          },
        ],
      }),
    );
    const imported = await izis(['admin-units', 'import', file]);
    expect(imported.code, imported.err).toBe(0);
    // A database cloned from the test template already has Hanoi: the importer matches on codes.
    expect(imported.out).toMatch(/Đã nhập: \d+ đơn vị mới/);

    const add = await izis(
      [
        'user',
        'add',
        '--username',
        'lan.nt',
        '--name',
        'Nguyễn Thị Lan',
        '--role',
        'commune_officer',
        '--scope-kind',
        'commune',
        '--scope',
        '00454',
      ],
      { IZIS_PASSWORD: 'Mat-khau-that-dai-2026' },
    );
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain('Cán bộ xã/phường — Xã Đông Anh');

    const list = await izis(['user', 'list', '--search', 'nguyen thi']);
    expect(list.out).toContain('lan.nt');
    expect(list.out).toContain('Xã Đông Anh');

    const reset = await izis(['user', 'reset-password', '--username', 'lan.nt']);
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toContain('Đã đặt lại mật khẩu cho lan.nt');
  });

  it('refuses bad input with the field named, and an unknown command with usage', async () => {
    const bad = await izis(['user', 'add', '--username', 'X Y', '--name', 'A', '--role', 'leader'], {
      IZIS_PASSWORD: 'ngan',
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('username');
    expect(bad.err).toContain('Tên đăng nhập chỉ gồm');
    const unknown = await izis(['lam-gi-do']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Usage: npm run izis');
  });
});
