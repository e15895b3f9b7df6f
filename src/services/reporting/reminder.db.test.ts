import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { createMailer } from '../system/mailer';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { buildLifecycle, buildOrganisation, buildProject, buildZone } from '../testing/factories';
import { returnFiling, saveDraft, submitFiling } from './filing.service';
import { formVersion } from '../../domain/reporting/catalogue';
import { digestText, reminderStage, returnedStage, sendReminders } from './reminder.service';
import { rowsOf } from '../../db/rows';

/** A minimal SMTP sink on loopback that keeps what it receives (as in mailer.db.test.ts). */
function smtpSink() {
  const received: { to: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let mail = { to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { to: [], data: '' };
            socket.write('250 queued\r\n');
          } else mail.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT') mail.to.push(line);
        if (verb === 'DATA') inData = true;
        if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write(verb === 'DATA' ? '354 go\r\n' : '250 ok\r\n');
      }
    });
  });
  return { server, received };
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );

/** The Subject header, RFC 2047 encoded words decoded. */
function subjectOf(data: string): string {
  const unfolded = data.replace(/\n[ \t]+/g, ' ');
  const header = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

let database: TestDatabase;
const sink = smtpSink();
let sinkPort = 0;
const ids = {} as Record<
  'tenant' | 'otherTenant' | 'developer' | 'commune' | 'otherCommune' | 'department' | 'kcnDepartment',
  string
>;

beforeAll(async () => {
  sinkPort = await listen(sink.server);
  database = await createTestDatabase();
  const db = database.db;
  await buildOrganisation(db, { code: 'CDT-NH', name: 'Công ty CDT-NH', roles: ['developer'] });
  await buildOrganisation(db, { code: 'DN-NH', name: 'Công ty DN-NH' });
  await buildOrganisation(db, { code: 'DN-NH2', name: 'Công ty DN-NH2' });
  await buildZone(db, {
    code: 'CCN-NH',
    name: 'Cụm công nghiệp Nhắc Hạn',
    developerCode: 'CDT-NH',
    declaredAreaHa: 50,
    industrialLandHa: 40,
  });
  await buildLifecycle(db, 'CCN-NH', [
    { state: 'in_plan', eventDate: '2020-03-01' },
    { state: 'established', eventDate: '2021-05-10' },
    { state: 'operating', eventDate: '2023-01-15' },
  ]);
  await buildProject(db, {
    code: 'DA-NH',
    zoneCode: 'CCN-NH',
    investorCode: 'DN-NH',
    name: 'Nhà máy cơ khí',
  });
  await buildProject(db, {
    code: 'DA-NH2',
    zoneCode: 'CCN-NH',
    investorCode: 'DN-NH2',
    name: 'Nhà máy bao bì',
  });
  const user = async (
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    email: string | null,
    family: string | null = null,
  ) => (await makeUser(database.db, { role, scopeKind, scopeRef, family, email } as never)).user.id;
  ids.tenant = await user('enterprise', 'organisation', 'DN-NH', 'ketoan@dn-nh.vn');
  ids.otherTenant = await user('enterprise', 'organisation', 'DN-NH2', null);
  ids.developer = await user('developer', 'organisation', 'CDT-NH', null);
  ids.commune = await user('commune_officer', 'commune', communes.dongAnh, 'canbo@donganh.gov.vn');
  ids.otherCommune = await user('commune_officer', 'commune', communes.thachThat, null);
  ids.department = await user('department_officer', 'family', 'CCN', null, 'CCN');
  ids.kcnDepartment = await user('department_officer', 'family', 'KCN', null, 'KCN');
});
afterAll(async () => {
  await database?.cleanup();
  await new Promise<void>((resolve) => sink.server.close(() => resolve()));
});

const deps = () => testDeps(database.db, systemActor('system:reminders'), manualClock());
const at = (iso: string) => ({ now: new Date(iso) });
const query = async (statement: ReturnType<typeof sql>) => rowsOf(await database.db.execute(statement));
const keysOf = async (userId: string) =>
  // The reminders' own notices (the review's step notices have keys of their own).
  (
    await query(sql`select dedupe_key from notification
      where user_id = ${userId} and dedupe_key like 'reminder:%' order by dedupe_key`)
  ).map((r) => String(r.dedupe_key));
const reporterId = async (table: 'project' | 'zone', code: string) =>
  String((await query(sql`select id from ${sql.raw(table)} where code = ${code}`))[0]!.id);

describe('reminder stages', () => {
  it('counts days in Vietnam calendar days', () => {
    expect(reminderStage('2026-06-20', '2026-06-12', 'pending')).toBeNull();
    expect(reminderStage('2026-06-20', '2026-06-13', 'pending')?.key).toBe('due-7');
    expect(reminderStage('2026-06-20', '2026-06-19', 'pending')?.key).toBe('due-1');
    expect(reminderStage('2026-06-20', '2026-06-20', 'pending')?.key).toBe('due-1');
    expect(reminderStage('2026-06-20', '2026-06-21', 'overdue')?.key).toBe('overdue-1');
    expect(reminderStage('2026-06-20', '2026-06-28', 'overdue')?.key).toBe('overdue-7');
    expect(reminderStage('2026-06-20', '2026-10-01', 'overdue')).toBeNull();
  });

  it('a returned report is reminded of 3, 7 and 14 days after the return, for 60 days', () => {
    expect(returnedStage('2026-06-22', '2026-06-24')).toBeNull();
    expect(returnedStage('2026-06-22', '2026-06-25')?.key).toBe('returned-3');
    expect(returnedStage('2026-06-22', '2026-06-28')?.key).toBe('returned-3');
    expect(returnedStage('2026-06-22', '2026-06-29')?.key).toBe('returned-7');
    expect(returnedStage('2026-06-22', '2026-07-06')?.key).toBe('returned-14');
    expect(returnedStage('2026-06-22', '2026-08-22')).toBeNull();
  });
});

describe('the reviewer’s notice', () => {
  it('counts every overdue report and names the first five', () => {
    const form = formVersion('B01', '2024-10-01')!;
    const names = ['DN 1', 'DN 2', 'DN 3', 'DN 4', 'DN 5', 'DN 6', 'DN 7'];
    const text = digestText(form, '2026-H1', '2026-06-20', names, 'https://izis.hanoi.gov.vn/');
    expect(text.title.vi).toBe('Để biết: 7 Biểu 01 kỳ 6 tháng đầu năm 2026 quá hạn nộp');
    expect(text.body.vi).toBe(
      'Hạn nộp 20/6/2026; chưa gửi: DN 1; DN 2; DN 3; DN 4; DN 5 và 2 báo cáo khác. Hệ thống đã nhắc các đơn vị báo cáo.',
    );
    expect(text.mail.text).toContain(
      'Xem tình hình nộp báo cáo tại: https://izis.hanoi.gov.vn/reports?period=2026-H1',
    );
  });
});

describe('sendReminders', () => {
  it('does nothing when no deadline is near', async () => {
    const run = await sendReminders(deps(), at('2026-05-01T03:00:00Z'));
    expect(run).toMatchObject({ reminders: 0, notificationsCreated: 0 });
  });

  it('reminds the reporters seven days before the deadline, once', async () => {
    // 13/6/2026 08:00 in Hanoi: Biểu 01 and 02 of 2026-H1 are due on 20/6.
    const first = await sendReminders(deps(), at('2026-06-13T01:00:00Z'));
    const project = await reporterId('project', 'DA-NH');
    const zone = await reporterId('zone', 'CCN-NH');
    expect(await keysOf(ids.tenant)).toEqual([`reminder:B01:2026-H1:${project}:due-7`]);
    expect(await keysOf(ids.developer)).toEqual([`reminder:B02:2026-H1:${zone}:due-7`]);
    expect(await keysOf(ids.otherTenant)).toHaveLength(1);
    // Before the deadline the reviewers are not bothered.
    expect(await keysOf(ids.commune)).toEqual([]);
    expect(await keysOf(ids.department)).toEqual([]);
    expect(first.notificationsCreated).toBe(3);
    // No SMTP: the tenant's e-mail is logged as skipped.
    expect(first.mail).toEqual({ sent: 0, failed: 0, skipped: 1 });

    const second = await sendReminders(deps(), at('2026-06-13T05:00:00Z'));
    expect(second.notificationsCreated).toBe(0);
    expect(second.mail).toEqual({ sent: 0, failed: 0, skipped: 0 });
    const [row] = (await query(
      sql`select title_vi, body_vi, link from notification where user_id = ${ids.tenant}`,
    )) as { title_vi: string; body_vi: string; link: string }[];
    expect(row!.title_vi).toContain('Sắp đến hạn nộp');
    expect(row!.body_vi).toContain('là ngày 20/6/2026');
    // The link opens that very report's form for that period (the reports home would show today's period).
    expect(row!.link).toMatch(
      /^\/reports\/filings\/new\?formCode=B01&period=2026-H1&kind=project&code=DA-NH&/,
    );
  });

  it('a submitted report is not reminded of', async () => {
    const clock = manualClock(new Date('2026-06-15T02:00:00Z'));
    const other = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'DN-NH2',
    });
    const as = testDeps(database.db, other.actor, clock);
    const draft = await saveDraft(as, {
      formCode: 'B01',
      period: '2026-H1',
      reporter: { kind: 'project', code: 'DA-NH2' },
      values: { revenue_vnd: 3.2, state_budget_vnd: 0.4, workers: 40, avg_income_vnd: 7.9 },
    });
    await submitFiling(as, draft.id, { version: draft.version });
    await sendReminders(deps(), at('2026-06-19T01:00:00Z'));
    expect((await keysOf(ids.otherTenant)).filter((k) => k.endsWith('due-1'))).toEqual([]);
    expect((await keysOf(ids.tenant)).filter((k) => k.endsWith('due-1'))).toHaveLength(1);
  });

  it('at 23:59:59 on the due day it is still due; at 00:00 the next day it is overdue', async () => {
    const onDueDay = await sendReminders(deps(), at('2026-06-20T16:59:59Z'));
    expect(onDueDay.notificationsCreated).toBe(0); // due-1 was sent the day before
    expect(await keysOf(ids.commune)).toEqual([]);

    const mailer = createMailer({
      host: '127.0.0.1',
      port: sinkPort,
      secure: false,
      from: 'IZIS <izis@hanoi.gov.vn>',
    });
    const overdue = await sendReminders(deps(), { ...at('2026-06-20T17:00:00Z'), mailer });
    const project = await reporterId('project', 'DA-NH');
    const zone = await reporterId('zone', 'CCN-NH');
    expect((await keysOf(ids.tenant)).filter((k) => k.includes('overdue'))).toEqual([
      `reminder:B01:2026-H1:${project}:overdue-1`,
    ]);
    expect((await keysOf(ids.developer)).filter((k) => k.includes('overdue'))).toEqual([
      `reminder:B02:2026-H1:${zone}:overdue-1`,
    ]);
    // The reviewing officers get one notice per form listing the missing reports of their scope — not the
    // other commune or family.
    expect(await keysOf(ids.commune)).toEqual([
      'reminder:B01:2026-H1:review:overdue-1',
      'reminder:B02:2026-H1:review:overdue-1',
    ]);
    const [digest] = (await query(sql`
      select kind, title_vi, body_vi, link from notification
      where user_id = ${ids.commune} and dedupe_key = 'reminder:B01:2026-H1:review:overdue-1'`)) as Record<
      string,
      string
    >[];
    expect(digest).toMatchObject({
      kind: 'reminder.overdue.reviewer',
      title_vi: 'Để biết: 1 Biểu 01 kỳ 6 tháng đầu năm 2026 quá hạn nộp',
      link: '/reports?period=2026-H1',
    });
    expect(digest!.body_vi).toBe(
      'Hạn nộp 20/6/2026; chưa gửi: Nhà máy cơ khí. Hệ thống đã nhắc các đơn vị báo cáo.',
    );
    expect(await keysOf(ids.department)).toHaveLength(2);
    expect(await keysOf(ids.otherCommune)).toEqual([]);
    expect(await keysOf(ids.kcnDepartment)).toEqual([]);
    // The tenant who filed is not told its report is overdue.
    expect((await keysOf(ids.otherTenant)).filter((k) => k.includes('overdue'))).toEqual([]);

    // E-mails through a real SMTP conversation, in Vietnamese.
    expect(overdue.mail).toEqual({ sent: 3, failed: 0, skipped: 0 });
    const toTenant = sink.received.filter((m) => m.to.some((t) => t.includes('ketoan@dn-nh.vn')));
    expect(toTenant).toHaveLength(1);
    expect(subjectOf(toTenant[0]!.data)).toBe('[IZIS] Quá hạn nộp Biểu 01 kỳ 6 tháng đầu năm 2026');
    // The commune officer gets a notice (for your information), not a request to file.
    const toOfficer = sink.received.filter((m) => m.to.some((t) => t.includes('canbo@donganh.gov.vn')));
    expect(toOfficer.map((m) => subjectOf(m.data)).sort()).toEqual([
      '[IZIS] Để biết: 1 Biểu 01 kỳ 6 tháng đầu năm 2026 quá hạn nộp',
      '[IZIS] Để biết: 1 Biểu 02 kỳ 6 tháng đầu năm 2026 quá hạn nộp',
    ]);
    expect(await sendReminders(deps(), { ...at('2026-06-21T02:00:00Z'), mailer })).toMatchObject({
      notificationsCreated: 0,
      mail: { sent: 0, failed: 0, skipped: 0 },
    });
  });

  it('a failing SMTP server is logged as failed and the mail is retried on the next run', async () => {
    const closed = createServer();
    const deadPort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead = createMailer({
      host: '127.0.0.1',
      port: deadPort,
      secure: false,
      from: 'izis@hanoi.gov.vn',
    });
    const when = at('2026-06-27T02:00:00Z'); // 7 days late
    const failed = await sendReminders(deps(), { ...when, mailer: dead });
    // The tenant's Biểu 01, and the commune officer's notices of Biểu 01 and Biểu 02.
    expect(failed.mail).toEqual({ sent: 0, failed: 3, skipped: 0 });
    const rows = (await query(
      sql`select status, error from outbound_mail where dedupe_key like '%overdue-7' order by to_address`,
    )) as { status: string; error: string }[];
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed', 'failed']);
    expect(rows[0]!.error).toBeTruthy();

    const before = sink.received.length;
    const good = createMailer({
      host: '127.0.0.1',
      port: sinkPort,
      secure: false,
      from: 'izis@hanoi.gov.vn',
    });
    const retried = await sendReminders(deps(), { ...when, mailer: good });
    expect(retried.notificationsCreated).toBe(0);
    expect(retried.mail).toEqual({ sent: 3, failed: 0, skipped: 0 });
    expect(sink.received.length).toBe(before + 3);
    expect((await sendReminders(deps(), { ...when, mailer: good })).mail.sent).toBe(0);
  });

  it('a dry run writes nothing', async () => {
    const count = async () => Number((await query(sql`select count(*)::int as n from notification`))[0]!.n);
    const before = await count();
    const run = await sendReminders(deps(), { ...at('2026-12-13T02:00:00Z'), dryRun: true });
    expect(run.notificationsCreated).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('a returned report reminds its reporter, with the reason, until a corrected one is submitted', async () => {
    const project = await reporterId('project', 'DA-NH2');
    const [filing] = (await query(
      sql`select id, version from report_filing where reporter_ref = ${project} and form_code = 'B01'`,
    )) as { id: string; version: number }[];
    const officer = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    // Returned at 10:00 on 22/6 Hanoi time.
    await returnFiling(
      testDeps(database.db, officer.actor, manualClock(new Date('2026-06-22T03:00:00Z'))),
      filing!.id,
      {
        version: filing!.version,
        reason: 'Doanh thu chưa khớp với tờ khai thuế.',
      },
    );
    const returnedKeys = async () => (await keysOf(ids.otherTenant)).filter((k) => k.includes('returned'));

    await sendReminders(deps(), at('2026-06-24T03:00:00Z'));
    expect(await returnedKeys()).toEqual([]);
    const third = await sendReminders(deps(), at('2026-06-25T03:00:00Z'));
    expect(third.returned).toBe(1);
    expect(await returnedKeys()).toEqual([`reminder:B01:2026-H1:${project}:returned-3:r1`]);
    const [row] = (await query(sql`
      select kind, title_vi, body_vi, link from notification
      where user_id = ${ids.otherTenant} and dedupe_key like '%returned-3%'`)) as Record<string, string>[];
    expect(row).toMatchObject({ kind: 'reminder.returned', link: `/reports/filings/${filing!.id}` });
    expect(row!.title_vi).toBe('Biểu 01 6 tháng đầu năm 2026 bị trả lại chưa được nộp lại — Nhà máy bao bì');
    expect(row!.body_vi).toContain('ngày 22/6/2026 với lý do: “Doanh thu chưa khớp với tờ khai thuế.”');
    // Only the reporter: the other tenant, the developer and the officers are not told.
    for (const other of [ids.tenant, ids.developer, ids.commune]) {
      expect((await keysOf(other)).filter((k) => k.includes('returned'))).toEqual([]);
    }
    expect((await sendReminders(deps(), at('2026-06-26T03:00:00Z'))).notificationsCreated).toBe(0);

    // Correcting without submitting is still not resubmitted.
    const tenant = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'DN-NH2',
    });
    const as = testDeps(database.db, tenant.actor, manualClock(new Date('2026-06-30T02:00:00Z')));
    const draft = await saveDraft(as, {
      formCode: 'B01',
      period: '2026-H1',
      reporter: { kind: 'project', code: 'DA-NH2' },
      values: { revenue_vnd: 3.4, state_budget_vnd: 0.4, workers: 40, avg_income_vnd: 7.9 },
    });
    await sendReminders(deps(), at('2026-06-30T03:00:00Z'));
    expect(await returnedKeys()).toHaveLength(2);

    // Resubmitted: no more reminders.
    await submitFiling(as, draft.id, { version: draft.version });
    const after = await sendReminders(deps(), at('2026-07-07T03:00:00Z'));
    expect(after.returned).toBe(0);
    expect(await returnedKeys()).toHaveLength(2);
  });
});
