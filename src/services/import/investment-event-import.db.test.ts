import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { parseCsv } from '../../domain/import/csv';
import { systemActor } from '../../domain/identity/roles';
import { communes, makeUser, testDeps } from '../testing';
import { addInvestmentEvent, getProject, listInvestmentEvents } from '../project/project.service';
import { exportInvestmentEvents, importInvestmentEvents } from './investment-event-import.service';
import { buildOrganisation, buildProject, buildZone } from '../testing/factories';

let database: TestDatabase;
const admin = () => testDeps(database.db, systemActor('test:import'));

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = admin();
  await buildOrganisation(database.db, {
    code: 'CDT-TL',
    name: 'Chủ đầu tư Thăng Long',
    country: 'JP',
    ownership: 'fdi',
    roles: ['developer'],
  });
  await buildOrganisation(database.db, {
    code: 'NDT-1',
    name: 'Nhà đầu tư Một',
    country: 'VN',
    ownership: null,
    roles: ['tenant'],
  });
  await buildZone(database.db, {
    code: 'KCN-TL',
    name: 'Khu công nghiệp Thăng Long',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  await buildZone(database.db, {
    code: 'CCN-PX',
    name: 'Cụm công nghiệp Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
  for (const [code, zoneCode] of [
    ['DA-1', 'KCN-TL'],
    ['DA-2', 'KCN-TL'],
    ['DA-3', 'KCN-TL'],
    ['DA-CU', 'KCN-TL'],
    ['DA-PX', 'CCN-PX'],
  ] as const) {
    await buildProject(database.db, {
      code,
      zoneCode,
      investorCode: 'NDT-1',
      name: `Dự án ${code}`,
      status: 'operating',
    });
  }
  // A project with a stored ledger: 1,000,000 USD registered in 2020, 200,000 added in 2021.
  await addInvestmentEvent(deps, 'DA-CU', {
    kind: 'new',
    eventDate: '2020-05-04',
    amount: '1000000',
    currency: 'USD',
  });
  await addInvestmentEvent(deps, 'DA-CU', {
    kind: 'increase',
    eventDate: '2021-01-10',
    amount: '200000',
    currency: 'USD',
  });
});
afterAll(() => database?.cleanup());

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sự kiện vốn đầu tư');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'von.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string, name = 'von.csv') => ({ name, data: new TextEncoder().encode(text) });

async function count(table: 'investment_event' | 'audit_log', where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = ['Mã dự án', 'Loại sự kiện', 'Ngày', 'Số vốn', 'Loại tiền', 'Ghi chú'];

describe('a ledger file with bad rows', () => {
  it('commits nothing and names each bad row and column in Vietnamese, the ledger rules included', async () => {
    const before = await count('investment_event');
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      // DA-1: an increase dated before its new registration; a second new registration.
      ['DA-1', 'Tăng vốn', '01/02/2022', '500.000', 'USD', null],
      ['DA-1', 'Đăng ký mới', '15/03/2022', '1.000.000', 'usd', 'GCN lần đầu'],
      ['DA-1', 'Cấp mới', '20/03/2022', 5, 'USD', null],
      // DA-CU (stored: 1,200,000 USD): a decrease that would take it below zero.
      ['DA-CU', 'Giảm vốn', '01/06/2022', '1.500.000', 'USD', null],
      // DA-2: nothing may follow a termination; the file's rows count as much as stored ones.
      ['DA-2', 'Đăng ký mới', '01/01/2022', '100000', 'VND', null],
      ['DA-2', 'Chấm dứt', '01/02/2022', 0, 'VND', null],
      ['DA-2', 'Tăng vốn', '01/03/2022', '50000', 'VND', null],
      // Cells that cannot be read, and references that do not hold.
      ['DA-3', 'Sáp nhập', '2022-13-01', '-5', 'US', null],
      ['DA-KHONG-CO', 'Đăng ký mới', '01/01/2022', 1, 'USD', null],
      ['DA-3', 'Đăng ký mới', null, '1,5', 'VND', null],
    ]);
    const result = await importInvestmentEvents(admin(), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [2, 'Loại sự kiện', 'Sự kiện đầu tiên của dự án phải là đăng ký mới.'],
      [
        4,
        'Loại sự kiện',
        'Dự án đã có đăng ký mới ngày 15/03/2022; mỗi dự án chỉ có một. Tăng vốn ghi là "tăng vốn".',
      ],
      [
        5,
        'Số vốn',
        'Vốn đăng ký bằng USD không được âm: tối đa có thể giảm vốn 1200000.00 USD tại ngày 01/06/2022.',
      ],
      [8, 'Loại sự kiện', 'Dự án đã chấm dứt ngày 01/02/2022; sổ vốn đã khoá, không ghi thêm sự kiện.'],
      [
        9,
        'Loại sự kiện',
        expect.stringContaining('Giá trị "Sáp nhập" không hợp lệ; chọn một trong: Đăng ký mới (new)'),
      ],
      [9, 'Ngày', '"2022-13-01" không phải là ngày hợp lệ (cần dạng dd/mm/yyyy, ví dụ 14/03/2018).'],
      [9, 'Số vốn', 'Số vốn không được âm: vốn giảm ghi loại "Giảm vốn" với số dương.'],
      [9, 'Loại tiền', 'Loại tiền ghi bằng mã ISO 4217 gồm 3 chữ cái (ví dụ VND, USD, JPY).'],
      [10, 'Mã dự án', 'Không có dự án mã DA-KHONG-CO.'],
      [11, 'Ngày', 'Thiếu "Ngày".'],
    ]);
    expect(await count('investment_event')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
    expect((await getProject(admin(), 'DA-2')).status).toBe('operating');
  });
});

describe('importing a good ledger file', () => {
  const rows = [
    // Out of date order, a same-day increase listed before its new registration, and two identical rows.
    ['DA-1', 'Tăng vốn', '20/06/2022', '250.000,50', 'USD', 'Điều chỉnh lần 1'],
    ['DA-1', 'Tăng vốn', '15/03/2022', '100000', 'USD', null],
    ['DA-1', 'Đăng ký mới', '15/03/2022', '1.000.000', 'USD', 'GCN lần đầu'],
    ['DA-1', 'Tăng vốn', '15/03/2022', '450.000.000.000', 'VND', null],
    ['DA-1', 'Tăng vốn', '20/06/2022', '250.000,50', 'USD', 'Điều chỉnh lần 2'],
    // The stored ledger goes on.
    ['DA-CU', 'Đăng ký mới', '04/05/2020', '1000000', 'USD', 'đã có: khớp với sự kiện đã lưu'],
    ['DA-CU', 'Giảm vốn', '01/06/2022', '1.200.000', 'USD', null],
    ['DA-CU', 'Chấm dứt', '30/06/2022', 0, 'USD', 'Thu hồi GCN'],
  ];

  it('appends once; a second import matches every row and changes nothing', async () => {
    const dry = await importInvestmentEvents(admin(), await xlsx(headers, rows), { mode: 'dry-run' });
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ committed: false, toCreate: 7, unchanged: 1 });
    expect(await count('investment_event')).toBe(2);

    const auditBefore = await count('audit_log');
    const first = await importInvestmentEvents(admin(), await xlsx(headers, rows), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 7, unchanged: 1, errors: [] });
    expect(await count('investment_event')).toBe(9);
    expect(await count('audit_log')).toBe(auditBefore + 7);

    // Recorded in ledger order: the new registration first on its day, then the increases in file order.
    const ledger = await listInvestmentEvents(admin(), 'DA-1');
    expect(ledger.items.map((e) => [e.eventDate, e.kind, e.amount, e.currency, e.registeredAfter])).toEqual([
      ['2022-03-15', 'new', '1000000.00', 'USD', '1000000.00'],
      ['2022-03-15', 'increase', '100000.00', 'USD', '1100000.00'],
      ['2022-03-15', 'increase', '450000000000.00', 'VND', '450000000000.00'],
      ['2022-06-20', 'increase', '250000.50', 'USD', '1350000.50'],
      ['2022-06-20', 'increase', '250000.50', 'USD', '1600001.00'],
    ]);
    expect(ledger.items.map((e) => e.note)).toContain('Điều chỉnh lần 2');
    expect(ledger.registeredCapital).toEqual([
      { currency: 'USD', amount: '1600001.00' },
      { currency: 'VND', amount: '450000000000.00' },
    ]);

    // A termination closes its project, as adding it through the API does, in the audit trail too.
    const closed = await getProject(admin(), 'DA-CU');
    expect(closed).toMatchObject({ status: 'terminated', version: 2 });
    const [audit] = await database.query<{ action: string; before: any; after: any }>(
      `select action, before, after from audit_log where entity_id = $1 order by id desc limit 1`,
      [closed.id],
    );
    expect(audit).toMatchObject({
      action: 'project.investment_event',
      before: { status: 'operating', version: 1, registeredCapital: [{ currency: 'USD', amount: '0.00' }] },
      after: {
        event: { kind: 'termination', eventDate: '2022-06-30', amount: '0.00', currency: 'USD' },
        status: 'terminated',
        version: 2,
      },
    });

    const second = await importInvestmentEvents(admin(), await xlsx(headers, rows), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, unchanged: 8, changes: [] });
    expect(await count('investment_event')).toBe(9);
    expect(await count('audit_log')).toBe(auditBefore + 7);
  });

  it('takes a third identical row as a third event, and never touches a stored note', async () => {
    const file = csvFile(
      'Mã dự án,Loại sự kiện,Ngày,Số vốn,Loại tiền,Ghi chú\n' +
        'DA-1,increase,2022-06-20,250000.5,USD,ghi chú khác\n' +
        'DA-1,increase,2022-06-20,250000.50,USD,\n' +
        'DA-1,increase,2022-06-20,"250.000,5",USD,lần 3\n',
    );
    const result = await importInvestmentEvents(admin(), file, { mode: 'commit' });
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ toCreate: 1, unchanged: 2, changes: [{ row: 4, action: 'create' }] });
    const notes = (await listInvestmentEvents(admin(), 'DA-1')).items.map((e) => e.note);
    expect(notes).toEqual(['GCN lần đầu', null, null, 'Điều chỉnh lần 1', 'Điều chỉnh lần 2', 'lần 3']);
  });
});

describe('scope of ledger imports', () => {
  it('lets a developer append only to projects in their own zones', async () => {
    const { actor } = await makeUser(database.db, {
      role: 'developer',
      scopeKind: 'organisation',
      scopeRef: 'CDT-TL',
    });
    const developer = testDeps(database.db, actor);
    const text =
      'Mã dự án,Loại sự kiện,Ngày,Số vốn,Loại tiền\n' +
      'DA-3,Đăng ký mới,01/07/2022,300000,USD\n' +
      'DA-PX,Đăng ký mới,01/07/2022,300000,USD\n';
    const refused = await importInvestmentEvents(developer, csvFile(text), { mode: 'commit' });
    expect(refused.committed).toBe(false);
    // The cluster's project is not the developer's to see: reported like a project that does not exist.
    expect(refused.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã dự án', 'Không có dự án mã DA-PX.'],
    ]);
    expect(await count('investment_event', `project_id = (select id from project where code = 'DA-3')`)).toBe(
      0,
    );

    const { actor: officer } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const parkOfCommune = await importInvestmentEvents(testDeps(database.db, officer), csvFile(text), {
      mode: 'dry-run',
    });
    expect(parkOfCommune.errors.map((e) => [e.row, e.message.vi])).toEqual([
      [2, 'Bạn không có quyền ghi vốn đầu tư của dự án "DA-3" (ngoài phạm vi được giao).'],
      [3, 'Không có dự án mã DA-PX.'],
    ]);

    const ok = await importInvestmentEvents(developer, csvFile(text.split('\n').slice(0, 2).join('\n')), {
      mode: 'commit',
    });
    expect(ok).toMatchObject({ committed: true, toCreate: 1 });
    const exported = parseCsv((await exportInvestmentEvents(developer, {}, 'csv')).body as string);
    expect(new Set(exported.slice(1).map((r) => r[0]))).toEqual(new Set(['DA-1', 'DA-3', 'DA-CU']));
  });
});

describe('export and re-import of the ledger', () => {
  it('round-trips one project or all events, XLSX and CSV, with nothing to append', async () => {
    for (const query of [
      {},
      { project: 'DA-1' },
      { zone: 'KCN-TL', kind: 'increase' as const, from: '2022-06-01' },
    ]) {
      for (const format of ['xlsx', 'csv'] as const) {
        const exported = await exportInvestmentEvents(admin(), query, format);
        expect(exported.fileName).toMatch(new RegExp(`^von-dau-tu-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        const data =
          typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
        const again = await importInvestmentEvents(
          admin(),
          { name: exported.fileName, data },
          { mode: 'dry-run' },
        );
        expect(again.errors, format).toEqual([]);
        expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, toUpdate: 0 });
        expect(again.unchanged, format).toBe(exported.count);
      }
    }
    expect((await exportInvestmentEvents(admin(), { project: 'DA-1' }, 'csv')).count).toBe(6);
    const late = await exportInvestmentEvents(
      admin(),
      { zone: 'KCN-TL', kind: 'increase', from: '2022-06-01' },
      'csv',
    );
    expect(late.count).toBe(3);
    const [head, row] = parseCsv(late.body as string);
    expect(head).toEqual(headers);
    expect(row).toEqual(['DA-1', 'Tăng vốn', '20/06/2022', '250000.5', 'USD', 'Điều chỉnh lần 1']);
  });
});
