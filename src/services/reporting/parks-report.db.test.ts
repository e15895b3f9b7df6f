import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { createOrganisation } from '../organisation/organisation.service';
import { addInvestmentEvent, createProject } from '../project/project.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';
import { acceptFiling, saveDraft, submitFiling } from './filing.service';
import { getParksReport, parksReportItem } from './parks-report.service';
import { listTargets, setTarget } from './plan-target.service';
import { rowsOf } from '../../db/rows';

/**
 * The parks' report on a hand-computed fixture (USD at 25,000 VND, 2026):
 *
 *   KCN-A  PA1 (T1, FDI)  new 10 M USD 10/02 (Q1); increase 2.5 M USD 05/05 (Q2)
 *          PA2 (T2)       new 50 bn VND 20/04 (Q2)                 → 2 M USD
 *   KCN-B  PB1 (T3, FDI)  new 5 M USD 01/06/2025 (last year); increase 1 M USD 30/06 (Q2, last day)
 *   CCN-X  PC1            new 100 bn VND 01/05 — a cluster: never in the parks' report
 *
 * Q2 2026, city: 1 new project (50 bn VND), 2 increases (3.5 M USD), attracted 2.5 + 2 + 1 = 5.5 M USD;
 * year to date: 2 new (10 M USD, 50 bn VND), 2 increases, 10 + 2.5 + 2 + 1 = 15.5 M USD.
 * Accepted tenant reports (revenue, export, import, budget in M USD; workers):
 *   PA1 Q1 12.5 / 8 / 3 / 0.75 / 400;  PA1 Q2 14 / 9.25 / 3.5 / 0.8 / 420;  PB1 Q2 6 / 0 / 1.2 / 0.3 / 150
 *   PA2 Q2 only submitted (not accepted): it does not count, and shows as a gap.
 * Q2: revenue 20 (ytd 32.5), export 9.25 (17.25), import 4.7 (7.7), budget 1.1 (1.85), workers 570.
 * Targets 2026 (city): capital 62 → 15.5/62 = 25 %; revenue 130 → 25 %; export 50 → 34.5 %; budget 5 → 37 %.
 */
let database: TestDatabase;
const clock = manualClock(new Date('2026-07-05T03:00:00Z'));
type Who =
  | 'board'
  | 'department'
  | 'leader'
  | 'devA'
  | 'devAOrg'
  | 'devB'
  | 'commune'
  | 'tenant1'
  | 'tenant2'
  | 'tenant3';
const actors = {} as Record<Who, Actor>;
const as = (who: Who) => testDeps(database.db, actors[who], clock);

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = testDeps(database.db, systemActor('test'));
  await createExchangeRate(admin, {
    currency: 'USD',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    vndPerUnit: '25000',
    source: 'kiểm thử',
  });
  for (const [code, ownership, roles] of [
    ['DEV-A', 'domestic_private', ['developer']],
    ['DEV-B', 'domestic_private', ['developer']],
    ['T1', 'fdi', ['tenant']],
    ['T2', 'domestic_private', ['tenant']],
    ['T3', 'fdi', ['tenant']],
    ['T4', 'domestic_private', ['tenant']],
  ] as const) {
    await createOrganisation(admin, {
      code,
      name: `Công ty ${code}`,
      country: ownership === 'fdi' ? 'JP' : 'VN',
      ownership,
      roles: [...roles],
    });
  }
  for (const [code, kind, developerCode, wwtpStatus] of [
    ['KCN-A', 'KCN', 'DEV-A', 'compliant'],
    ['KCN-B', 'KCN', 'DEV-B', 'operating'],
    ['CCN-X', 'CCN', 'DEV-B', 'compliant'],
  ] as const) {
    await createZone(admin, {
      code,
      name: `${kind === 'CCN' ? 'Cụm công nghiệp' : 'Khu công nghiệp'} ${code}`,
      kind,
      communeCode: communes.dongAnh,
      developerCode,
      declaredAreaHa: 100,
      wwtpStatus,
    });
    await addLifecycleEvent(admin, code, { state: 'established', eventDate: '2010-01-01' });
    await addLifecycleEvent(admin, code, { state: 'operating', eventDate: '2012-01-01' });
  }
  for (const [code, zoneCode, investorCode] of [
    ['PA1', 'KCN-A', 'T1'],
    ['PA2', 'KCN-A', 'T2'],
    ['PB1', 'KCN-B', 'T3'],
    ['PC1', 'CCN-X', 'T4'],
  ] as const) {
    await createProject(admin, { code, zoneCode, investorCode, name: `Dự án ${code}`, status: 'operating' });
  }
  const event = (
    code: string,
    kind: 'new' | 'increase',
    eventDate: string,
    amount: string,
    currency: string,
  ) => addInvestmentEvent(admin, code, { kind, eventDate, amount, currency });
  await event('PA1', 'new', '2026-02-10', '10000000', 'USD');
  await event('PA1', 'increase', '2026-05-05', '2500000', 'USD');
  await event('PA2', 'new', '2026-04-20', '50000000000', 'VND');
  await event('PB1', 'new', '2025-06-01', '5000000', 'USD');
  await event('PB1', 'increase', '2026-06-30', '1000000', 'USD');
  await event('PC1', 'new', '2026-05-01', '100000000000', 'VND');

  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family } as never)).actor;
  actors.board = await user('department_officer', 'family', 'KCN', 'KCN');
  actors.department = await user('department_officer', 'family', 'CCN', 'CCN');
  actors.leader = await user('leader', 'all', null);
  actors.devA = await user('developer', 'zone', 'KCN-A', 'KCN');
  actors.devAOrg = await user('developer', 'organisation', 'DEV-A', 'KCN');
  actors.devB = await user('developer', 'zone', 'KCN-B', 'KCN');
  actors.commune = await user('commune_officer', 'commune', communes.dongAnh);
  actors.tenant1 = await user('enterprise', 'organisation', 'T1', 'KCN');
  actors.tenant2 = await user('enterprise', 'organisation', 'T2', 'KCN');
  actors.tenant3 = await user('enterprise', 'organisation', 'T3', 'KCN');

  await file('tenant1', 'PA1', '2026-Q1', [12.5, 8, 3, 0.75, 400], true);
  await file('tenant1', 'PA1', '2026-Q2', [14, 9.25, 3.5, 0.8, 420], true);
  await file('tenant3', 'PB1', '2026-Q2', [6, 0, 1.2, 0.3, 150], true);
  await file('tenant2', 'PA2', '2026-Q2', [5, 1, 1, 0.2, 60], false);
});
afterAll(() => database?.cleanup());

async function file(
  who: Who,
  project: string,
  period: string,
  v: [number, number, number, number, number],
  accept: boolean,
) {
  let filing = await saveDraft(as(who), {
    formCode: 'KCN_TENANT',
    period,
    reporter: { kind: 'project', code: project },
    values: { revenue_usd: v[0], export_usd: v[1], import_usd: v[2], state_budget_usd: v[3], workers: v[4] },
  });
  filing = await submitFiling(as(who), filing.id, { version: filing.version });
  if (accept) filing = await acceptFiling(as('board'), filing.id, { version: filing.version });
  return filing;
}

const q2 = { period: '2026-Q2' };
type View = Awaited<ReturnType<typeof getParksReport>>;
const line = (view: View, no: string) => view.report.items.find((i) => i.no === no)!;
const values = (view: View) => Object.fromEntries(view.report.items.map((i) => [i.no, i.value]));

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('the parks’ report of Q2 2026 for the city', () => {
  it('counts capital from the ledger and business figures from the accepted tenant reports only', async () => {
    const view = await getParksReport(as('board'), q2);
    expect(view.scope).toMatchObject({ kind: 'city', code: 'KCN' });
    expect(view.report.window).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(view.report.yearToDate).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(values(view)).toEqual({
      '1': 1,
      '2': 0,
      '3': 50,
      '4': 2,
      '5': 3.5,
      '6': 0,
      '7': 5.5,
      '8': 0,
      '9': 20,
      '10': 9.25,
      '11': 4.7,
      '12': 1.1,
      '13': 570,
      '14': 1,
    });
    expect(Object.fromEntries(view.report.items.map((i) => [i.no, i.yearToDate]))).toMatchObject({
      '1': 2,
      '2': 10,
      '3': 50,
      '4': 2,
      '5': 3.5,
      '7': 15.5,
      '9': 32.5,
      '10': 17.25,
      '11': 7.7,
      '12': 1.85,
      '13': 570,
    });
  });

  it('drills down to the filings behind a figure and names the reports still missing', async () => {
    const view = await getParksReport(as('board'), q2);
    const revenue = line(view, '9');
    expect(revenue.sourceCount).toBe(2);
    expect(revenue.sources.map((s) => s['contribution']).sort()).toEqual([14, 6]);
    expect(revenue.sources.every((s) => s['kind'] === 'filing' && s['formCode'] === 'KCN_TENANT')).toBe(true);
    // PA2's report is only submitted: a gap, not a figure.
    expect(revenue.gaps).toHaveLength(1);
    expect(revenue.gaps[0]).toMatchObject({ kind: 'filing_missing', formCode: 'KCN_TENANT' });
    expect(line(view, '7').sources).toEqual([
      expect.objectContaining({ kind: 'capital', from: '2026-04-01', to: '2026-06-30', contribution: 5.5 }),
    ]);
    expect(line(view, '14').sources).toEqual([expect.objectContaining({ kind: 'zone', code: 'KCN-A' })]);
    const page = await parksReportItem(as('board'), q2, '9', { offset: 1, limit: 5 });
    expect(page.item.sources).toHaveLength(1);
    expect(page.item.sourceCount).toBe(2);
  });

  it('measures the year to date against the year’s targets', async () => {
    let targets = await listTargets(as('board'), { year: 2026, family: 'KCN' });
    expect(targets.canEdit).toBe(true);
    expect(targets.items.map((t) => t.indicator)).toEqual([
      'capital_attracted_converted_usd',
      'revenue_usd',
      'export_usd',
      'state_budget_usd',
    ]);
    expect(targets.items.every((t) => t.value === null && t.version === null)).toBe(true);
    for (const [indicator, value] of [
      ['capital_attracted_converted_usd', 62],
      ['revenue_usd', 130],
      ['export_usd', 50],
      ['state_budget_usd', 5],
    ] as const) {
      targets = await setTarget(as('board'), {
        year: 2026,
        family: 'KCN',
        zone: null,
        indicator,
        value,
        note: 'Kế hoạch giao đầu năm',
        version: null,
      });
    }
    expect(targets.items.map((t) => [t.value, t.version])).toEqual([
      [62, 1],
      [130, 1],
      [50, 1],
      [5, 1],
    ]);
    const view = await getParksReport(as('board'), q2);
    const pct = (no: string) => [line(view, no).target, line(view, no).achievedPct];
    expect(pct('7')).toEqual([62, 25]); // 15.5 ÷ 62
    expect(pct('9')).toEqual([130, 25]); // 32.5 ÷ 130
    expect(pct('10')).toEqual([50, 34.5]); // 17.25 ÷ 50
    expect(pct('12')).toEqual([5, 37]); // 1.85 ÷ 5
    expect(pct('11')).toEqual([null, null]); // imports take no target
    // The city's targets are not a park's.
    const park = await getParksReport(as('board'), { ...q2, zone: 'KCN-A' });
    expect(line(park, '9').target).toBeNull();
  });

  it('shows an accepted tenant report at once (no cache)', async () => {
    const filing = await database.db.execute(
      sql`select id, version from report_filing where form_code = 'KCN_TENANT' and status = 'submitted'`,
    );
    const row = rowsOf<{ id: string; version: number }>(filing)[0]!;
    await acceptFiling(as('board'), row.id, { version: row.version });
    const view = await getParksReport(as('board'), q2);
    expect(line(view, '9')).toMatchObject({ value: 25, yearToDate: 37.5, gapCount: 0 });
    expect(line(view, '13').value).toBe(630);
  });
});

describe('one park, and the year', () => {
  it('KCN-A: only its projects and its reports', async () => {
    const view = await getParksReport(as('devA'), { ...q2, zone: 'kcn-a' });
    expect(view.scope).toEqual({ kind: 'zone', code: 'KCN-A', name: 'Khu công nghiệp KCN-A' });
    expect(view.canEditTargets).toBe(false);
    expect(values(view)).toMatchObject({
      '1': 1,
      '3': 50,
      '4': 1,
      '5': 2.5,
      '7': 4.5,
      '9': 19,
      '13': 480,
      '14': 1,
    });
    expect(line(view, '7').yearToDate).toBe(14.5);
  });

  it('the yearly report covers the whole year and reads the yearly tenant reports', async () => {
    const view = await getParksReport(as('leader'), { period: '2026' });
    expect(view.report.window).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(line(view, '7')).toMatchObject({ value: 15.5, yearToDate: 15.5, target: 62, achievedPct: 25 });
    expect(line(view, '9').value).toBe(0); // no yearly tenant report accepted yet
  });

  it('a period the report is not made for is a field error', async () => {
    const error = await rejection(getParksReport(as('board'), { period: '2026-H1' }));
    expect(error.code).toBe('validation');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['period']);
    expect((await rejection(getParksReport(as('board'), { period: '2026-Q5' }))).code).toBe('validation');
  });
});

describe('who reads and who sets targets', () => {
  it('the Department and leaders read the city; a park’s developer reads its park only', async () => {
    await expect(getParksReport(as('department'), q2)).resolves.toBeTruthy();
    await expect(getParksReport(as('devAOrg'), { ...q2, zone: 'KCN-A' })).resolves.toBeTruthy();
    for (const [who, zone] of [
      ['devA', 'KCN-B'],
      ['devA', undefined],
      ['devB', 'KCN-A'],
      ['devAOrg', 'KCN-B'],
      ['commune', 'KCN-A'],
      ['commune', undefined],
      ['tenant1', 'KCN-A'],
      ['board', 'CCN-X'],
      ['board', 'NO-SUCH'],
    ] as const) {
      expect((await rejection(getParksReport(as(who), { ...q2, zone }))).code, `${who} ${zone}`).toBe(
        'not_found',
      );
    }
    expect(
      (await rejection(listTargets(as('commune'), { year: 2026, family: 'KCN', zone: 'KCN-A' }))).code,
    ).toBe('not_found');
    expect(
      (await rejection(listTargets(as('devB'), { year: 2026, family: 'KCN', zone: 'KCN-A' }))).code,
    ).toBe('not_found');
    expect((await listTargets(as('devA'), { year: 2026, family: 'KCN', zone: 'KCN-A' })).canEdit).toBe(false);
  });

  it('only the family’s department sets targets', async () => {
    const input = {
      year: 2026,
      family: 'KCN' as const,
      zone: 'KCN-A',
      indicator: 'revenue_usd',
      value: 80,
      note: null,
      version: null,
    };
    expect((await rejection(setTarget(as('devA'), input))).code).toBe('forbidden');
    expect((await rejection(setTarget(as('devB'), input))).code).toBe('not_found');
    expect((await rejection(setTarget(as('commune'), input))).code).toBe('not_found');
    expect((await rejection(setTarget(as('department'), input))).code).toBe('forbidden');
    expect((await rejection(setTarget(as('leader'), input))).code).toBe('forbidden');
    const set = await setTarget(as('board'), input);
    expect(set.scope).toMatchObject({ kind: 'zone', code: 'KCN-A' });
    expect(set.items.find((t) => t.indicator === 'revenue_usd')).toMatchObject({ value: 80, version: 1 });
    const park = await getParksReport(as('devA'), { ...q2, zone: 'KCN-A' });
    // KCN-A's revenue since January: 12.5 + 14 (PA1) + 5 (PA2, accepted above) = 31.5; 31.5 ÷ 80 = 39.375 %.
    expect(line(park, '9')).toMatchObject({ yearToDate: 31.5, target: 80, achievedPct: 39.4 });
  });

  it('a stale edit is refused with the target as it stands; every change is in the audit trail', async () => {
    const base = { year: 2026, family: 'KCN' as const, zone: null, indicator: 'export_usd', note: null };
    await setTarget(as('board'), { ...base, value: 55, version: 1 });
    const stale = await rejection(setTarget(as('board'), { ...base, value: 60, version: 1 }));
    expect(stale.code).toBe('conflict');
    expect(stale.details).toMatchObject({ current: { indicator: 'export_usd', value: 55, version: 2 } });
    // Creating what exists is stale too.
    expect((await rejection(setTarget(as('board'), { ...base, value: 60, version: null }))).code).toBe(
      'conflict',
    );
    const bad = await rejection(
      setTarget(as('board'), { ...base, indicator: 'workers', value: 1, version: null }),
    );
    expect(bad.code).toBe('validation');
    expect(Object.keys((bad.details as { fields: object }).fields)).toEqual(['indicator']);
    const audit = await database.db.execute(sql`
      select before->>'value' as before, after->>'value' as after from audit_log
      where entity_type = 'plan_target' and after->>'indicator' = 'export_usd' order by id`);
    expect(rowsOf<unknown>(audit)).toEqual([
      { before: null, after: '50' },
      { before: '50', after: '55' },
    ]);
  });
});
