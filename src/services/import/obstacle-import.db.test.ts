import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { parseCsv } from '../../domain/import/csv';
import { roleDefinition, systemActor, type Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { getObstacle, raiseObstacle } from '../monitoring/obstacle.service';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { createZone } from '../zone/zone.service';
import { exportObstacles, importObstacles, obstacleImportTemplate } from './obstacle-import.service';

let database: TestDatabase;
// "Today" is 20 June 2026 for every import of this file.
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const as = (actor: Actor) => testDeps(database.db, actor, clock);
const admin = () => as(systemActor('test:import'));
let commune: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = admin();
  await createOrganisation(deps, {
    code: 'NDT-1',
    name: 'Nhà đầu tư Một',
    country: 'VN',
    ownership: null,
    roles: ['tenant'],
  });
  await createZone(deps, {
    code: 'CCN-DA',
    name: 'Cụm công nghiệp Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
  });
  await createZone(deps, {
    code: 'CCN-PX',
    name: 'Cụm công nghiệp Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
  });
  await createProject(deps, {
    code: 'DA-DA-1',
    zoneCode: 'CCN-DA',
    investorCode: 'NDT-1',
    name: 'Dự án Một',
    status: 'operating',
  });
  await createProject(deps, {
    code: 'DA-PX-1',
    zoneCode: 'CCN-PX',
    investorCode: 'NDT-1',
    name: 'Dự án Phùng Xá',
    status: 'operating',
  });
  commune = (
    await makeUser(database.db, { role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh })
  ).actor;
  // A category no longer in use: stored obstacles keep it, new ones may not take it.
  await database.query(
    `insert into obstacle_category (code, name_vi, name_en, active) values ('old', 'Nhóm cũ', 'Old group', false)`,
  );
  // One obstacle raised through the API before any import.
  await raiseObstacle(as(commune), {
    zoneCode: 'CCN-DA',
    categoryCode: 'procedures',
    title: 'Chậm cấp phép xây dựng',
    agency: 'Sở Xây dựng',
    raisedOn: '2026-05-04',
  });
});
afterAll(() => database?.cleanup());

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Vướng mắc');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'vuong-mac.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string) => ({ name: 'vuong-mac.csv', data: new TextEncoder().encode(text) });

async function count(table: 'obstacle' | 'obstacle_event' | 'audit_log', where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = [
  'Mã khu/cụm',
  'Mã dự án',
  'Nhóm vướng mắc',
  'Nội dung vướng mắc',
  'Mô tả chi tiết',
  'Cơ quan chịu trách nhiệm',
  'Ngày phát sinh',
  'Hạn xử lý',
];

describe('an obstacle file with bad rows', () => {
  it('writes nothing and names every bad cell by row and column', async () => {
    const before = await count('obstacle');
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      // A good row: not written, since the file has bad ones.
      [
        'CCN-DA',
        null,
        'Giải phóng mặt bằng',
        'Còn 3 hộ chưa nhận bồi thường',
        null,
        'UBND xã Đông Anh',
        '01/06/2026',
        '30/06/2026',
      ],
      // Deadline before the day raised; a project of another zone.
      ['CCN-DA', 'DA-PX-1', 'Thủ tục', 'Thiếu hồ sơ PCCC', null, 'Công an TP', '10/06/2026', '01/06/2026'],
      // A day still to come; an unknown category; no agency.
      ['CCN-DA', null, 'Thời tiết', 'Mưa bão kéo dài', null, null, '01/07/2026', null],
      // Unreadable dates; a zone that does not exist.
      ['CCN-KHONG-CO', null, 'Vốn', 'Thiếu vốn đối ứng', null, 'Sở Tài chính', '31/02/2026', 'sớm'],
      // No title (part of the key): the row's other cells are still checked.
      ['CCN-DA', 'DA-KHONG-CO', 'Vốn', null, null, 'Sở Tài chính', '01/06/2026', null],
      // A category no longer in use.
      ['CCN-DA', null, 'Nhóm cũ', 'Vướng mắc theo nhóm cũ', null, 'Sở Công Thương', '01/06/2026', null],
    ]);
    const result = await importObstacles(as(commune), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã dự án', 'Khu/cụm CCN-DA không có dự án mã DA-PX-1.'],
      [3, 'Hạn xử lý', 'Hạn xử lý không được trước ngày phát sinh.'],
      [4, 'Nhóm vướng mắc', expect.stringContaining('Giá trị "Thời tiết" không hợp lệ')],
      [4, 'Cơ quan chịu trách nhiệm', expect.any(String)],
      [4, 'Ngày phát sinh', 'Ngày phát sinh không được sau hôm nay.'],
      [5, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-KHONG-CO.'],
      [5, 'Ngày phát sinh', expect.stringContaining('"31/02/2026" không phải là ngày hợp lệ')],
      [5, 'Hạn xử lý', expect.stringContaining('"sớm" không phải là ngày hợp lệ')],
      [6, 'Mã dự án', 'Khu/cụm CCN-DA không có dự án mã DA-KHONG-CO.'],
      [6, 'Nội dung vướng mắc', 'Thiếu "Nội dung vướng mắc".'],
      [7, 'Nhóm vướng mắc', 'Không có nhóm vướng mắc mã "old".'],
    ]);
    expect(await count('obstacle')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('refuses a new obstacle that the file says is already resolved', async () => {
    const result = await importObstacles(
      as(commune),
      csvFile(
        'Mã khu/cụm,Nhóm vướng mắc,Nội dung vướng mắc,Cơ quan chịu trách nhiệm,Ngày phát sinh,Trạng thái,Kết quả xử lý\n' +
          'CCN-DA,Khác,Đường vào bị ngập,UBND xã,01/06/2026,Đã giải quyết,Đã nạo vét\n',
      ),
      { mode: 'dry-run' },
    );
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'Trạng thái'],
      [2, 'Kết quả xử lý'],
    ]);
  });
});

describe('importing a good obstacle file', () => {
  const rows = [
    [
      'CCN-DA',
      null,
      'Giải phóng mặt bằng',
      'Còn 3 hộ chưa nhận bồi thường',
      'Hộ ông A, B, C',
      'UBND xã Đông Anh',
      '01/06/2026',
      '30/06/2026',
    ],
    ['CCN-DA', 'da-da-1', 'capital', 'Thiếu vốn xây dựng nhà xưởng', null, 'Nhà đầu tư', '2026-06-02', null],
    // Two identical rows are two obstacles.
    ['CCN-DA', null, 'Thủ tục', 'Chờ thẩm định PCCC', null, 'Công an TP', '05/06/2026', null],
    ['CCN-DA', null, 'Thủ tục', 'Chờ thẩm định PCCC', null, 'Công an TP', '05/06/2026', null],
    // The obstacle raised through the API: matched, not raised again.
    ['CCN-DA', null, 'Thủ tục', 'Chậm cấp phép xây dựng', null, 'Sở Xây dựng', '04/05/2026', null],
  ];

  it('raises each new obstacle once, open, with its first history row and audit row; a second import writes nothing', async () => {
    const dry = await importObstacles(as(commune), await xlsx(headers, rows), { mode: 'dry-run' });
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ committed: false, toCreate: 4, unchanged: 1 });
    expect(await count('obstacle')).toBe(1);

    const auditBefore = await count('audit_log');
    const first = await importObstacles(as(commune), await xlsx(headers, rows), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 4, unchanged: 1, errors: [] });
    expect(await count('obstacle')).toBe(5);
    expect(await count('obstacle_event', `action = 'raise'`)).toBe(5);
    expect(await count('audit_log', `action = 'obstacle.raise'`)).toBe(5);
    expect(await count('audit_log')).toBe(auditBefore + 4);

    // As raising it through the API: open, raised under the commune's assignment, its history started.
    const [row] = await database.query<{ id: string }>(
      `select id from obstacle where title = 'Thiếu vốn xây dựng nhà xưởng'`,
    );
    const raised = await getObstacle(as(commune), row!.id);
    expect(raised).toMatchObject({
      zone: { code: 'CCN-DA' },
      project: { code: 'DA-DA-1' },
      categoryCode: 'capital',
      status: 'open',
      raisedOn: '2026-06-02',
      deadline: null,
      raisedBy: { role: 'commune_officer' },
    });
    expect(raised.history).toMatchObject([{ action: 'raise', fromStatus: null, toStatus: 'open' }]);
    const [audit] = await database.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where entity_id = $1`,
      [row!.id],
    );
    expect(audit!.after).toEqual({
      zone: 'CCN-DA',
      project: 'DA-DA-1',
      category: 'capital',
      title: 'Thiếu vốn xây dựng nhà xưởng',
      description: null,
      agency: 'Nhà đầu tư',
      raisedOn: '2026-06-02',
      deadline: null,
      status: 'open',
      resolution: null,
      documents: [],
    });

    const second = await importObstacles(as(commune), await xlsx(headers, rows), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, unchanged: 5, changes: [] });
    expect(await count('obstacle')).toBe(5);
    expect(await count('audit_log')).toBe(auditBefore + 4);
  });
});

describe('who may import obstacles', () => {
  it('refuses a zone outside the officer’s scope by row and column, and writes nothing', async () => {
    const before = await count('obstacle');
    const text =
      'Mã khu/cụm,Nhóm vướng mắc,Nội dung vướng mắc,Cơ quan chịu trách nhiệm,Ngày phát sinh\n' +
      'CCN-DA,Khác,Thiếu điện,EVN Hà Nội,10/06/2026\n' +
      'CCN-PX,Khác,Thiếu nước,Sở Xây dựng,10/06/2026\n';
    const refused = await importObstacles(as(commune), csvFile(text), { mode: 'commit' });
    expect(refused.committed).toBe(false);
    expect(refused.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-PX.'],
    ]);
    expect(await count('obstacle')).toBe(before);

    // The parks' department sees no cluster at all: every row is refused, each on its zone cell.
    const { actor: parksOnly } = await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
    });
    const noZone = await importObstacles(as(parksOnly), csvFile(text), { mode: 'dry-run' });
    expect(noZone.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'Mã khu/cụm'],
      [3, 'Mã khu/cụm'],
    ]);
  });

  it('names a visible zone the actor may not raise obstacles on as outside the scope', async () => {
    // A city leader who is also the developer of one cluster: sees every zone, raises only on its own.
    const leaderAndDeveloper: Actor = {
      userId: '',
      username: 'lanh-dao-kiem-chu-dau-tu',
      assignments: [
        { role: 'leader', scopeKind: 'all', scopeRef: null },
        { role: 'developer', scopeKind: 'zone', scopeRef: 'CCN-PX' },
      ],
      permissions: new Set([
        ...roleDefinition('leader').permissions,
        ...roleDefinition('developer').permissions,
      ]),
    };
    const result = await importObstacles(
      as(leaderAndDeveloper),
      csvFile(
        'Mã khu/cụm,Nhóm vướng mắc,Nội dung vướng mắc,Cơ quan chịu trách nhiệm,Ngày phát sinh\n' +
          'CCN-PX,Khác,Chưa có trạm biến áp,EVN Hà Nội,10/06/2026\n' +
          'CCN-DA,Khác,Chưa có trạm biến áp,EVN Hà Nội,10/06/2026\n',
      ),
      { mode: 'commit' },
    );
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã khu/cụm', 'Bạn không có quyền ghi vướng mắc của khu/cụm CCN-DA (ngoài phạm vi được giao).'],
    ]);
    expect(await count('obstacle', `title = 'Chưa có trạm biến áp'`)).toBe(0);
  });

  it('refuses an enterprise (403) before reading the file', async () => {
    // An enterprise investor sees the zone of its project but raises nothing: refused before the file is read.
    const { actor: enterprise } = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'NDT-1',
    });
    await expect(
      importObstacles(as(enterprise), csvFile('Mã khu/cụm\nCCN-DA\n'), { mode: 'dry-run' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a read-only role (403) before reading the file', async () => {
    const { actor: leader } = await makeUser(database.db, {
      role: 'leader',
      scopeKind: 'all',
      scopeRef: null,
    });
    const attempt = importObstacles(as(leader), csvFile('Mã khu/cụm\nCCN-DA\n'), { mode: 'commit' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('template and export of obstacles', () => {
  it('gives a template with the guide; exports XLSX and CSV that import back with nothing to write', async () => {
    const template = await obstacleImportTemplate(admin());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Vướng mắc', 'Hướng dẫn']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    const guide = workbook.getWorksheet('Hướng dẫn')!.getRow(2).getCell(1).text;
    expect(guide).toContain('KHÔNG sửa vướng mắc đã có');

    for (const format of ['xlsx', 'csv'] as const) {
      const exported = await exportObstacles(as(commune), {}, format);
      expect(exported.fileName).toBe(`vuong-mac-2026-06-20.${format}`);
      const data =
        typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
      const again = await importObstacles(
        as(commune),
        { name: exported.fileName, data },
        { mode: 'dry-run' },
      );
      expect(again.errors, format).toEqual([]);
      expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, unchanged: exported.count });
    }
    const csv = parseCsv((await exportObstacles(as(commune), { zone: 'CCN-DA' }, 'csv')).body as string);
    expect(csv[0]).toEqual([...headers, 'Trạng thái', 'Số ngày quá hạn', 'Kết quả xử lý']);
    expect(csv.slice(1).find((r) => r[3] === 'Thiếu vốn xây dựng nhà xưởng')).toEqual([
      'CCN-DA',
      'DA-DA-1',
      'Vốn',
      'Thiếu vốn xây dựng nhà xưởng',
      '',
      'Nhà đầu tư',
      '02/06/2026',
      '',
      'Mới phát sinh',
      '',
      '',
    ]);
  });
});
