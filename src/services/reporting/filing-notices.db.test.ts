import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { deliverQueuedMail } from '../notification/notification.service';
import type { MailMessage, Mailer } from '../system/mailer';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { buildOrganisation, buildProject } from '../testing/factories';
import { getCompilation, signCompilation } from './compilation.service';
import { acceptFiling, returnFiling, saveDraft, submitFiling } from './filing.service';

/** Every step of the review tells exactly the people concerned, with a link to the record it is about. */

let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
type Who =
  | 'tenant'
  | 'otherTenant'
  | 'developer'
  | 'commune'
  | 'otherCommune'
  | 'department'
  | 'kcnDepartment'
  | 'leader'
  | 'admin';
const users = {} as Record<Who, { id: string; actor: Actor }>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await buildOrganisation(db, { code: 'CDT-TB', name: 'Công ty CDT-TB', roles: ['developer'] });
  await buildOrganisation(db, { code: 'DN-TB', name: 'Công ty DN-TB' });
  await buildOrganisation(db, { code: 'DN-TB2', name: 'Công ty DN-TB2' });
  await buildProject(db, {
    code: 'DA-TB',
    investorCode: 'DN-TB',
    name: 'Nhà máy thông báo',
    zone: {
      code: 'CCN-TB',
      name: 'Cụm công nghiệp Thông Báo',
      developerCode: 'CDT-TB',
      declaredAreaHa: 50,
      industrialLandHa: 40,
    },
  });
  const make = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    email: string | null = null,
    family: string | null = null,
  ) => {
    const made = await makeUser(database.db, { role, scopeKind, scopeRef, family, email } as never);
    return { id: made.user.id, actor: made.actor };
  };
  users.tenant = await make('enterprise', 'organisation', 'DN-TB', 'ketoan@dn-tb.vn');
  users.otherTenant = await make('enterprise', 'organisation', 'DN-TB2');
  users.developer = await make('developer', 'organisation', 'CDT-TB');
  users.commune = await make('commune_officer', 'commune', communes.dongAnh, 'canbo@donganh.gov.vn');
  users.otherCommune = await make('commune_officer', 'commune', communes.thachThat);
  users.department = await make('department_officer', 'family', 'CCN', 'so@congthuong.gov.vn', 'CCN');
  users.kcnDepartment = await make('department_officer', 'family', 'KCN', null, 'KCN');
  users.leader = await make('leader', 'all', null);
  users.admin = await make('system_admin', 'all', null);
});
afterAll(() => database?.cleanup());

const as = (who: Who) => testDeps(database.db, users[who].actor, clock);
type Row = {
  user_id: string;
  kind: string;
  title_vi: string;
  body_vi: string;
  link: string;
  dedupe_key: string;
};
const noticesOf = async (kind: string) =>
  (
    (await database.db.execute(
      sql`select user_id, kind, title_vi, body_vi, link, dedupe_key from notification where kind = ${kind}`,
    )) as unknown as { rows: Row[] }
  ).rows;
const whoGot = async (kind: string) => {
  const ids = new Set((await noticesOf(kind)).map((r) => r.user_id));
  return (Object.keys(users) as Who[]).filter((w) => ids.has(users[w].id)).sort();
};

const b01 = { revenue_vnd: 12.5, state_budget_vnd: 1.2, workers: 85, avg_income_vnd: 8.5 };
const draft = (values: Record<string, number>, version?: number) => ({
  formCode: 'B01',
  period: '2026-H1',
  reporter: { kind: 'project' as const, code: 'DA-TB' },
  values,
  version,
});

describe('the filing review notifies the people concerned', () => {
  let id = '';

  it('a submission goes to the reviewing officers of its scope, linking to the filing', async () => {
    const saved = await saveDraft(as('tenant'), draft(b01));
    id = saved.id;
    await submitFiling(as('tenant'), id, { version: saved.version });
    expect(await whoGot('report.submitted')).toEqual(['commune', 'department']);
    const [row] = await noticesOf('report.submitted');
    expect(row).toMatchObject({
      link: `/reports/filings/${id}`,
      dedupe_key: `filing:${id}:r1:submitted`,
      title_vi: 'Nhà máy thông báo đã nộp Biểu 01 kỳ 6 tháng đầu năm 2026',
    });
  });

  it('a return goes to the reporter with its reason, not to the officers or other tenants', async () => {
    const current = await returnFiling(as('commune'), id, {
      version: (await submitFilingVersion(id)) ?? 0,
      reason: 'Thiếu số lao động nữ.',
    });
    expect(current.status).toBe('returned');
    expect(await whoGot('report.returned')).toEqual(['tenant']);
    const [row] = await noticesOf('report.returned');
    expect(row!.body_vi).toContain('“Thiếu số lao động nữ.”');
    expect(row!.link).toBe(`/reports/filings/${id}`);
  });

  it('a resubmission goes to the reviewers again, an acceptance to the reporter', async () => {
    clock.advance(24 * 3600_000);
    let current = await saveDraft(
      as('tenant'),
      draft({ ...b01, workers: 86 }, await submitFilingVersion(id)),
    );
    current = await submitFiling(as('tenant'), id, { version: current.version });
    expect(await whoGot('report.resubmitted')).toEqual(['commune', 'department']);
    expect((await noticesOf('report.resubmitted'))[0]!.dedupe_key).toBe(`filing:${id}:r2:resubmitted`);
    await acceptFiling(as('department'), id, { version: current.version });
    expect(await whoGot('report.accepted')).toEqual(['tenant']);
  });

  it('a developer filing for its tenant is told of the outcome too', async () => {
    await buildProject(database.db, {
      code: 'DA-TB2',
      zoneCode: 'CCN-TB',
      investorCode: 'DN-TB2',
      name: 'Nhà máy thứ hai',
    });
    const saved = await saveDraft(as('developer'), {
      ...draft(b01),
      reporter: { kind: 'project', code: 'DA-TB2' },
    });
    const submitted = await submitFiling(as('developer'), saved.id, { version: saved.version });
    await acceptFiling(as('commune'), saved.id, { version: submitted.version });
    const accepted = (await noticesOf('report.accepted')).filter((r) => r.link.endsWith(saved.id));
    const ids = new Set(accepted.map((r) => r.user_id));
    expect(ids).toEqual(new Set([users.otherTenant.id, users.developer.id]));
  });

  it('e-mails are queued with the step and sent by the outbox, once', async () => {
    const sent: MailMessage[] = [];
    const mailer: Mailer = {
      send: (message) => {
        sent.push(message);
        return Promise.resolve({ messageId: `<${sent.length}@test>` });
      },
    };
    const deps = testDeps(database.db, systemActor('system:mail'), clock);
    const first = await deliverQueuedMail(deps, mailer, { publicUrl: 'https://izis.hanoi.gov.vn/' });
    // DA-TB: submitted and resubmitted to the commune and the department (they have addresses), returned and
    // accepted to the tenant; DA-TB2: submitted to the commune and the department (its tenant has none).
    expect(first).toEqual({ sent: 8, failed: 0, skipped: 0 });
    const toTenant = sent.filter((m) => m.to === 'ketoan@dn-tb.vn').map((m) => m.subject);
    expect(toTenant.sort()).toEqual([
      '[IZIS] Biểu 01 kỳ 6 tháng đầu năm 2026 bị trả lại — Nhà máy thông báo',
      '[IZIS] Biểu 01 kỳ 6 tháng đầu năm 2026 đã được chấp nhận — Nhà máy thông báo',
    ]);
    expect(sent[0]!.text).toContain(`Xem báo cáo tại: https://izis.hanoi.gov.vn/reports/filings/${id}`);
    expect(await deliverQueuedMail(deps, mailer)).toEqual({ sent: 0, failed: 0, skipped: 0 });
  });

  it('signing Biểu 03 tells the department, signing Biểu 04 the leaders', async () => {
    const b03 = { formCode: 'B03' as const, period: '2026-H1', commune: communes.dongAnh };
    const view = await getCompilation(as('commune'), b03);
    await signCompilation(as('commune'), b03, {
      docNo: '12/BC-UBND',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'Chủ tịch',
      version: view.draftVersion,
    });
    expect(await whoGot('report.signed')).toEqual(['department']);
    const [row] = await noticesOf('report.signed');
    expect(row!.link).toBe(`/reports/compiled?formCode=B03&period=2026-H1&commune=${communes.dongAnh}`);

    const b04 = { formCode: 'B04' as const, period: '2026-H1' };
    const city = await getCompilation(as('department'), b04);
    await signCompilation(as('department'), b04, {
      docNo: null,
      signerName: 'Trần Thị B',
      signerTitle: 'Giám đốc',
      version: city.draftVersion,
    });
    const b04Rows = (await noticesOf('report.signed')).filter((r) => r.link.includes('B04'));
    expect(b04Rows.map((r) => r.user_id)).toEqual([users.leader.id]);
    expect(b04Rows[0]!.link).toBe('/reports/compiled?formCode=B04&period=2026-H1');
  });
});

async function submitFilingVersion(id: string): Promise<number | undefined> {
  const rows = (await database.db.execute(
    sql`select version from report_filing where id = ${id}`,
  )) as unknown as {
    rows: { version: number }[];
  };
  return rows.rows[0]?.version;
}
