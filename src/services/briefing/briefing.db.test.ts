import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { findLibreOffice } from '../output/pdf';
import { acceptFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { listTargets, setTarget } from '../reporting/plan-target.service';
import { makeUser, testDeps } from '../testing';
import {
  buildInvestmentEvent,
  buildLifecycle,
  buildOrganisation,
  buildProject,
  buildZone,
} from '../testing/factories';
import { addLifecycleEvent, getZone, updateZone } from '../zone/zone.service';
import { exportBriefing } from './briefing-export.service';
import {
  createBriefing,
  getBriefing,
  issueBriefing,
  listBriefingTemplates,
  setBriefingTemplate,
  updateBriefing,
} from './briefing.service';

/**
 * The Jan–May 2022 ledger of the parks (data README, seed 001): 4 new projects with 1 M USD + 450 bn VND,
 * 12 expansions with 60 M USD + 30 bn VND; USD at 24,000 VND in 2022, so 480 bn VND = 20 M USD and the total is
 * 61 + 20 = 81 M USD converted. The 2022 plan is 400 M USD (81 / 400 = 20,3 %); Jan–May 2021 attracted
 * 40.5 M USD (81 / 40.5 = 2 times). Real clock: "as of" instants compare with the database's recorded times.
 */
let database: TestDatabase;
const actors = {} as Record<'board' | 'leader' | 'tenant' | 'developer', Actor>;
const as = (who: keyof typeof actors) => testDeps(database.db, actors[who]);
const admin = () => testDeps(database.db, systemActor('test'));
const event = (code: string, kind: 'new' | 'increase', eventDate: string, amount: string, currency: string) =>
  buildInvestmentEvent(database.db, code, { kind, eventDate, amount, currency });
const project = (code: string, zoneCode: string, investorCode: string) =>
  buildProject(database.db, { code, zoneCode, investorCode, name: `Dự án ${code}` });

async function file(who: 'tenant', code: string, period: string, revenue: number, accept: boolean) {
  let filing = await saveDraft(as(who), {
    formCode: 'KCN_TENANT',
    period,
    reporter: { kind: 'project', code },
    values: {
      revenue_usd: revenue,
      export_usd: revenue / 2,
      import_usd: 1,
      state_budget_usd: 0.5,
      workers: 100,
    },
  });
  filing = await submitFiling(as(who), filing.id, { version: filing.version });
  if (accept) filing = await acceptFiling(as('board'), filing.id, { version: filing.version });
  return filing;
}

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [from, to, rate] of [
    ['2021-01-01', '2021-12-31', '23000'],
    ['2022-01-01', '2022-12-31', '24000'],
  ] as const) {
    await createExchangeRate(admin(), {
      currency: 'USD',
      validFrom: from,
      validTo: to,
      vndPerUnit: rate,
      source: 'kiểm thử',
    });
  }
  const db = database.db;
  await buildOrganisation(db, { code: 'DEV', name: 'Công ty hạ tầng', roles: ['developer'] });
  await buildOrganisation(db, { code: 'FDI1', name: 'FDI One', country: 'JP', ownership: 'fdi' });
  await buildOrganisation(db, { code: 'VN1', name: 'Doanh nghiệp Việt' });
  for (const [code, kind] of [
    ['KCN-1', 'KCN'],
    ['CCN-1', 'CCN'],
  ] as const) {
    await buildZone(db, {
      code,
      name: `${kind === 'KCN' ? 'Khu công nghiệp' : 'Cụm công nghiệp'} ${code}`,
      kind,
      developerCode: 'DEV',
      declaredAreaHa: 100,
      industrialLandHa: 80,
      leasedHa: 60,
      wwtpStatus: 'compliant',
    });
    await buildLifecycle(db, code, [
      { state: 'established', eventDate: '2010-01-01' },
      { state: 'operating', eventDate: '2012-01-01' },
    ]);
  }
  // Four new projects in Jan–May 2022: 1 M USD + 3 × 150 bn VND.
  await project('N1', 'KCN-1', 'FDI1');
  await event('N1', 'new', '2022-02-10', '1000000', 'USD');
  for (const code of ['N2', 'N3', 'N4']) {
    await project(code, 'KCN-1', 'VN1');
    await event(code, 'new', '2022-04-15', '150000000000', 'VND');
  }
  // Twelve expansions: 10 × 6 M USD and 2 × 15 bn VND, of projects registered in 2019.
  for (let i = 1; i <= 12; i += 1) {
    const code = `E${i}`;
    await project(code, 'KCN-1', i <= 10 ? 'FDI1' : 'VN1');
    await event(code, 'new', '2019-06-01', i <= 10 ? '2000000' : '10000000000', i <= 10 ? 'USD' : 'VND');
    await event(code, 'increase', '2022-05-31', i <= 10 ? '6000000' : '15000000000', i <= 10 ? 'USD' : 'VND');
  }
  // Jan–May 2021: 40.5 M USD.
  await project('F1', 'KCN-1', 'FDI1');
  await event('F1', 'new', '2021-03-01', '40500000', 'USD');
  // A cluster's project never counts for the parks.
  await project('C1', 'CCN-1', 'VN1');
  await event('C1', 'new', '2022-03-01', '99000000000', 'VND');

  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family } as never)).actor;
  actors.board = await user('department_officer', 'family', 'KCN', 'KCN');
  actors.leader = await user('leader', 'all', null);
  actors.tenant = await user('enterprise', 'organisation', 'FDI1', 'KCN');
  actors.developer = await user('developer', 'organisation', 'DEV', 'KCN');
  await setTarget(as('board'), {
    year: 2022,
    family: 'KCN',
    zone: null,
    indicator: 'capital_attracted_converted_usd',
    value: 400,
    note: null,
    version: null,
  });
  await file('tenant', 'N1', '2022-Q1', 12.5, true);
}, 120_000);
afterAll(() => database?.cleanup());

const jan2022 = { scope: 'KCN' as const, from: '2022-01-01', to: '2022-05-31' };

describe('the quarterly briefing of Jan–May 2022 for the parks', () => {
  it('states the ledger in words with computed figures: counts, amounts per currency, converted, % of plan, ratio to 2021', async () => {
    const view = await createBriefing(as('board'), jan2022);
    expect(view.periodLabel).toBe('5 tháng đầu năm 2022');
    const text = view.sections.find((s) => s.key === 'parks_investment')!.text;
    expect(text).toContain(
      '4 dự án mới vốn đăng ký 1 triệu USD và 450 tỷ đồng; 12 dự án đầu tư mở rộng vốn đăng ký 60 triệu USD và 30 tỷ đồng. Tổng mức thu hút đầu tư 81 triệu USD quy đổi',
    );
    expect(text).toContain('đạt 20,3 % kế hoạch năm 2022 (400 triệu USD)');
    expect(text).toContain('bằng 2 lần so với cùng kỳ năm 2021 (40,5 triệu USD)');
    expect(view.figures.KCN!.capital_attracted_usd).toMatchObject({
      value: 81,
      previous: 40.5,
      target: 400,
      ratio: 2,
    });
    const business = view.sections.find((s) => s.key === 'parks_business')!.text;
    expect(business).toContain('doanh thu 12,5 triệu USD');
  });

  it('lets the officer edit the words around the numbers, and refuses an unknown placeholder naming the section', async () => {
    const draft = await createBriefing(as('board'), jan2022);
    const edited = await updateBriefing(as('board'), draft.id, {
      version: draft.version,
      sections: { parks_investment: 'Các KCN thu hút {capital_attracted_usd} ({new_projects} dự án mới).' },
      tasks: 'Đẩy nhanh giải phóng mặt bằng KCN-1.',
    });
    expect(edited.sections.find((s) => s.key === 'parks_investment')!.text).toBe(
      'Các KCN thu hút 81 triệu USD (4 dự án mới).',
    );
    const error = await updateBriefing(as('board'), draft.id, {
      version: edited.version,
      sections: { parks_investment: 'Vốn {von_thu_hut}.' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toMatchObject({
      fields: { 'sections.parks_investment': expect.anything() },
    });
    const stale = await updateBriefing(as('board'), draft.id, { version: draft.version, tasks: 'x' }).catch(
      (e: unknown) => e,
    );
    expect((stale as AppError).code).toBe('conflict');
  });

  it('stores sentence templates as configuration for the next briefings; only the family’s officer edits them', async () => {
    const list = await listBriefingTemplates(as('board'));
    expect(list.canEdit).toBe(true);
    await setBriefingTemplate(as('board'), 'parks_projects', {
      template: 'Có {tenant_projects} dự án.',
      version: null,
    });
    const next = await createBriefing(as('board'), jan2022);
    expect(next.sections.find((s) => s.key === 'parks_projects')!.text).toBe('Có 17 dự án.');
    await expect(
      setBriefingTemplate(as('leader'), 'parks_projects', { template: 'x', version: 1 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createBriefing(as('developer'), jan2022)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('writes the Word document, converts it to PDF and PNG, and its XLSX annexes read back', async () => {
    const draft = await createBriefing(as('board'), { ...jan2022, scope: 'city' });
    await updateBriefing(as('board'), draft.id, {
      version: draft.version,
      tasks: 'Đẩy nhanh tiến độ.\nRà soát vướng mắc.',
    });
    expect(draft.figures.CCN).toMatchObject({
      zones: { value: 1 },
      zones_established: { value: 1 },
      zones_operating: { value: 1 },
      occupancy_pct: { value: 75 },
    });
    const docx = await exportBriefing(as('leader'), draft.id, 'docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await exportBriefing(as('leader'), draft.id, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const figures = workbook.getWorksheet('Phụ lục 1 - Chỉ tiêu')!;
    const rows = figures.getSheetValues().filter(Boolean) as unknown[][];
    const converted = rows.find((r) => r[10] === 'capital_attracted_usd')!;
    expect(converted.slice(2, 10)).toEqual([
      'Tổng vốn thu hút (quy đổi USD)',
      'triệu USD',
      81,
      40.5,
      2,
      81,
      400,
      20.3,
    ]);
    expect(workbook.getWorksheet('Phụ lục 2 - Khu, cụm')!.getColumn(2).values).toEqual(
      expect.arrayContaining(['CCN-1', 'KCN-1']),
    );
    if (!(await findLibreOffice())) return;
    const pdf = await exportBriefing(as('leader'), draft.id, 'pdf');
    expect(pdf.body.subarray(0, 4).toString()).toBe('%PDF');
    const dir = path.resolve('.tmp/briefing');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'briefing.docx'), docx.body);
    await writeFile(path.join(dir, 'briefing.pdf'), pdf.body);
    await promisify(execFile)('pdftoppm', [
      '-png',
      '-r',
      '60',
      path.join(dir, 'briefing.pdf'),
      path.join(dir, 'page'),
    ]);
    expect((await readdir(dir)).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  }, 120_000);
  it('accepts history back to 2015: a target of 2015 and a tenant report of 2019 under the earliest form version', async () => {
    await setTarget(as('board'), {
      year: 2015,
      family: 'KCN',
      zone: null,
      indicator: 'capital_attracted_converted_usd',
      value: 100,
      note: null,
      version: null,
    });
    const filing = await file('tenant', 'E2', '2019-Q4', 3, true);
    expect(filing.status).toBe('accepted');
  });

  it('regenerated "as of" its issue time, equals the issued briefing after later edits to the registry', async () => {
    const draft = await createBriefing(as('board'), { ...jan2022, scope: 'city' });
    const issued = await issueBriefing(as('board'), draft.id, draft.version);
    expect(issued.state).toBe('issued');
    await new Promise((r) => setTimeout(r, 20));
    // Later: a project and an event inside the period, a zone's areas, a lifecycle step, an accepted report,
    // a new exchange rate period and the year's target all change.
    await project('LATE', 'KCN-1', 'FDI1');
    await event('LATE', 'new', '2022-03-03', '5000000', 'USD');
    const zone = await getZone(admin(), 'CCN-1');
    await updateZone(admin(), 'CCN-1', { version: zone.version, leasedHa: 80, declaredAreaHa: 150 });
    await addLifecycleEvent(admin(), 'CCN-1', { state: 'suspended', eventDate: '2022-02-01' });
    await file('tenant', 'E1', '2022-Q1', 7, true);
    const targets = await listTargets(as('board'), { year: 2022, family: 'KCN' });
    const target = targets.items.find((t) => t.indicator === 'capital_attracted_converted_usd')!;
    await setTarget(as('board'), {
      year: 2022,
      family: 'KCN',
      zone: null,
      indicator: target.indicator,
      value: 500,
      note: null,
      version: target.version,
    });

    const frozen = await getBriefing(as('leader'), draft.id);
    expect(frozen).toEqual(issued);
    const regenerated = await getBriefing(as('leader'), draft.id, issued.asOf);
    expect(regenerated.figures).toEqual(issued.figures);
    expect(regenerated.sections).toEqual(issued.sections);
    // Now, the same period reads the later history.
    const now = await createBriefing(as('board'), { ...jan2022, scope: 'city' });
    expect(now.figures.KCN!.new_projects!.value).toBe(5);
    expect(now.figures.KCN!.capital_attracted_usd!.target).toBe(500);
    expect(now.figures.CCN!.area_ha!.value).not.toBe(issued.figures.CCN!.area_ha!.value);
    // The database refuses any change to an issued briefing.
    await expect(
      database.db.execute(sql`update briefing set tasks = 'x' where id = ${draft.id}::uuid`),
    ).rejects.toThrow();
    await expect(
      updateBriefing(as('board'), draft.id, { version: issued.version, tasks: 'y' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
