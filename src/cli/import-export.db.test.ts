import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataDir, createTestDatabase, type TestDatabase } from '../db/testing';
import { parseCsv } from '../domain/import/csv';
import type { CliIo } from './io';
import { runCli } from './main';

let env: Record<string, string | undefined>;
let database: TestDatabase | undefined;
const dir = mkdtempSync(join(tmpdir(), 'izis-import-'));

beforeAll(async () => {
  // PostgreSQL: a database of this file's own. Embedded: a data directory of its own holding the template.
  env = process.env.DATABASE_URL
    ? {
        DATABASE_URL: (database = await createTestDatabase()).url,
        IZIS_DATA_DIR: dir,
        IZIS_LOG_LEVEL: 'error',
      }
    : { IZIS_DATA_DIR: await createTestDataDir(), IZIS_LOG_LEVEL: 'error' };
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

    expect((await izis(['import', 'khu-cum', good])).code).toBe(2);
    expect((await izis(['export', 'zones', join(dir, 'x.pdf')])).code).toBe(2);
  }, 300_000);

  it('imports organisations, projects and their capital in turn, and exports the ledger back', async () => {
    const organisations = join(dir, 'to-chuc.csv');
    writeFileSync(
      organisations,
      'Mã tổ chức,Tên tổ chức,Mã số thuế,Vai trò\r\n' +
        'NDT-CLI-1,Công ty TNHH Một,0100109106,Nhà đầu tư thứ cấp\r\n' +
        'NDT-CLI-2,Công ty TNHH Hai,0100109107,Nhà đầu tư thứ cấp\r\n',
    );
    const bad = await izis(['import', 'organisations', organisations]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Dòng 3, cột "Mã số thuế": Mã số thuế 0100109107 sai chữ số kiểm tra.');
    writeFileSync(organisations, readFileSync(organisations, 'utf8').replace(/\r\nNDT-CLI-2.*\r\n$/, '\r\n'));
    expect((await izis(['import', 'organisations', organisations])).out).toMatch(
      /^Đã ghi\. 1 dòng: 1 tạo mới/,
    );

    const projects = join(dir, 'du-an.csv');
    writeFileSync(
      projects,
      'Mã dự án,Tên dự án,Mã khu/cụm,Mã nhà đầu tư,Số lao động\n' +
        'DA-CLI-1,Xưởng may,CCN-CLI-1,NDT-CLI-1,120\n' +
        'DA-CLI-2,Xưởng gỗ,CCN-CLI-2,NDT-CLI-1,40\n',
    );
    const checked = await izis(['import', 'projects', projects, '--dry-run']);
    expect(checked.code, checked.err).toBe(0);
    expect(checked.out).toMatch(/^Kiểm tra xong, không có lỗi \(chưa ghi gì\)\. 2 dòng: 2 tạo mới/);
    expect((await izis(['import', 'projects', projects])).code).toBe(0);

    const events = join(dir, 'von.csv');
    writeFileSync(
      events,
      'Mã dự án,Loại sự kiện,Ngày,Số vốn,Loại tiền\n' +
        'DA-CLI-1,Đăng ký mới,15/03/2022,1.000.000,USD\n' +
        'DA-CLI-1,Giảm vốn,01/04/2022,2.000.000,USD\n',
    );
    const refused = await izis(['import', 'investment-events', events]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Dòng 3, cột "Số vốn": Vốn đăng ký bằng USD không được âm');
    writeFileSync(
      events,
      readFileSync(events, 'utf8').replace('Giảm vốn,01/04/2022,2.000.000', 'Tăng vốn,01/04/2022,250.000'),
    );
    expect((await izis(['import', 'investment-events', events])).out).toMatch(/2 dòng: 2 tạo mới/);
    expect((await izis(['import', 'investment-events', events])).out).toMatch(
      /2 dòng: 0 tạo mới, 0 cập nhật, 2 không đổi/,
    );

    const ledger = join(dir, 'von-du-an.xlsx');
    const exported = await izis(['export', 'investment-events', ledger, '--project', 'da-cli-1']);
    expect(exported.out).toBe(`Đã xuất 2 sự kiện vốn đầu tư vào ${ledger}.`);
    expect((await izis(['import', 'investment-events', ledger, '--dry-run'])).out).toMatch(/2 không đổi/);
    const list = join(dir, 'du-an-xuat.csv');
    expect((await izis(['export', 'projects', list, '--zone', 'CCN-CLI-2'])).out).toBe(
      `Đã xuất 1 dự án vào ${list}.`,
    );
    expect(parseCsv(readFileSync(list, 'utf8'))[1]![0]).toBe('DA-CLI-2');
    expect((await izis(['export', 'organisations', join(dir, 'x.csv'), '--zone', 'A'])).code).toBe(2);
    expect((await izis(['export', 'projects', join(dir, 'x.geojson')])).code).toBe(2);
  }, 300_000);
});
