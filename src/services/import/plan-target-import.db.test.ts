import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { parseCsv } from '../../domain/import/csv';
import { systemActor, type Actor } from '../../domain/identity/roles';
import type { TargetInput } from '../../domain/plan/plan.schema';
import { addTarget, createPlan, withdrawPlan, withdrawTarget } from '../plan/plan-write.service';
import { communes, makeUser, testDeps } from '../testing';
import { exportPlanTargets, importPlanTargets } from './plan-target-import.service';
import { buildZone } from '../testing/factories';

/**
 * Plan targets through spreadsheets: rows of recorded plans, checked as the plan page checks a target (kind,
 * measure, step, threshold, figure indicator, named zones of the family), by who may set the family's plans
 * only; a dry run, an all-or-nothing commit with audit rows, a second import that writes nothing, an edited
 * row that updates its target, past years, and the export's round trip.
 */

let database: TestDatabase;
const admin = () => testDeps(database.db, systemActor('test:import'));
let clusters: Actor;
let parks: Actor;
let withdrawnTitle = '';

const base: TargetInput = {
  kind: 'task',
  title: '',
  measure: null,
  step: null,
  thresholdPct: null,
  indicator: null,
  value: 1,
  maxValue: null,
  zones: [],
  evidenceRef: null,
  evidenceDate: null,
  note: null,
};

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = admin();
  for (const [code, commune] of [
    ['CCN-A', communes.dongAnh],
    ['CCN-B', communes.dongAnh],
    ['CCN-C', communes.thachThat],
  ] as const) {
    await buildZone(database.db, {
      code,
      name: `Cụm công nghiệp ${code}`,
      kind: 'CCN',
      communeCode: commune,
      developerCode: null,
    });
  }
  await buildZone(database.db, {
    code: 'KCN-X',
    name: 'Khu công nghiệp X',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
  const plan = (family: 'KCN' | 'CCN', year: number, number: string) =>
    createPlan(deps, {
      family,
      year,
      number,
      issuedOn: `${year}-01-05`,
      issuer: 'UBND thành phố Hà Nội',
      title: `Kế hoạch ${number}`,
      documentRef: null,
    });
  const p305 = await plan('CCN', 2026, '305/KH-UBND');
  await plan('CCN', 2015, '88/KH-UBND');
  await plan('KCN', 2026, '12/KH-BQL');
  const p7 = await plan('KCN', 2026, '7/KH-BQL');
  await addTarget(deps, p7.id, {
    ...base,
    kind: 'figure',
    title: 'Doanh thu',
    indicator: 'revenue_usd',
    value: 5000,
  });
  const old = await plan('CCN', 2026, '99/KH-UBND');
  await withdrawPlan(deps, old.id, { reason: 'Thay bằng 305', version: old.version });
  // A target of 305 withdrawn: a file naming it again is refused.
  withdrawnTitle = 'Rà soát quy hoạch cụm công nghiệp';
  const gone = await addTarget(deps, p305.id, { ...base, title: withdrawnTitle });
  await withdrawTarget(deps, gone.id, { reason: 'Gộp vào nhiệm vụ khác', version: gone.version });
  clusters = (
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    })
  ).actor;
  parks = (
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
      family: 'KCN',
    })
  ).actor;
});
afterAll(() => database?.cleanup());

const as = (actor: Actor) => testDeps(database.db, actor);

async function xlsx(headers: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chỉ tiêu kế hoạch');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return { name: 'chi-tieu.xlsx', data: new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer) };
}

async function count(
  table: 'plan_target' | 'plan_target_zone' | 'audit_log',
  where = 'true',
): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

const headers = [
  'Khối',
  'Năm kế hoạch',
  'Số kế hoạch',
  'Loại chỉ tiêu',
  'Tên chỉ tiêu',
  'Cách đo',
  'Chỉ số báo cáo',
  'Giá trị',
  'Cận trên',
  'Bước cần đạt',
  'Tỷ lệ lấp đầy cần đạt (%)',
  'Khu/cụm',
  'Ghi chú',
];

describe('a plan-target file with bad rows', () => {
  it('writes nothing and names every bad cell by row and column', async () => {
    const before = await count('plan_target');
    const auditBefore = await count('audit_log');
    const row = (over: Partial<Record<string, unknown>>) =>
      headers.map((h) => (h in over ? over[h] : null) ?? null);
    const ok = { Khối: 'CCN', 'Năm kế hoạch': 2026, 'Số kế hoạch': '305/KH-UBND' };
    const file = await xlsx(headers, [
      // Row 2: the parks' plan, not the clusters' department's to set.
      row({
        Khối: 'KCN',
        'Năm kế hoạch': 2026,
        'Số kế hoạch': '12/KH-BQL',
        'Loại chỉ tiêu': 'task',
        'Tên chỉ tiêu': 'A',
        'Giá trị': 1,
      }),
      // Row 3: no such plan; row 4: a withdrawn plan.
      row({ ...ok, 'Số kế hoạch': '1/KH', 'Loại chỉ tiêu': 'task', 'Tên chỉ tiêu': 'B', 'Giá trị': 1 }),
      row({ ...ok, 'Số kế hoạch': '99/KH-UBND', 'Loại chỉ tiêu': 'task', 'Tên chỉ tiêu': 'C', 'Giá trị': 1 }),
      // Row 5: a count target: a registry rule as its measure, more than the zones named, one not a cluster.
      row({
        ...ok,
        'Loại chỉ tiêu': 'Theo danh sách khu/cụm',
        'Tên chỉ tiêu': 'D',
        'Cách đo': 'Thành lập hoặc mở rộng',
        'Giá trị': 3,
        'Khu/cụm': 'CCN-A; KCN-X',
      }),
      // Row 6: a step to reach not given, a zone that does not exist.
      row({
        ...ok,
        'Loại chỉ tiêu': 'count',
        'Tên chỉ tiêu': 'E',
        'Cách đo': 'step_reached',
        'Giá trị': 1,
        'Khu/cụm': 'CCN-A: UBND xã Đông Anh; CCN-KHONG',
      }),
      // Row 7: a cluster plan takes no report figure; upper end below the lower.
      row({
        ...ok,
        'Loại chỉ tiêu': 'figure',
        'Tên chỉ tiêu': 'F',
        'Chỉ số báo cáo': 'revenue_usd',
        'Giá trị': 5,
        'Cận trên': 2,
      }),
      // Row 8: a withdrawn target named again.
      row({ ...ok, 'Loại chỉ tiêu': 'Nhiệm vụ', 'Tên chỉ tiêu': withdrawnTitle.toUpperCase(), 'Giá trị': 1 }),
      // Row 9: cells that cannot be read; a task naming zones.
      row({
        ...ok,
        'Năm kế hoạch': 'năm nay',
        'Loại chỉ tiêu': 'Mục tiêu',
        'Tên chỉ tiêu': 'G',
        'Giá trị': 'nhiều',
      }),
      row({ ...ok, 'Loại chỉ tiêu': 'task', 'Tên chỉ tiêu': 'H', 'Giá trị': 1, 'Khu/cụm': 'CCN-A' }),
    ]);
    const result = await importPlanTargets(as(clusters), file, { mode: 'commit' });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [2, 'Khối', 'Bạn không có quyền đặt chỉ tiêu kế hoạch khu công nghiệp.'],
      [3, 'Số kế hoạch', expect.stringContaining('Không có kế hoạch số 1/KH năm 2026 của cụm công nghiệp')],
      [4, 'Số kế hoạch', expect.stringContaining('Kế hoạch số 99/KH-UBND năm 2026 đã rút (Thay bằng 305)')],
      [5, 'Cách đo', 'Chỉ tiêu theo danh sách chỉ đo được: step_reached, occupancy_at_least.'],
      [5, 'Giá trị', 'Chỉ tiêu (3) lớn hơn số khu/cụm được nêu (2).'],
      [5, 'Khu/cụm', 'Kế hoạch cụm công nghiệp không gồm: KCN-X.'],
      [6, 'Bước cần đạt', 'Chọn bước cần đạt.'],
      [6, 'Khu/cụm', 'Không có khu/cụm mã: CCN-KHONG.'],
      [7, 'Chỉ số báo cáo', expect.stringContaining('Chỉ tiêu "revenue_usd" không có kế hoạch')],
      [7, 'Cận trên', 'Cận trên phải lớn hơn hoặc bằng cận dưới.'],
      [8, 'Tên chỉ tiêu', expect.stringContaining('Chỉ tiêu này đã rút (Gộp vào nhiệm vụ khác)')],
      [9, 'Năm kế hoạch', '"năm nay" không phải là số.'],
      [9, 'Loại chỉ tiêu', expect.stringContaining('Giá trị "Mục tiêu" không hợp lệ')],
      [9, 'Giá trị', '"nhiều" không phải là số.'],
      [10, 'Khu/cụm', 'Chỉ chỉ tiêu theo danh sách mới nêu khu/cụm.'],
    ]);
    expect(await count('plan_target')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});

describe('importing a good plan-target file', () => {
  const rows = [
    [
      'CCN',
      2026,
      '305/KH-UBND',
      'count',
      'Hoàn thành hạ tầng 2 cụm',
      'Đạt bước',
      null,
      2,
      null,
      'Hoàn thành hạ tầng dùng chung',
      null,
      'CCN-A: UBND xã Đông Anh; ccn-b',
      null,
    ],
    [
      'CCN',
      2026,
      '305/kh-ubnd',
      'rule',
      'Thành lập, mở rộng 5–10 cụm',
      'established_or_expanded',
      null,
      5,
      10,
      null,
      null,
      null,
      'Chỉ tiêu khung',
    ],
    [
      'CCN',
      2026,
      '305/KH-UBND',
      'count',
      'Lấp đầy 60 %',
      'occupancy_at_least',
      null,
      '1',
      null,
      null,
      60,
      'CCN-C',
      null,
    ],
    [
      'CCN',
      2026,
      '305/KH-UBND',
      'task',
      'Ban hành kế hoạch kiểm tra định kỳ',
      null,
      null,
      1,
      null,
      null,
      null,
      null,
      null,
    ],
    // History: a plan of 2015.
    [
      'CCN',
      2015,
      '88/KH-UBND',
      'rule',
      'Cụm mới có trạm xử lý nước thải',
      'new_with_compliant_wwtp',
      null,
      100,
      null,
      null,
      null,
      null,
      null,
    ],
  ];

  it('adds once with audit rows; a second import writes nothing; an edited row updates its target', async () => {
    const before = await count('plan_target');
    const dry = await importPlanTargets(as(clusters), await xlsx(headers, rows), { mode: 'dry-run' });
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ committed: false, rows: 5, toCreate: 5, unchanged: 0 });
    expect(await count('plan_target')).toBe(before);

    const first = await importPlanTargets(as(clusters), await xlsx(headers, rows), { mode: 'commit' });
    expect(first).toMatchObject({ committed: true, toCreate: 5, errors: [] });
    expect(await count('plan_target')).toBe(before + 5);
    expect(await count('audit_log', `action = 'plan_target.create' and actor_id is not null`)).toBe(5);
    const [count2] = await database.query<{
      indicator: string;
      params: unknown;
      value: string;
      unit: string;
    }>(
      `select indicator, params, value::text, unit from plan_target where title = 'Hoàn thành hạ tầng 2 cụm'`,
    );
    expect(count2).toEqual({
      indicator: 'step_reached',
      params: { step: 'infrastructure_complete' },
      value: '2.0000',
      unit: 'count',
    });
    const zones = await database.query<{ code: string; responsible: string | null; ordinal: number }>(
      `select z.code, tz.responsible, tz.ordinal from plan_target_zone tz join zone z on z.id = tz.zone_id
       join plan_target t on t.id = tz.target_id where t.title = 'Hoàn thành hạ tầng 2 cụm' order by tz.ordinal`,
    );
    expect(zones).toEqual([
      { code: 'CCN-A', responsible: 'UBND xã Đông Anh', ordinal: 1 },
      { code: 'CCN-B', responsible: null, ordinal: 2 },
    ]);
    expect(await count('plan_target', `year = 2015 and indicator = 'new_with_compliant_wwtp'`)).toBe(1);

    const auditBefore = await count('audit_log');
    const second = await importPlanTargets(as(clusters), await xlsx(headers, rows), { mode: 'commit' });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 5, changes: [] });
    expect(await count('plan_target')).toBe(before + 5);
    expect(await count('audit_log')).toBe(auditBefore);

    // The rule's range changes and the title is written without diacritics: the same target, updated.
    const edited = rows.map((r) => [...r]);
    edited[1]![4] = 'THANH LAP, MO RONG 5–10 CUM';
    edited[1]![8] = 12;
    const third = await importPlanTargets(as(clusters), await xlsx(headers, edited), { mode: 'commit' });
    expect(third.errors).toEqual([]);
    expect(third).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 4 });
    expect(third.changes).toEqual([
      { row: 3, key: expect.any(String), action: 'update', fields: ['title', 'maxValue'] },
    ]);
    const [rule] = await database.query<{ id: string; max_value: string; version: number }>(
      `select id, max_value::text, version from plan_target where indicator = 'established_or_expanded' and year = 2026`,
    );
    expect(rule).toMatchObject({ max_value: '12.0000', version: 2 });
    const [audit] = await database.query<{ before: { maxValue: number }; after: { maxValue: number } }>(
      `select before, after from audit_log where action = 'plan_target.update' and entity_id = $1`,
      [rule!.id],
    );
    expect([audit!.before.maxValue, audit!.after.maxValue]).toEqual([10, 12]);
  });

  it('sets a report figure once a year: not twice in the file, not over another plan’s', async () => {
    const figure = (number: string, indicator: string, value: number) => [
      'KCN',
      2026,
      number,
      'Chỉ số báo cáo',
      `Chỉ tiêu ${indicator}`,
      null,
      indicator,
      value,
      null,
      null,
      null,
      null,
      null,
    ];
    const result = await importPlanTargets(
      as(parks),
      await xlsx(headers, [
        figure('12/KH-BQL', 'export_usd', 100),
        figure('12/KH-BQL', 'export_usd', 120),
        figure('12/KH-BQL', 'revenue_usd', 6000),
      ]),
      { mode: 'dry-run' },
    );
    expect(result.errors.map((e) => [e.row, e.field, e.message.vi])).toEqual([
      [3, 'Chỉ số báo cáo', expect.stringContaining('"export_usd" của năm 2026 đã có chỉ tiêu ở dòng 2')],
      [4, 'Chỉ số báo cáo', 'Chỉ tiêu này của năm đã có (sửa chỉ tiêu đó thay vì thêm mới).'],
    ]);
    const ok = await importPlanTargets(
      as(parks),
      await xlsx(headers, [figure('12/KH-BQL', 'export_usd', 100)]),
      {
        mode: 'commit',
      },
    );
    expect(ok).toMatchObject({ committed: true, toCreate: 1 });
    // The figure's title may change: it is known by its indicator.
    const renamed = figure('12/KH-BQL', 'export_usd', 100);
    renamed[4] = 'Kim ngạch xuất khẩu';
    const again = await importPlanTargets(as(parks), await xlsx(headers, [renamed]), { mode: 'dry-run' });
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 1, errors: [] });
  });
});

describe('rights over plan-target imports', () => {
  it('refuses who may not set plans (forbidden: 403)', async () => {
    const file = await xlsx(headers, [
      ['CCN', 2026, '305/KH-UBND', 'task', 'Nhiệm vụ mới', null, null, 1, null, null, null, null, null],
    ]);
    for (const overrides of [
      {
        role: 'commune_officer' as const,
        scopeKind: 'commune' as const,
        scopeRef: communes.dongAnh,
        family: 'CCN' as const,
      },
      { role: 'leader' as const, scopeKind: 'all' as const },
    ]) {
      const { actor } = await makeUser(database.db, overrides);
      await expect(importPlanTargets(as(actor), file, { mode: 'dry-run' })).rejects.toMatchObject({
        code: 'forbidden',
      });
    }
    expect(await count('plan_target', `title = 'Nhiệm vụ mới'`)).toBe(0);
  });
});

describe('export and re-import of plan targets', () => {
  it('round-trips the targets in force, XLSX and CSV, with nothing to write', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      for (const [actor, query] of [
        [clusters, { family: 'CCN' as const }],
        [clusters, { family: 'CCN' as const, year: 2015 }],
        [parks, { family: 'KCN' as const, plan: '7/kh-bql' }],
      ] as const) {
        const exported = await exportPlanTargets(as(actor), query, format);
        expect(exported.fileName).toMatch(new RegExp(`^chi-tieu-ke-hoach-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        expect(exported.count).toBeGreaterThan(0);
        const data =
          typeof exported.body === 'string' ? new TextEncoder().encode(exported.body) : exported.body;
        const again = await importPlanTargets(
          as(actor),
          { name: exported.fileName, data },
          { mode: 'dry-run' },
        );
        expect(again.errors, format).toEqual([]);
        expect(again, format).toMatchObject({ rows: exported.count, toCreate: 0, toUpdate: 0 });
      }
    }
    const csv = parseCsv(
      (await exportPlanTargets(as(clusters), { family: 'CCN', year: 2026 }, 'csv')).body as string,
    );
    expect(csv[0]!.slice(0, 5)).toEqual(headers.slice(0, 5));
    // The withdrawn plan and the withdrawn target are not exported.
    expect(csv.slice(1).map((r) => r[4])).toEqual([
      'Hoàn thành hạ tầng 2 cụm',
      'THANH LAP, MO RONG 5–10 CUM',
      'Lấp đầy 60 %',
      'Ban hành kế hoạch kiểm tra định kỳ',
    ]);
    const count2 = csv.find((r) => r[4] === 'Hoàn thành hạ tầng 2 cụm')!;
    expect(count2[11]).toBe('CCN-A: UBND xã Đông Anh; CCN-B');
  });
});
