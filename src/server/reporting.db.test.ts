import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { communes, makeUser, testPassword } from '../services/testing';
import { buildLifecycle, buildOrganisation, buildProject, buildZone } from '../services/testing/factories';
import { createTestApp, TestClient } from './testing';

/** The reporting chain over HTTP: who may file, read, review and sign, in Vietnamese, with 404 outside scope. */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const db = database.db;
  await buildOrganisation(db, { code: 'DEV-R', name: 'Chủ đầu tư R', roles: ['developer'] });
  await buildZone(db, {
    code: 'CCN-R',
    name: 'Cụm công nghiệp R',
    developerCode: 'DEV-R',
    declaredAreaHa: 30,
    industrialLandHa: 22,
  });
  await buildLifecycle(db, 'CCN-R', [
    { state: 'established', eventDate: '2020-06-01' },
    { state: 'operating', eventDate: '2022-06-01' },
  ]);
  await buildOrganisation(db, { code: 'ORG-R', name: 'Công ty R' });
  await buildProject(db, { code: 'P-R', zoneCode: 'CCN-R', investorCode: 'ORG-R', name: 'Xưởng R' });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput>) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

describe('filing and reviewing Biểu 01 over HTTP', () => {
  it('tenant files, the other commune sees nothing, the commune returns then accepts, Biểu 03 shows it', async () => {
    const tenant = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-R' });
    const officer = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const stranger = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
    });

    const body = {
      formCode: 'B01',
      period: '2026-H1',
      reporter: { kind: 'project', code: 'P-R' },
      values: { revenue_vnd: 5 },
    } as const;
    const draft = await tenant.api.put('/api/filings/draft', body);
    expect(draft.status).toBe(200);
    const id = draft.body.id;
    const submit = (client: TestClient, version: number) =>
      client.api.post('/api/filings/{id}/submit', { version }, { params: { id } });
    const accept = (client: TestClient, version: number) =>
      client.api.post('/api/filings/{id}/accept', { version }, { params: { id } });
    const incomplete = await submit(tenant, draft.body.version);
    expect(incomplete.status).toBe(400);
    expect(incomplete.error.details.fields.workers).toContain('bắt buộc');

    await tenant.api.put('/api/filings/draft', {
      ...body,
      values: { revenue_vnd: 5, state_budget_vnd: 0.4, workers: 20, avg_income_vnd: 7.5 },
      version: draft.body.version,
    });
    const submitted = await submit(
      tenant,
      (await tenant.api.get('/api/filings/{id}', { params: { id } })).body.version,
    );
    expect(submitted.status).toBe(200);

    expect((await stranger.api.get('/api/filings/{id}', { params: { id } })).status).toBe(404);
    expect((await accept(stranger, submitted.body.version)).status).toBe(404);
    expect((await accept(tenant, submitted.body.version)).status).toBe(403);

    const returned = await officer.api.post(
      '/api/filings/{id}/return',
      { version: submitted.body.version, reason: 'Thiếu số lao động nữ.' },
      { params: { id } },
    );
    expect(returned.status).toBe(200);
    expect(returned.body.revisions[0]!.returnReason).toBe('Thiếu số lao động nữ.');

    const revised = await tenant.api.put('/api/filings/draft', {
      ...body,
      values: { revenue_vnd: 5, state_budget_vnd: 0.4, workers: 21, avg_income_vnd: 7.5 },
      version: returned.body.version,
    });
    const resubmitted = await submit(tenant, revised.body.version);
    const accepted = await accept(officer, resubmitted.body.version);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    // The same acceptance again is stale: 409.
    expect((await accept(officer, accepted.body.version - 1)).status).toBe(409);

    const b03 = await officer.api.get('/api/compilations', {
      query: { formCode: 'B03', period: '2026-H1', commune: communes.dongAnh },
    });
    expect(b03.status).toBe(200);
    const workers = b03.body.report.items.find((i: { no: string }) => i.no === '25');
    expect(workers!.value).toBe(21);
    expect(
      (
        await stranger.api.get('/api/compilations', {
          query: { formCode: 'B03', period: '2026-H1', commune: communes.dongAnh },
        })
      ).status,
    ).toBe(404);
    expect(
      (await tenant.api.get('/api/compilations', { query: { formCode: 'B04', period: '2026-H1' } })).status,
    ).toBe(404);
    const inTray = await officer.api.get('/api/filings', { query: { period: '2026-H1' } });
    expect(inTray.body.items.map((f: { reporter: { code: string } }) => f.reporter.code)).toEqual(['P-R']);
    expect((await stranger.api.get('/api/filings', { query: { period: '2026-H1' } })).body).toEqual({
      items: [],
      total: 0,
    });
    const completeness = await officer.api.get('/api/completeness', {
      query: { period: '2026-H1', groupBy: 'form' },
    });
    expect(completeness.status).toBe(200);
    expect(completeness.body.rows.find((r: { formCode: string }) => r.formCode === 'B01')).toMatchObject({
      expected: 1,
      received: 1,
    });
    expect((await officer.api.get('/api/completeness', { query: { period: '2026-X9' } })).status).toBe(400);

    // The documents: Word in the administrative layout, Excel in the form's layout, the figures computed.
    const query = `formCode=B03&period=2026-H1&commune=${communes.dongAnh}`;
    const docx = await officer.request('GET', `/api/compilations/export.docx?${query}`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(docx.headers.get('content-disposition')).toContain('bieu-03-2026-H1-xa-00454-du-thao');
    const xlsx = await app.request(`http://127.0.0.1/api/compilations/export.xlsx?${query}`, {
      headers: { cookie: officer.cookie! },
    });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const line25 = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === '25')!;
    expect(line25.getCell(4).value).toBe(21);
    expect((await stranger.request('GET', `/api/compilations/export.docx?${query}`)).status).toBe(404);
    const filingDoc = await tenant.request('GET', `/api/filings/${id}/export.docx`);
    expect(filingDoc.status).toBe(200);
    expect((await stranger.request('GET', `/api/filings/${id}/export.docx`)).status).toBe(404);
  });
});
