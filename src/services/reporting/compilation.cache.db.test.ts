import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';
import {
  annotateCompilation,
  compilationItem,
  compilationRefreshes,
  compileDirect,
  compiledReport,
  getCompilation,
} from './compilation.service';
import { completenessCounts, completenessReport, type CompletenessGroup } from './completeness.service';
import type { Db } from '../../db/client';
import { acceptFiling, returnFiling, saveDraft, submitFiling } from './filing.service';
import { rowsOf } from '../../db/rows';

/**
 * The cached, snapshot-based path of Biểu 03/04 against the straightforward one (everything in scope loaded
 * now, as signing does), on a generated registry with every kind of gap — and the cache's promise: any change
 * to what a report reads shows in the next answer.
 */

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const actors = {} as Record<'tenant' | 'department', Actor>;
const PERIOD = '2026-H1';

beforeAll(async () => {
  database = await createTestDatabase();
  const admin = testDeps(database.db, systemActor('test'));
  const ownerships = ['domestic_private', 'domestic_state', 'fdi'] as const;
  for (let d = 1; d <= 4; d++) {
    await createOrganisation(admin, {
      code: `CDT-${d}`,
      name: `Công ty hạ tầng ${d}`,
      country: 'VN',
      ownership: ownerships[d % 3]!,
      roles: ['developer'],
    });
  }
  for (let t = 1; t <= 8; t++) {
    await createOrganisation(admin, {
      code: `DN-${t}`,
      name: `Công ty sản xuất ${t}`,
      country: t % 3 === 0 ? 'KR' : 'VN',
      ownership: t % 3 === 0 ? 'fdi' : 'domestic_private',
      roles: ['tenant'],
    });
  }
  // Six clusters over two communes: operating, established, in the plan only, one without a developer, one
  // without a declared area (a registry gap), one established inside the period's window.
  const histories: [string, string][][] = [
    [
      ['in_plan', '2015-03-01'],
      ['established', '2017-05-01'],
      ['operating', '2019-01-10'],
    ],
    [
      ['in_plan', '2016-03-01'],
      ['established', '2020-05-01'],
    ],
    [['in_plan', '2021-07-01']],
    [
      ['in_plan', '2014-01-01'],
      ['established', '2026-02-01'],
    ],
    [['operating_without_establishment', '2005-01-01']],
    [
      ['in_plan', '2012-01-01'],
      ['established', '2013-01-01'],
      ['operating', '2015-01-01'],
    ],
  ];
  for (let z = 1; z <= 6; z++) {
    await createZone(admin, {
      code: `CCN-G${z}`,
      name: `Cụm công nghiệp Sinh ${z}`,
      kind: 'CCN',
      communeCode: z <= 3 ? communes.dongAnh : communes.thachThat,
      developerCode: z === 3 ? null : `CDT-${(z % 4) + 1}`,
      declaredAreaHa: z === 5 ? null : 20 + z * 7.25,
      industrialLandHa: 15 + z * 3.5,
      leasedHa: 5 + z,
      ccnTypeCode: z === 5 ? 'craft_village' : 'general',
      wwtpStatus: z % 2 ? 'operating' : null,
    });
    for (const [state, eventDate] of histories[z - 1]!) {
      await addLifecycleEvent(admin, `CCN-G${z}`, { state, eventDate } as never);
    }
  }
  const statuses = ['operating', 'operating', 'operating', 'building', 'terminated'] as const;
  for (let p = 1; p <= 36; p++) {
    await createProject(admin, {
      code: `DA-G${String(p).padStart(2, '0')}`,
      zoneCode: `CCN-G${(p % 6) + 1}`,
      investorCode: `DN-${(p % 8) + 1}`,
      name: `Nhà máy số ${p}`,
      status: statuses[p % 5]!,
    });
  }
  // Accepted Biểu 01 for two projects in three, Biểu 02 for four clusters (the others fall back on the
  // registry), a submitted-but-not-accepted one, and one filed in the other commune (Biểu 03 must not read it).
  await database.db.execute(sql`
    with f as (
      insert into report_filing (form_code, period, reporter_kind, reporter_ref, zone_id, commune_id,
        organisation_id, family, status, current_revision, accepted_revision, due_at, first_submitted_at, accepted_at)
      select 'B01', ${PERIOD}::text, 'project', p.id::text, z.id,
        case when p.code = 'DA-G07' then (select commune_id from zone where code = 'CCN-G6') else z.commune_id end,
        p.investor_id, 'CCN',
        case when p.code = 'DA-G11' then 'submitted' else 'accepted' end, 1,
        case when p.code = 'DA-G11' then null else 1 end,
        '2026-06-20T16:59:59.999Z'::timestamptz, '2026-06-12T03:00:00Z'::timestamptz,
        case when p.code = 'DA-G11' then null else '2026-06-13T03:00:00Z'::timestamptz end
      from project p join zone z on z.id = p.zone_id where p.status = 'operating' and right(p.code, 1) <> '5'
      union all
      select 'B02', ${PERIOD}::text, 'zone', z.id::text, z.id, z.commune_id, z.developer_id, 'CCN', 'accepted', 1, 1,
        '2026-06-20T16:59:59.999Z', '2026-06-12T03:00:00Z', '2026-06-13T03:00:00Z'
      from zone z where z.code in ('CCN-G1', 'CCN-G2', 'CCN-G4', 'CCN-G6')
      returning id, form_code, reporter_ref, status
    )
    insert into report_revision (filing_id, revision_no, form_version, values, state, submitted_at, reviewed_at)
    select f.id, 1, '2025-07-01',
      case when f.form_code = 'B01' then jsonb_build_object(
        'revenue_vnd', round((abs(hashtext(f.reporter_ref)) % 50000) / 100.0, 2),
        'state_budget_vnd', round((abs(hashtext(f.reporter_ref || 'b')) % 5000) / 100.0, 2),
        'workers', abs(hashtext(f.reporter_ref)) % 400 + 5,
        'avg_income_vnd', round(6 + (abs(hashtext(f.reporter_ref || 'i')) % 600) / 100.0, 2))
      else jsonb_build_object('revenue_vnd', round((abs(hashtext(f.reporter_ref)) % 3000) / 100.0, 2),
        'state_budget_vnd', 1.25, 'workers', 20, 'avg_income_vnd', 9, 'projects', 4, 'projects_fdi', 1,
        'projects_operating', 3, 'land_leased_ha', 7.5, 'occupancy_pct', 61.3, 'wwtp_built', 1, 'wwtp_compliant', 0,
        'infra_investment_approved_vnd', 120.5, 'infra_investment_paid_vnd', 80.25) end,
      f.status, '2026-06-12T03:00:00Z'::timestamptz, case when f.status = 'accepted' then '2026-06-13T03:00:00Z'::timestamptz end
    from f`);
  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family } as never)).actor;
  actors.tenant = await user('enterprise', 'organisation', 'DN-6');
  actors.department = await user('department_officer', 'family', 'CCN', 'CCN');
});
afterAll(() => database?.cleanup());

const as = (who: keyof typeof actors) => testDeps(database.db, actors[who], clock);

async function communeId(code: string): Promise<string> {
  const result = await database.db.execute(
    sql`select id from admin_unit where level = 'commune' and valid_to is null and code = ${code}`,
  );
  return rowsOf<{ id: string }>(result)[0]!.id;
}

describe('the cached path computes exactly what the straightforward one does', () => {
  it('Biểu 04 and both communes’ Biểu 03, item by item, with every source and gap', async () => {
    const b04 = { formCode: 'B04' as const, period: PERIOD };
    const direct = await compileDirect(as('department'), b04, { id: null });
    // Twice: computed into the cache, then read from it.
    expect(await compiledReport(as('department'), b04)).toEqual(direct);
    expect(await compiledReport(as('department'), b04)).toEqual(direct);
    // The fixture reaches every branch: fallbacks, missing reports, a registry gap.
    const gaps = direct.items.flatMap((i) => i.gaps);
    expect(gaps.some((g) => g.kind === 'filing_missing' && g.fallback === 'registry')).toBe(true);
    expect(gaps.some((g) => g.kind === 'filing_missing' && g.reporterKind === 'project')).toBe(true);
    expect(gaps.some((g) => g.kind === 'registry_missing')).toBe(true);
    expect(direct.items.flatMap((i) => i.sources).some((s) => s.kind === 'project')).toBe(true);

    for (const code of [communes.dongAnh, communes.thachThat]) {
      const b03 = { formCode: 'B03' as const, period: PERIOD, commune: code };
      const straight = await compileDirect(as('department'), b03, { id: await communeId(code) });
      expect(await compiledReport(as('department'), b03)).toEqual(straight);
      expect(straight.items.find((i) => i.no === '1')!.value).toBeGreaterThan(0);
    }
  });

  it('a missing report names its reporter: project code, name and investor; cluster code and name', async () => {
    const b04 = { formCode: 'B04' as const, period: PERIOD };
    const opened = async (no: string) =>
      (await compilationItem(as('department'), b04, no, { offset: 0, limit: 1000 })).item;
    const gaps = (await opened('23')).gaps;
    const project = gaps.find((g) => g.kind === 'filing_missing' && g.reporterKind === 'project');
    expect(project).toMatchObject({
      reporterCode: expect.stringMatching(/^DA-G\d\d$/),
      reporterName: expect.stringMatching(/^Nhà máy số \d+$/),
      investorName: expect.stringMatching(/^Công ty sản xuất \d$/),
    });
    const zone = (await opened('13')).gaps.find(
      (g) => g.kind === 'filing_missing' && g.reporterKind === 'zone',
    );
    expect(zone).toMatchObject({ reporterCode: 'CCN-G5', reporterName: 'Cụm công nghiệp Sinh 5' });
    const outstanding = (await completenessReport(as('department'), { period: PERIOD })).outstanding;
    expect(outstanding.find((o) => o.reporter.kind === 'project')?.reporter).toMatchObject({
      code: expect.stringMatching(/^DA-G\d\d$/),
      name: expect.stringMatching(/^Nhà máy số \d+$/),
      investorName: expect.stringMatching(/^Công ty sản xuất \d$/),
    });
  });
});

describe('the cache never hides a change', () => {
  const b04 = { formCode: 'B04' as const, period: PERIOD };
  const revenue = async () =>
    (await getCompilation(as('department'), b04)).report.items.find((i) => i.no === '23')!.value!;

  it('an accepted Biểu 01 shows in the very next Biểu 04 and completeness', async () => {
    const before = await revenue();
    expect(await revenue()).toBe(before); // now cached
    const completenessBefore = await completenessReport(as('department'), {
      period: PERIOD,
      groupBy: 'form',
    });
    const b01Before = completenessBefore.rows.find((r) => r.formCode === 'B01')!;
    // An operating project of the tenant's investor with no report yet (those ending in 5 were left out).
    const free = (await database.db.execute(sql`
      select p.code from project p join organisation o on o.id = p.investor_id
      where p.status = 'operating' and o.code = 'DN-6'
        and not exists (select 1 from report_filing f where f.reporter_ref = p.id::text and f.period = ${PERIOD})
      order by p.code limit 1`)) as unknown as { rows: { code: string }[] };
    const code = free.rows[0]!.code;
    let filing = await saveDraft(as('tenant'), {
      formCode: 'B01',
      period: PERIOD,
      reporter: { kind: 'project', code },
      values: { revenue_vnd: 77.7, state_budget_vnd: 1, workers: 40, avg_income_vnd: 9 },
    });
    filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
    const received = (
      await completenessReport(as('department'), { period: PERIOD, groupBy: 'form' })
    ).rows.find((r) => r.formCode === 'B01')!;
    expect(received.received).toBe(b01Before.received + 1);
    expect(await revenue()).toBe(before); // submitted is not accepted: Biểu 04 unchanged
    await acceptFiling(as('department'), filing.id, { version: filing.version });
    expect(await revenue()).toBeCloseTo(before + 77.7, 6);
    // Only the changed filing was read again: the result is still the straightforward one, to the last source.
    expect(await compiledReport(as('department'), b04)).toEqual(
      await compileDirect(as('department'), b04, { id: null }),
    );
  });

  it('a registry change made in plain SQL (no service, no updated_at) shows at once', async () => {
    const area = async () =>
      (await getCompilation(as('department'), b04)).report.items.find((i) => i.no === '17')!.value!;
    const before = await area();
    await database.db.execute(
      sql`update zone set industrial_land_ha = industrial_land_ha + 10 where code = 'CCN-G1'`,
    );
    expect(await area()).toBeCloseTo(before + 10, 6);
    await database.db.execute(sql`update organisation set ownership = 'fdi' where code = 'DN-2'`);
    const direct = await compileDirect(as('department'), b04, { id: null });
    expect(await compiledReport(as('department'), b04)).toEqual(direct);
  });

  it('a rolled-back change leaves the answer as it was', async () => {
    const before = await compiledReport(as('department'), b04);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from report_revision where false`);
        await tx.execute(sql`update zone set industrial_land_ha = 0 where code = 'CCN-G1'`);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await compiledReport(as('department'), b04)).toEqual(before);
  });
});

describe('after an acceptance only the changed filings are read, and the result is the one computed afresh', () => {
  const b04 = { formCode: 'B04' as const, period: PERIOD };
  const b03 = (commune: string) => ({ formCode: 'B03' as const, period: PERIOD, commune });
  /** Every kept report equals the straightforward one, to the last source, and was updated incrementally. */
  async function expectAllEqualDirect(incrementally = true) {
    const before = { ...compilationRefreshes };
    expect(await compiledReport(as('department'), b04)).toEqual(
      await compileDirect(as('department'), b04, { id: null }),
    );
    for (const code of [communes.dongAnh, communes.thachThat]) {
      expect(await compiledReport(as('department'), b03(code))).toEqual(
        await compileDirect(as('department'), b03(code), { id: await communeId(code) }),
      );
    }
    if (incrementally) {
      expect(compilationRefreshes.full).toBe(before.full);
      expect(compilationRefreshes.incremental).toBe(before.incremental + 3);
    }
  }
  const freeProject = async () => {
    const free = (await database.db.execute(sql`
      select p.code from project p join organisation o on o.id = p.investor_id
      where p.status = 'operating' and o.code = 'DN-6'
        and not exists (select 1 from report_filing f where f.reporter_ref = p.id::text and f.period = ${PERIOD})
      order by p.code limit 1`)) as unknown as { rows: { code: string }[] };
    return free.rows[0]?.code;
  };

  it('acceptances, a return, a revision, a withdrawn and a moved filing — on either database', async () => {
    // Kept once (the registry is not changed below).
    await expectAllEqualDirect(false);
    const tenantOwned = (await database.db.execute(sql`
      select p.code from project p join organisation o on o.id = p.investor_id
      where o.code = 'DN-6' and p.status = 'operating' order by p.code`)) as unknown as {
      rows: { code: string }[];
    };
    expect(tenantOwned.rows.length).toBeGreaterThan(0);
    const code = (await freeProject()) ?? tenantOwned.rows[0]!.code;
    const values = (revenue: number) => ({
      revenue_vnd: revenue,
      state_budget_vnd: 1,
      workers: 40,
      avg_income_vnd: 9,
    });
    // Filed, returned, filed again and accepted.
    let filing = await saveDraft(as('tenant'), {
      formCode: 'B01',
      period: PERIOD,
      reporter: { kind: 'project', code },
      values: values(11.5),
    });
    filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
    filing = await returnFiling(as('department'), filing.id, {
      version: filing.version,
      reason: 'Thiếu số liệu',
    });
    await expectAllEqualDirect();
    filing = await saveDraft(as('tenant'), {
      formCode: 'B01',
      period: PERIOD,
      reporter: { kind: 'project', code },
      values: values(12.75),
    });
    filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
    filing = await acceptFiling(as('department'), filing.id, { version: filing.version });
    await expectAllEqualDirect();
    // A revision of the accepted report, accepted: the old contribution goes, the new one comes.
    filing = await saveDraft(as('tenant'), {
      formCode: 'B01',
      period: PERIOD,
      reporter: { kind: 'project', code },
      values: values(30.125),
    });
    filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
    await expectAllEqualDirect(); // submitted, not accepted: the accepted revision still counts
    filing = await acceptFiling(as('department'), filing.id, { version: filing.version });
    await expectAllEqualDirect();
    const item23 = (await compiledReport(as('department'), b04)).items.find((i) => i.no === '23')!;
    expect(item23.sources).toContainEqual(
      expect.objectContaining({ kind: 'filing', id: filing.id, contribution: 30.125 }),
    );
    // Plain SQL: a filing received by the other commune (it leaves one Biểu 03 for the other) …
    await database.db.execute(sql`
      update report_filing set commune_id = (select commune_id from zone where code = 'CCN-G6')
      where id = ${filing.id}`);
    await expectAllEqualDirect();
    // … an accepted one moved to another period (it leaves a tombstone in this one) …
    await database.db.execute(sql`
      update report_filing set period = '2025-H2'
      where id = (select id from report_filing where form_code = 'B02' and period = ${PERIOD} and status = 'accepted'
        order by reporter_ref limit 1)`);
    await expectAllEqualDirect();
    // (An accepted revision can never be deleted — migration 0006 — so an accepted filing cannot be either.)
    // An accepted Biểu 01 withdrawn in plain SQL: it no longer counts.
    await database.db.execute(sql`
      update report_filing set accepted_revision = null, status = 'returned'
      where id = (select id from report_filing where form_code = 'B01' and period = ${PERIOD} and status = 'accepted'
        order by reporter_ref limit 1)`);
    await expectAllEqualDirect();
    // A change elsewhere (an officer's notes) moves the data version: nothing to read again, nothing changes.
    const before = { ...compilationRefreshes };
    // (Saving the notes answers with Biểu 04 itself: that is its update.)
    await annotateCompilation(as('department'), b04, { annotations: { '1': 'Ghi chú' }, version: null });
    await expectAllEqualDirect(false);
    expect(compilationRefreshes).toEqual({ full: before.full, incremental: before.incremental + 3 });
  });

  it('a registry change computes in full, and the result is still the straightforward one', async () => {
    await compiledReport(as('department'), b04);
    const before = compilationRefreshes.full;
    await database.db.execute(sql`update project set status = 'building' where code = 'DA-G01'`);
    expect(await compiledReport(as('department'), b04)).toEqual(
      await compileDirect(as('department'), b04, { id: null }),
    );
    expect(compilationRefreshes.full).toBe(before + 1);
  });
});

describe('the completeness table after a change counts again only the reports that changed', () => {
  const groups: CompletenessGroup[] = ['form', 'commune', 'zone'];
  /**
   * Every reader's table, in every grouping, as kept (brought up to date from the last one counted) and as
   * counted in full on a handle with nothing kept (the same connections, a new cache), outstanding list and all.
   */
  async function expectSameAsFullCount(incrementally = true) {
    const before = { ...completenessCounts };
    const fresh = Object.create(database.db) as Db;
    const readers = Object.keys(actors) as (keyof typeof actors)[];
    for (const who of readers) {
      for (const groupBy of groups) {
        const kept = await completenessReport(as(who), { period: PERIOD, groupBy });
        const full = await completenessReport(testDeps(fresh, actors[who], clock), {
          period: PERIOD,
          groupBy,
        });
        expect({ rows: kept.rows, outstanding: kept.outstanding }).toEqual({
          rows: full.rows,
          outstanding: full.outstanding,
        });
      }
    }
    if (incrementally) {
      // Each kept table brought up to date, and each fresh one counted in full.
      expect(completenessCounts.incremental - before.incremental).toBe(readers.length * groups.length);
      expect(completenessCounts.full - before.full).toBe(readers.length * groups.length);
    }
  }
  const code = async () =>
    (
      (await database.db.execute(sql`
        select p.code from project p join organisation o on o.id = p.investor_id
        where p.status = 'operating'
          and not exists (select 1 from report_filing f where f.reporter_ref = p.id::text and f.period = ${PERIOD})
        order by p.code limit 1`)) as unknown as { rows: { code: string }[] }
    ).rows[0]?.code;

  it('a draft, a submission, a return, a resubmission, an acceptance, a removal and a late first submission', async () => {
    await expectSameAsFullCount(false);
    const project = await code();
    expect(project).toBeDefined();
    // Filed by an administrator (the tenant's own projects have all been filed by the tests above).
    const filer = testDeps(database.db, (await makeUser(database.db)).actor, clock);
    const draft = () =>
      saveDraft(filer, {
        formCode: 'B01',
        period: PERIOD,
        reporter: { kind: 'project', code: project! },
        values: { revenue_vnd: 5, state_budget_vnd: 1, workers: 12, avg_income_vnd: 8 },
      });
    let filing = await draft(); // a filing appears, not submitted: outstanding with its status
    await expectSameAsFullCount();
    filing = await submitFiling(filer, filing.id, { version: filing.version });
    await expectSameAsFullCount();
    filing = await returnFiling(as('department'), filing.id, { version: filing.version, reason: 'Sai số' });
    filing = await draft();
    filing = await submitFiling(filer, filing.id, { version: filing.version });
    await acceptFiling(as('department'), filing.id, { version: filing.version });
    await expectSameAsFullCount(); // several revisions of the submissions behind: the log reaches back
    // A draft-only filing removed in plain SQL (submitted revisions cannot be deleted): owed as before, no status.
    const other = await code();
    const removed = await saveDraft(filer, {
      formCode: 'B01',
      period: PERIOD,
      reporter: { kind: 'project', code: other! },
      values: { revenue_vnd: 1, state_budget_vnd: 1, workers: 2, avg_income_vnd: 8 },
    });
    await expectSameAsFullCount();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`delete from report_revision where filing_id = ${removed.id}`);
      await tx.execute(sql`delete from report_filing where id = ${removed.id}`);
    });
    await expectSameAsFullCount();
    // A report submitted after its due day, in plain SQL: received, late.
    await database.db.execute(sql`
      insert into report_filing (form_code, period, reporter_kind, reporter_ref, zone_id, commune_id,
        organisation_id, family, status, current_revision, due_at, first_submitted_at)
      select 'B01', ${PERIOD}, 'project', p.id::text, z.id, z.commune_id, p.investor_id, 'CCN', 'submitted', 1,
        '2026-06-20T16:59:59.999Z', '2026-06-25T03:00:00Z'
      from project p join zone z on z.id = p.zone_id
      where p.status = 'operating' and not exists (select 1 from report_filing f
        where f.reporter_ref = p.id::text and f.period = ${PERIOD}) order by p.code limit 1`);
    await expectSameAsFullCount();
  });

  it('a deadline passing counts again in full', async () => {
    await expectSameAsFullCount(false);
    const before = { ...completenessCounts };
    const later = manualClock(new Date('2026-06-21T02:00:00Z'));
    await completenessReport(testDeps(database.db, actors.department, later), {
      period: PERIOD,
      groupBy: 'form',
    });
    expect(completenessCounts.full).toBe(before.full + 1);
    expect(completenessCounts.incremental).toBe(before.incremental);
  });
});
