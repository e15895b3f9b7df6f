import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { taxCodeCheckDigit } from '../../domain/organisation/tax-code';
import { communes, makeUser, testDeps } from '../testing';
import { getOrganisation } from '../organisation/organisation.service';
import { exportOrganisations, importOrganisations } from './organisation-import.service';
import { buildOrganisation } from '../testing/factories';

let database: TestDatabase;
const admin = () => testDeps(database.db, systemActor('test:import'));

/** A valid 10-digit tax code from its first nine digits. */
function mst(first9: string): string {
  return `${first9}${taxCodeCheckDigit(first9)}`;
}
const taxCodes = [mst('010010910'), mst('010123456'), mst('010765432'), mst('010999888'), mst('010555444')];

beforeAll(async () => {
  database = await createTestDatabase();
  expect(taxCodes.every((t) => t.length === 10)).toBe(true);
  await buildOrganisation(database.db, {
    code: 'DN-CO-SAN',
    name: 'Công ty Cổ phần Có Sẵn',
    taxCode: taxCodes[0]!,
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
});
afterAll(() => database?.cleanup());

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tổ chức');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'to-chuc.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string, name = 'to-chuc.csv') => ({ name, data: new TextEncoder().encode(text) });

async function count(table: 'organisation' | 'audit_log', where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = ['Mã tổ chức', 'Tên tổ chức', 'Mã số thuế', 'Quốc gia', 'Loại hình sở hữu', 'Vai trò'];

describe('a file of organisations with bad rows', () => {
  it('commits nothing and names each bad row and column in Vietnamese', async () => {
    const before = await count('organisation');
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      ['DN-TOT-1', 'Công ty TNHH Tốt Một', taxCodes[1], 'vn', 'FDI', 'Nhà đầu tư thứ cấp'],
      ['DN-XAU-2', 'Công ty Sai Mã Số Thuế', '0100109107', 'VN', null, 'tenant'],
      ['DN-XAU-3', null, null, 'Việt Nam', 'Liên doanh', 'Chủ đầu tư hạ tầng'],
      ['DN-XAU-4', 'Công ty Trùng Mã Số Thuế', taxCodes[1], 'JP', 'fdi', 'tenant'],
      ['DN-XAU-5', 'Công ty Lấy Mã Của Người Khác', taxCodes[0], 'VN', null, 'tenant'],
      ['DN XAU 6', 'Mã có dấu cách', null, 'VN', null, null],
      // No code: every other bad cell of the row is reported too.
      [null, null, null, 'Atlantis', 'Liên doanh', 'Doanh nghiệp thứ cấp'],
    ]);
    const result = await importOrganisations(admin(), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã số thuế', 'Mã số thuế 0100109107 sai chữ số kiểm tra.'],
      [4, 'Tên tổ chức', 'Trường này là bắt buộc.'],
      [4, 'Loại hình sở hữu', expect.stringContaining('Giá trị "Liên doanh" không hợp lệ; chọn một trong:')],
      [
        5,
        'Mã số thuế',
        `Mã số thuế ${taxCodes[1]} trùng với tổ chức DN-TOT-1 ở dòng 2; mỗi mã số thuế chỉ thuộc một tổ chức.`,
      ],
      [6, 'Mã số thuế', `Mã số thuế ${taxCodes[0]} đã thuộc tổ chức DN-CO-SAN (Công ty Cổ phần Có Sẵn).`],
      [7, 'Mã tổ chức', expect.stringContaining('chữ in hoa không dấu, chữ số và dấu gạch ngang')],
      [
        7,
        'Vai trò',
        'Cần ít nhất một vai trò (chủ đầu tư hạ tầng, nhà đầu tư thứ cấp hoặc cơ quan quản lý).',
      ],
      [8, 'Mã tổ chức', 'Thiếu "Mã tổ chức".'],
      [8, 'Tên tổ chức', 'Trường này là bắt buộc.'],
      [8, 'Quốc gia', expect.stringContaining('Không nhận ra quốc gia "Atlantis"')],
      [8, 'Loại hình sở hữu', expect.stringContaining('Giá trị "Liên doanh" không hợp lệ')],
    ]);
    // English too, for clients that ask for it.
    expect(result.errors[0]!.message.en).toBe(`Tax code 0100109107 has a wrong check digit.`);
    expect(await count('organisation')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('importing a good file of organisations', () => {
  it('creates once; a second import changes nothing and writes no audit rows', async () => {
    const file = await xlsx(
      [...headers, 'Địa chỉ', 'Nguồn'],
      [
        // A number cell drops the tax code's leading zero: it is put back.
        [
          'dn-moi-1',
          'Công ty TNHH Mới Một',
          Number(taxCodes[2]),
          'KR',
          'FDI',
          'Nhà đầu tư thứ cấp',
          'Xã Đông Anh',
          null,
        ],
        [
          'DN-MOI-2',
          'Công ty Hạ tầng Mới Hai',
          `${taxCodes[3]}-001`,
          null,
          'Trong nước — nhà nước',
          'Chủ đầu tư hạ tầng; nhà đầu tư thứ cấp',
          null,
          'Cổng thông tin đăng ký doanh nghiệp\nSở Tài chính',
        ],
      ],
    );
    const dry = await importOrganisations(admin(), file, { mode: 'dry-run' });
    expect(dry).toMatchObject({ committed: false, toCreate: 2, errors: [] });
    const auditBefore = await count('audit_log');
    const first = await importOrganisations(admin(), file, { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 2, errors: [] });
    expect(await count('audit_log')).toBe(auditBefore + 2);
    expect(await getOrganisation(admin(), 'DN-MOI-1')).toMatchObject({
      taxCode: taxCodes[2],
      country: 'KR',
      ownership: 'fdi',
      roles: ['tenant'],
      address: 'Xã Đông Anh',
      version: 1,
    });
    expect(await getOrganisation(admin(), 'DN-MOI-2')).toMatchObject({
      taxCode: `${taxCodes[3]}-001`,
      country: 'VN',
      ownership: 'domestic_state',
      roles: ['developer', 'tenant'],
      sources: ['Cổng thông tin đăng ký doanh nghiệp', 'Sở Tài chính'],
    });
    const second = await importOrganisations(admin(), file, { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 2, changes: [] });
    expect(await count('audit_log')).toBe(auditBefore + 2);
  });

  it('updates only the columns in the file, and lets two organisations exchange tax codes', async () => {
    const result = await importOrganisations(
      admin(),
      csvFile(
        `Mã tổ chức,Mã số thuế,Loại hình sở hữu\r\nDN-MOI-1,${taxCodes[0]},\r\nDN-CO-SAN,${taxCodes[2]},Tư nhân\r\n`,
      ),
      { mode: 'commit' },
    );
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      committed: true,
      toUpdate: 2,
      changes: [
        { row: 2, key: 'DN-MOI-1', fields: ['taxCode', 'ownership'] },
        { row: 3, key: 'DN-CO-SAN', fields: ['taxCode'] },
      ],
    });
    const moved = await getOrganisation(admin(), 'DN-MOI-1');
    expect(moved).toMatchObject({ taxCode: taxCodes[0], ownership: null, country: 'KR', version: 2 });
    expect((await getOrganisation(admin(), 'DN-CO-SAN')).taxCode).toBe(taxCodes[2]);
    const [audit] = await database.query<{ before: any; after: any }>(
      `select before, after from audit_log where entity_id = $1 order by id desc limit 1`,
      [moved.id],
    );
    expect(audit).toMatchObject({
      before: { taxCode: taxCodes[2], ownership: 'fdi', version: 1 },
      after: { taxCode: taxCodes[0], ownership: null, version: 2 },
    });
    // A country cannot be emptied: an empty cell leaves an existing organisation's as it is.
    const cleared = await importOrganisations(admin(), csvFile('Mã tổ chức,Quốc gia\nDN-MOI-1,\n'), {
      mode: 'dry-run',
    });
    expect(cleared).toMatchObject({ errors: [], unchanged: 1 });
  });
});

describe('export and re-import of organisations', () => {
  it('round-trips XLSX and CSV unchanged, with the list filters', async () => {
    await buildOrganisation(database.db, {
      code: 'DN-DAY-DU',
      name: 'Công ty "Đầy Đủ", chi nhánh Hà Nội',
      nameEn: 'Day Du Co., Ltd',
      taxCode: `${taxCodes[4]}-002`,
      country: 'SG',
      ownership: 'fdi',
      roles: ['tenant', 'developer'],
      address: '=Số 1, đường A; phường B',
      sources: ['https://example.vn/a?x=1,2', 'Sở Tài chính'],
    });
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await exportOrganisations(admin(), {}, format);
      expect(exported.fileName).toMatch(new RegExp(`^to-chuc-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const data =
        typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
      const again = await importOrganisations(
        admin(),
        { name: exported.fileName, data },
        { mode: 'dry-run' },
      );
      expect(again.errors, format).toEqual([]);
      expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, toUpdate: 0 });
      expect(again.unchanged, format).toBe(exported.count);
    }
    const developers = await exportOrganisations(admin(), { role: 'developer' }, 'csv');
    expect(developers.count).toBe(2);
    const searched = await exportOrganisations(admin(), { q: 'day du' }, 'csv');
    expect(searched.count).toBe(1);
    expect(searched.body as string).toContain("'=Số 1, đường A; phường B");
  });
});

describe('who may import organisations', () => {
  it('refuses developers and leaders; a commune officer may', async () => {
    const { actor: developer } = await makeUser(database.db, {
      role: 'developer',
      scopeKind: 'organisation',
      scopeRef: 'DN-MOI-2',
    });
    await expect(
      importOrganisations(testDeps(database.db, developer), csvFile('Mã tổ chức\nX\n'), { mode: 'dry-run' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { actor: leader } = await makeUser(database.db, {
      role: 'leader',
      scopeKind: 'all',
      scopeRef: null,
    });
    await expect(
      importOrganisations(testDeps(database.db, leader), csvFile('Mã tổ chức\nX\n'), { mode: 'dry-run' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await exportOrganisations(testDeps(database.db, leader), {}, 'csv')).count).toBeGreaterThan(3);
    const { actor: officer } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const result = await importOrganisations(
      testDeps(database.db, officer),
      csvFile('Mã tổ chức,Tên tổ chức,Vai trò\nHKD-XA-1,Hộ kinh doanh Nguyễn Văn A,tenant\n'),
      { mode: 'commit' },
    );
    expect(result).toMatchObject({ committed: true, toCreate: 1 });
  });
});
