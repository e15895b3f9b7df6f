import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { systemActor } from '../domain/identity/roles';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { yearTargets } from '../services/plan/plan.service';
import { createTestApp, TestClient } from './testing';
import { buildLifecycle, buildZone } from '../services/testing/factories';

/**
 * Yearly plans over HTTP: the plan page shows each target's live %; recording "infrastructure complete" for a
 * named cluster changes its target in the very next request, with the drill-down; scope, 4xx naming the field,
 * 409 on a stale edit, withdrawal with a reason (never a delete), audit, past years, the workbook.
 */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

const clusters = [
  // code, commune, land, leased, established, last step
  { code: 'CCN-A', commune: communes.dongAnh, land: 20, leased: 14, est: '2020-03-01' },
  { code: 'CCN-B', commune: communes.dongAnh, land: 30, leased: 6, est: '2021-05-01' },
  { code: 'CCN-C', commune: communes.thachThat, land: 40, leased: 10, est: '2026-02-10' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  for (const c of clusters) {
    await buildZone(database.db, {
      code: c.code,
      name: `Cụm công nghiệp ${c.code}`,
      kind: 'CCN',
      communeCode: c.commune,
      industrialLandHa: c.land,
      leasedHa: c.leased,
      wwtpStatus: c.code === 'CCN-C' ? 'compliant' : 'building',
      developerCode: null,
    });
    await buildLifecycle(database.db, c.code, [{ state: 'established', eventDate: c.est }]);
  }
  for (const code of ['CCN-A', 'CCN-B']) {
    await buildLifecycle(database.db, code, [
      { state: 'construction', eventDate: '2024-04-01', progressPct: 60 },
    ]);
  }
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput>) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

const department = () =>
  signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN', family: 'CCN' });

const plan305 = {
  family: 'CCN',
  year: 2026,
  number: '305/KH-UBND',
  issuedOn: '2026-01-01',
  issuer: 'UBND thành phố Hà Nội',
  title: 'Kế hoạch phát triển cụm công nghiệp năm 2026',
};

const base = {
  measure: null,
  step: null,
  thresholdPct: null,
  indicator: null,
  maxValue: null,
  zones: [],
};

type Target = {
  title: string;
  pct: number | null;
  actual: number | null;
  zones: { code: string; state: string }[];
};
const targetOf = (body: { plans: { number: string; targets: Target[] }[] }, title: string) =>
  body.plans.find((p) => p.number === '305/KH-UBND')!.targets.find((t) => t.title === title)!;

describe('yearly plans over HTTP', () => {
  it('shows every target with its live %; infrastructure complete for a named cluster moves it in the next request', async () => {
    const sct = await department();
    let res = await sct.post('/api/plans', plan305);
    expect(res.status).toBe(201);
    const planId = res.body.id as string;
    const infra = 'Hoàn thành hạ tầng 2 cụm';
    const add = (body: Record<string, unknown>) =>
      sct.post(`/api/plans/${planId}/targets`, { ...base, ...body });
    expect(
      (
        await add({
          kind: 'count',
          measure: 'step_reached',
          step: 'infrastructure_complete',
          title: infra,
          value: 2,
          zones: [
            { code: 'CCN-A', responsible: 'UBND xã Đông Anh' },
            { code: 'ccn-b', responsible: null },
          ],
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await add({
          kind: 'rule',
          measure: 'established_or_expanded',
          title: 'Thành lập 5–10',
          value: 5,
          maxValue: 10,
        })
      ).status,
    ).toBe(201);
    expect(
      (await add({ kind: 'rule', measure: 'new_with_compliant_wwtp', title: 'XLNT đạt QCVN', value: 100 }))
        .status,
    ).toBe(201);
    expect(
      (
        await add({
          kind: 'count',
          measure: 'occupancy_at_least',
          thresholdPct: 70,
          title: 'Lấp đầy',
          value: 1,
          zones: [{ code: 'CCN-A' }],
        })
      ).status,
    ).toBe(201);
    expect((await add({ kind: 'task', title: 'Kế hoạch kiểm tra định kỳ', value: 1 })).status).toBe(201);

    res = await sct.get('/api/plans?year=2026&family=CCN');
    expect(res.status).toBe(200);
    expect(res.body.plans[0].targets).toHaveLength(5);
    let t = targetOf(res.body, infra);
    expect(t.actual).toBe(0);
    expect(t.pct).toBe(0);
    expect(t.zones.map((z) => z.code)).toEqual(['CCN-A', 'CCN-B']);
    expect(t.zones.every((z) => z.state === 'on_track' || z.state === 'at_risk')).toBe(true);
    expect(targetOf(res.body, 'Thành lập 5–10')).toMatchObject({ actual: 1, pct: 20, range: 'below' });
    expect(targetOf(res.body, 'XLNT đạt QCVN')).toMatchObject({ actual: 100, pct: 100 });
    expect(targetOf(res.body, 'Lấp đầy')).toMatchObject({ actual: 1, pct: 100 });
    expect(targetOf(res.body, 'Kế hoạch kiểm tra định kỳ')).toMatchObject({ actual: 0, pct: 0 });
    // The Decree 32 gates of the clusters' communes: Đông Anh 20/50 ha = 40 %, 30 ha unleased → allowed by land.
    const dongAnh = res.body.gates.communes.find((g: { code: string }) => g.code === communes.dongAnh);
    expect(dongAnh).toMatchObject({ clusters: 2, occupancyPct: 40, unleasedHa: 30, newClusterAllowed: true });
    expect(dongAnh.newClusterReason).toBe('unleased_land');

    // The commune records "infrastructure complete" for CCN-A: the very next request counts it.
    const commune = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    res = await commune.post('/api/zones/CCN-A/lifecycle', {
      state: 'infrastructure_complete',
      eventDate: '2026-06-15',
    });
    expect(res.status).toBe(201);
    res = await sct.get('/api/plans?year=2026&family=CCN');
    t = targetOf(res.body, infra);
    expect(t).toMatchObject({ actual: 1, pct: 50 });
    expect(t.zones.find((z) => z.code === 'CCN-A')).toMatchObject({
      state: 'done',
      reachedOn: '2026-06-15',
      responsible: 'UBND xã Đông Anh',
    });

    // A commune reads the plan: the same figures, the drill-down only in its territory.
    res = await commune.get('/api/plans?year=2026&family=CCN');
    expect(res.status).toBe(200);
    expect(res.body.canEdit).toBe(false);
    const wwtp = targetOf(res.body, 'XLNT đạt QCVN') as Target & { hiddenZones: number };
    expect(wwtp.zones).toHaveLength(0);
    expect(wwtp.hiddenZones).toBe(1);
    // …and cannot set one.
    expect((await commune.post('/api/plans', { ...plan305, number: '1/KH' })).status).toBe(403);
    expect(
      (await commune.post(`/api/plans/${planId}/targets`, { ...base, kind: 'task', title: 'x', value: 1 }))
        .status,
    ).toBe(403);

    // The dashboard's and briefing's service: the year's targets with the same live figures.
    const year = await yearTargets(testDeps(database.db, systemActor('test:read')), {
      year: 2026,
      family: 'CCN',
    });
    expect(year.targets).toHaveLength(5);
    expect(year.targets.find((x) => x.title === infra)).toMatchObject({
      pct: 50,
      plan: { number: '305/KH-UBND' },
    });

    // The workbook carries the live figures.
    res = await sct.request('GET', '/api/plans/export.xlsx?year=2026&family=CCN');
    expect(res.status).toBe(200);
  });

  it('refuses bad input naming the field, a stale edit with 409, and keeps withdrawn plans with their reason', async () => {
    const sct = await department();
    let res = await sct.post('/api/plans', { ...plan305, number: '12/KH-UBND', year: 1999 });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.year).toBeDefined();
    res = await sct.post('/api/plans', { ...plan305, number: '12/KH-UBND', issuedOn: '12/1/2026' });
    expect(res.body.details.fields.issuedOn).toBeDefined();
    res = await sct.post('/api/plans', { ...plan305, number: '12/KH-UBND' });
    expect(res.status).toBe(201);
    const plan = res.body;
    expect(
      (await sct.post('/api/plans', { ...plan305, number: '12/KH-UBND' })).body.details.fields.number,
    ).toBeDefined();

    const add = (body: Record<string, unknown>) =>
      sct.post(`/api/plans/${plan.id}/targets`, { ...base, ...body });
    res = await add({
      kind: 'count',
      measure: 'step_reached',
      title: 'x',
      value: 3,
      zones: [{ code: 'CCN-A' }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields).sort()).toEqual(['step', 'value']);
    res = await add({
      kind: 'count',
      measure: 'step_reached',
      step: 'operating',
      title: 'x',
      value: 1,
      zones: [{ code: 'NO-SUCH' }],
    });
    expect(res.body.details.fields.zones).toBeDefined();
    res = await add({ kind: 'rule', measure: 'established_or_expanded', title: 'x', value: 10, maxValue: 5 });
    expect(res.body.details.fields.maxValue).toBeDefined();
    res = await add({ kind: 'figure', title: 'x', value: 10, indicator: 'no_such' });
    expect(res.body.details.fields.indicator).toBeDefined();
    await buildZone(database.db, {
      code: 'KCN-Z',
      name: 'Khu công nghiệp Z',
      kind: 'KCN',
      communeCode: communes.dongAnh,
      developerCode: null,
    });
    res = await add({
      kind: 'count',
      measure: 'step_reached',
      step: 'operating',
      title: 'x',
      value: 1,
      zones: [{ code: 'KCN-Z' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.zones).toBeDefined();
    res = await add({ kind: 'banana', title: 'x', value: 1 });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.kind).toBeDefined();

    res = await add({
      kind: 'rule',
      measure: 'established_or_expanded',
      title: 'Thành lập',
      value: 5,
      maxValue: 10,
    });
    const target = res.body;
    const edit = {
      ...base,
      kind: 'rule',
      measure: 'established_or_expanded',
      title: 'Thành lập',
      value: 6,
      maxValue: 10,
    };
    expect(
      (
        await sct.request('PUT', `/api/plans/targets/${target.id}`, {
          body: { ...edit, version: target.version },
        })
      ).status,
    ).toBe(200);
    res = await sct.request('PUT', `/api/plans/targets/${target.id}`, {
      body: { ...edit, version: target.version },
    });
    expect(res.status).toBe(409);
    expect(res.body.details.current.value).toBe(6);

    expect(
      (await sct.patch(`/api/plans/${plan.id}`, { title: 'Sửa', version: plan.version + 5 })).status,
    ).toBe(409);
    res = await sct.post(`/api/plans/${plan.id}/withdraw`, { reason: '', version: plan.version });
    expect(res.body.details.fields.reason).toBeDefined();
    res = await sct.post(`/api/plans/${plan.id}/withdraw`, {
      reason: 'Ban hành nhầm',
      version: plan.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.withdrawn.reason).toBe('Ban hành nhầm');
    res = await sct.get('/api/plans?year=2026&family=CCN');
    const withdrawn = res.body.plans.find((p: { id: string }) => p.id === plan.id);
    expect(withdrawn.withdrawn.reason).toBe('Ban hành nhầm');
    expect(withdrawn.targets).toHaveLength(0);
    expect(
      (await sct.post(`/api/plans/${plan.id}/targets`, { ...base, kind: 'task', title: 'x', value: 1 }))
        .status,
    ).toBe(409);
    expect(
      (
        await sct.post('/api/plans/00000000-0000-0000-0000-000000000000/withdraw', {
          reason: 'x',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await sct.post('/api/plans/not-an-id/withdraw', { reason: 'x', version: 1 })).status).toBe(404);

    const audit = await database.query<{ action: string }>(
      `select action from audit_log where entity_id in ($1, $2) order by id`,
      [plan.id, target.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'plan.create',
      'plan_target.create',
      'plan_target.update',
      'plan.withdraw',
    ]);
    await expect(database.query(`delete from plan where id = $1`, [plan.id])).rejects.toThrow();
  });

  it('accepts past years back to 2015 (a figure before its report form existed), the Board for parks', async () => {
    const board = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
      family: 'KCN',
    });
    let res = await board.post('/api/plans', {
      ...plan305,
      family: 'KCN',
      year: 2015,
      number: '99/KH-UBND',
      issuedOn: '2015-01-20',
    });
    expect(res.status).toBe(201);
    res = await board.post(`/api/plans/${res.body.id}/targets`, {
      ...base,
      kind: 'figure',
      indicator: 'capital_attracted_converted_usd',
      title: 'Thu hút vốn đầu tư',
      value: 400,
    });
    expect(res.status).toBe(201);
    res = await board.get('/api/plans?year=2015&family=KCN');
    expect(res.status).toBe(200);
    const figure = res.body.plans[0].targets[0];
    expect(figure).toMatchObject({
      kind: 'figure',
      value: 400,
      actual: null,
      pct: null,
    });
    // The parks' report's own targets endpoint takes 2015 too.
    res = await board.get('/api/plan-targets?year=2015');
    expect(res.status).toBe(200);
    expect(
      res.body.items.find((i: { indicator: string }) => i.indicator === 'capital_attracted_converted_usd')
        .value,
    ).toBe(400);
    // The CCN department does not set the parks' plans, nor edit or withdraw their targets.
    const sct = await department();
    expect((await sct.post('/api/plans', { ...plan305, family: 'KCN', number: '7/KH' })).status).toBe(403);
    const edit = {
      ...base,
      kind: 'figure',
      indicator: 'capital_attracted_converted_usd',
      title: 'x',
      value: 1,
    };
    expect(
      (
        await sct.request('PUT', `/api/plans/targets/${figure.id}`, {
          body: { ...edit, version: figure.version },
        })
      ).status,
    ).toBe(403);
    expect(
      (await sct.post(`/api/plans/targets/${figure.id}/withdraw`, { reason: 'x', version: figure.version }))
        .status,
    ).toBe(403);
  });
});
