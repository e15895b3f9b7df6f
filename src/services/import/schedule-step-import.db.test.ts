import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { parseCsv } from '../../domain/import/csv';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { getZoneSchedule, setScheduleStep } from '../schedule/schedule.service';
import { communes, makeUser, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';
import {
  exportScheduleSteps,
  importScheduleSteps,
  scheduleStepImportTemplate,
} from './schedule-step-import.service';

let database: TestDatabase;
const as = (actor: Actor) => testDeps(database.db, actor);
const admin = () => as(systemActor('test:import'));
let commune: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = admin();
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
  await addLifecycleEvent(deps, 'CCN-DA', { state: 'established', eventDate: '2024-01-10' });
  commune = (
    await makeUser(database.db, { role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh })
  ).actor;
  // One step planned through the API before any import.
  await setScheduleStep(as(commune), 'CCN-DA', 'construction_start', {
    plannedDate: '2025-06-30',
    agency: 'Chủ đầu tư hạ tầng',
    sourceKind: 'establishment_decision',
    sourceRef: 'QĐ 100/QĐ-UBND',
  });
});
afterAll(() => database?.cleanup());

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiến độ kế hoạch');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'tien-do.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

const csvFile = (text: string) => ({ name: 'tien-do.csv', data: new TextEncoder().encode(text) });

async function count(table: 'schedule_step' | 'audit_log', where = 'true'): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = [
  'Mã khu/cụm',
  'Bước',
  'Ngày kế hoạch',
  'Cơ quan chịu trách nhiệm',
  'Loại văn bản căn cứ',
  'Số, ngày văn bản',
  'Ghi chú',
];

describe('a schedule file with bad rows', () => {
  it('writes nothing and names every bad cell by row and column', async () => {
    const auditBefore = await count('audit_log');
    const file = await xlsx(headers, [
      // A good row: not written, since the file has bad ones.
      [
        'CCN-DA',
        'Đi vào hoạt động',
        '31/12/2027',
        'UBND xã Đông Anh',
        'Kế hoạch của Thành phố',
        'KH 12/KH-UBND',
        null,
      ],
      // A step that does not exist; a date that cannot be read.
      ['CCN-DA', 'Khánh thành', '31/13/2027', 'UBND xã', 'Quyết định thành lập', 'QĐ 1', null],
      // A new step without its agency and source.
      ['CCN-DA', 'land_clearance', '30/09/2025', null, null, null, null],
      // The same zone and step twice in the file.
      [
        'CCN-DA',
        'Hoàn thành hạ tầng dùng chung',
        '30/06/2026',
        'Chủ đầu tư',
        'Chủ trương đầu tư',
        'QĐ 2',
        null,
      ],
      ['CCN-DA', 'infrastructure_complete', '30/09/2026', 'Chủ đầu tư', 'Chủ trương đầu tư', 'QĐ 3', null],
      // A zone that does not exist, and an unknown kind of source.
      ['CCN-KHONG-CO', 'Đi vào hoạt động', '31/12/2027', 'UBND', 'Công văn', 'CV 5', null],
    ]);
    const result = await importScheduleSteps(as(commune), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Bước', expect.stringContaining('Giá trị "Khánh thành" không hợp lệ')],
      [3, 'Ngày kế hoạch', expect.stringContaining('"31/13/2027" không phải là ngày hợp lệ')],
      [4, 'Cơ quan chịu trách nhiệm', expect.any(String)],
      [4, 'Loại văn bản căn cứ', expect.any(String)],
      [4, 'Số, ngày văn bản', expect.any(String)],
      [
        6,
        'Bước',
        'Bước "Hoàn thành hạ tầng dùng chung" của khu/cụm CCN-DA đã có ở dòng 5; mỗi bước chỉ được xuất hiện một lần trong tệp.',
      ],
      [7, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-KHONG-CO.'],
      [7, 'Loại văn bản căn cứ', expect.stringContaining('Giá trị "Công văn" không hợp lệ')],
    ]);
    expect(await count('schedule_step')).toBe(1);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('importing a good schedule file', () => {
  const rows = [
    [
      'CCN-DA',
      'Phê duyệt quy hoạch chi tiết 1/500',
      '31/03/2025',
      'UBND xã Đông Anh',
      'Quyết định thành lập',
      'QĐ 100/QĐ-UBND',
      null,
    ],
    // Revises the step planned through the API.
    [
      'ccn-da',
      'construction_start',
      '30/09/2025',
      'Chủ đầu tư hạ tầng',
      'Chủ trương đầu tư',
      'QĐ 200/QĐ-UBND',
      'Lùi 3 tháng',
    ],
    [
      'CCN-DA',
      'Đi vào hoạt động',
      '31/12/2027',
      'UBND xã Đông Anh',
      'Kế hoạch của Thành phố',
      'KH 12/KH-UBND',
      null,
    ],
  ];

  it('sets new steps and revises planned ones, with the API’s audit rows; a second import writes nothing', async () => {
    const dry = await importScheduleSteps(as(commune), await xlsx(headers, rows), { mode: 'dry-run' });
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ committed: false, toCreate: 2, toUpdate: 1, unchanged: 0 });
    expect(dry.changes.find((c) => c.action === 'update')).toMatchObject({
      row: 3,
      fields: ['plannedDate', 'sourceKind', 'sourceRef', 'note'],
    });
    expect(await count('schedule_step')).toBe(1);

    const auditBefore = await count('audit_log');
    const first = await importScheduleSteps(as(commune), await xlsx(headers, rows), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 2, toUpdate: 1, errors: [] });
    expect(await count('schedule_step')).toBe(3);
    expect(await count('audit_log')).toBe(auditBefore + 3);

    const schedule = await getZoneSchedule(as(commune), 'CCN-DA');
    const construction = schedule.steps.find((s) => s.step === 'construction_start')!;
    expect(construction).toMatchObject({
      plannedDate: '2025-09-30',
      sourceKind: 'investment_approval',
      sourceRef: 'QĐ 200/QĐ-UBND',
      note: 'Lùi 3 tháng',
      version: 2,
    });
    const [audit] = await database.query<{ action: string; before: any; after: any }>(
      `select action, before, after from audit_log where action = 'schedule.step_update' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({
      before: { step: 'construction_start', plannedDate: '2025-06-30', version: 1 },
      after: { step: 'construction_start', plannedDate: '2025-09-30', version: 2, id: construction.id },
    });
    const [set] = await database.query<{ after: any }>(
      `select after from audit_log where action = 'schedule.step_set' and after->>'step' = 'operating'`,
    );
    expect(set!.after).toMatchObject({ plannedDate: '2027-12-31', agency: 'UBND xã Đông Anh', version: 1 });

    const second = await importScheduleSteps(as(commune), await xlsx(headers, rows), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 3, changes: [] });
    expect(await count('audit_log')).toBe(auditBefore + 3);
  });

  it('keeps the stored values of columns the file leaves out, and never imports an actual date', async () => {
    const result = await importScheduleSteps(
      as(commune),
      csvFile('Mã khu/cụm,Bước,Ngày kế hoạch\nCCN-DA,Đi vào hoạt động,30/06/2028\n'),
      { mode: 'commit' },
    );
    expect(result).toMatchObject({ committed: true, toUpdate: 1, changes: [{ fields: ['plannedDate'] }] });
    const operating = (await getZoneSchedule(as(commune), 'CCN-DA')).steps.find(
      (s) => s.step === 'operating',
    );
    expect(operating).toMatchObject({
      plannedDate: '2028-06-30',
      agency: 'UBND xã Đông Anh',
      reachedOn: null,
    });

    const actual = await importScheduleSteps(
      as(commune),
      csvFile('Mã khu/cụm,Bước,Ngày thực tế\nCCN-DA,Đi vào hoạt động,01/01/2026\n'),
      { mode: 'dry-run' },
    );
    expect(actual.errors.map((e) => [e.row, e.field])).toEqual([[1, 'Ngày thực tế']]);
  });
});

describe('who may import schedules', () => {
  it('refuses a zone outside the officer’s scope by row and column, and writes nothing', async () => {
    const before = await count('schedule_step');
    const text =
      'Mã khu/cụm,Bước,Ngày kế hoạch,Cơ quan chịu trách nhiệm,Loại văn bản căn cứ,"Số, ngày văn bản"\n' +
      'CCN-DA,land_clearance,30/06/2025,UBND xã,Quyết định thành lập,QĐ 1\n' +
      'CCN-PX,land_clearance,30/06/2025,UBND xã,Quyết định thành lập,QĐ 1\n';
    const refused = await importScheduleSteps(as(commune), csvFile(text), { mode: 'commit' });
    expect(refused.committed).toBe(false);
    expect(refused.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Mã khu/cụm', 'Không có khu/cụm công nghiệp mã CCN-PX.'],
    ]);
    expect(await count('schedule_step')).toBe(before);

    // A leader who also plans the clusters of one commune: sees every zone, plans only its own.
    const leaderAndCommune: Actor = {
      ...commune,
      assignments: [...commune.assignments, { role: 'leader', scopeKind: 'all', scopeRef: null }],
    };
    const outside = await importScheduleSteps(as(leaderAndCommune), csvFile(text), { mode: 'dry-run' });
    expect(outside.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [
        3,
        'Mã khu/cụm',
        'Bạn không có quyền lập tiến độ kế hoạch của khu/cụm CCN-PX (ngoài phạm vi được giao).',
      ],
    ]);
  });

  it('refuses (403) a developer, who records progress but never plans, and a read-only leader', async () => {
    const { actor: developer } = await makeUser(database.db, {
      role: 'developer',
      scopeKind: 'zone',
      scopeRef: 'CCN-DA',
    });
    const { actor: leader } = await makeUser(database.db, {
      role: 'leader',
      scopeKind: 'all',
      scopeRef: null,
    });
    for (const actor of [developer, leader]) {
      await expect(
        importScheduleSteps(as(actor), csvFile('Mã khu/cụm,Bước\nCCN-DA,operating\n'), { mode: 'commit' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('template and export of schedules', () => {
  it('gives a template with the guide; exports XLSX and CSV that import back unchanged', async () => {
    const template = await scheduleStepImportTemplate(admin());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tiến độ kế hoạch', 'Hướng dẫn']);
    expect((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(headers);

    for (const query of [{}, { zone: 'CCN-DA', step: 'operating' as const }]) {
      for (const format of ['xlsx', 'csv'] as const) {
        const exported = await exportScheduleSteps(as(commune), query, format);
        expect(exported.fileName).toMatch(new RegExp(`^tien-do-ke-hoach-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        const data =
          typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
        const again = await importScheduleSteps(
          as(commune),
          { name: exported.fileName, data },
          { mode: 'dry-run' },
        );
        expect(again.errors, format).toEqual([]);
        expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, toUpdate: 0 });
        expect(again.unchanged).toBe(exported.count);
      }
    }
    const csv = parseCsv((await exportScheduleSteps(as(commune), {}, 'csv')).body as string);
    expect(csv.map((r) => r.slice(0, 3))).toEqual([
      headers.slice(0, 3),
      ['CCN-DA', 'Phê duyệt quy hoạch chi tiết 1/500', '31/03/2025'],
      ['CCN-DA', 'Khởi công xây dựng hạ tầng', '30/09/2025'],
      ['CCN-DA', 'Đi vào hoạt động', '30/06/2028'],
    ]);
    // The other commune's cluster is not the officer's to see: its steps are not exported.
    await setScheduleStep(admin(), 'CCN-PX', 'operating', {
      plannedDate: '2029-01-01',
      agency: 'UBND xã Thạch Thất',
      sourceKind: 'city_plan',
      sourceRef: 'KH 1',
    });
    expect((await exportScheduleSteps(as(commune), {}, 'csv')).count).toBe(3);
    expect((await exportScheduleSteps(admin(), {}, 'csv')).count).toBe(4);
  });
});
