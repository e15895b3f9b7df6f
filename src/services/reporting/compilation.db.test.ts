import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import type { Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { buildLifecycle, buildOrganisation, buildProject, buildZone } from '../testing/factories';
import {
  annotateCompilation,
  compilationItem,
  getCompilation,
  getSignedCompilation,
  signCompilation,
} from './compilation.service';
import { completenessPage, completenessReport } from './completeness.service';
import { acceptFiling, saveDraft, submitFiling } from './filing.service';
import { rowsOf } from '../../db/rows';

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const actors = {} as Record<'tenant' | 'commune' | 'otherCommune' | 'department' | 'leader', Actor>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await buildOrganisation(db, { code: 'CDT-TH', name: 'Công ty hạ tầng', roles: ['developer'] });
  await buildOrganisation(db, { code: 'DN-TH', name: 'Công ty cơ khí', ownership: 'fdi' });
  await buildZone(db, {
    code: 'CCN-TH',
    name: 'Cụm công nghiệp Tổng Hợp',
    developerCode: 'CDT-TH',
    declaredAreaHa: 48.5,
    industrialLandHa: 36,
    leasedHa: 20,
  });
  await buildLifecycle(db, 'CCN-TH', [
    { state: 'in_plan', eventDate: '2019-05-01' },
    { state: 'established', eventDate: '2021-03-01' },
    { state: 'operating', eventDate: '2023-01-15' },
  ]);
  await buildProject(db, {
    code: 'DA-TH',
    zoneCode: 'CCN-TH',
    investorCode: 'DN-TH',
    name: 'Nhà máy cơ khí',
  });
  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family } as never)).actor;
  actors.tenant = await user('enterprise', 'organisation', 'DN-TH');
  actors.commune = await user('commune_officer', 'commune', communes.dongAnh);
  actors.otherCommune = await user('commune_officer', 'commune', communes.thachThat);
  actors.department = await user('department_officer', 'family', 'CCN', 'CCN');
  actors.leader = await user('leader', 'all', null);
});
afterAll(() => database?.cleanup());

const as = (who: keyof typeof actors) => testDeps(database.db, actors[who], clock);
const b03 = { formCode: 'B03' as const, period: '2026-H1', commune: communes.dongAnh };
const b04 = { formCode: 'B04' as const, period: '2026-H1' };
const item = (view: { report: { items: { no: string; value: number | null }[] } }, no: string) =>
  view.report.items.find((i) => i.no === no)!;

async function fileAndAccept(revenue: number) {
  const values = { revenue_vnd: revenue, state_budget_vnd: 1, workers: 40, avg_income_vnd: 9 };
  const input = {
    formCode: 'B01',
    period: '2026-H1',
    reporter: { kind: 'project' as const, code: 'DA-TH' },
    values,
  };
  const existing = await database.db.execute(sql`select version from report_filing where form_code = 'B01'`);
  const version = rowsOf<{ version: number }>(existing)[0]?.version;
  let filing = await saveDraft(as('tenant'), { ...input, version });
  filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
  return acceptFiling(as('commune'), filing.id, { version: filing.version });
}

describe('Biểu 03 and 04 are computed from the registry and the accepted Biểu 01/02', () => {
  it('counts the cluster from its dated history and drills down to the records', async () => {
    const view = await getCompilation(as('commune'), b03);
    expect(view.scope).toMatchObject({ kind: 'commune', code: communes.dongAnh });
    expect(item(view, '1').value).toBe(1);
    expect(item(view, '2').value).toBe(48.5);
    expect(item(view, '3').value).toBe(1);
    expect(item(view, '5').value).toBe(0); // established in 2021, not in this window
    expect(item(view, '20').value).toBe(1);
    expect(item(view, '21').value).toBe(1); // the tenant's investor is FDI
    const revenue = view.report.items.find((i) => i.no === '23')!;
    expect(revenue.value).toBe(0);
    // The figures come at once; the records behind one come when it is opened.
    expect(revenue).not.toHaveProperty('gaps');
    expect(revenue.gapCount).toBeGreaterThan(0);
    const opened = await compilationItem(as('commune'), b03, '23', { offset: 0, limit: 50 });
    expect(opened.item.gapCount).toBe(revenue.gapCount);
    expect(opened.item.gaps.some((g) => g.kind === 'filing_missing')).toBe(true);
    expect(view.canSign).toBe(true);
  });

  it('an accepted Biểu 01 shows at once, with the filing as its source', async () => {
    const accepted = await fileAndAccept(12.5);
    const view = await getCompilation(as('commune'), b03);
    const revenue = (await compilationItem(as('commune'), b03, '23', { offset: 0, limit: 50 })).item;
    expect(view.report.items.find((i) => i.no === '23')!.value).toBe(12.5);
    expect(revenue.value).toBe(12.5);
    expect(revenue.sources).toContainEqual(
      expect.objectContaining({ kind: 'filing', id: accepted.id, contribution: 12.5 }),
    );
    expect(item(await getCompilation(as('department'), b04), '23').value).toBe(12.5);
  });

  it('keeps other communes out; leaders read but cannot sign', async () => {
    const error = await getCompilation(as('otherCommune'), b03).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('not_found');
    const leaderView = await getCompilation(as('leader'), b04);
    expect(leaderView.canSign).toBe(false);
    const refused = await signCompilation(as('leader'), b04, {
      docNo: null,
      signerName: 'A',
      signerTitle: 'B',
      version: null,
    }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('forbidden');
  });

  it('annotates, signs and freezes; a later correction shows live and is signed as version 2', async () => {
    let view = await annotateCompilation(as('commune'), b03, {
      annotations: { '23': 'Số liệu của 1/1 doanh nghiệp.' },
      version: null,
    });
    expect(view.annotations).toEqual({ '23': 'Số liệu của 1/1 doanh nghiệp.' });
    const stale = await annotateCompilation(as('commune'), b03, { annotations: {}, version: 99 }).catch(
      (e: unknown) => e,
    );
    expect((stale as AppError).code).toBe('conflict');
    view = await signCompilation(as('commune'), b03, {
      docNo: '15/BC-UBND',
      signerName: 'Nguyễn Văn B',
      signerTitle: 'Phó Chủ tịch',
      version: view.draftVersion,
    });
    expect(view.signed).toHaveLength(1);
    expect(view.draftVersion).toBeNull();
    await expect(
      database.db.execute(sql`update report_compilation set doc_no = 'x' where state = 'signed'`),
    ).rejects.toThrow();

    await fileAndAccept(14); // a correction, accepted after signing
    expect(item(await getCompilation(as('commune'), b03), '23').value).toBe(14);
    const v1 = await getSignedCompilation(as('commune'), b03, 1);
    expect(v1.report.items.find((i) => i.no === '23')!.value).toBe(12.5);
    expect(v1).toMatchObject({ docNo: '15/BC-UBND', annotations: { '23': 'Số liệu của 1/1 doanh nghiệp.' } });

    view = await signCompilation(as('commune'), b03, {
      docNo: '16/BC-UBND',
      signerName: 'Nguyễn Văn B',
      signerTitle: 'Phó Chủ tịch',
      version: null,
    });
    expect(view.signed.map((s) => s.versionNo)).toEqual([2, 1]);
    expect(
      (await getSignedCompilation(as('commune'), b03, 2)).report.items.find((i) => i.no === '23')!.value,
    ).toBe(14);
  });
});

describe('completeness and timeliness', () => {
  it('counts what the registry expects against what was submitted, per commune, with the outstanding list', async () => {
    const report = await completenessReport(as('commune'), { period: '2026-H1', groupBy: 'commune' });
    const b01 = report.rows.find((r) => r.formCode === 'B01')!;
    expect(b01).toMatchObject({ expected: 1, received: 1, onTime: 1, late: 0, overdue: 0, pending: 0 });
    expect(b01.group).toMatchObject({ kind: 'commune', code: communes.dongAnh });
    const b02 = report.rows.find((r) => r.formCode === 'B02')!;
    expect(b02).toMatchObject({ expected: 1, received: 0, pending: 1, dueDate: '2026-06-20' });
    expect(report.outstanding).toEqual([
      expect.objectContaining({
        formCode: 'B02',
        status: 'pending',
        reporter: expect.objectContaining({ code: 'CCN-TH' }),
      }),
    ]);
    // The other commune's officer expects nothing of Đông Anh's clusters.
    expect((await completenessReport(as('otherCommune'), { period: '2026-H1' })).rows).toEqual([]);
  });

  it('answers the outstanding list a page at a time, in the full list’s order (overdue first, then due day)', async () => {
    const late = testDeps(database.db, actors.department, manualClock(new Date('2026-06-20T17:00:00Z')));
    const full = (await completenessReport(late, { period: '2026-H1', groupBy: 'form' })).outstanding;
    expect(full.length).toBeGreaterThan(0);
    const rank = (o: (typeof full)[number]) => `${o.status === 'overdue' ? 0 : 1}|${o.dueDate}`;
    expect(full.map(rank)).toEqual([...full.map(rank)].sort());
    for (let page = 1; page <= full.length; page++) {
      const answer = await completenessPage(late, { period: '2026-H1', groupBy: 'form', page, pageSize: 1 });
      expect(answer.outstanding).toEqual({ items: [full[page - 1]], total: full.length });
      expect(answer.rows).toEqual(
        (await completenessReport(late, { period: '2026-H1', groupBy: 'form' })).rows,
      );
    }
    const past = await completenessPage(late, {
      period: '2026-H1',
      groupBy: 'form',
      page: full.length + 1,
      pageSize: 1,
    });
    expect(past.outstanding).toEqual({ items: [], total: full.length });
    // The same page of an unchanged table is the same object: the route encodes it once.
    const again = { period: '2026-H1', groupBy: 'form' as const, page: 1, pageSize: 20 };
    expect(await completenessPage(late, again)).toBe(await completenessPage(late, again));
  });

  it('after the due day (Vietnam time) a missing report is overdue', async () => {
    const late = testDeps(database.db, actors.department, manualClock(new Date('2026-06-20T17:00:00Z')));
    const onTheDay = testDeps(database.db, actors.department, manualClock(new Date('2026-06-20T16:59:59Z')));
    expect(
      (await completenessReport(onTheDay, { period: '2026-H1', groupBy: 'form' })).rows.find(
        (r) => r.formCode === 'B02',
      ),
    ).toMatchObject({ pending: 1, overdue: 0 });
    expect(
      (await completenessReport(late, { period: '2026-H1', groupBy: 'form' })).rows.find(
        (r) => r.formCode === 'B02',
      ),
    ).toMatchObject({ pending: 0, overdue: 1 });
  });
});
