import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { KEY_SHEET, SINGLE_COLUMNS } from '../../domain/reporting/filing-workbook';
import { AppError } from '../../domain/shared/errors';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { createZone } from '../zone/zone.service';
import { bulkFilingWorkbook, uploadBulkWorkbook } from './filing-bulk.service';
import { filingWorkbook, uploadFilingWorkbook } from './filing-workbook.service';
import { acceptFiling, getFiling, listFilings, returnFiling, saveDraft } from './filing.service';
import { rowsOf } from '../../db/rows';

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const actors = {} as Record<'tenant' | 'otherTenant' | 'developer' | 'otherDeveloper' | 'commune', Actor>;

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = testDeps(database.db, systemActor('test'));
  const org = (code: string, name: string, role: 'developer' | 'tenant') =>
    createOrganisation(admin, {
      code,
      name,
      country: 'VN',
      ownership: 'domestic_private',
      roles: [role],
    });
  await org('CDT-WB', 'Công ty hạ tầng Sổ Tính', 'developer');
  await org('CDT-KHAC', 'Công ty hạ tầng khác', 'developer');
  await org('DN-WB', 'Công ty may Sổ Tính', 'tenant');
  await org('DN-WB2', 'Công ty nhựa Sổ Tính', 'tenant');
  await org('DN-WB3', 'Công ty gỗ Sổ Tính', 'tenant');
  const zone = (code: string, name: string, developerCode: string) =>
    createZone(admin, {
      code,
      name,
      kind: 'CCN',
      communeCode: communes.dongAnh,
      developerCode,
      declaredAreaHa: 40,
      industrialLandHa: 30,
    });
  await zone('CCN-WB', 'Cụm công nghiệp Sổ Tính', 'CDT-WB');
  await zone('CCN-KHAC', 'Cụm công nghiệp khác', 'CDT-KHAC');
  const project = (code: string, zoneCode: string, investorCode: string, status: 'operating' | 'building') =>
    createProject(admin, { code, zoneCode, investorCode, name: `Nhà máy ${code}`, status });
  await project('DA-WB1', 'CCN-WB', 'DN-WB', 'operating');
  await project('DA-WB2', 'CCN-WB', 'DN-WB2', 'operating');
  await project('DA-WB3', 'CCN-WB', 'DN-WB3', 'operating');
  await project('DA-WB4', 'CCN-WB', 'DN-WB', 'building'); // not operating: owes no Biểu 01 yet
  await project('DA-KHAC', 'CCN-KHAC', 'DN-WB2', 'operating');
  const user = async (role: string, scopeKind: string, scopeRef: string | null) =>
    (await makeUser(database.db, { role, scopeKind, scopeRef } as never)).actor;
  actors.tenant = await user('enterprise', 'organisation', 'DN-WB');
  actors.otherTenant = await user('enterprise', 'organisation', 'DN-WB2');
  actors.developer = await user('developer', 'organisation', 'CDT-WB');
  actors.otherDeveloper = await user('developer', 'organisation', 'CDT-KHAC');
  actors.commune = await user('commune_officer', 'commune', communes.dongAnh);
});
afterAll(() => database?.cleanup());

const as = (who: keyof typeof actors) => testDeps(database.db, actors[who], clock);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type Problem = { row: number | null; field: string | null; item: string | null; message: { vi: string } };
const problemsOf = (e: AppError) => (e.details?.errors ?? []) as Problem[];

async function load(body: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(body) as never);
  return workbook;
}

/** Fills the reporter's workbook as a user would in Excel: the value (and explanation) cells by item. */
async function fillSingle(
  body: Uint8Array,
  values: Record<string, string | number | null>,
  explanations: Record<string, string> = {},
) {
  const workbook = await load(body);
  const sheet = workbook.worksheets.find((w) => w.name !== KEY_SHEET)!;
  sheet.eachRow((row) => {
    const key = row.getCell(SINGLE_COLUMNS.key).value;
    if (typeof key !== 'string') return;
    if (key in values) row.getCell(SINGLE_COLUMNS.value).value = values[key] ?? null;
    if (key in explanations) row.getCell(SINGLE_COLUMNS.explanation).value = explanations[key] ?? null;
  });
  return { name: 'bieu-01.xlsx', data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/** Fills the bulk workbook: `rows[projectCode][indicator]`; columns found by the hidden key row. */
async function fillBulk(body: Uint8Array, rows: Record<string, Record<string, string | number | null>>) {
  const workbook = await load(body);
  const sheet = workbook.worksheets.find((w) => w.name !== KEY_SHEET)!;
  let keys: string[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
    if (values.includes('project')) {
      keys = values;
      return;
    }
    if (!keys.length) return;
    const code = row.getCell(keys.indexOf('project') + 1).value as string;
    for (const [indicator, value] of Object.entries(rows[code] ?? {})) {
      const at = keys.indexOf(indicator.includes(':') ? indicator : `v:${indicator}`);
      row.getCell(at + 1).value = value;
    }
  });
  return { name: 'nop-ho.xlsx', data: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

const good = { revenue_vnd: 12.5, state_budget_vnd: 1.2, workers: 85, avg_income_vnd: 8.5 };
const template = (who: keyof typeof actors, code = 'DA-WB1') =>
  filingWorkbook(as(who), { formCode: 'B01', period: '2026-H1', kind: 'project', code });

async function revisionsOf(code: string) {
  const result = await database.db.execute(sql`
    select r.revision_no, r.state, r.channel, r.created_by::text as created_by, r.submitted_by::text as submitted_by
    from report_revision r join report_filing f on f.id = r.filing_id join project p on p.id::text = f.reporter_ref
    where p.code = ${code} and f.period = '2026-H1' order by r.revision_no`);
  return rowsOf<Record<string, unknown>>(result);
}
const auditCount = async () =>
  Number(
    (
      (await database.db.execute(
        sql`select count(*)::int as n from audit_log where entity_type = 'report_filing'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n,
  );

describe('the reporter’s workbook', () => {
  it('is the form’s layout: title, reporter, period, items in Vietnamese; only the value cells are open', async () => {
    const file = await template('tenant');
    expect(file.fileName).toBe('Bieu-01_2026-H1_DA-WB1.xlsx');
    const workbook = await load(file.body);
    const sheet = workbook.getWorksheet('Biểu 01')!;
    const text = (r: number, c: number) => String(sheet.getCell(r, c).value ?? '');
    expect(text(3, 1)).toContain('TÌNH HÌNH HOẠT ĐỘNG CỦA DỰ ÁN ĐẦU TƯ SẢN XUẤT KINH DOANH');
    expect(text(4, 1)).toContain('6 tháng đầu năm 2026');
    expect(text(4, 1)).toContain('hạn nộp: 20/6/2026');
    expect(text(5, 1)).toContain('Nhà máy DA-WB1 (mã DA-WB1)');
    const itemRow = 11; // header on 9, column numbers on 10, then item 1
    expect(text(itemRow, 2)).toContain('Doanh thu của dự án trong kỳ');
    expect(text(itemRow, 3)).toBe('tỷ đồng');
    expect(text(itemRow, SINGLE_COLUMNS.key)).toBe('revenue_vnd');
    expect(sheet.getCell(itemRow, SINGLE_COLUMNS.value).protection?.locked).toBe(false);
    expect(sheet.getCell(itemRow, SINGLE_COLUMNS.label).protection?.locked).not.toBe(false);
    expect(sheet.getColumn(SINGLE_COLUMNS.key).hidden).toBe(true);
    const key = workbook.getWorksheet(KEY_SHEET)!;
    expect(key.state).toBe('veryHidden');
    expect(key.getCell(1, 2).value).toBe('izis.filing.v1');
  });

  it('is only for whoever may file the report (404 otherwise, existence not revealed)', async () => {
    expect((await failure(template('otherTenant'))).code).toBe('not_found');
    expect((await failure(template('otherDeveloper'))).code).toBe('not_found');
    expect((await failure(template('commune'))).code).toBe('not_found');
    expect((await failure(template('tenant', 'NO-SUCH'))).code).toBe('not_found');
  });

  it('round trip: download, fill, upload — the draft has the figures, entered through Excel', async () => {
    const filled = await fillSingle((await template('tenant')).body, {
      ...good,
      revenue_vnd: '12,5', // typed the Vietnamese way as text
    });
    const result = await uploadFilingWorkbook(as('tenant'), filled);
    expect(result.changed).toBe(true);
    expect(result.filing.status).toBe('draft');
    expect(result.filing.revisions.at(-1)).toMatchObject({ values: good, channel: 'excel' });
  });

  it('the next download is pre-filled with the draft', async () => {
    const workbook = await load((await template('tenant')).body);
    const sheet = workbook.getWorksheet('Biểu 01')!;
    expect(sheet.getCell(11, SINGLE_COLUMNS.value).value).toBe(12.5);
    expect(sheet.getCell(13, SINGLE_COLUMNS.value).value).toBe(85);
  });

  it('a bad value names the sheet row and the item in Vietnamese, and nothing is saved', async () => {
    const before = await auditCount();
    const filled = await fillSingle((await template('tenant')).body, {
      ...good,
      workers: 'tám mươi',
      avg_income_vnd: -3,
    });
    const error = await failure(uploadFilingWorkbook(as('tenant'), filled));
    expect(error.code).toBe('validation');
    const problems = problemsOf(error);
    const workers = problems.find((p) => p.field === 'workers')!;
    expect(workers).toMatchObject({ row: 13, item: '3' });
    expect(workers.message.vi).toMatch(/^Dòng 13: Mục 3 \(Số lao động có hợp đồng lao động\)/);
    expect(workers.message.vi).toContain('không phải là số');
    // Fixed cell problems first; the form's rules run on a file whose cells all read.
    const fixed = await fillSingle((await template('tenant')).body, { ...good, avg_income_vnd: -3 });
    const rule = problemsOf(await failure(uploadFilingWorkbook(as('tenant'), fixed)));
    expect(rule.find((p) => p.field === 'avg_income_vnd')).toMatchObject({ row: 14, item: '4' });
    expect(rule.find((p) => p.field === 'avg_income_vnd')!.message.vi).toContain('không được nhỏ hơn 0');
    expect(await auditCount()).toBe(before);
  });

  it('uploading the same figures again writes nothing', async () => {
    const before = await auditCount();
    const filled = await fillSingle((await template('tenant')).body, good);
    const result = await uploadFilingWorkbook(as('tenant'), filled);
    expect(result.changed).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('another tenant’s file is refused, whatever the figures', async () => {
    const filled = await fillSingle((await template('tenant')).body, good);
    const error = await failure(uploadFilingWorkbook(as('otherTenant'), filled));
    expect(error.code).toBe('forbidden');
    expect(JSON.stringify(error.details)).toContain('DA-WB1');
    const developerOfAnother = await failure(uploadFilingWorkbook(as('otherDeveloper'), filled));
    expect(developerOfAnother.code).toBe('forbidden');
  });

  it('a file for another report than the page shows is refused', async () => {
    const filled = await fillSingle((await template('tenant')).body, good);
    const error = await failure(
      uploadFilingWorkbook(as('tenant'), filled, { expect: { period: '2026', code: 'DA-WB1' } }),
    );
    expect(Object.keys(error.details?.fields as object)).toEqual(['file']);
  });

  it('submit=true applies the full rules, then submits', async () => {
    const incomplete = await fillSingle((await template('tenant')).body, { ...good, workers: null });
    const error = await failure(uploadFilingWorkbook(as('tenant'), incomplete, { submit: true }));
    expect(problemsOf(error).map((p) => [p.row, p.field])).toEqual([[13, 'workers']]);
    const filled = await fillSingle((await template('tenant')).body, good);
    const result = await uploadFilingWorkbook(as('tenant'), filled, { submit: true });
    expect(result).toMatchObject({ submitted: true, filing: { status: 'submitted' } });
    // With its reviewer now: an upload cannot change it.
    const again = await failure(uploadFilingWorkbook(as('tenant'), filled));
    expect(Object.keys(again.details?.fields as object)).toEqual(['file']);
  });

  it('refuses a file changed since by someone else (409), not one’s own earlier upload', async () => {
    const first = await template('developer', 'DA-WB3');
    const upload1 = await uploadFilingWorkbook(
      as('developer'),
      await fillSingle(first.body, { revenue_vnd: 1 }),
    );
    expect(upload1.changed).toBe(true);
    // The same (stale) file corrected by the same developer: their own change, accepted.
    const upload2 = await uploadFilingWorkbook(
      as('developer'),
      await fillSingle(first.body, { revenue_vnd: 2 }),
    );
    expect(upload2.filing.revisions.at(-1)?.values.revenue_vnd).toBe(2);
    // The tenant edits on the web; the developer's old file would overwrite it.
    await saveDraft(testDeps(database.db, systemActor('tenant-web'), clock), {
      formCode: 'B01',
      period: '2026-H1',
      reporter: { kind: 'project', code: 'DA-WB3' },
      values: { revenue_vnd: 3 },
      version: upload2.filing.version,
    });
    const error = await failure(
      uploadFilingWorkbook(as('developer'), await fillSingle(first.body, { revenue_vnd: 4 })),
    );
    expect(error.code).toBe('conflict');
  });
});

describe('bulk filing by the cluster’s developer', () => {
  const bulkTemplate = (who: keyof typeof actors, zone?: string) =>
    bulkFilingWorkbook(as(who), { period: '2026-H1', ...(zone ? { zone } : {}) });

  async function rowsOfTemplate(body: Uint8Array) {
    const workbook = await load(body);
    const sheet = workbook.worksheets.find((w) => w.name !== KEY_SHEET)!;
    const codes: string[] = [];
    let projectCol = 0;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.includes('project')) projectCol = values.indexOf('project') + 1;
      else if (projectCol && typeof row.getCell(projectCol).value === 'string')
        codes.push(row.getCell(projectCol).value as string);
    });
    return codes.filter((c) => c !== 'Mã dự án');
  }

  it('has a row per tenant project of the developer’s clusters that owes Biểu 01', async () => {
    expect(await rowsOfTemplate((await bulkTemplate('developer', 'CCN-WB')).body)).toEqual([
      'DA-WB1',
      'DA-WB2',
      'DA-WB3',
    ]);
    expect(await rowsOfTemplate((await bulkTemplate('developer')).body)).toEqual([
      'DA-WB1',
      'DA-WB2',
      'DA-WB3',
    ]);
    // Another developer has nobody to file for in this cluster.
    expect((await failure(bulkTemplate('otherDeveloper', 'CCN-WB'))).code).toBe('validation');
    expect((await failure(bulkTemplate('developer', 'NO-SUCH'))).code).toBe('not_found');
  });

  it('dry run lists every bad row and field and commits nothing; a commit with bad rows writes nothing', async () => {
    const before = await auditCount();
    const body = (await bulkTemplate('developer', 'CCN-WB')).body;
    const filled = await fillBulk(body, {
      'DA-WB2': { ...good, workers: 'nhiều' },
      'DA-WB3': { ...good, avg_income_vnd: 0 }, // workers without income
    });
    const dry = await uploadBulkWorkbook(as('developer'), filled, { dryRun: true });
    expect(dry.committed).toBe(false);
    const byCode = Object.fromEntries(dry.rows.map((r) => [r.projectCode, r]));
    expect(byCode['DA-WB1']).toMatchObject({ action: 'skipped', filingStatus: 'submitted' });
    expect(byCode['DA-WB1']!.reason?.vi).toContain('đang chờ');
    expect(byCode['DA-WB2']!.action).toBe('error');
    expect(byCode['DA-WB2']!.problems[0]).toMatchObject({ field: 'workers', item: '3' });
    expect(byCode['DA-WB2']!.problems[0]!.message.vi).toMatch(/^Dòng \d+: dự án DA-WB2, Mục 3/);
    expect(byCode['DA-WB3']!.action).toBe('error');
    expect(byCode['DA-WB3']!.problems.map((p) => p.field)).toContain('avg_income_vnd');
    expect(dry.counts).toMatchObject({ rows: 3, error: 2, skipped: 1 });
    const error = await failure(uploadBulkWorkbook(as('developer'), filled, { dryRun: false }));
    expect(error.code).toBe('import.invalid');
    expect(
      problemsOf(error)
        .map((p) => p.field)
        .sort(),
    ).toEqual(['avg_income_vnd', 'workers']);
    expect(await auditCount()).toBe(before);
  });

  it('commits every row in one go, recording the developer as the filer; the same file again changes nothing', async () => {
    const body = (await bulkTemplate('developer', 'CCN-WB')).body;
    const filled = await fillBulk(body, {
      'DA-WB2': good,
      'DA-WB3': { ...good, revenue_vnd: 20 },
    });
    const result = await uploadBulkWorkbook(as('developer'), filled, { dryRun: false, submit: true });
    expect(result.committed).toBe(true);
    expect(result.counts).toMatchObject({ save: 2, submit: 2, skipped: 1, error: 0 });
    const wb2 = await revisionsOf('DA-WB2');
    expect(wb2).toEqual([
      expect.objectContaining({
        state: 'submitted',
        channel: 'bulk',
        created_by: actors.developer.userId,
        submitted_by: actors.developer.userId,
      }),
    ]);
    const before = await auditCount();
    const again = await uploadBulkWorkbook(as('developer'), filled, { dryRun: false, submit: true });
    expect(again.counts).toMatchObject({ save: 0, submit: 0, skipped: 3 });
    expect(await auditCount()).toBe(before);
    expect(await revisionsOf('DA-WB2')).toHaveLength(1);
  });

  it('draft-only commit is idempotent: no new revision when the values are equal', async () => {
    // DA-WB2 returned by the commune: the developer corrects it in the bulk workbook, as a draft.
    const list = await listFilings(as('commune'), { period: '2026-H1', formCode: 'B01' });
    const wb2 = list.items.find((f) => f.reporter.code === 'DA-WB2')!;
    await returnFiling(as('commune'), wb2.id, { version: wb2.version, reason: 'Kiểm tra lại doanh thu.' });
    const filled = await fillBulk((await bulkTemplate('developer', 'CCN-WB')).body, {
      'DA-WB2': { ...good, revenue_vnd: 13 },
    });
    const first = await uploadBulkWorkbook(as('developer'), filled, { dryRun: false });
    expect(first.rows.find((r) => r.projectCode === 'DA-WB2')?.action).toBe('save');
    expect((await revisionsOf('DA-WB2')).map((r) => r.state)).toEqual(['returned', 'draft']);
    const before = await auditCount();
    const second = await uploadBulkWorkbook(as('developer'), filled, { dryRun: false });
    expect(second.rows.find((r) => r.projectCode === 'DA-WB2')?.action).toBe('unchanged');
    expect(await auditCount()).toBe(before);
    expect(await revisionsOf('DA-WB2')).toHaveLength(2);
  });

  it('an accepted filing is skipped, never overwritten', async () => {
    const list = await listFilings(as('commune'), { period: '2026-H1', formCode: 'B01' });
    const wb3 = list.items.find((f) => f.reporter.code === 'DA-WB3')!;
    await acceptFiling(as('commune'), wb3.id, { version: wb3.version });
    const filled = await fillBulk((await bulkTemplate('developer', 'CCN-WB')).body, {
      'DA-WB3': { ...good, revenue_vnd: 99 },
    });
    const result = await uploadBulkWorkbook(as('developer'), filled, { dryRun: false });
    expect(result.rows.find((r) => r.projectCode === 'DA-WB3')).toMatchObject({ action: 'skipped' });
    expect((await getFiling(as('commune'), wb3.id)).revisions.at(-1)?.values.revenue_vnd).toBe(20);
  });

  it('a row for a project outside the developer’s clusters is refused on its row', async () => {
    const body = (await bulkTemplate('developer', 'CCN-WB')).body;
    const workbook = await load(body);
    const sheet = workbook.worksheets.find((w) => w.name !== KEY_SHEET)!;
    let projectCol = 0;
    let done = false;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.includes('project')) projectCol = values.indexOf('project') + 1;
      else if (!done && projectCol && row.getCell(projectCol).value === 'DA-WB2') {
        row.getCell(projectCol).value = 'DA-KHAC';
        done = true;
      }
    });
    const file = await fillBulk(new Uint8Array(await workbook.xlsx.writeBuffer()), {
      'DA-KHAC': good,
    });
    const dry = await uploadBulkWorkbook(as('developer'), file, { dryRun: true });
    const row = dry.rows.find((r) => r.projectCode === 'DA-KHAC')!;
    expect(row.action).toBe('error');
    expect(row.problems[0]!.message.vi).toContain('không thuộc cụm công nghiệp bạn được nộp hộ');
    // A tenant's single workbook is not a bulk workbook.
    const single = await fillSingle((await template('developer', 'DA-WB2')).body, good);
    expect(
      Object.keys(
        (await failure(uploadBulkWorkbook(as('developer'), single, { dryRun: true }))).details
          ?.fields as object,
      ),
    ).toEqual(['file']);
  });
});
