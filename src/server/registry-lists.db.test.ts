import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { systemActor } from '../domain/identity/roles';
import { addInvestmentEvent } from '../services/project/project.service';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildOrganisation, buildProject, buildZone } from '../services/testing/factories';

/**
 * What the organisation and project pages need from the API: list filters (country, VSIC, FDI/domestic),
 * sorting without regard to diacritics, `canEdit` from the server, history from the audit trail, and a 409
 * that shows the change the stale editor missed.
 */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

const seed = () => testDeps(database.db, systemActor('test:seed'));

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const organisations = [
    ['ORG-DA', 'Công ty Đông Anh', 'VN', 'domestic_private', ['tenant']],
    ['ORG-DICH', 'Công ty Dịch vụ Bắc', 'VN', 'domestic_state', ['tenant']],
    ['ORG-GL', 'Công ty Gia Lâm', 'KR', 'fdi', ['tenant']],
    ['ORG-AN', 'Công ty An Phát', 'JP', 'fdi', ['tenant']],
    ['ORG-HKD', 'Hộ kinh doanh Ẩn danh', 'VN', null, ['tenant']],
    ['DEV-DA', 'Chủ đầu tư Đông Anh', 'VN', 'domestic_private', ['developer']],
  ] as const;
  for (const [code, name, country, ownership, roles] of organisations) {
    await buildOrganisation(database.db, { code, name, country, ownership, roles: [...roles] });
  }
  await buildZone(database.db, {
    code: 'CCN-DA',
    name: 'Cụm công nghiệp Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'DEV-DA',
  });
  await buildZone(database.db, {
    code: 'CCN-TT',
    name: 'Cụm công nghiệp Thạch Thất',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
  const projects = [
    ['P-1', 'CCN-DA', 'ORG-DA', 'Sản xuất linh kiện điện tử', '2610', 300],
    ['P-2', 'CCN-DA', 'ORG-GL', 'Đúc kim loại màu', '2432', 120],
    ['P-3', 'CCN-TT', 'ORG-AN', 'Bán buôn thiết bị', '4659', 40],
    ['P-4', 'CCN-TT', 'ORG-HKD', 'Chế biến thực phẩm', '1079', null],
    ['P-5', 'CCN-DA', 'ORG-DICH', 'Ấp trứng gia cầm', 'A', 15],
  ] as const;
  for (const [code, zoneCode, investorCode, name, vsicCode, workers] of projects) {
    await buildProject(database.db, {
      code,
      zoneCode,
      investorCode,
      name,
      vsicCode,
      workers,
      status: 'operating',
    });
  }
  await addInvestmentEvent(seed(), 'P-1', {
    kind: 'new',
    eventDate: '2024-02-01',
    amount: '5000000',
    currency: 'USD',
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput> = {}) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

const communeOfficer = () =>
  signedIn({ role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh });
const developer = () => signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-DA' });
const codes = (body: { items: { code: string }[] }) => body.items.map((item) => item.code);

describe('the organisation list', () => {
  it('filters by country and sorts by name without regard to diacritics, either way', async () => {
    const admin = await signedIn();
    const tenants = await admin.get('/api/organisations?role=tenant');
    expect(tenants.status).toBe(200);
    // "Đông Anh" between "Dịch vụ" and "Gia Lâm", not after every "Z" as a plain byte order would put it.
    expect(codes(tenants.body)).toEqual(['ORG-AN', 'ORG-DICH', 'ORG-DA', 'ORG-GL', 'ORG-HKD']);
    const desc = await admin.get('/api/organisations?role=tenant&sort=name&order=desc');
    expect(codes(desc.body)).toEqual(['ORG-HKD', 'ORG-GL', 'ORG-DA', 'ORG-DICH', 'ORG-AN']);
    expect(codes((await admin.get('/api/organisations?country=kr')).body)).toEqual(['ORG-GL']);
    const byCountry = await admin.get('/api/organisations?role=tenant&sort=country&order=desc');
    expect(codes(byCountry.body).slice(0, 2)).toEqual(['ORG-DA', 'ORG-DICH']);
    expect((await admin.get('/api/organisations?country=Viet')).status).toBe(400);
    expect((await admin.get('/api/organisations?sort=tax')).status).toBe(400);
  });

  it('says on the detail whether the caller may edit it', async () => {
    expect((await (await communeOfficer()).get('/api/organisations/ORG-GL')).body.canEdit).toBe(true);
    const dev = await developer();
    const seen = await dev.get('/api/organisations/ORG-GL');
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
  });

  it('shows the history of an organisation, and a stale edit gets 409 with the change it missed', async () => {
    const officer = await communeOfficer();
    const before = await officer.get('/api/organisations/ORG-DA');
    const edited = await officer.patch('/api/organisations/ORG-DA', {
      address: 'Thôn Đản Mỗ, xã Đông Anh',
      version: before.body.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.canEdit).toBe(true);
    const stale = await officer.patch('/api/organisations/ORG-DA', {
      name: 'Tên đã cũ',
      version: before.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ address: 'Thôn Đản Mỗ, xã Đông Anh', canEdit: true });
    expect(stale.body.details.changes).toHaveLength(1);
    expect(stale.body.details.changes[0]).toMatchObject({
      action: 'organisation.update',
      after: { address: 'Thôn Đản Mỗ, xã Đông Anh' },
    });
    const history = await officer.get('/api/organisations/org-da/history');
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'organisation.update',
      'organisation.create',
    ]);
    expect((await officer.get('/api/organisations/NOPE/history')).status).toBe(404);
    const tenant = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-GL' });
    expect((await tenant.get('/api/organisations/ORG-DA/history')).status).toBe(404);
  });
});

describe('the project list', () => {
  it('filters by VSIC: digits match the codes they begin, a section letter covers its divisions', async () => {
    const admin = await signedIn();
    expect(codes((await admin.get('/api/projects?vsic=26')).body)).toEqual(['P-1']);
    expect(codes((await admin.get('/api/projects?vsic=2432')).body)).toEqual(['P-2']);
    // Section C (manufacturing) = divisions 10–33: 2610, 2432 and 1079, not 4659 (trade) nor "A".
    expect(codes((await admin.get('/api/projects?vsic=c')).body)).toEqual(['P-1', 'P-2', 'P-4']);
    expect(codes((await admin.get('/api/projects?vsic=A')).body)).toEqual(['P-5']);
    expect((await admin.get('/api/projects?vsic=26a')).status).toBe(400);
  });

  it('filters FDI, domestic and unclassified investors', async () => {
    const admin = await signedIn();
    expect(codes((await admin.get('/api/projects?ownership=fdi')).body)).toEqual(['P-2', 'P-3']);
    expect(codes((await admin.get('/api/projects?ownership=domestic')).body)).toEqual(['P-1', 'P-5']);
    expect(codes((await admin.get('/api/projects?ownership=unknown')).body)).toEqual(['P-4']);
  });

  it('sorts by name without regard to diacritics, by investor, and by workers with unknowns last', async () => {
    const admin = await signedIn();
    expect(codes((await admin.get('/api/projects?sort=name')).body)).toEqual([
      'P-5', // Ấp trứng
      'P-3', // Bán buôn
      'P-4', // Chế biến
      'P-2', // Đúc
      'P-1', // Sản xuất
    ]);
    expect(codes((await admin.get('/api/projects?sort=investor')).body)).toEqual([
      'P-3',
      'P-5',
      'P-1',
      'P-2',
      'P-4',
    ]);
    expect(codes((await admin.get('/api/projects?sort=workers&order=desc')).body)).toEqual([
      'P-1',
      'P-2',
      'P-3',
      'P-5',
      'P-4',
    ]);
    const searched = await admin.get('/api/projects?q=dien%20tu&sort=name&pageSize=1');
    expect(searched.body).toMatchObject({ total: 1, items: [{ code: 'P-1' }] });
  });

  it('says on the detail whether the caller may edit the project, by the zone’s scope', async () => {
    const officer = await communeOfficer();
    expect((await officer.get('/api/projects/P-1')).body.canEdit).toBe(true);
    const admin = await signedIn();
    expect((await admin.get('/api/projects/P-3')).body.canEdit).toBe(true);
    const tenant = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-DA' });
    const own = await tenant.get('/api/projects/P-1');
    expect(own.status).toBe(200);
    expect(own.body.canEdit).toBe(false);
  });

  it('shows edits and ledger events in the project’s history; a stale edit gets 409 with the change it missed', async () => {
    const officer = await communeOfficer();
    const read = await officer.get('/api/projects/P-2');
    const edited = await officer.patch('/api/projects/P-2', { workers: 130, version: read.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body.canEdit).toBe(true);
    const event = await officer.post('/api/projects/P-2/investment-events', {
      kind: 'new',
      eventDate: '2024-05-01',
      amount: '2000000',
      currency: 'USD',
    });
    expect(event.status).toBe(201);
    const stale = await officer.patch('/api/projects/P-2', { workers: 99, version: read.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ workers: 130, canEdit: true });
    expect(stale.body.details.changes.map((e: { action: string }) => e.action)).toEqual([
      'project.investment_event',
      'project.update',
    ]);
    const history = await officer.get('/api/projects/P-2/history');
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual([
      'project.investment_event',
      'project.update',
      'project.create',
    ]);
    expect(history.body.items[0].after.registeredCapital).toEqual([
      { currency: 'USD', amount: '2000000.00' },
    ]);
    // Out of scope reads as absent.
    expect((await officer.get('/api/projects/P-3/history')).status).toBe(404);
  });

  it('lists the history endpoints in the OpenAPI document', async () => {
    const doc = await new TestClient(app).get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/organisations/{code}/history', '/api/projects/{code}/history']),
    );
  });
});
