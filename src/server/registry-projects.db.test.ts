import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { systemActor } from '../domain/identity/roles';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { addInvestmentEvent } from '../services/project/project.service';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildOrganisation, buildProject, buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

const seed = () => testDeps(database.db, systemActor('test:seed'));

/**
 * Two clusters — one in Xã Đông Anh developed by DEV-DA, one in Xã Thạch Thất developed by DEV-TT — and a
 * park in Đông Anh. TEN-1 invests in the Đông Anh cluster and the park, TEN-3 in the Đông Anh cluster,
 * TEN-2 in the Thạch Thất cluster.
 */
beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  for (const [code, roles] of [
    ['DEV-DA', ['developer']],
    ['DEV-TT', ['developer']],
    ['TEN-1', ['tenant']],
    ['TEN-2', ['tenant']],
    ['TEN-3', ['tenant']],
  ] as const) {
    await buildOrganisation(database.db, {
      code,
      name: `Công ty ${code}`,
      country: 'VN',
      ownership: code === 'TEN-2' ? 'fdi' : 'domestic_private',
      roles: [...roles],
    });
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
    developerCode: 'DEV-TT',
  });
  await buildZone(database.db, {
    code: 'KCN-DA',
    name: 'Khu công nghiệp Đông Anh',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
  for (const [code, zoneCode, investorCode] of [
    ['P-DA-1', 'CCN-DA', 'TEN-1'],
    ['P-DA-2', 'CCN-DA', 'TEN-3'],
    ['P-KCN-1', 'KCN-DA', 'TEN-1'],
    ['P-TT-1', 'CCN-TT', 'TEN-2'],
  ] as const) {
    await buildProject(database.db, {
      code,
      zoneCode,
      investorCode,
      name: `Nhà máy ${code}`,
      status: 'operating',
    });
    await addInvestmentEvent(seed(), code, {
      kind: 'new',
      eventDate: '2025-03-01',
      amount: '1000000',
      currency: 'USD',
    });
  }
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput> = {}) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return Object.assign(client, { userId: user.id });
}

const communeOfficer = () =>
  signedIn({ role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh });
const developer = () => signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-DA' });
const enterprise = () =>
  signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'TEN-1', family: 'CCN' });

async function auditRows(entityId: string) {
  return database.query<{ action: string; actor_id: string | null; before: any; after: any }>(
    'select action, actor_id, before, after from audit_log where entity_id = $1 order by id',
    [entityId],
  );
}

const codes = (body: { items: { code: string }[] }) => body.items.map((p) => p.code).sort();

describe('signing in is required', () => {
  it('answers 401 to anonymous reads and writes of organisations, projects, capital and rates', async () => {
    const anonymous = new TestClient(app);
    for (const path of [
      '/api/organisations',
      '/api/organisations/TEN-1',
      '/api/projects',
      '/api/projects/P-DA-1',
      '/api/projects/P-DA-1/investment-events',
      '/api/capital?from=2025-01-01&to=2025-12-31',
      '/api/exchange-rates',
    ]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.code).toBe('auth.required');
    }
    const write = await anonymous.api.post('/api/projects', {
      code: 'P-ANON',
      zoneCode: 'CCN-DA',
      investorCode: 'TEN-1',
      name: 'Ẩn danh',
    });
    expect(write.status).toBe(401);
  });

  it('lists the new endpoints in the OpenAPI document', async () => {
    const doc = await new TestClient(app).get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/organisations',
        '/api/organisations/{code}',
        '/api/projects',
        '/api/projects/{code}',
        '/api/projects/{code}/investment-events',
        '/api/capital',
        '/api/exchange-rates',
      ]),
    );
  });
});

describe('organisations', () => {
  it('are registered with a checked, unique tax code and found without diacritics', async () => {
    const admin = await signedIn();
    const bad = await admin.api.post('/api/organisations', {
      code: 'tl-01',
      name: 'Công ty TNHH Thăng Long',
      taxCode: '0100109107',
      roles: ['tenant'],
    });
    expect(bad.status).toBe(400);
    expect(bad.error.details.fields.taxCode).toBe('Mã số thuế 0100109107 sai chữ số kiểm tra.');
    const created = await admin.api.post('/api/organisations', {
      code: 'tl-01',
      name: 'Công ty TNHH Thăng Long',
      taxCode: '0100109106',
      ownership: 'fdi',
      country: 'jp',
      roles: ['tenant'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'TL-01', country: 'JP', taxCode: '0100109106', version: 1 });
    const again = await admin.api.post('/api/organisations', {
      code: 'TL-02',
      name: 'Chi nhánh trùng mã số thuế',
      taxCode: '0100109106',
      roles: ['tenant'],
    });
    expect(again.status).toBe(400);
    expect(again.error.details.fields.taxCode).toContain('đã thuộc tổ chức TL-01');
    const found = await admin.api.get('/api/organisations', { query: { q: 'thang long' } });
    expect(codes(found.body)).toEqual(['TL-01']);
    expect(codes((await admin.api.get('/api/organisations', { query: { q: '0100109106' } })).body)).toEqual([
      'TL-01',
    ]);
    const fdiTenants = await admin.api.get('/api/organisations', {
      query: { ownership: 'fdi', role: 'tenant' },
    });
    expect(codes(fdiTenants.body)).toEqual(['TEN-2', 'TL-01']);
    expect(codes((await admin.api.get('/api/organisations', { query: { role: 'developer' } })).body)).toEqual(
      ['DEV-DA', 'DEV-TT'],
    );
  });

  it('are edited against the version read: a stale edit gets 409 with the current record, and both edits are audited', async () => {
    const officer = await communeOfficer();
    const created = await officer.api.post('/api/organisations', {
      code: 'HKD-DA-1',
      name: 'Hộ kinh doanh Nguyễn Văn An',
      ownership: 'household',
      roles: ['tenant'],
    });
    expect(created.status).toBe(201);
    const edited = await officer.api.patch(
      '/api/organisations/{code}',
      { address: 'Thôn Đản Mỗ', version: 1 },
      { params: { code: 'hkd-da-1' } },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    const stale = await officer.api.patch(
      '/api/organisations/{code}',
      { name: 'Tên cũ', version: 1 },
      { params: { code: 'HKD-DA-1' } },
    );
    expect(stale.status).toBe(409);
    expect(stale.error.details.current).toMatchObject({ address: 'Thôn Đản Mỗ', version: 2 });
    const rows = await auditRows(created.body.id);
    expect(rows.map((r) => r.action)).toEqual(['organisation.create', 'organisation.update']);
    expect(rows.every((r) => r.actor_id === officer.userId)).toBe(true);
    expect(rows[1]!.before).toMatchObject({ address: null, version: 1 });
    expect(rows[1]!.after).toMatchObject({ address: 'Thôn Đản Mỗ', version: 2 });
  });

  it('are seen by an enterprise only when they are its own; developers read all but cannot register any', async () => {
    const tenant = await enterprise();
    expect(codes((await tenant.api.get('/api/organisations')).body)).toEqual(['TEN-1']);
    expect((await tenant.api.get('/api/organisations/{code}', { params: { code: 'TEN-2' } })).status).toBe(
      404,
    );
    expect((await tenant.api.get('/api/organisations/{code}', { params: { code: 'TEN-1' } })).status).toBe(
      200,
    );
    expect(
      (
        await tenant.api.patch(
          '/api/organisations/{code}',
          { name: 'Đổi tên', version: 1 },
          { params: { code: 'TEN-1' } },
        )
      ).status,
    ).toBe(403);
    const dev = await developer();
    expect((await dev.api.get('/api/organisations/{code}', { params: { code: 'TEN-2' } })).status).toBe(200);
    expect(
      (await dev.api.post('/api/organisations', { code: 'DEV-NEW', name: 'X', roles: ['tenant'] })).status,
    ).toBe(403);
  });
});

describe('tenant projects in scope', () => {
  it('a commune officer of Xã Đông Anh sees only projects in zones of its commune; another commune’s is "not found"', async () => {
    const officer = await communeOfficer();
    const list = await officer.api.get('/api/projects', { query: { pageSize: 500 } });
    expect(list.status).toBe(200);
    expect(codes(list.body)).toEqual(expect.arrayContaining(['P-DA-1', 'P-DA-2', 'P-KCN-1']));
    expect(codes(list.body)).not.toContain('P-TT-1');
    expect(
      list.body.items.every((p: { zoneCode: string }) => ['CCN-DA', 'KCN-DA'].includes(p.zoneCode)),
    ).toBe(true);
    expect((await officer.api.get('/api/projects/{code}', { params: { code: 'P-TT-1' } })).status).toBe(404);
    expect(
      (await officer.api.get('/api/projects/{code}/investment-events', { params: { code: 'P-TT-1' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await officer.api.patch(
          '/api/projects/{code}',
          { workers: 1, version: 1 },
          { params: { code: 'P-TT-1' } },
        )
      ).status,
    ).toBe(404);
    // It keeps the cluster's projects current, but a park's are the Management Board's.
    const detail = await officer.api.get('/api/projects/{code}', { params: { code: 'p-da-2' } });
    expect(detail.status).toBe(200);
    expect(detail.body.registeredCapital).toEqual([{ currency: 'USD', amount: '1000000.00' }]);
    expect(
      (
        await officer.api.patch(
          '/api/projects/{code}',
          { workers: 120, version: detail.body.version },
          { params: { code: 'P-DA-2' } },
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await officer.api.patch(
          '/api/projects/{code}',
          { workers: 5, version: 1 },
          { params: { code: 'P-KCN-1' } },
        )
      ).status,
    ).toBe(403);
    const elsewhere = await officer.api.post('/api/projects', {
      code: 'P-NEW-TT',
      zoneCode: 'CCN-TT',
      investorCode: 'TEN-2',
      name: 'Không được',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.error.details.fields.zoneCode).toBe('Không có khu/cụm công nghiệp mã CCN-TT.');
  });

  it('a developer sees and edits only the projects in its own zones', async () => {
    const dev = await developer();
    const list = await dev.api.get('/api/projects', { query: { pageSize: 500 } });
    expect(codes(list.body)).toEqual(expect.arrayContaining(['P-DA-1', 'P-DA-2']));
    expect(list.body.items.every((p: { zoneCode: string }) => p.zoneCode === 'CCN-DA')).toBe(true);
    expect((await dev.api.get('/api/projects/{code}', { params: { code: 'P-TT-1' } })).status).toBe(404);
    expect((await dev.api.get('/api/projects/{code}', { params: { code: 'P-KCN-1' } })).status).toBe(404);
    const created = await dev.api.post('/api/projects', {
      code: 'p-dev-1',
      zoneCode: 'ccn-da',
      investorCode: 'TEN-3',
      name: 'Xưởng may Đông Anh',
      certificateNo: '1234567890',
      certificateDate: '2025-04-01',
      vsicCode: '1410',
      leasedHa: 1.25,
      lot: 'CN-03',
      workers: 80,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code: 'P-DEV-1',
      status: 'licensed',
      leasedHa: 1.25,
      registeredCapital: [],
    });
    const event = await dev.api.post(
      '/api/projects/{code}/investment-events',
      {
        kind: 'new',
        eventDate: '2025-04-01',
        amount: '45000000000',
        currency: 'vnd',
      },
      { params: { code: 'P-DEV-1' } },
    );
    expect(event.status).toBe(201);
    expect(event.body).toMatchObject({
      currency: 'VND',
      amount: '45000000000.00',
      registeredAfter: '45000000000.00',
    });
    const intoOther = await dev.api.post('/api/projects', {
      code: 'P-DEV-2',
      zoneCode: 'CCN-TT',
      investorCode: 'TEN-3',
      name: 'Không được',
    });
    expect(intoOther.status).toBe(400);
    expect(intoOther.error.details.fields.zoneCode).toContain('CCN-TT');
    const move = await dev.api.patch(
      '/api/projects/{code}',
      {
        zoneCode: 'CCN-TT',
        version: created.body.version,
      },
      { params: { code: 'P-DEV-1' } },
    );
    expect(move.status).toBe(400);
  });

  it('an enterprise sees only its own projects, not the other tenants of its zone, and cannot edit them', async () => {
    const tenant = await enterprise();
    const list = await tenant.api.get('/api/projects', { query: { pageSize: 500 } });
    expect(codes(list.body)).toEqual(expect.arrayContaining(['P-DA-1', 'P-KCN-1']));
    expect(list.body.items.every((p: { investorCode: string }) => p.investorCode === 'TEN-1')).toBe(true);
    expect((await tenant.api.get('/api/projects/{code}', { params: { code: 'P-DA-2' } })).status).toBe(404);
    const own = await tenant.api.get('/api/projects/{code}', { params: { code: 'P-DA-1' } });
    expect(own.status).toBe(200);
    expect(own.body.events).toHaveLength(1);
    expect(
      (
        await tenant.api.patch(
          '/api/projects/{code}',
          { workers: 1, version: own.body.version },
          { params: { code: 'P-DA-1' } },
        )
      ).status,
    ).toBe(403);
    const capital = await tenant.api.get('/api/capital', { query: { from: '2025-03-01', to: '2025-03-31' } });
    expect(capital.status).toBe(200);
    expect(capital.body.attracted.byCurrency).toEqual([
      expect.objectContaining({ currency: 'USD', newProjects: 2, newAmount: '2000000.00' }),
    ]);
  });

  it('capital totals cover only the caller’s scope', async () => {
    const officer = await communeOfficer();
    const res = await officer.api.get('/api/capital', { query: { from: '2025-03-01', to: '2025-03-01' } });
    expect(res.status).toBe(200);
    // P-DA-1, P-DA-2 and P-KCN-1 — not P-TT-1 in Thạch Thất.
    expect(res.body.attracted.byCurrency).toEqual([
      {
        currency: 'USD',
        newProjects: 3,
        newAmount: '3000000.00',
        increases: 0,
        increaseAmount: '0.00',
        attracted: '3000000.00',
      },
    ]);
    expect(res.body.attracted.convertedUsd.attracted).toBe('3000000.00');
    const admin = await signedIn();
    const all = await admin.api.get('/api/capital', {
      query: { from: '2025-03-01', to: '2025-03-01', family: 'CCN' },
    });
    expect(all.body.attracted.newProjects).toBe(3);
    expect(all.body.byOwnership.fdi.newProjects).toBe(1);
    const bad = await admin.api.get('/api/capital', { query: { from: '2025-03-01', to: '2025-01-01' } });
    expect(bad.status).toBe(400);
    expect(bad.error.details.fields.to).toContain('trước ngày bắt đầu');
  });
});

describe('the project list', () => {
  it('filters by zone, investor and status, searches the investor’s name without diacritics, and pages', async () => {
    const admin = await signedIn();
    const byZone = await admin.api.get('/api/projects', { query: { zone: 'ccn-tt' } });
    expect(codes(byZone.body)).toEqual(['P-TT-1']);
    expect(byZone.body.items[0]).toMatchObject({
      zoneName: 'Cụm công nghiệp Thạch Thất',
      investorCode: 'TEN-2',
      ownership: 'fdi',
      registeredCapital: [{ currency: 'USD', amount: '1000000.00' }],
    });
    expect(
      codes((await admin.api.get('/api/projects', { query: { investor: 'TEN-1', zone: 'KCN-DA' } })).body),
    ).toEqual(['P-KCN-1']);
    expect(
      codes((await admin.api.get('/api/projects', { query: { q: 'cong ty ten-3', zone: 'CCN-DA' } })).body),
    ).toEqual(expect.arrayContaining(['P-DA-2']));
    expect(
      (await admin.api.get('/api/projects', { query: { status: 'proposed_revocation' } })).body.total,
    ).toBe(0);
    const page = await admin.api.get('/api/projects', { query: { pageSize: 2, page: 2 } });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    // Not a status the contract knows: sent untyped on purpose.
    const bad = await admin.get('/api/projects?status=dang-chay');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.status).toContain('Giá trị không hợp lệ');
  });
});

describe('project writes', () => {
  it('name each bad field in Vietnamese', async () => {
    const admin = await signedIn();
    const res = await admin.api.post('/api/projects', {
      code: 'P-BAD',
      zoneCode: 'KHONG-CO',
      investorCode: 'KHONG-CO',
      name: 'Sai',
      vsicCode: '1',
    });
    expect(res.status).toBe(400);
    expect(res.error.details.fields).toEqual({
      zoneCode: 'Không có khu/cụm công nghiệp mã KHONG-CO.',
      investorCode: 'Không có tổ chức (nhà đầu tư) mã KHONG-CO.',
      vsicCode: 'Mã ngành VSIC 2018 là một chữ cái A–U (ngành cấp 1) hoặc 2–5 chữ số (cấp 2–5), ví dụ 2610.',
    });
    const amount = await admin.api.post(
      '/api/projects/{code}/investment-events',
      {
        kind: 'increase',
        eventDate: '2025-05-01',
        amount: '1.000.000,5',
        currency: 'USD',
      },
      { params: { code: 'P-DA-1' } },
    );
    expect(amount.status).toBe(400);
    expect(amount.error.details.fields.amount).toContain('dấu chấm');
    const duplicate = await admin.api.post('/api/projects', {
      code: 'P-DA-1',
      zoneCode: 'CCN-DA',
      investorCode: 'TEN-1',
      name: 'Trùng mã',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.error.details.fields.code).toBe('Mã dự án "P-DA-1" đã tồn tại.');
  });

  it('are audited with before and after; a stale edit gets 409 with the current project', async () => {
    const dev = await developer();
    const created = await dev.api.post('/api/projects', {
      code: 'P-AUDIT',
      zoneCode: 'CCN-DA',
      investorCode: 'TEN-1',
      name: 'Nhà máy cơ khí',
      status: 'building',
    });
    expect(created.status).toBe(201);
    expect(
      (
        await dev.api.patch(
          '/api/projects/{code}',
          { status: 'operating', workers: 40, version: 1 },
          { params: { code: 'P-AUDIT' } },
        )
      ).status,
    ).toBe(200);
    const stale = await dev.api.patch(
      '/api/projects/{code}',
      { status: 'stopped', version: 1 },
      { params: { code: 'P-AUDIT' } },
    );
    expect(stale.status).toBe(409);
    expect(stale.error.details.current).toMatchObject({ code: 'P-AUDIT', status: 'operating', version: 2 });
    await dev.api.post(
      '/api/projects/{code}/investment-events',
      {
        kind: 'new',
        eventDate: '2025-06-01',
        amount: '2000000',
        currency: 'USD',
      },
      { params: { code: 'P-AUDIT' } },
    );
    await dev.api.post(
      '/api/projects/{code}/investment-events',
      {
        kind: 'increase',
        eventDate: '2025-07-01',
        amount: '500000.50',
        currency: 'USD',
      },
      { params: { code: 'P-AUDIT' } },
    );
    const ledger = await dev.api.get('/api/projects/{code}/investment-events', {
      params: { code: 'P-AUDIT' },
    });
    expect(ledger.body.items.map((e: { registeredAfter: string }) => e.registeredAfter)).toEqual([
      '2000000.00',
      '2500000.50',
    ]);
    const rows = await auditRows(created.body.id);
    expect(rows.map((r) => r.action)).toEqual([
      'project.create',
      'project.update',
      'project.investment_event',
      'project.investment_event',
    ]);
    expect(rows.every((r) => r.actor_id === dev.userId)).toBe(true);
    expect(rows[0]!.after).toMatchObject({ zoneCode: 'CCN-DA', investorCode: 'TEN-1', status: 'building' });
    expect(rows[1]!.before).toMatchObject({ status: 'building', workers: null, version: 1 });
    expect(rows[1]!.after).toMatchObject({ status: 'operating', workers: 40, version: 2 });
    expect(rows[3]!.before).toMatchObject({ registeredCapital: [{ currency: 'USD', amount: '2000000.00' }] });
    expect(rows[3]!.after).toMatchObject({
      event: { kind: 'increase', amount: '500000.50', currency: 'USD' },
      registeredCapital: [{ currency: 'USD', amount: '2500000.50' }],
    });
  });
});

describe('exchange rates', () => {
  it('are configured only with exchange_rate.manage; an overlapping period gets 409 naming validFrom; the write is audited', async () => {
    const officer = await communeOfficer();
    const body = { currency: 'usd', validFrom: '2025-01-01', validTo: '2025-12-31', vndPerUnit: '25400' };
    expect((await officer.api.post('/api/exchange-rates', body)).status).toBe(403);
    const admin = await signedIn();
    const created = await admin.api.post('/api/exchange-rates', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currency: 'USD', vndPerUnit: '25400.0000' });
    const overlap = await admin.api.post('/api/exchange-rates', {
      ...body,
      validFrom: '2025-12-01',
      validTo: '2026-06-30',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.error.details.fields.validFrom).toContain(
      'trùng với tỷ giá USD đã có từ 01/01/2025 đến 31/12/2025',
    );
    const reversed = await admin.api.post('/api/exchange-rates', {
      ...body,
      validFrom: '2026-12-31',
      validTo: '2026-01-01',
    });
    expect(reversed.status).toBe(400);
    expect(Object.keys(reversed.error.details.fields)).toEqual(['validTo']);
    const list = await officer.api.get('/api/exchange-rates', { query: { currency: 'USD' } });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ validFrom: '2025-01-01', validTo: '2025-12-31' }),
    ]);
    const rows = await auditRows(created.body.id);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'exchange_rate.create',
        actor_id: admin.userId,
        after: expect.objectContaining({ currency: 'USD', vndPerUnit: '25400.0000' }),
      }),
    ]);
  });
});
