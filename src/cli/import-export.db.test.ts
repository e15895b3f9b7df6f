import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { parseCsv } from '../domain/import/csv';
import { runCli, type CliIo } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;
const dir = mkdtempSync(join(tmpdir(), 'izis-import-'));

beforeAll(async () => {
  // PostgreSQL: a database of this file's own. Embedded: a fresh data directory (the CLI migrates it).
  env = process.env.DATABASE_URL
    ? {
        DATABASE_URL: (database = await createTestDatabase()).url,
        IZIS_DATA_DIR: dir,
        IZIS_LOG_LEVEL: 'error',
      }
    : { IZIS_DATA_DIR: join(dir, 'data'), IZIS_LOG_LEVEL: 'error' };
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

describe('izis import / export zones', () => {
  it('checks, imports, re-imports unchanged and exports, printing problems in Vietnamese', async () => {
    const bad = join(dir, 'khu-cum-loi.csv');
    writeFileSync(
      bad,
      '\ufeffMã khu/cụm,Tên khu/cụm,Loại hình,Tổng diện tích (ha),Diện tích đất công nghiệp (ha)\r\n' +
        'CCN-CLI-1,Cụm công nghiệp Một,CCN,10,8\r\n' +
        'CCN-CLI-2,Cụm công nghiệp Hai,CCN,10,"12,5"\r\n',
    );
    const checked = await izis(['import', 'zones', bad, '--dry-run']);
    expect(checked.code).toBe(1);
    expect(checked.err).toContain(
      'Dòng 3, cột "Diện tích đất công nghiệp (ha)": Đất công nghiệp (12,5 ha) lớn hơn tổng diện tích (10 ha).',
    );
    expect(checked.err).toContain('Có 1 lỗi; không có dữ liệu nào được ghi.');

    const good = join(dir, 'khu-cum.csv');
    writeFileSync(good, readFileSync(bad, 'utf8').replace('"12,5"', '9'));
    const imported = await izis(['import', 'zones', good]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/^Đã ghi\. 2 dòng: 2 tạo mới, 0 cập nhật, 0 không đổi/);
    const again = await izis(['import', 'zones', good]);
    expect(again.out).toMatch(/2 dòng: 0 tạo mới, 0 cập nhật, 2 không đổi/);

    const csv = join(dir, 'xuat.csv');
    const exported = await izis(['export', 'zones', csv, '--family', 'CCN', '--q', 'cli']);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toBe(`Đã xuất 2 khu/cụm vào ${csv}.`);
    const records = parseCsv(readFileSync(csv, 'utf8'));
    expect(records.map((r) => r[0])).toEqual(['Mã khu/cụm', 'CCN-CLI-1', 'CCN-CLI-2']);
    const geojson = join(dir, 'xuat.geojson');
    expect((await izis(['export', 'zones', geojson])).code).toBe(0);
    expect(JSON.parse(readFileSync(geojson, 'utf8')).type).toBe('FeatureCollection');

    expect((await izis(['import', 'organisations', good])).code).toBe(2);
    expect((await izis(['export', 'zones', join(dir, 'x.pdf')])).code).toBe(2);
  }, 300_000);
});
