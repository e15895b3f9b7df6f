import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { findingUnremediedSince } from '../domain/inspection/inspection';
import { systemActor, type Actor } from '../domain/identity/roles';
import { toIsoDate } from '../domain/format/format';
import { inspectionUnremedied } from '../services/inspection/inspection.watch';
import { createOrganisation } from '../services/organisation/organisation.service';
import { communes, makeUser, manualClock, testDeps, testPassword } from '../services/testing';
import { zoneVisibility } from '../services/zone/zone.policy';
import { addLifecycleEvent, createZone } from '../services/zone/zone.service';
import { createTestApp, TestClient } from './testing';

/**
 * Inspections over HTTP, with a test clock: Done-when of issue 12 — "a fire-safety inspection with two failed
 * '4 tại chỗ' items and a remediation deadline; missing the deadline puts the zone on the watch list;
 * remedying it takes it off" — plus scope and bad input on every inspection and incident write route.
 */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const day = 86_400_000;
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
  const deps = testDeps(database.db, systemActor('test'), clock);
  await createOrganisation(deps, {
    code: 'CDT-TL',
    name: 'Công ty hạ tầng Thụy Lâm',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await createZone(deps, {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  await createZone(deps, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
  });
  await addLifecycleEvent(deps, 'CCN-THUY-LAM', { state: 'established', eventDate: '2021-05-10' });
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

const fireSafety = {
  kindCode: 'fire_safety',
  inspectedOn: '2026-06-15',
  agency: 'Phòng Cảnh sát PCCC và CNCH, Công an Thành phố',
  decisionNo: '125/QĐ-PC07',
  results: [
    { itemCode: 'onsite_command', passed: true },
    { itemCode: 'onsite_forces', passed: false, note: 'Đội PCCC cơ sở chưa được huấn luyện' },
    { itemCode: 'onsite_equipment', passed: false, note: 'Bình chữa cháy hết hạn' },
    { itemCode: 'onsite_logistics', passed: true },
    { itemCode: 'design_acceptance', passed: true },
  ],
  findings: [
    {
      itemCode: 'onsite_forces',
      description: 'Lực lượng tại chỗ chưa được huấn luyện nghiệp vụ',
      action: 'Tổ chức huấn luyện',
      deadline: '2026-07-15',
    },
    {
      itemCode: 'onsite_equipment',
      description: 'Phương tiện tại chỗ không bảo đảm',
      action: 'Thay bình chữa cháy',
      deadline: '2026-07-15',
    },
  ],
  penalties: [{ decisionNo: '88/QĐ-XPHC', decidedOn: '2026-06-18', amountVnd: '15000000' }],
};

describe('a fire-safety inspection with two failed "4 tại chỗ" items', () => {
  let inspection: { id: string; findings: { id: string; version: number; itemCode: string }[] };

  it('is recorded by the commune officer through the zone, never by the developer', async () => {
    const refused = await developer.post('/api/zones/CCN-THUY-LAM/inspections', fireSafety);
    expect(refused.status).toBe(403);
    const res = await officer.post('/api/zones/CCN-THUY-LAM/inspections', fireSafety);
    expect(res.status).toBe(201);
    inspection = res.body;
    expect(res.body.results.filter((r: { passed: boolean }) => !r.passed)).toHaveLength(2);
    expect(res.body.penalties[0].amountVnd).toBe('15000000');
    const seen = await developer.get('/api/zones/CCN-THUY-LAM/inspections');
    expect(seen.status).toBe(200);
    expect(seen.body.canRecord).toBe(false);
    expect(seen.body.inspections).toHaveLength(1);
    expect((await otherOfficer.get('/api/zones/CCN-THUY-LAM/inspections')).status).toBe(404);
  });

  it('puts the zone on the watch list once the deadline passes, and remedying takes it off', async () => {
    const watch = (actor: Actor) => inspectionUnremedied(database.db, zoneVisibility(actor), today());
    expect(await watch(department)).toEqual([]);
    clock.advance(25 * day); // 2026-07-15: the deadline itself is still in time
    expect(today()).toBe('2026-07-15');
    expect(await watch(department)).toEqual([]);
    clock.advance(day);
    const entries = await watch(department);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      subject: { kind: 'zone', code: 'CCN-THUY-LAM' },
      zoneCode: 'CCN-THUY-LAM',
      rule: 'inspection_unremedied',
      since: '2026-07-16',
      agency: fireSafety.agency,
      proposedAction: 'inspect',
    });
    expect(entries.map((e) => e.reason.vi).join(' ')).toContain('Lực lượng tại chỗ');
    expect(await watch(thachThat)).toEqual([]);
    const listed = await officer.get('/api/inspections?unremedied=true');
    expect(listed.body.map((i: { id: string }) => i.id)).toEqual([inspection.id]);

    const [forces, equipment] = inspection.findings;
    const path = (f: { id: string }) => `/api/inspections/${inspection.id}/findings/${f.id}/remedy`;
    const early = await officer.post(path(forces!), { remediedOn: '2026-06-01', evidence: 'x', version: 1 });
    expect(early.status).toBe(400);
    expect(Object.keys(early.body.details.fields)).toEqual(['remediedOn']);
    expect(
      (await developer.post(path(forces!), { remediedOn: '2026-07-16', evidence: 'x', version: 1 })).status,
    ).toBe(403);
    const first = await officer.post(path(forces!), {
      remediedOn: '2026-07-16',
      evidence: 'Biên bản huấn luyện PCCC ngày 16/7/2026',
      version: forces!.version,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ remediedOn: '2026-07-16', overdue: false, version: 2 });
    const stale = await officer.post(path(forces!), { remediedOn: '2026-07-16', evidence: 'x', version: 1 });
    expect(stale.status).toBe(400);
    expect(await watch(department)).toHaveLength(1);
    const second = await officer.post(path(equipment!), {
      remediedOn: '2026-07-16',
      evidence: 'Hoá đơn thay 40 bình chữa cháy',
      version: equipment!.version,
    });
    expect(second.status).toBe(200);
    expect(await watch(department)).toEqual([]);
    const history = await database.query<{ action: string }>(
      `select action from audit_log where entity_type = 'inspection' order by id`,
    );
    expect(history.map((h) => h.action)).toEqual([
      'inspection.record',
      'inspection.remedy',
      'inspection.remedy',
    ]);
  });

  it('states the rule once: the SQL of the watch source agrees with the domain predicate', async () => {
    const deadlines = ['2026-07-01', '2026-07-16', '2026-07-17', '2026-08-30', null];
    await officer.post('/api/zones/CCN-THUY-LAM/inspections', {
      kindCode: 'labour',
      inspectedOn: '2026-06-30',
      agency: 'Sở Nội vụ',
      results: [
        { itemCode: 'contracts', passed: false },
        { itemCode: 'occupational_safety', passed: true },
      ],
      findings: deadlines.map((deadline, i) => ({
        itemCode: i === 0 ? 'contracts' : null,
        description: `Kiến nghị ${i}`,
        deadline,
      })),
    });
    const rows = await database.query<{ id: string; deadline: string | null; remedied_on: string | null }>(
      `select id, deadline::text, remedied_on::text from inspection_finding`,
    );
    for (const at of ['2026-07-01', '2026-07-02', '2026-07-17', '2026-07-18', '2026-09-01']) {
      const expected = rows
        .filter((r) => findingUnremediedSince({ deadline: r.deadline, remediedOn: r.remedied_on }, at))
        .map((r) => r.id)
        .sort();
      const actual = (await inspectionUnremedied(database.db, { kind: 'all' }, at))
        .map((e) => e.source!.id)
        .sort();
      expect(actual, at).toEqual(expected);
    }
  });
});

describe('bad input on every inspection and incident write route is a 400 naming the field', () => {
  const cases: [string, string, string, unknown, string][] = [
    [
      'post',
      '/api/zones/CCN-THUY-LAM/inspections',
      'unknown kind',
      { ...fireSafety, kindCode: 'nope' },
      'kindCode',
    ],
    [
      'post',
      '/api/zones/CCN-THUY-LAM/inspections',
      'failed item without a finding',
      { ...fireSafety, findings: fireSafety.findings.slice(0, 1) },
      'results.2.passed',
    ],
    [
      'post',
      '/api/zones/CCN-THUY-LAM/inspections',
      'bad date',
      { ...fireSafety, inspectedOn: '15/6/2026' },
      'inspectedOn',
    ],
    [
      'post',
      '/api/zones/CCN-THUY-LAM/inspections',
      'penalty amount',
      { ...fireSafety, penalties: [{ decisionNo: '1', decidedOn: '2026-06-18', amountVnd: '1,5' }] },
      'penalties.0.amountVnd',
    ],
    [
      'post',
      '/api/inspection-plan',
      'quarter',
      { year: 2026, quarter: 5, zoneCode: 'CCN-THUY-LAM', kindCode: 'labour', agency: 'Sở Nội vụ' },
      'quarter',
    ],
    [
      'post',
      '/api/inspection-plan',
      'kind',
      { year: 2026, quarter: 3, zoneCode: 'CCN-THUY-LAM', kindCode: 'x', agency: 'Sở Nội vụ' },
      'kindCode',
    ],
    [
      'post',
      '/api/zones/CCN-THUY-LAM/incidents',
      'kind',
      { kind: 'flood', occurredOn: '2026-06-01', severity: 'minor', description: 'x' },
      'kind',
    ],
    [
      'post',
      '/api/zones/CCN-THUY-LAM/incidents',
      'people',
      { kind: 'accident', occurredOn: '2026-06-01', severity: 'minor', description: 'x', peopleAffected: -1 },
      'peopleAffected',
    ],
  ];
  it.each(cases)('%s %s (%s)', async (method, path, _what, body, field) => {
    const res = await officer.request(method.toUpperCase(), path, { body });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details.fields)).toContain(field);
  });

  it('a finding remedy and an incident follow-up too', async () => {
    const remedy = await officer.post(
      '/api/inspections/00000000-0000-4000-8000-000000000000/findings/00000000-0000-4000-8000-000000000000/remedy',
      { remediedOn: 'hôm qua', evidence: '', version: 0 },
    );
    expect(remedy.status).toBe(400);
    expect(Object.keys(remedy.body.details.fields).sort()).toEqual(['evidence', 'remediedOn', 'version']);
    const incident = await officer.post('/api/zones/CCN-THUY-LAM/incidents', {
      kind: 'fire_explosion',
      occurredOn: '2026-06-10',
      severity: 'serious',
      peopleAffected: 3,
      description: 'Cháy kho nguyên liệu',
      damageVnd: '250000000',
    });
    expect(incident.status).toBe(201);
    const bad = await officer.patch(`/api/incidents/${incident.body.id}`, {
      closedOn: '2026-06-01',
      version: 1,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details.fields)).toEqual(['closedOn']);
    const ok = await developer.patch(`/api/incidents/${incident.body.id}`, {
      followUp: 'Đã khắc phục, bổ sung hệ thống chữa cháy tự động',
      closedOn: '2026-06-30',
      version: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expect((await otherOfficer.patch(`/api/incidents/${incident.body.id}`, { version: 2 })).status).toBe(404);
    expect((await otherOfficer.post('/api/zones/CCN-THUY-LAM/incidents', { kind: 'x' })).status).toBe(400);
    expect(
      (
        await otherOfficer.post('/api/zones/CCN-THUY-LAM/incidents', {
          kind: 'accident',
          occurredOn: '2026-06-01',
          severity: 'minor',
          description: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('inspection plan, counts and export', () => {
  it('plans an inspection, counts planned and done per kind, and exports the list in scope', async () => {
    const plan = await officer.post('/api/inspection-plan', {
      year: 2026,
      quarter: 3,
      zoneCode: 'CCN-THUY-LAM',
      kindCode: 'environment_wwtp',
      agency: 'Sở Nông nghiệp và Môi trường',
    });
    expect(plan.status).toBe(201);
    expect(
      (
        await developer.post('/api/inspection-plan', {
          year: 2026,
          quarter: 3,
          zoneCode: 'CCN-THUY-LAM',
          kindCode: 'labour',
          agency: 'x',
        })
      ).status,
    ).toBe(403);
    const counts = await officer.get('/api/inspections/counts?year=2026');
    const fire = counts.body.kinds.find((k: { kindCode: string }) => k.kindCode === 'fire_safety');
    expect(fire).toMatchObject({
      done: 1,
      withFailures: 1,
      unremediedFindings: 0,
      penaltiesVnd: '15000000',
      zonesInspected: 1,
      zonesCompliant: 1,
    });
    const labour = counts.body.kinds.find((k: { kindCode: string }) => k.kindCode === 'labour');
    expect(labour).toMatchObject({ zonesInspected: 1, zonesCompliant: 0 });
    const env = counts.body.kinds.find((k: { kindCode: string }) => k.kindCode === 'environment_wwtp');
    expect(env).toMatchObject({ planned: 1, done: 0 });
    const csv = await officer.get('/api/inspections/export.csv?kind=fire_safety');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('Phương tiện tại chỗ');
    expect(String(csv.body)).toContain('CCN-THUY-LAM');
    const none = await otherOfficer.get('/api/inspections/export.csv');
    expect(String(none.body)).not.toContain('CCN-THUY-LAM');
  });
});
