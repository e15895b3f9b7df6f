import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { communes, makeUser, testDeps } from '../testing';
import { getProject } from '../project/project.service';
import { exportProjects, importProjects } from './project-import.service';
import { buildOrganisation, buildProject, buildZone } from '../testing/factories';

let database: TestDatabase;
const admin = () => testDeps(database.db, systemActor('test:import'));

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [code, roles] of [
    ['CDT-THANG-LONG', ['developer']],
    ['NDT-DIEN-TU', ['tenant']],
    ['NDT-CO-KHI', ['tenant']],
  ] as const) {
    await buildOrganisation(database.db, {
      code,
      name: `Công ty ${code}`,
      country: 'VN',
      ownership: null,
      roles: [...roles],
    });
  }
  await buildZone(database.db, {
    code: 'KCN-THANG-LONG',
    name: 'Khu công nghiệp Thăng Long',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-THANG-LONG',
    declaredAreaHa: 274,
  });
  await buildZone(database.db, {
    code: 'CCN-PHUNG-XA',
    name: 'Cụm công nghiệp Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
    declaredAreaHa: 4.2,
    developerCode: null,
  });
  await buildProject(database.db, {
    code: 'DA-PX-1',
    zoneCode: 'CCN-PHUNG-XA',
    investorCode: 'NDT-CO-KHI',
    name: 'Xưởng đồ gỗ Phùng Xá',
    status: 'operating',
  });
});
afterAll(() => database?.cleanup());

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dự án');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'du-an.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string, name = 'du-an.csv') => ({ name, data: new TextEncoder().encode(text) });

async function count(table: 'project' | 'audit_log', where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = [
  'Mã dự án',
  'Tên dự án',
  'Mã khu/cụm',
  'Mã nhà đầu tư',
  'Số giấy chứng nhận đăng ký đầu tư',
  'Ngày cấp',
  'Mã ngành VSIC',
  'Diện tích đất thuê (ha)',
  'Lô đất',
  'Số lao động',
  'Trạng thái',
];

describe('a file of projects with bad rows', () => {
  it('commits nothing and names each bad row and column in Vietnamese', async () => {
    const before = await count('project');
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      [
        'DA-TL-1',
        'Nhà máy linh kiện',
        'KCN-THANG-LONG',
        'NDT-DIEN-TU',
        '012345',
        '14/03/2018',
        '2610',
        2.5,
        'CN-05',
        350,
        'Đang hoạt động',
      ],
      [
        'DA-TL-2',
        'Nhà máy không có khu',
        'KCN-KHONG-CO',
        'NDT-KHONG-CO',
        null,
        '31/02/2020',
        '26A',
        '1.250',
        null,
        -3,
        null,
      ],
      ['DA-TL-3', null, 'KCN-THANG-LONG', null, null, null, null, null, null, '12,5', 'Giải thể'],
      ['DA-TL-1', 'Trùng mã', 'KCN-THANG-LONG', 'NDT-DIEN-TU', null, null, null, null, null, null, null],
    ]);
    const result = await importProjects(admin(), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã KCN-KHONG-CO.'],
      [3, 'Mã nhà đầu tư', 'Không có tổ chức (nhà đầu tư) mã NDT-KHONG-CO; hãy nhập danh mục tổ chức trước.'],
      [3, 'Ngày cấp', '"31/02/2020" không phải là ngày hợp lệ (cần dạng dd/mm/yyyy, ví dụ 14/03/2018).'],
      [3, 'Mã ngành VSIC', expect.stringContaining('Mã ngành VSIC 2018 là một chữ cái A–U')],
      [3, 'Diện tích đất thuê (ha)', expect.stringContaining('Số "1.250" không rõ là 1250')],
      [3, 'Số lao động', 'Giá trị phải từ 0 trở lên.'],
      [4, 'Tên dự án', 'Trường này là bắt buộc.'],
      [4, 'Mã nhà đầu tư', 'Trường này là bắt buộc.'],
      [4, 'Số lao động', 'Phải là số nguyên (đang là 12,5).'],
      [
        4,
        'Trạng thái',
        expect.stringContaining('Giá trị "Giải thể" không hợp lệ; chọn một trong: Đã cấp phép'),
      ],
      [5, 'Mã dự án', 'Mã "DA-TL-1" đã có ở dòng 2; mỗi mã chỉ được xuất hiện một lần trong tệp.'],
    ]);
    expect(await count('project')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('importing a good file of projects', () => {
  const file = () =>
    xlsx(headers, [
      [
        'da-tl-1',
        'Nhà máy linh kiện điện tử',
        'KCN-THANG-LONG',
        'NDT-DIEN-TU',
        '012345',
        '14/03/2018',
        '2610',
        '2,5',
        'CN-05',
        350,
        'Đang hoạt động',
      ],
      [
        'DA-TL-2',
        'Xưởng cơ khí chính xác',
        'kcn-thang-long',
        'NDT-CO-KHI',
        null,
        null,
        'C',
        null,
        null,
        null,
        null,
      ],
    ]);

  it('creates once; a second import changes nothing and writes no audit rows', async () => {
    const dry = await importProjects(admin(), await file(), { mode: 'dry-run' });
    expect(dry).toMatchObject({ committed: false, toCreate: 2, errors: [] });
    expect(await count('project', `code like 'DA-TL-%'`)).toBe(0);
    const auditBefore = await count('audit_log');
    const first = await importProjects(admin(), await file(), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 2, errors: [] });
    expect(await count('audit_log')).toBe(auditBefore + 2);
    expect(await getProject(admin(), 'DA-TL-1')).toMatchObject({
      zoneCode: 'KCN-THANG-LONG',
      investorCode: 'NDT-DIEN-TU',
      certificateNo: '012345',
      certificateDate: '2018-03-14',
      vsicCode: '2610',
      leasedHa: 2.5,
      lot: 'CN-05',
      workers: 350,
      status: 'operating',
      version: 1,
    });
    expect((await getProject(admin(), 'DA-TL-2')).status).toBe('licensed');
    const second = await importProjects(admin(), await file(), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 2, changes: [] });
    expect(await count('audit_log')).toBe(auditBefore + 2);
  });

  it('updates only the columns in the file, moving a project to another zone and investor', async () => {
    const result = await importProjects(
      admin(),
      csvFile(
        'Mã dự án;Số lao động;Mã nhà đầu tư;Mã khu/cụm\nDA-TL-1;420;NDT-DIEN-TU;KCN-THANG-LONG\nDA-TL-2;15;NDT-DIEN-TU;CCN-PHUNG-XA\n',
      ),
      { mode: 'commit' },
    );
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      { row: 2, key: 'DA-TL-1', action: 'update', fields: ['workers'] },
      { row: 3, key: 'DA-TL-2', action: 'update', fields: ['zoneCode', 'investorCode', 'workers'] },
    ]);
    const moved = await getProject(admin(), 'DA-TL-2');
    expect(moved).toMatchObject({
      zoneCode: 'CCN-PHUNG-XA',
      investorCode: 'NDT-DIEN-TU',
      workers: 15,
      version: 2,
    });
    const [audit] = await database.query<{ action: string; before: any; after: any }>(
      `select action, before, after from audit_log where entity_id = $1 order by id desc limit 1`,
      [moved.id],
    );
    expect(audit).toMatchObject({
      action: 'project.update',
      before: { zoneCode: 'KCN-THANG-LONG', investorCode: 'NDT-CO-KHI', workers: null, version: 1 },
      after: { zoneCode: 'CCN-PHUNG-XA', investorCode: 'NDT-DIEN-TU', workers: 15, version: 2 },
    });
  });
});

describe('scope of project imports', () => {
  it('lets a developer import only into their own zones; an out-of-scope row is an error on that row', async () => {
    const { actor } = await makeUser(database.db, {
      role: 'developer',
      scopeKind: 'organisation',
      scopeRef: 'CDT-THANG-LONG',
    });
    const developer = testDeps(database.db, actor);
    const result = await importProjects(
      developer,
      csvFile(
        'Mã dự án,Tên dự án,Mã khu/cụm,Mã nhà đầu tư,Số lao động\r\n' +
          'DA-TL-1,Nhà máy linh kiện điện tử,KCN-THANG-LONG,NDT-DIEN-TU,430\r\n' +
          'DA-PX-1,Xưởng đồ gỗ Phùng Xá,CCN-PHUNG-XA,NDT-CO-KHI,9\r\n' +
          'DA-TL-9,Dự án mới ở cụm khác,CCN-PHUNG-XA,NDT-CO-KHI,5\r\n' +
          'DA-TL-10,Dự án mới của mình,KCN-THANG-LONG,NDT-CO-KHI,5\r\n',
      ),
      { mode: 'commit' },
    );
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã dự án', 'Bạn không có quyền tạo hoặc sửa dự án "DA-PX-1" (ngoài phạm vi được giao).'],
      // The cluster is not the developer's to see: reported like a zone that does not exist.
      [4, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-PHUNG-XA.'],
    ]);
    expect((await getProject(admin(), 'DA-TL-1')).workers).toBe(420);

    const ok = await importProjects(
      developer,
      csvFile(
        'Mã dự án,Tên dự án,Mã khu/cụm,Mã nhà đầu tư,Số lao động\r\n' +
          'DA-TL-1,Nhà máy linh kiện điện tử,KCN-THANG-LONG,NDT-DIEN-TU,430\r\n' +
          'DA-TL-10,Dự án mới của mình,KCN-THANG-LONG,NDT-CO-KHI,5\r\n',
      ),
      { mode: 'commit' },
    );
    expect(ok).toMatchObject({ committed: true, toCreate: 1, toUpdate: 1, errors: [] });
    const away = await importProjects(developer, csvFile('Mã dự án,Mã khu/cụm\nDA-TL-10,CCN-PHUNG-XA\n'), {
      mode: 'dry-run',
    });
    expect(away.errors.map((e) => [e.row, e.field])).toEqual([[2, 'Mã khu/cụm']]);

    // A commune officer sees the park on their commune but keeps only clusters' records.
    const { actor: officer } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const refused = await importProjects(
      testDeps(database.db, officer),
      csvFile('Mã dự án,Tên dự án,Mã khu/cụm,Mã nhà đầu tư\nDA-XA-1,Dự án xã,KCN-THANG-LONG,NDT-CO-KHI\n'),
      { mode: 'dry-run' },
    );
    expect(refused.errors.map((e) => e.message.vi)).toEqual([
      'Bạn không có quyền tạo hoặc sửa dự án trong khu/cụm KCN-THANG-LONG (ngoài phạm vi được giao).',
    ]);

    // Exports follow the same scope.
    const exported = await exportProjects(developer, {}, 'csv');
    expect(exported.body as string).toContain('DA-TL-10');
    expect(exported.body as string).not.toContain('DA-PX-1');
  });
});

describe('export and re-import of projects', () => {
  it('round-trips XLSX and CSV unchanged, with the list filters', async () => {
    await buildProject(database.db, {
      code: 'DA-DAY-DU',
      zoneCode: 'CCN-PHUNG-XA',
      investorCode: 'NDT-CO-KHI',
      name: 'Dự án "Đầy Đủ", giai đoạn 2',
      certificateNo: '=0123/GCN',
      certificateDate: '2020-02-29',
      vsicCode: '16220',
      leasedHa: 1.2345,
      lot: 'Lô 3; 4',
      workers: 0,
      status: 'proposed_revocation',
    });
    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await exportProjects(admin(), {}, format);
      expect(exported.fileName).toMatch(new RegExp(`^du-an-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const data =
        typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
      const again = await importProjects(admin(), { name: exported.fileName, data }, { mode: 'dry-run' });
      expect(again.errors, format).toEqual([]);
      expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, toUpdate: 0 });
      expect(again.unchanged, format).toBe(exported.count);
    }
    const cluster = await exportProjects(admin(), { zone: 'CCN-PHUNG-XA' }, 'csv');
    expect(cluster.count).toBe(3);
    const proposed = await exportProjects(admin(), { status: 'proposed_revocation' }, 'csv');
    expect(proposed.count).toBe(1);
  });
});
