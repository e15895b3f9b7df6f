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

/**
 * The leaders' view over HTTP: the dashboard per scope, the analysis (a refused breakdown names its field,
 * the XLSX reads back), briefings read by leaders and written only by the family's officer (404 outside).
 */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const seed = testDeps(database.db, systemActor('test:seed'));
  await createExchangeRate(seed, {
    currency: 'USD',
    validFrom: '2020-01-01',
    validTo: '2026-12-31',
    vndPerUnit: '25000',
    source: 'kiểm thử',
  });
  await buildOrganisation(database.db, {
    code: 'DEV',
    name: 'Hạ tầng',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await buildOrganisation(database.db, {
    code: 'FDI',
    name: 'FDI',
    country: 'KR',
    ownership: 'fdi',
    roles: ['tenant'],
  });
  for (const [code, kind, area, leased] of [
    ['KCN-A', 'KCN', 200, 150],
    ['CCN-B', 'CCN', 50, 10],
  ] as const) {
    await buildZone(database.db, {
      code,
      name: `Khu ${code}`,
      kind,
      communeCode: communes.dongAnh,
      developerCode: 'DEV',
      declaredAreaHa: area,
      industrialLandHa: area,
      leasedHa: leased,
    });
    await buildLifecycle(database.db, code, [{ state: 'established', eventDate: '2015-01-01' }]);
    await buildLifecycle(database.db, code, [{ state: 'operating', eventDate: '2017-01-01' }]);
  }
  await buildProject(database.db, {
    code: 'P1',
    zoneCode: 'KCN-A',
    investorCode: 'FDI',
    name: 'Nhà máy',
    status: 'operating',
  });
  await addInvestmentEvent(seed, 'P1', {
    kind: 'new',
    eventDate: '2021-03-01',
    amount: '10000000',
    currency: 'USD',
  });
  await addInvestmentEvent(seed, 'P1', {
    kind: 'increase',
    eventDate: '2023-03-01',
    amount: '5000000',
    currency: 'USD',
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput>) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

describe('the dashboard and the analysis', () => {
  it('shows the leader the city’s figures with their as-of time and drill-down, and an officer only their family', async () => {
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    const res = await leader.api.get('/api/dashboard');
    expect(res.status).toBe(200);
    const figure = (body: { figures: { code: string; value: number | null }[] }, code: string) =>
      body.figures.find((f) => f.code === code)!;
    expect(figure(res.body, 'zones').value).toBe(2);
    expect(figure(res.body, 'occupancy_pct').value).toBe(64);
    expect(res.body.figures[0]).toMatchObject({ asOf: expect.any(String), drill: '/zones' });
    expect(res.body.capitalByYear.find((c: { year: number }) => c.year === 2023)).toMatchObject({ fdi: 5 });
    const cluster = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    });
    const scoped = await cluster.api.get('/api/dashboard');
    expect(figure(scoped.body, 'zones').value).toBe(1);
    expect(figure(scoped.body, 'tenant_projects').value).toBe(0);
  });

  it('adds the monitoring figures — watch list, obstacles open and overdue, inspections, plan targets — over the reader’s scope', async () => {
    const cluster = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    });
    const raised = await cluster.api.post('/api/obstacles', {
      zoneCode: 'CCN-B',
      categoryCode: 'land_clearance',
      title: 'Chưa bàn giao mặt bằng lô C',
      agency: 'UBND xã Đông Anh',
      raisedOn: '2025-01-10',
      deadline: '2025-03-31',
    });
    expect(raised.status).toBe(201);
    const figure = (
      body: { figures: { code: string; value: number | null; drill: string }[] },
      code: string,
    ) => body.figures.find((f) => f.code === code);
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    const city = (await leader.api.get('/api/dashboard')).body;
    expect(figure(city, 'obstacles_open')?.value).toBe(1);
    expect(figure(city, 'obstacles_overdue')).toMatchObject({
      value: 1,
      drill: '/monitoring?tab=obstacles&overdue=true',
    });
    expect(figure(city, 'watch_list_size')?.value).toBeGreaterThanOrEqual(1);
    expect(figure(city, 'inspections_done')?.value).toBe(0);
    expect(figure(city, 'fire_safety_pct')?.value).toBeNull(); // no zone inspected: no ratio, not 0 %
    expect(figure(city, 'plan_targets_achieved')).toMatchObject({ value: null, drill: '/targets' });
    const parks = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
      family: 'KCN',
    });
    const parksView = (await parks.api.get('/api/dashboard')).body;
    expect(figure(parksView, 'obstacles_open')?.value).toBe(0);
    expect(figure((await cluster.api.get('/api/dashboard')).body, 'obstacles_open')?.value).toBe(1);
  });

  it('is kept between loads and computed afresh after any committed change, even one made in plain SQL elsewhere', async () => {
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    const occupancy = (body: { figures: { code: string; value: number | null }[] }) =>
      body.figures.find((f) => f.code === 'occupancy_pct')!.value;
    const first = (await leader.api.get('/api/dashboard')).body;
    expect(occupancy((await leader.api.get('/api/dashboard')).body)).toBe(occupancy(first));
    // Another process (here: the owner at psql) changes the registry behind the server's back.
    await database.ownerQuery(`update zone set leased_ha = 50 where code = 'CCN-B'`);
    const after = (await leader.api.get('/api/dashboard')).body;
    expect(occupancy(after)).not.toBe(occupancy(first));
    const analysis = async () =>
      (
        await leader.api.get('/api/analysis', {
          query: { indicator: 'occupancy_pct', from: '2026-01-01', to: '2026-12-31', step: 'year' },
        })
      ).body;
    const before = await analysis();
    await database.ownerQuery(`update zone set leased_ha = 10 where code = 'CCN-B'`);
    expect((await analysis()).total).not.toEqual(before.total);
  });

  it('breaks an indicator down over years, refuses a breakdown it cannot make, and exports the table', async () => {
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    const res = await leader.get(
      '/api/analysis?indicator=capital_attracted_usd&from=2021-01-01&to=2023-12-31&step=year&by=ownership',
    );
    expect(res.status).toBe(200);
    expect(res.body.periods.map((p: { label: string }) => p.label)).toEqual(['2021', '2022', '2023']);
    expect(res.body.total).toEqual([10, 0, 5]);
    expect(res.body.series.find((s: { key: string }) => s.key === 'fdi').values).toEqual([10, 0, 5]);
    const refused = await leader.api.get('/api/analysis', {
      query: { indicator: 'capital_attracted_usd', by: 'zone' },
    });
    expect(refused.status).toBe(400);
    expect(refused.error.details.fields.by).toBeTruthy();
    const file = await app.request(
      'http://127.0.0.1/api/analysis/export.xlsx?indicator=zones&from=2016-01-01&to=2018-12-31&by=family',
      { headers: { cookie: leader.cookie! } },
    );
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file.arrayBuffer());
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === 'KCN')!.slice(2)).toEqual([1, 1, 1]);
  });
});

describe('briefings over HTTP', () => {
  it('are written by the family’s officer, read by a leader, and hidden (404) from a developer', async () => {
    const board = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
      family: 'KCN',
    });
    const created = await board.api.post('/api/briefings', {
      scope: 'KCN',
      from: '2023-01-01',
      to: '2023-03-31',
    });
    expect(created.status).toBe(200);
    expect(created.body.periodLabel).toBe('quý I năm 2023');
    expect(created.body.figures.KCN!.capital_attracted_usd!.value).toBe(5);
    const cluster = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    });
    expect(
      (
        await cluster.api.patch(
          '/api/briefings/{id}',
          { version: 1, tasks: 'x' },
          { params: { id: created.body.id } },
        )
      ).status,
    ).toBe(403);
    const developer = await signedIn({
      role: 'developer',
      scopeKind: 'organisation',
      scopeRef: 'DEV',
      family: 'KCN',
    });
    expect((await developer.api.get('/api/briefings/{id}', { params: { id: created.body.id } })).status).toBe(
      404,
    );
    expect(
      (await developer.api.post('/api/briefings', { scope: 'KCN', from: '2023-01-01', to: '2023-03-31' }))
        .status,
    ).toBe(403);
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    expect((await leader.api.get('/api/briefings/{id}', { params: { id: created.body.id } })).status).toBe(
      200,
    );
    const bad = await board.api.patch(
      '/api/briefings/{id}',
      {
        version: created.body.version,
        sections: { parks_investment: 'Vốn {khong_co}' },
      },
      { params: { id: created.body.id } },
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error.details.fields)).toEqual(['sections.parks_investment']);
    const issued = await board.api.post(
      '/api/briefings/{id}/issue',
      {
        version: created.body.version,
      },
      { params: { id: created.body.id } },
    );
    expect(issued.status).toBe(200);
    expect(
      (
        await board.api.patch(
          '/api/briefings/{id}',
          { version: issued.body.version, tasks: 'y' },
          { params: { id: created.body.id } },
        )
      ).status,
    ).toBe(409);
    const docx = await leader.request('GET', `/api/briefings/${created.body.id}/export.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('bao-cao-giao-ban-2023-01-01-2023-03-31.docx');
  });
});
