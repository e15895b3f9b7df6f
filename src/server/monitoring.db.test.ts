import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { obstacleDaysOverdue } from '../domain/monitoring/obstacle';
import { findObstacles } from '../services/monitoring/obstacle.repository';
import { communes, makeUser, manualClock, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildLifecycle, buildOrganisation, buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock }).app;
  await buildOrganisation(database.db, {
    code: 'CDT-DA',
    name: 'Công ty Hạ tầng Đông Anh',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await buildZone(database.db, {
    code: 'CCN-DA',
    name: 'CCN Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-DA',
  });
  await buildZone(database.db, {
    code: 'CCN-TT',
    name: 'CCN Thạch Thất',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
  // Operating since 2019 with a WWTP still being built and a third of its land leased.
  await buildZone(database.db, {
    code: 'CCN-VH',
    name: 'CCN Vận hành',
    kind: 'CCN',
    communeCode: communes.thachThat,
    industrialLandHa: 30,
    leasedHa: 10,
    wwtpStatus: 'building',
    developerCode: null,
  });
  await buildLifecycle(database.db, 'CCN-VH', [{ state: 'established', eventDate: '2017-03-01' }]);
  await buildLifecycle(database.db, 'CCN-VH', [{ state: 'operating', eventDate: '2019-05-10' }]);
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Parameters<typeof makeUser>[1]) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

const communeDA = () =>
  signedIn({ role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh });
const communeTT = () =>
  signedIn({ role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.thachThat });
const department = () => signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
const developer = () => signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-DA' });

const landClearance = {
  zoneCode: 'CCN-DA',
  categoryCode: 'land_clearance',
  title: 'Còn 3 hộ chưa nhận tiền bồi thường',
  agency: 'UBND xã Đông Anh',
  raisedOn: '2026-06-20',
  deadline: '2026-06-30',
};

describe('an obstacle from the commune to the department', () => {
  it('is recorded, goes on the watch list once its deadline passes, is escalated and resolved, and its history stays', async () => {
    let commune = await communeDA();
    let dept = await department();
    const raised = await commune.api.post('/api/obstacles', landClearance);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ status: 'open', daysOverdue: null, zone: { code: 'CCN-DA' } });
    const id = raised.body.id as string;

    const before = await dept.api.get('/api/monitoring/watch-list', { query: { rule: 'obstacle_overdue' } });
    expect(before.body.items).toHaveLength(0);

    clock.advance(11 * DAY); // 1 July 2026: one day past the deadline (sessions have expired: sign in again)
    commune = await communeDA();
    dept = await department();
    const watch = await dept.api.get('/api/monitoring/watch-list', { query: { rule: 'obstacle_overdue' } });
    expect(watch.body.items).toHaveLength(1);
    expect(watch.body.items[0]).toMatchObject({
      zoneCode: 'CCN-DA',
      subject: { kind: 'zone', code: 'CCN-DA', name: 'CCN Đông Anh' },
      since: '2026-07-01',
      agency: 'UBND xã Đông Anh',
      proposedAction: 'escalate',
      source: { kind: 'obstacle', id },
    });
    expect(watch.body.items[0]!.reason.vi).toContain('Vướng mắc giải phóng mặt bằng quá hạn 1 ngày');

    const noReason = await commune.api.post(
      '/api/obstacles/{id}/actions',
      { action: 'escalate', version: 1 },
      { params: { id: id } },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.error.details.fields.text).toBeDefined();
    const escalated = await commune.api.post(
      '/api/obstacles/{id}/actions',
      {
        action: 'escalate',
        text: 'Vượt thẩm quyền xã, đề nghị Thành phố chỉ đạo',
        version: 1,
      },
      { params: { id: id } },
    );
    expect(escalated.status).toBe(200);
    expect(escalated.body.status).toBe('escalated');
    const stale = await dept.api.post(
      '/api/obstacles/{id}/actions',
      {
        action: 'resolve',
        text: 'x',
        version: 1,
      },
      { params: { id: id } },
    );
    expect(stale.status).toBe(409);

    const resolved = await dept.api.post(
      '/api/obstacles/{id}/actions',
      {
        action: 'resolve',
        text: 'Đã chi trả bồi thường, bàn giao mặt bằng',
        version: 2,
      },
      { params: { id: id } },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'Đã chi trả bồi thường, bàn giao mặt bằng',
    });

    const after = await dept.api.get('/api/monitoring/watch-list', { query: { rule: 'obstacle_overdue' } });
    expect(after.body.items).toHaveLength(0);
    const history = await dept.api.get('/api/obstacles/{id}', { params: { id: id } });
    expect(history.body.history.map((e: { action: string }) => e.action)).toEqual([
      'raise',
      'escalate',
      'resolve',
    ]);
    expect(history.body.history[1]).toMatchObject({
      fromStatus: 'open',
      toStatus: 'escalated',
      text: 'Vượt thẩm quyền xã, đề nghị Thành phố chỉ đạo',
    });
    const counts = await dept.api.get('/api/monitoring/counts');
    expect(counts.body).toMatchObject({ open: 0, overdue: 0 });
  });
});

describe('scope', () => {
  it('lets a commune see and edit only obstacles on its territory', async () => {
    const da = await communeDA();
    const tt = await communeTT();
    const raised = await da.api.post('/api/obstacles', {
      ...landClearance,
      raisedOn: '2026-06-21',
      deadline: null,
    });
    const id = raised.body.id as string;
    expect((await tt.api.get('/api/obstacles/{id}', { params: { id: id } })).status).toBe(404);
    expect(
      (
        await tt.api.post(
          '/api/obstacles/{id}/actions',
          { action: 'comment', text: 'x', version: 1 },
          { params: { id: id } },
        )
      ).status,
    ).toBe(404);
    expect(
      (await tt.api.patch('/api/obstacles/{id}', { agency: 'Sở', version: 1 }, { params: { id: id } }))
        .status,
    ).toBe(404);
    expect((await tt.api.post('/api/obstacles', landClearance)).status).toBe(404);
    const list = await tt.api.get('/api/obstacles', { query: { zone: 'CCN-DA' } });
    expect(list.body.items).toHaveLength(0);
    expect((await da.api.get('/api/obstacles', { query: { zone: 'CCN-DA' } })).body.total).toBeGreaterThan(0);
  });

  it('lets the developer see and answer an obstacle the commune raised, but not close it', async () => {
    const commune = await communeDA();
    const dev = await developer();
    const raised = await commune.api.post('/api/obstacles', { ...landClearance, raisedOn: '2026-06-21' });
    const id = raised.body.id as string;
    const seen = await dev.api.get('/api/obstacles/{id}', { params: { id: id } });
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual(['start', 'comment']);
    const answered = await dev.api.post(
      '/api/obstacles/{id}/actions',
      {
        action: 'comment',
        text: 'Chủ đầu tư đã chuẩn bị kinh phí bồi thường',
        version: 1,
      },
      { params: { id: id } },
    );
    expect(answered.status).toBe(200);
    expect(
      (
        await dev.api.post(
          '/api/obstacles/{id}/actions',
          { action: 'resolve', text: 'Xong', version: 2 },
          { params: { id: id } },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await dev.api.post(
          '/api/obstacles/{id}/actions',
          { action: 'drop', text: 'Bỏ', version: 2 },
          { params: { id: id } },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await dev.api.patch(
          '/api/obstacles/{id}',
          { deadline: '2027-01-01', version: 2 },
          { params: { id: id } },
        )
      ).status,
    ).toBe(403);
    // The developer's own obstacle it may close.
    const own = await dev.api.post('/api/obstacles', {
      ...landClearance,
      categoryCode: 'capital',
      raisedOn: '2026-06-21',
    });
    expect(own.status).toBe(201);
    const closed = await dev.api.post(
      '/api/obstacles/{id}/actions',
      {
        action: 'resolve',
        text: 'Đã thu xếp vốn',
        version: 1,
      },
      { params: { id: own.body.id } },
    );
    expect(closed.status).toBe(200);
  });

  it('does not show the developer obstacles of zones it does not develop', async () => {
    const tt = await communeTT();
    const raised = await tt.api.post('/api/obstacles', {
      ...landClearance,
      zoneCode: 'CCN-TT',
      raisedOn: '2026-06-21',
    });
    expect(raised.status).toBe(201);
    const dev = await developer();
    expect((await dev.api.get('/api/obstacles/{id}', { params: { id: raised.body.id } })).status).toBe(404);
    expect(
      (await dev.api.get('/api/monitoring/watch-list', { query: { zone: 'CCN-TT' } })).body.items,
    ).toHaveLength(0);
  });
});

describe('bad input on every write route names the field', () => {
  it('answers 400 with the field for obstacles, actions, corrections and manual entries', async () => {
    const commune = await communeDA();
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/obstacles', { ...landClearance, title: '' }, 'title'],
      ['POST', '/api/obstacles', { ...landClearance, deadline: '30/06/2026' }, 'deadline'],
      ['POST', '/api/obstacles', { ...landClearance, deadline: '2026-01-01' }, 'deadline'],
      ['POST', '/api/obstacles', { ...landClearance, categoryCode: 'weather' }, 'categoryCode'],
      ['POST', '/api/obstacles', { ...landClearance, projectCode: 'NO-SUCH' }, 'projectCode'],
      [
        'POST',
        '/api/obstacles',
        { ...landClearance, documentIds: ['6f1b1a52-1111-4111-8111-111111111111'] },
        'documentIds',
      ],
      [
        'POST',
        '/api/monitoring/watch-list/manual',
        { zoneCode: 'CCN-DA', reason: '', proposedAction: 'remind' },
        'reason',
      ],
      [
        'POST',
        '/api/monitoring/watch-list/manual',
        { zoneCode: 'CCN-DA', reason: 'x', proposedAction: 'shout' },
        'proposedAction',
      ],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await commune.request(method, path, { body });
      expect(res.status, `${path} ${field}`).toBe(400);
      expect(Object.keys(res.body.details.fields), `${path} ${field}`).toContain(field);
    }
    const id = (await commune.api.post('/api/obstacles', { ...landClearance, raisedOn: '2026-06-21' })).body
      .id;
    const more: [string, string, unknown, string][] = [
      ['POST', `/api/obstacles/${id}/actions`, { action: 'fly', version: 1 }, 'action'],
      ['POST', `/api/obstacles/${id}/actions`, { action: 'resolve', version: 1 }, 'text'],
      ['POST', `/api/obstacles/${id}/actions`, { action: 'reopen', text: 'x', version: 1 }, 'action'],
      ['POST', `/api/obstacles/${id}/actions`, { action: 'comment', text: 'x' }, 'version'],
      ['PATCH', `/api/obstacles/${id}`, { deadline: '2020-01-01', version: 1 }, 'deadline'],
      ['PATCH', `/api/obstacles/${id}`, { agency: '', version: 1 }, 'agency'],
      ['PATCH', `/api/obstacles/${id}`, { categoryCode: 'weather', version: 1 }, 'categoryCode'],
    ];
    for (const [method, path, body, field] of more) {
      const res = await commune.request(method, path, { body });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(Object.keys(res.body.details.fields), `${path} ${field}`).toContain(field);
    }
    const manual = await commune.api.post('/api/monitoring/watch-list/manual', {
      zoneCode: 'CCN-DA',
      reason: 'Chủ đầu tư chậm triển khai',
      proposedAction: 'inspect',
    });
    expect(manual.status).toBe(201);
    const remove = await commune.api.post(
      '/api/monitoring/watch-list/manual/{id}/remove',
      {
        reason: '',
      },
      { params: { id: manual.body.id } },
    );
    expect(remove.status).toBe(400);
    expect(Object.keys(remove.error.details.fields)).toContain('reason');
    expect((await commune.api.get('/api/obstacles/{id}', { params: { id: 'not-a-uuid' } })).status).toBe(400);
  });
});

describe('the watch list’s other rules', () => {
  it('keeps manual entries with their history: added with a reason, removed with a reason, still readable', async () => {
    const dept = await department();
    const added = await dept.api.post('/api/monitoring/watch-list/manual', {
      zoneCode: 'CCN-TT',
      reason: 'Phản ánh của người dân về khói bụi',
      agency: 'UBND xã Thạch Thất',
      proposedAction: 'inspect',
    });
    expect(added.status).toBe(201);
    const on = await dept.api.get('/api/monitoring/watch-list', {
      query: { rule: 'manual', zone: 'CCN-TT' },
    });
    expect(on.body.items).toHaveLength(1);
    expect(on.body.items[0]).toMatchObject({
      reason: { vi: 'Phản ánh của người dân về khói bụi' },
      proposedAction: 'inspect',
    });
    const dev = await developer();
    expect(
      (
        await dev.api.post('/api/monitoring/watch-list/manual', {
          zoneCode: 'CCN-DA',
          reason: 'x',
          proposedAction: 'remind',
        })
      ).status,
    ).toBe(403);
    const removed = await dept.api.post(
      '/api/monitoring/watch-list/manual/{id}/remove',
      {
        reason: 'Đã kiểm tra, không vi phạm',
      },
      { params: { id: added.body.id } },
    );
    expect(removed.status).toBe(200);
    expect(
      (await dept.api.get('/api/monitoring/watch-list', { query: { rule: 'manual', zone: 'CCN-TT' } })).body
        .items,
    ).toHaveLength(0);
    const history = await dept.api.get('/api/zones/{code}/watch-manual', { params: { code: 'CCN-TT' } });
    expect(history.body.items[0]).toMatchObject({
      removalReason: 'Đã kiểm tra, không vi phạm',
      reason: 'Phản ánh của người dân về khói bụi',
    });
  });

  it('lists an operating cluster without a compliant WWTP and under the occupancy gate', async () => {
    const dept = await department();
    const res = await dept.api.get('/api/monitoring/watch-list', { query: { zone: 'CCN-VH' } });
    const rules = res.body.items.map((e: { rule: string }) => e.rule);
    expect(rules).toContain('occupancy_low');
    expect(rules).toContain('wwtp_missing');
    const occ = res.body.items.find((e: { rule: string }) => e.rule === 'occupancy_low');
    expect(occ!.reason.vi).toContain('33,3 %');
    expect(occ!.since).toBe('2022-05-10');
  });

  it('exports the watch list and the obstacles as XLSX', async () => {
    const dept = await department();
    const w = await dept.api.get('/api/monitoring/watch-list/export.xlsx');
    expect(w.status).toBe(200);
    expect(w.headers.get('content-type')).toContain('spreadsheetml');
    const o = await dept.api.get('/api/obstacles/export.csv', { query: { status: 'resolved' } });
    expect(o.status).toBe(200);
    expect(String(o.body)).toContain('Còn 3 hộ chưa nhận tiền bồi thường');
  });
});

describe('overdue in SQL and in the domain', () => {
  it('agree on every obstacle around the deadline, with grace days', async () => {
    const db = database.db;
    for (const grace of [0, 2]) {
      for (const today of ['2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04']) {
        const all = await findObstacles(db, { kind: 'all' }, {}, today, grace, null);
        const overdue = await findObstacles(db, { kind: 'all' }, { overdue: true }, today, grace, null);
        const expected = all.rows
          .filter(
            (o) =>
              obstacleDaysOverdue({ status: o.status as never, deadline: o.deadline }, today, grace) !== null,
          )
          .map((o) => o.id)
          .sort();
        expect(overdue.rows.map((o) => o.id).sort(), `${today} grace ${grace}`).toEqual(expected);
      }
    }
  });
});
