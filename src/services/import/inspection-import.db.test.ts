import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { parseCsv } from '../../domain/import/csv';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { createZone } from '../zone/zone.service';
import { recordInspection } from '../inspection/inspection.service';
import { exportInspections, importInspections } from './inspection-import.service';

/**
 * Inspections through spreadsheets, with a fixed clock (today 20/06/2026): a bad file names every bad cell and
 * writes nothing; a good one is checked (dry run) and then written once, with its results, findings, penalties
 * and audit rows; a second import writes nothing; scope, rights and the export's round trip.
 */

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const admin = () => testDeps(database.db, systemActor('test:import'), clock);
let officer: Actor;
let developer: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = admin();
  await createOrganisation(deps, {
    code: 'CDT-TL',
    name: 'Chủ đầu tư Thăng Long',
    country: 'JP',
    ownership: 'fdi',
    roles: ['developer'],
  });
  await createOrganisation(deps, {
    code: 'NDT-1',
    name: 'Nhà đầu tư Một',
    country: 'VN',
    ownership: null,
    roles: ['tenant'],
  });
  // Đông Anh: a cluster (the commune's to inspect) and a park (the Board's, only visible to the commune).
  await createZone(deps, {
    code: 'CCN-DA',
    name: 'Cụm công nghiệp Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  await createZone(deps, {
    code: 'KCN-TL',
    name: 'Khu công nghiệp Thăng Long',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  // Thạch Thất: not the Đông Anh officer's to see.
  await createZone(deps, {
    code: 'CCN-PX',
    name: 'Cụm công nghiệp Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
  });
  for (const [code, zoneCode] of [
    ['DA-1', 'CCN-DA'],
    ['DA-TL', 'KCN-TL'],
  ] as const) {
    await createProject(deps, {
      code,
      zoneCode,
      investorCode: 'NDT-1',
      name: `Dự án ${code}`,
      status: 'operating',
    });
  }
  officer = (
    await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
      family: 'CCN',
    })
  ).actor;
  developer = (
    await makeUser(database.db, { role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-TL' })
  ).actor;
});
afterAll(() => database?.cleanup());

const as = (actor: Actor) => testDeps(database.db, actor, clock);

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kiểm tra');
  sheet.addRow(['DANH SÁCH KIỂM TRA NĂM 2026']);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'kiem-tra.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string) => ({ name: 'kiem-tra.csv', data: new TextEncoder().encode(text) });

type Table = 'inspection' | 'inspection_result' | 'inspection_finding' | 'inspection_penalty' | 'audit_log';
async function count(table: Table, where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = [
  'Mã khu/cụm',
  'Mã dự án',
  'Loại kiểm tra',
  'Ngày kiểm tra',
  'Cơ quan kiểm tra',
  'Hạng mục không đạt',
  'Thời hạn khắc phục',
  'Số quyết định xử phạt',
  'Ngày quyết định xử phạt',
  'Số tiền phạt (đồng)',
  'Kết luận, ghi chú',
];

describe('an inspection file with bad rows', () => {
  it('writes nothing and names every bad cell by row and column', async () => {
    const before = await count('inspection');
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      // Row 3: a failed item not on the checklist, and a failed item with no deadline.
      [
        'CCN-DA',
        null,
        'fire_safety',
        '10/03/2026',
        'PC07',
        'Chỉ huy tại chỗ; Bình cứu hoả',
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'CCN-DA',
        null,
        'Phòng cháy, chữa cháy ("4 tại chỗ")',
        '10/03/2026',
        'PC07',
        'onsite_forces',
        null,
        null,
        null,
        null,
        null,
      ],
      // Row 5: a deadline before the visit, a penalty decided before it, a date after today.
      [
        'CCN-DA',
        'DA-TL',
        'labour',
        '01/07/2026',
        'Sở Nội vụ',
        'contracts',
        '01/06/2026',
        '45/QĐ',
        '01/05/2026',
        '5.000.000',
        null,
      ],
      // Row 6: a penalty without its amount; a deadline with nothing failed; the agency missing.
      ['CCN-DA', null, 'labour', '02/02/2026', null, null, '01/03/2026', '46/QĐ', '03/02/2026', null, null],
      // Row 7: cells that cannot be read.
      ['CCN-DA', null, 'Thanh tra thuế', '31/02/2026', 'X', null, null, null, null, '-5', null],
      // Row 8: a zone that does not exist; row 9: one the officer cannot see; row 10: one it sees but does not keep.
      ['CCN-KHONG-CO', null, 'labour', '02/02/2026', 'X', null, null, null, null, null, null],
      ['CCN-PX', null, 'labour', '02/02/2026', 'X', null, null, null, null, null, null],
      ['KCN-TL', null, 'labour', '02/02/2026', 'X', null, null, null, null, null, null],
    ]);
    const result = await importInspections(as(officer), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [
        3,
        'Hạng mục không đạt',
        expect.stringContaining(
          'Hạng mục "Bình cứu hoả" không thuộc danh mục kiểm tra "Phòng cháy, chữa cháy',
        ),
      ],
      [4, 'Thời hạn khắc phục', 'Hạng mục không đạt cần có kiến nghị khắc phục kèm thời hạn.'],
      [5, 'Mã dự án', 'Không có dự án này trong khu/cụm.'],
      [5, 'Ngày kiểm tra', 'Ngày kiểm tra không thể sau hôm nay.'],
      [5, 'Thời hạn khắc phục', 'Thời hạn khắc phục không thể trước ngày kiểm tra.'],
      [5, 'Ngày quyết định xử phạt', 'Ngày quyết định xử phạt không thể trước ngày kiểm tra.'],
      [6, 'Cơ quan kiểm tra', 'Thiếu cơ quan kiểm tra.'],
      [6, 'Thời hạn khắc phục', 'Thời hạn khắc phục chỉ ghi khi có hạng mục không đạt.'],
      [6, 'Số tiền phạt (đồng)', 'Quyết định xử phạt ghi đủ số quyết định, ngày và số tiền.'],
      [7, 'Loại kiểm tra', expect.stringContaining('Giá trị "Thanh tra thuế" không hợp lệ')],
      [7, 'Ngày kiểm tra', expect.stringContaining('"31/02/2026" không phải là ngày hợp lệ')],
      [7, 'Số quyết định xử phạt', 'Quyết định xử phạt ghi đủ số quyết định, ngày và số tiền.'],
      [7, 'Ngày quyết định xử phạt', 'Quyết định xử phạt ghi đủ số quyết định, ngày và số tiền.'],
      [7, 'Số tiền phạt (đồng)', 'Số tiền phạt không được âm.'],
      [8, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-KHONG-CO.'],
      [9, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-PX.'],
      [
        10,
        'Mã khu/cụm',
        'Bạn không có quyền ghi kết quả kiểm tra của khu/cụm KCN-TL (ngoài phạm vi được giao).',
      ],
    ]);
    expect(await count('inspection')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('importing a good inspection file', () => {
  const rows = [
    // Two failed "4 tại chỗ" items by label and code, a deadline and a penalty.
    [
      'CCN-DA',
      null,
      'Phòng cháy, chữa cháy ("4 tại chỗ")',
      '10/03/2026',
      'Công an thành phố (PC07)',
      'Phương tiện tại chỗ; onsite_logistics',
      '30/06/2026',
      '45/QĐ-XPHC',
      '15/03/2026',
      '15.000.000',
      'Yêu cầu bổ sung phương tiện',
    ],
    // History: an inspection of 2015 of a tenant project, everything passed.
    ['CCN-DA', 'DA-1', 'Lao động', '12/11/2015', 'Sở Lao động', null, null, null, null, null, null],
    // Two identical rows: two inspections the same day.
    ['CCN-DA', null, 'labour', '02/02/2026', 'Sở Nội vụ', null, null, null, null, null, 'Đợt 1'],
    ['CCN-DA', null, 'labour', '02/02/2026', 'Sở Nội vụ', null, null, null, null, null, 'Đợt 2'],
  ];

  it('creates once, with results, findings, penalties and audit rows; a second import writes nothing', async () => {
    const before = await count('inspection');
    const dry = await importInspections(as(officer), await xlsx(headers, rows), { mode: 'dry-run' });
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ committed: false, rows: 4, toCreate: 4, unchanged: 0 });
    expect(await count('inspection')).toBe(before);

    const auditBefore = await count('audit_log');
    const first = await importInspections(as(officer), await xlsx(headers, rows), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 4, errors: [] });
    expect(await count('inspection')).toBe(before + 4);
    expect(await count('audit_log', `action = 'inspection.record'`)).toBe(4);
    expect(await count('audit_log')).toBe(auditBefore + 4);

    const [fire] = await database.query<{ id: string; agency: string; conclusion: string }>(
      `select id, agency, conclusion from inspection where kind_code = 'fire_safety'`,
    );
    expect(fire).toMatchObject({
      agency: 'Công an thành phố (PC07)',
      conclusion: 'Yêu cầu bổ sung phương tiện',
    });
    const results = await database.query<{ item_code: string; passed: boolean }>(
      `select item_code, passed from inspection_result where inspection_id = $1 order by item_code`,
      [fire!.id],
    );
    expect(results).toEqual([
      { item_code: 'design_acceptance', passed: true },
      { item_code: 'onsite_command', passed: true },
      { item_code: 'onsite_equipment', passed: false },
      { item_code: 'onsite_forces', passed: true },
      { item_code: 'onsite_logistics', passed: false },
    ]);
    const findings = await database.query<{ item_code: string; description: string; deadline: string }>(
      `select item_code, description, deadline::text from inspection_finding where inspection_id = $1 order by item_code`,
      [fire!.id],
    );
    expect(findings).toEqual([
      { item_code: 'onsite_equipment', description: 'Phương tiện tại chỗ', deadline: '2026-06-30' },
      { item_code: 'onsite_logistics', description: 'Hậu cần tại chỗ', deadline: '2026-06-30' },
    ]);
    const [penalty] = await database.query<{ decision_no: string; amount_vnd: string }>(
      `select decision_no, amount_vnd::text from inspection_penalty where inspection_id = $1`,
      [fire!.id],
    );
    expect(penalty).toEqual({ decision_no: '45/QĐ-XPHC', amount_vnd: '15000000' });
    expect(
      await count(
        'inspection',
        `inspected_on = '2015-11-12' and project_id = (select id from project where code = 'DA-1')`,
      ),
    ).toBe(1);

    const second = await importInspections(as(officer), await xlsx(headers, rows), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, unchanged: 4, changes: [] });
    expect(await count('inspection')).toBe(before + 4);
    expect(await count('audit_log')).toBe(auditBefore + 4);

    // A third identical row is a third inspection of that day.
    const third = await importInspections(
      as(officer),
      csvFile(
        'Mã khu/cụm,Loại kiểm tra,Ngày kiểm tra,Cơ quan kiểm tra\n' +
          'CCN-DA,labour,02/02/2026,Sở Nội vụ\nCCN-DA,labour,2026-02-02,Sở Nội vụ\nCCN-DA,Labour,2/2/2026,Khác\n',
      ),
      { mode: 'commit' },
    );
    expect(third.errors).toEqual([]);
    expect(third).toMatchObject({ toCreate: 1, unchanged: 2, changes: [{ row: 4, action: 'create' }] });
  });
});

describe('rights and scope of inspection imports', () => {
  it('refuses who may not record inspections (forbidden: 403)', async () => {
    const file = csvFile(
      'Mã khu/cụm,Loại kiểm tra,Ngày kiểm tra,Cơ quan kiểm tra\nCCN-DA,labour,02/03/2026,X\n',
    );
    await expect(importInspections(as(developer), file, { mode: 'dry-run' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // A leader reads everything and records nothing.
    const { actor: leader } = await makeUser(database.db, { role: 'leader', scopeKind: 'all' });
    await expect(importInspections(as(leader), file, { mode: 'commit' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await count('inspection', `inspected_on = '2026-03-02'`)).toBe(0);
  });

  it('takes a file of an out-of-scope zone as an error, never a skip', async () => {
    const { actor: other } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
      family: 'CCN',
    });
    const text =
      'Mã khu/cụm,Loại kiểm tra,Ngày kiểm tra,Cơ quan kiểm tra\nCCN-PX,labour,03/03/2026,X\nCCN-DA,labour,03/03/2026,X\n';
    const refused = await importInspections(as(other), csvFile(text), { mode: 'commit' });
    expect(refused.committed).toBe(false);
    expect(refused.errors.map((e) => [e.row, e.field])).toEqual([[3, 'Mã khu/cụm']]);
    expect(await count('inspection', `inspected_on = '2026-03-03'`)).toBe(0);
  });
});

describe('export and re-import of inspections', () => {
  it('exports the template columns, XLSX and CSV, and imports back with nothing to write', async () => {
    // One recorded through the API, with two findings of different deadlines and two penalties.
    await recordInspection(admin(), 'CCN-DA', {
      kindCode: 'environment_wwtp',
      inspectedOn: '2026-04-01',
      agency: 'Sở Nông nghiệp và Môi trường',
      results: [
        { itemCode: 'wwtp_operating', passed: true },
        { itemCode: 'effluent_qcvn', passed: false },
        { itemCode: 'auto_monitoring', passed: false },
        { itemCode: 'environmental_permit', passed: true },
        { itemCode: 'hazardous_waste', passed: true },
      ],
      findings: [
        { itemCode: 'effluent_qcvn', description: 'Nước thải vượt', deadline: '2026-09-01' },
        { itemCode: 'auto_monitoring', description: 'Lắp quan trắc', deadline: '2026-07-01' },
      ],
      penalties: [
        { decisionNo: '1/QĐ', decidedOn: '2026-04-05', amountVnd: '1000000' },
        { decisionNo: '2/QĐ', decidedOn: '2026-04-06', amountVnd: '2000000' },
      ],
    });
    for (const format of ['xlsx', 'csv'] as const) {
      for (const query of [{}, { year: 2026 }, { kind: 'fire_safety' }]) {
        const exported = await exportInspections(as(officer), query, format);
        expect(exported.fileName).toMatch(new RegExp(`^kiem-tra-2026-06-20\\.${format}$`));
        const data =
          typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
        const again = await importInspections(
          as(officer),
          { name: exported.fileName, data },
          { mode: 'dry-run' },
        );
        expect(again.errors, format).toEqual([]);
        expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, unchanged: exported.count });
      }
    }
    const csv = parseCsv(
      (await exportInspections(as(officer), { kind: 'environment_wwtp' }, 'csv')).body as string,
    );
    expect(csv[0]).toEqual([...headers.slice(0, 5), 'Số quyết định kiểm tra', ...headers.slice(5)]);
    expect(csv[1]).toEqual([
      'CCN-DA',
      '',
      'Môi trường và trạm xử lý nước thải',
      '01/04/2026',
      'Sở Nông nghiệp và Môi trường',
      '',
      'Nước thải sau xử lý đạt QCVN 40:2011/BTNMT; Quan trắc nước thải tự động, liên tục',
      '01/07/2026',
      '1/QĐ',
      '05/04/2026',
      '1000000',
      '',
    ]);
    // The officer of another commune sees none of them.
    const { actor: other } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
      family: 'CCN',
    });
    expect((await exportInspections(as(other), {}, 'csv')).count).toBe(0);
  });
});
