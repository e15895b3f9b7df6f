import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import type { Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { buildOrganisation, buildProject } from '../testing/factories';
import { acceptFiling, getFiling, returnFiling, saveDraft, submitFiling } from './filing.service';
import { rowsOf } from '../../db/rows';

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const actors = {} as Record<
  'tenant' | 'developer' | 'commune' | 'otherCommune' | 'department' | 'otherTenant',
  Actor
>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await buildOrganisation(db, { code: 'CDT-BC', name: 'Công ty hạ tầng', roles: ['developer'] });
  await buildOrganisation(db, { code: 'DN-BC', name: 'Công ty may' });
  await buildOrganisation(db, { code: 'DN-KHAC', name: 'Công ty khác', ownership: 'fdi' });
  await buildProject(db, {
    code: 'DA-BC',
    investorCode: 'DN-BC',
    name: 'Nhà máy may',
    zone: {
      code: 'CCN-BC',
      name: 'Cụm công nghiệp Báo Cáo',
      developerCode: 'CDT-BC',
      declaredAreaHa: 50,
      industrialLandHa: 40,
    },
  });
  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family } as never)).actor;
  actors.tenant = await user('enterprise', 'organisation', 'DN-BC');
  actors.otherTenant = await user('enterprise', 'organisation', 'DN-KHAC');
  actors.developer = await user('developer', 'organisation', 'CDT-BC');
  actors.commune = await user('commune_officer', 'commune', communes.dongAnh);
  actors.otherCommune = await user('commune_officer', 'commune', communes.thachThat);
  actors.department = await user('department_officer', 'family', 'CCN', 'CCN');
});
afterAll(() => database?.cleanup());

const as = (who: keyof typeof actors) => testDeps(database.db, actors[who], clock);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const fields = (e: AppError) => Object.keys((e.details?.fields ?? {}) as object);

const b01 = { revenue_vnd: 12.5, state_budget_vnd: 1.2, workers: 85, avg_income_vnd: 8.5 };
const draftInput = (values: Record<string, number | null>, version?: number) => ({
  formCode: 'B01',
  period: '2026-H1',
  reporter: { kind: 'project' as const, code: 'DA-BC' },
  values,
  version,
});

describe('a tenant files Biểu 01 and the commune reviews it', () => {
  let id = '';

  it('saves a draft, with the legal deadline of 20/6 at the end of the day in Vietnam', async () => {
    const filing = await saveDraft(as('tenant'), draftInput({ revenue_vnd: 12.5 }));
    id = filing.id;
    expect(filing).toMatchObject({ status: 'draft', currentRevision: 1, family: 'CCN', zoneCode: 'CCN-BC' });
    expect(filing.dueAt).toBe('2026-06-20T16:59:59.999Z');
    expect(filing.revisions).toHaveLength(1);
    expect(filing.canFile).toBe(true);
    expect(filing.canReview).toBe(false);
  });

  it('refuses to submit an incomplete report, naming each missing item', async () => {
    const current = await getFiling(as('tenant'), id);
    const error = await failure(submitFiling(as('tenant'), id, { version: current.version }));
    expect(error.code).toBe('validation');
    expect(fields(error).sort()).toEqual(['avg_income_vnd', 'state_budget_vnd', 'workers']);
  });

  it('refuses a value of the wrong kind already in the draft', async () => {
    const current = await getFiling(as('tenant'), id);
    const error = await failure(
      saveDraft(as('tenant'), draftInput({ ...b01, workers: 85.5 }, current.version)),
    );
    expect(fields(error)).toEqual(['workers']);
  });

  it('keeps other reporters and other communes out (404, existence not revealed)', async () => {
    expect((await failure(getFiling(as('otherTenant'), id))).code).toBe('not_found');
    expect((await failure(getFiling(as('otherCommune'), id))).code).toBe('not_found');
    expect((await failure(saveDraft(as('otherTenant'), draftInput(b01)))).code).toBe('not_found');
  });

  it('submits on time, then the officer returns it with a reason', async () => {
    let current = await saveDraft(as('tenant'), draftInput(b01, (await getFiling(as('tenant'), id)).version));
    current = await submitFiling(as('tenant'), id, { version: current.version });
    expect(current.status).toBe('submitted');
    expect(current.onTime).toBe(true);
    // With the reviewer now: the reporter cannot edit it.
    expect((await failure(saveDraft(as('tenant'), draftInput(b01, current.version)))).code).toBe(
      'validation',
    );
    // A reviewer must give a reason; a reporter cannot review.
    expect(
      fields(await failure(returnFiling(as('commune'), id, { version: current.version, reason: '  ' }))),
    ).toEqual(['reason']);
    expect((await failure(acceptFiling(as('tenant'), id, { version: current.version }))).code).toBe(
      'forbidden',
    );
    current = await returnFiling(as('commune'), id, {
      version: current.version,
      reason: 'Doanh thu chưa khớp với tờ khai thuế.',
    });
    expect(current.status).toBe('returned');
    expect(current.revisions[0]).toMatchObject({
      state: 'returned',
      returnReason: 'Doanh thu chưa khớp với tờ khai thuế.',
    });
  });

  it('a correction is a new revision; the returned one stays as it was', async () => {
    clock.advance(15 * 24 * 3600_000); // 25/6: after the deadline — timeliness is judged on the first submission
    let current = await getFiling(as('tenant'), id);
    current = await saveDraft(as('tenant'), draftInput({ ...b01, revenue_vnd: 13.1 }, current.version));
    expect(current.currentRevision).toBe(2);
    current = await submitFiling(as('tenant'), id, { version: current.version });
    expect(current.revisions.map((r) => [r.revisionNo, r.state, r.values.revenue_vnd])).toEqual([
      [1, 'returned', 12.5],
      [2, 'submitted', 13.1],
    ]);
    expect(current.onTime).toBe(true);
  });

  it('two officers accepting at once: exactly one succeeds, the other gets 409', async () => {
    const current = await getFiling(as('commune'), id);
    const results = await Promise.allSettled([
      acceptFiling(as('commune'), id, { version: current.version }),
      acceptFiling(as('department'), id, { version: current.version }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('conflict');
    const accepted = await getFiling(as('tenant'), id);
    expect(accepted).toMatchObject({ status: 'accepted', acceptedRevision: 2 });
  });

  it('an accepted revision never changes — not even by SQL — and a correction is a new version', async () => {
    await expect(
      database.db.execute(sql`update report_revision set values = '{}'::jsonb where state = 'accepted'`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`delete from report_revision where state = 'accepted'`),
    ).rejects.toThrow();
    let current = await getFiling(as('tenant'), id);
    current = await saveDraft(as('tenant'), draftInput({ ...b01, revenue_vnd: 13.4 }, current.version));
    expect(current).toMatchObject({ status: 'draft', currentRevision: 3, acceptedRevision: 2 });
    expect(current.revisions[1]).toMatchObject({ state: 'accepted', values: { ...b01, revenue_vnd: 13.1 } });
  });

  it('a stale version is refused with 409 and the current filing', async () => {
    const error = await failure(submitFiling(as('tenant'), id, { version: 1 }));
    expect(error.code).toBe('conflict');
    expect((error.details?.current as { currentRevision: number }).currentRevision).toBe(3);
  });
});

describe('comparison with the same period of the previous year', () => {
  it('a change beyond ±50 % needs a written explanation before it can be submitted', async () => {
    const earlier = await saveDraft(as('tenant'), { ...draftInput(b01), period: '2025-H1' });
    let filing = await submitFiling(as('tenant'), earlier.id, { version: earlier.version });
    await acceptFiling(as('commune'), filing.id, { version: filing.version });
    // 2026-H1 is at revision 3 (a draft) from the tests above: revenue 12.5 → 30 is +140 %.
    filing = await getFiling(
      as('tenant'),
      (
        await saveDraft(
          as('tenant'),
          draftInput({ ...b01, revenue_vnd: 30 }, (await currentOf('2026-H1')).version),
        )
      ).id,
    );
    const error = await failure(submitFiling(as('tenant'), filing.id, { version: filing.version }));
    expect(fields(error)).toEqual(['revenue_vnd']);
    expect((error.details?.fields as Record<string, { vi: string }>).revenue_vnd!.vi).toContain(
      'cần giải trình',
    );
    filing = await saveDraft(as('tenant'), {
      ...draftInput({ ...b01, revenue_vnd: 30 }, filing.version),
      explanations: { revenue_vnd: 'Mở thêm dây chuyền thứ hai từ tháng 2/2026.' },
    });
    filing = await submitFiling(as('tenant'), filing.id, { version: filing.version });
    expect(filing.status).toBe('submitted');
  });
});

async function currentOf(period: string) {
  const rows = await database.db.execute(
    sql`select id from report_filing where form_code = 'B01' and period = ${period} and reporter_kind = 'project'`,
  );
  const id = rowsOf<{ id: string }>(rows)[0]!.id;
  return getFiling(as('tenant'), id);
}

describe('Biểu 02 by the developer', () => {
  it('refuses leased land beyond the cluster industrial land, and a form of the wrong family or period', async () => {
    const input = {
      formCode: 'B02',
      period: '2026-H1',
      reporter: { kind: 'zone' as const, code: 'CCN-BC' },
      values: { land_leased_ha: 45 },
    };
    const draft = await saveDraft(as('developer'), input);
    const error = await failure(submitFiling(as('developer'), draft.id, { version: draft.version }));
    expect(fields(error)).toContain('land_leased_ha');
    expect(fields(await failure(saveDraft(as('developer'), { ...input, period: '2026-Q1' })))).toEqual([
      'period',
    ]);
    expect(
      fields(
        await failure(saveDraft(as('developer'), { ...input, formCode: 'KCN_TENANT', period: '2026-Q1' })),
      ),
    ).toEqual(['formCode']);
  });
});
