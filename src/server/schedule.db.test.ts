import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { toIsoDate } from '../domain/format/format';
import { systemActor, type Actor } from '../domain/identity/roles';
import { createOrganisation } from '../services/organisation/organisation.service';
import { commitmentMissed, progressStale, scheduleStepLate } from '../services/schedule/schedule.watch';
import { communes, makeUser, manualClock, testDeps, testPassword } from '../services/testing';
import { zoneVisibility } from '../services/zone/zone.policy';
import { addLifecycleEvent, createZone } from '../services/zone/zone.service';
import { createTestApp, TestClient } from './testing';

/**
 * A zone's schedule over HTTP: slippage and missed commitments are computed from lifecycle events — there is
 * no second "actual date" — and the schedule's watch sources follow the lifecycle; scope and bad input.
 */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const system = () => testDeps(database.db, systemActor('test'), clock);
let officer: TestClient;
let otherOfficer: TestClient;
let developer: TestClient;
let department: Actor;
let thachThat: Actor;

async function signedIn(overrides: Parameters<typeof makeUser>[1]) {
  const { user, actor } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return { client, actor };
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock, auth: { sessionTtlMinutes: 60 * 24 * 365 } }).app;
  await createOrganisation(system(), {
    code: 'CDT-TL',
    name: 'Công ty hạ tầng Thụy Lâm',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await createZone(system(), {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  for (const [state, eventDate] of [
    ['established', '2021-05-10'],
    ['detailed_plan_approved', '2022-03-01'],
    ['land_clearance', '2023-01-10'],
    ['construction', '2024-02-01'],
  ] as const) {
    await addLifecycleEvent(system(), 'CCN-THUY-LAM', { state, eventDate });
  }
  officer = (
    await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
      family: 'CCN',
    })
  ).client;
  const other = await signedIn({
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: communes.thachThat,
    family: 'CCN',
  });
  otherOfficer = other.client;
  thachThat = other.actor;
  developer = (await signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-TL' })).client;
  department = (
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    })
  ).actor;
});
afterAll(() => database?.cleanup());

const today = () => toIsoDate(clock.now());
const step = (body: Record<string, unknown>) => ({
  agency: 'UBND xã Đông Anh',
  sourceKind: 'establishment_decision',
  sourceRef: 'QĐ 2301/QĐ-UBND ngày 10/5/2021',
  ...body,
});

describe('slippage and missed commitments come from lifecycle events', () => {
  it('stores no actual date: the schedule tables have planned and target dates only', async () => {
    const columns = await database.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_name in ('schedule_step', 'commitment_target') and data_type = 'date' order by 1, 2`,
    );
    expect(columns).toEqual([
      { table_name: 'commitment_target', column_name: 'target_date' },
      { table_name: 'schedule_step', column_name: 'planned_date' },
    ]);
  });

  it('plans steps and a commitment; reads actual dates and slippage from the lifecycle', async () => {
    expect(
      (
        await officer.request('PUT', '/api/zones/CCN-THUY-LAM/schedule/construction_start', {
          body: step({ plannedDate: '2023-12-31' }),
        })
      ).status,
    ).toBe(200);
    const infra = await officer.request('PUT', '/api/zones/CCN-THUY-LAM/schedule/infrastructure_complete', {
      // An "actual date" sent along is not a field of the contract: it is dropped, never stored.
      body: step({ plannedDate: '2026-03-31', reachedOn: '2026-01-01' }),
    });
    expect(infra.status).toBe(200);
    const commitment = await officer.api.post(
      '/api/zones/{code}/commitments',
      {
        documentRef: 'Văn bản cam kết số 15/CK-TL',
        signedOn: '2025-10-01',
        signedBy: 'Công ty hạ tầng Thụy Lâm',
        targets: [
          { step: 'infrastructure_complete', targetDate: '2026-05-31', description: 'Hoàn thành hạ tầng' },
        ],
      },
      { params: { code: 'CCN-THUY-LAM' } },
    );
    expect(commitment.status).toBe(201);

    const schedule = (
      await developer.api.get('/api/zones/{code}/schedule', { params: { code: 'CCN-THUY-LAM' } })
    ).body;
    const byStep = Object.fromEntries(schedule.steps.map((s: { step: string }) => [s.step, s]));
    expect(byStep.construction_start).toMatchObject({
      reachedOn: '2024-02-01',
      slippageDays: 32,
      status: 'done_late',
    });
    expect(byStep.infrastructure_complete).toMatchObject({
      reachedOn: null,
      slippageDays: 81,
      status: 'late',
    });
    expect(byStep.detailed_plan_approved).toMatchObject({ plannedDate: null, reachedOn: '2022-03-01' });
    expect(schedule.commitments[0]!.targets[0]).toMatchObject({ status: 'missed_open', daysLate: 20 });
    expect(schedule).toMatchObject({ canPlan: false, canRecordProgress: true });
  });

  it('puts the zone on the watch list while the step is late and the commitment missed; the lifecycle event ends both', async () => {
    const late = await scheduleStepLate(database.db, zoneVisibility(department), today());
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      zoneCode: 'CCN-THUY-LAM',
      rule: 'schedule_step_late',
      since: '2026-05-01',
      agency: 'UBND xã Đông Anh',
      proposedAction: 'remind',
    });
    expect(late[0]!.reason.vi).toContain('chậm 81 ngày');
    const missed = await commitmentMissed(database.db, zoneVisibility(department), today());
    expect(missed).toHaveLength(1);
    expect(missed[0]).toMatchObject({
      rule: 'commitment_missed',
      since: '2026-06-01',
      proposedAction: 'escalate',
    });
    expect(await scheduleStepLate(database.db, zoneVisibility(thachThat), today())).toEqual([]);
    expect(await commitmentMissed(database.db, zoneVisibility(thachThat), today())).toEqual([]);

    await addLifecycleEvent(system(), 'CCN-THUY-LAM', {
      state: 'infrastructure_complete',
      eventDate: '2026-06-18',
    });
    expect(await scheduleStepLate(database.db, zoneVisibility(department), today())).toEqual([]);
    expect(await commitmentMissed(database.db, zoneVisibility(department), today())).toEqual([]);
    const schedule = (
      await officer.api.get('/api/zones/{code}/schedule', { params: { code: 'CCN-THUY-LAM' } })
    ).body;
    const infra = schedule.steps.find((s: { step: string }) => s.step === 'infrastructure_complete');
    expect(infra).toMatchObject({ reachedOn: '2026-06-18', slippageDays: 79, status: 'done_late' });
    expect(schedule.commitments[0]!.targets[0]).toMatchObject({
      status: 'missed',
      daysLate: 18,
      reachedOn: '2026-06-18',
    });
    expect(schedule.canPlan).toBe(true);
  });
});

describe('progress readings', () => {
  it('are recorded by the developer; a zone under construction without one for six months is on the list', async () => {
    await createZone(system(), {
      code: 'CCN-DONG-ANH-2',
      name: 'CCN Đông Anh 2',
      kind: 'CCN',
      communeCode: communes.dongAnh,
      developerCode: 'CDT-TL',
    });
    await addLifecycleEvent(system(), 'CCN-DONG-ANH-2', {
      state: 'established',
      eventDate: '2024-01-05',
    });
    await addLifecycleEvent(system(), 'CCN-DONG-ANH-2', {
      state: 'construction',
      eventDate: '2025-03-01',
    });
    const stale = await progressStale(database.db, zoneVisibility(department), today());
    expect(stale).toEqual([
      expect.objectContaining({ zoneCode: 'CCN-DONG-ANH-2', rule: 'progress_stale', since: '2025-09-01' }),
    ]);
    const reading = await developer.api.post(
      '/api/zones/{code}/progress-readings',
      {
        kind: 'construction',
        readingDate: '2026-06-01',
        pct: 45.5,
        source: 'Báo cáo tiến độ tháng 5/2026 của chủ đầu tư',
      },
      { params: { code: 'CCN-DONG-ANH-2' } },
    );
    expect(reading.status).toBe(201);
    expect(reading.body).toMatchObject({ reporterKind: 'developer', pct: 45.5 });
    expect(await progressStale(database.db, zoneVisibility(department), today())).toEqual([]);
    const commune = await officer.api.post(
      '/api/zones/{code}/progress-readings',
      {
        kind: 'land_clearance',
        readingDate: '2026-06-02',
        pct: 100,
        source: 'Biên bản bàn giao mặt bằng',
      },
      { params: { code: 'CCN-DONG-ANH-2' } },
    );
    expect(commune.body.reporterKind).toBe('commune');
    clock.advance(190 * 86_400_000);
    expect((await progressStale(database.db, zoneVisibility(department), today()))[0]).toMatchObject({
      zoneCode: 'CCN-DONG-ANH-2',
      since: '2026-12-02',
    });
  });
});

describe('scope and bad input on the schedule write routes', () => {
  it('lets only agencies plan; a commune outside the territory sees nothing', async () => {
    expect(
      (
        await developer.request('PUT', '/api/zones/CCN-THUY-LAM/schedule/operating', {
          body: step({ plannedDate: '2027-06-30' }),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await developer.api.post(
          '/api/zones/{code}/commitments',
          {
            documentRef: 'x',
            signedOn: '2025-01-01',
            signedBy: 'x',
            targets: [{ step: 'operating', targetDate: '2027-01-01' }],
          },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(403);
    expect(
      (await otherOfficer.api.get('/api/zones/{code}/schedule', { params: { code: 'CCN-THUY-LAM' } })).status,
    ).toBe(404);
    expect(
      (
        await otherOfficer.api.post(
          '/api/zones/{code}/progress-readings',
          {
            kind: 'construction',
            readingDate: '2026-06-01',
            pct: 50,
            source: 'x',
          },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(404);
  });

  const cases: [string, string, unknown, string][] = [
    ['PUT', '/api/zones/CCN-THUY-LAM/schedule/operating', step({ plannedDate: '30/6/2027' }), 'plannedDate'],
    [
      'PUT',
      '/api/zones/CCN-THUY-LAM/schedule/operating',
      step({ plannedDate: '2027-06-30', agency: '' }),
      'agency',
    ],
    ['PUT', '/api/zones/CCN-THUY-LAM/schedule/opening', step({ plannedDate: '2027-06-30' }), 'step'],
    [
      'PUT',
      '/api/zones/CCN-THUY-LAM/schedule/construction_start',
      step({ plannedDate: '2024-01-31' }),
      'version',
    ],
    [
      'POST',
      '/api/zones/CCN-THUY-LAM/progress-readings',
      { kind: 'construction', readingDate: '2026-06-01', pct: 150, source: 'x' },
      'pct',
    ],
    [
      'POST',
      '/api/zones/CCN-THUY-LAM/progress-readings',
      { kind: 'construction', readingDate: '2099-06-01', pct: 50, source: 'x' },
      'readingDate',
    ],
    [
      'POST',
      '/api/zones/CCN-THUY-LAM/commitments',
      { documentRef: 'x', signedOn: '2025-01-01', signedBy: 'x', targets: [] },
      'targets',
    ],
    [
      'POST',
      '/api/zones/CCN-THUY-LAM/commitments',
      {
        documentRef: 'x',
        signedOn: '2025-01-01',
        signedBy: 'x',
        targets: [{ step: 'operating', targetDate: '2024-01-01' }],
      },
      'targets.0.targetDate',
    ],
  ];
  it.each(cases)('%s %s → 400 naming %s', async (method, path, body, field) => {
    const res = await officer.request(method, path, { body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields)).toContain(field);
  });

  it('a revision with a stale version is a 409', async () => {
    const current = (
      await officer.api.get('/api/zones/{code}/schedule', { params: { code: 'CCN-THUY-LAM' } })
    ).body.steps.find((s: { step: string }) => s.step === 'construction_start');
    const ok = await officer.request('PUT', '/api/zones/CCN-THUY-LAM/schedule/construction_start', {
      body: step({ plannedDate: '2024-01-31', version: current!.version }),
    });
    expect(ok.status).toBe(200);
    const stale = await officer.request('PUT', '/api/zones/CCN-THUY-LAM/schedule/construction_start', {
      body: step({ plannedDate: '2024-02-28', version: current!.version }),
    });
    expect(stale.status).toBe(409);
  });
});
