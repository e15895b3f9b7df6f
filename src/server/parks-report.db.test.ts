import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { systemActor } from '../domain/identity/roles';
import { createExchangeRate } from '../services/exchange-rate/exchange-rate.service';
import { addInvestmentEvent } from '../services/project/project.service';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildLifecycle, buildOrganisation, buildProject, buildZone } from '../services/testing/factories';

/** The parks' report and its targets over HTTP: figures, documents, 404 outside scope, 409 on a stale edit. */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const seed = testDeps(database.db, systemActor('test:seed'));
  await createExchangeRate(seed, {
    currency: 'USD',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    vndPerUnit: '25000',
    source: 'kiểm thử',
  });
  await buildOrganisation(database.db, {
    code: 'DEV-K',
    name: 'Chủ đầu tư K',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await buildOrganisation(database.db, {
    code: 'ORG-K',
    name: 'Công ty K',
    country: 'KR',
    ownership: 'fdi',
    roles: ['tenant'],
  });
  await buildZone(database.db, {
    code: 'KCN-K',
    name: 'Khu công nghiệp K',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: 'DEV-K',
    declaredAreaHa: 200,
  });
  await buildLifecycle(database.db, 'KCN-K', [{ state: 'established', eventDate: '2015-01-01' }]);
  await buildLifecycle(database.db, 'KCN-K', [{ state: 'operating', eventDate: '2017-01-01' }]);
  await buildProject(database.db, {
    code: 'P-K',
    zoneCode: 'KCN-K',
    investorCode: 'ORG-K',
    name: 'Nhà máy K',
    status: 'operating',
  });
  // 12 M USD and 75 bn VND (3 M USD) in Q1: 15 M USD attracted.
  await addInvestmentEvent(seed, 'P-K', {
    kind: 'new',
    eventDate: '2026-01-20',
    amount: '12000000',
    currency: 'USD',
  });
  await addInvestmentEvent(seed, 'P-K', {
    kind: 'increase',
    eventDate: '2026-03-31',
    amount: '75000000000',
    currency: 'VND',
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput>) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

const item = (body: { report: { items: { no: string }[] } }, no: string) =>
  body.report.items.find((i) => i.no === no) as Record<string, unknown>;

describe('the parks’ report over HTTP', () => {
  it('tenant files, the Board accepts, the report shows it with the target; XLSX and DOCX carry the figures', async () => {
    const board = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
      family: 'KCN',
    });
    const tenant = await signedIn({
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'ORG-K',
      family: 'KCN',
    });
    const commune = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });

    let res = await tenant.request('PUT', '/api/filings/draft', {
      body: {
        formCode: 'KCN_TENANT',
        period: '2026-Q1',
        reporter: { kind: 'project', code: 'P-K' },
        values: { revenue_usd: 42.5, export_usd: 30, import_usd: 12, state_budget_usd: 1.25, workers: 800 },
      },
    });
    expect(res.status).toBe(200);
    res = await tenant.post(`/api/filings/${res.body.id}/submit`, { version: res.body.version });
    expect(res.status).toBe(200);
    res = await board.post(`/api/filings/${res.body.id}/accept`, { version: res.body.version });
    expect(res.status).toBe(200);

    // Targets: none yet; the Board sets two; a stale edit is 409 with the current target.
    res = await board.get('/api/plan-targets?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.canEdit).toBe(true);
    expect(res.body.items).toHaveLength(4);
    const put = (body: Record<string, unknown>) => board.request('PUT', '/api/plan-targets', { body });
    res = await put({ year: 2026, indicator: 'capital_attracted_converted_usd', value: 60, version: null });
    expect(res.status).toBe(200);
    res = await put({
      year: 2026,
      indicator: 'revenue_usd',
      value: 170,
      note: 'Kế hoạch 2026',
      version: null,
    });
    expect(res.status).toBe(200);
    const revenueTarget = res.body.items.find((t: { indicator: string }) => t.indicator === 'revenue_usd');
    expect(revenueTarget).toMatchObject({ value: 170, version: 1, note: 'Kế hoạch 2026' });
    res = await put({ year: 2026, indicator: 'revenue_usd', value: 200, version: 1 });
    expect(res.status).toBe(200);
    res = await put({ year: 2026, indicator: 'revenue_usd', value: 180, version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.details.current).toMatchObject({ value: 200, version: 2 });
    res = await put({ year: 2026, indicator: 'workers', value: 1, version: null });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.indicator).toContain('không có kế hoạch');
    expect(
      (
        await commune.request('PUT', '/api/plan-targets', {
          body: { year: 2026, indicator: 'revenue_usd', value: 1, version: 2 },
        })
      ).status,
    ).toBe(404);
    expect((await tenant.get('/api/plan-targets?year=2026')).status).toBe(404);

    res = await board.get('/api/parks-reports?period=2026-Q1');
    expect(res.status).toBe(200);
    expect(item(res.body, '7')).toMatchObject({ value: 15, yearToDate: 15, target: 60, achievedPct: 25 });
    expect(item(res.body, '9')).toMatchObject({ value: 42.5, target: 200, achievedPct: 21.3 });
    expect((await commune.get('/api/parks-reports?period=2026-Q1')).status).toBe(404);
    expect((await tenant.get('/api/parks-reports?period=2026-Q1&zone=KCN-K')).status).toBe(404);
    res = await board.get('/api/parks-reports?period=2026-H1');
    expect(res.status).toBe(400);
    expect(res.body.details.fields.period).toBeTruthy();
    res = await board.get('/api/parks-reports/items/9?period=2026-Q1&limit=1');
    expect(res.status).toBe(200);
    expect(res.body.item.sources[0]).toMatchObject({ kind: 'filing', contribution: 42.5 });

    const xlsx = await app.request('http://127.0.0.1/api/parks-reports/export.xlsx?period=2026-Q1', {
      headers: { cookie: board.cookie! },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('bao-cao-kcn-2026-Q1-thanh-pho-du-thao');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const row = (no: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === no)!;
    expect([4, 5, 6, 7].map((c) => row('9').getCell(c).value)).toEqual([42.5, 42.5, 200, 21.3]);
    expect([4, 6, 7].map((c) => row('7').getCell(c).value)).toEqual([15, 60, 25]);
    expect(row('11').getCell(6).value).toBe('');

    const docx = await board.request('GET', '/api/parks-reports/export.docx?period=2026-Q1&zone=KCN-K');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect((await commune.request('GET', '/api/parks-reports/export.docx?period=2026-Q1')).status).toBe(404);
    const pdf = await board.request('GET', '/api/parks-reports/export.pdf?period=2026-Q1');
    expect([200, 503]).toContain(pdf.status);
    if (pdf.status === 503) expect(pdf.body.code).toBe('output.pdf_unavailable');
  });
});
