import { sql } from 'drizzle-orm';
import { daysBetween, localDateOf, timeliness, type IsoDate } from '../../domain/reporting/calendar';
import { formTerms } from '../../domain/reporting/catalogue';
import type { FormCode, FormVersion, ReporterKind } from '../../domain/reporting/form-types';
import { obligationKey, type Obligation } from '../../domain/reporting/obligations';
import { formatPeriod, periodsOfYear, periodTypes } from '../../domain/reporting/periods';
import { formatDate } from '../../domain/format/format';
import { recordAudit } from '../audit/audit.service';
import type { ServiceDeps } from '../deps';
import type { Mailer } from '../system/mailer';
import { loadInputFingerprint } from './compilation.repository';
import { registrySnapshot } from './compilation.service';
import { owedReports } from './completeness.service';

/**
 * Reminders for the filed reports (Biểu 01, Biểu 02, the parks' tenant report): before the legal deadline to
 * the reporter's users, and after it to them and — as one notice per form, period and stage listing the
 * overdue reports of their scope (`reminder:<form>:<period>:review:<stage>`) — to the officers who review them.
 *
 * Each reminder has a stage (`due-7`, `due-1`, `overdue-1`, `overdue-7`, `overdue-30`) and a dedupe key
 * `reminder:<form>:<period>:<reporter id>:<stage>`; the notification table is unique per user and key, and the
 * outbound mail log per address and key, so running the job again (every hour, or by hand) sends nothing
 * twice. An e-mail is claimed before it is sent (status `sending`), so two runs at once cannot both send it;
 * a failed one (or one skipped while SMTP was not configured) is tried again on the next run while the
 * reminder is still current.
 *
 * A report the reviewer returned is with its reporter again: until a corrected revision is submitted, the
 * reporter is reminded `RETURNED_STAGES` days after the return (`returned-3`, `returned-7`, `returned-14`),
 * with the reviewer's reason; the key carries the returned revision, so a second return starts again.
 */

export const REMINDER_FORMS: readonly FormCode[] = ['B01', 'B02', 'KCN_TENANT'];
/** Days after the due day at which an overdue reminder is repeated. */
export const OVERDUE_STAGES: readonly number[] = [1, 7, 30];
/** Periods whose due day ended longer ago than this are no longer reminded of. */
export const OVERDUE_LOOKBACK_DAYS = 90;
/** Days after a report was returned at which its reporter is reminded to correct and resubmit it. */
export const RETURNED_STAGES: readonly number[] = [3, 7, 14];
/** Reports named in a reviewer's overdue notice; the rest are counted. */
const DIGEST_NAMES = 5;
/** Returns older than this are no longer reminded of (the overdue reminders cover the period itself). */
export const RETURNED_LOOKBACK_DAYS = 60;

export type ReminderOptions = {
  /** Days before the due date at which to remind (default 7 and 1). */
  daysBefore?: readonly number[];
  /** Null or absent: in-app notifications only, e-mails logged as `skipped`. */
  mailer?: Mailer | null;
  /** Base of the links in e-mails (IZIS_PUBLIC_URL). */
  publicUrl?: string;
  /** Computes what would be sent without writing or sending anything. */
  dryRun?: boolean;
  /** Overrides the clock. */
  now?: Date;
};

export type ReminderRun = {
  asOf: string;
  today: IsoDate;
  dryRun: boolean;
  /** Outstanding obligations that reached a reminder stage. */
  reminders: number;
  /** Returned reports not yet resubmitted that reached a reminder stage. */
  returned: number;
  notificationsCreated: number;
  mail: { sent: number; failed: number; skipped: number };
};

type Stage = { kind: 'due' | 'overdue' | 'returned'; days: number; key: string };

type Recipient = {
  userId: string;
  email: string | null;
  displayName: string;
  role: 'reporter' | 'reviewer';
};

type UserScope = {
  userId: string;
  email: string | null;
  displayName: string;
  role: string;
  scopeKind: string;
  scopeRef: string | null;
};

type Raw = Record<string, unknown>;
const rowsOf = (result: unknown): Raw[] => (result as { rows: Raw[] }).rows;

/** The reminder stage of an outstanding obligation today, or null when none is due. */
export function reminderStage(
  dueDate: IsoDate,
  today: IsoDate,
  status: 'pending' | 'overdue',
  daysBefore: readonly number[] = [7, 1],
): Stage | null {
  if (status === 'pending') {
    const left = daysBetween(today, dueDate);
    const stage = [...daysBefore].sort((a, b) => a - b).find((d) => left <= d);
    return stage === undefined ? null : { kind: 'due', days: stage, key: `due-${stage}` };
  }
  const late = daysBetween(dueDate, today);
  if (late > OVERDUE_LOOKBACK_DAYS) return null;
  const stage = [...OVERDUE_STAGES].reverse().find((d) => late >= d) ?? OVERDUE_STAGES[0]!;
  return { kind: 'overdue', days: stage, key: `overdue-${stage}` };
}

/** The (form, period) pairs whose due date falls between `lookback` days ago and `ahead` days from today. */
export function currentDuePeriods(
  today: IsoDate,
  ahead: number,
  lookback = OVERDUE_LOOKBACK_DAYS,
): { formCode: FormCode; period: string; dueDate: IsoDate; form: FormVersion }[] {
  const year = Number(today.slice(0, 4));
  const found: { formCode: FormCode; period: string; dueDate: IsoDate; form: FormVersion }[] = [];
  for (const formCode of REMINDER_FORMS) {
    for (const y of [year - 1, year, year + 1]) {
      for (const type of periodTypes) {
        for (const p of periodsOfYear(type, y)) {
          const terms = formTerms(formCode, p);
          if (!terms) continue;
          const offset = daysBetween(today, terms.terms.dueDate);
          if (offset > ahead || offset < -lookback) continue;
          found.push({
            formCode,
            period: terms.terms.period,
            dueDate: terms.terms.dueDate,
            form: terms.form,
          });
        }
      }
    }
  }
  return found;
}

export async function sendReminders(deps: ServiceDeps, options: ReminderOptions = {}): Promise<ReminderRun> {
  const now = options.now ?? deps.clock.now();
  const today = localDateOf(now);
  const daysBefore = options.daysBefore?.length ? options.daysBefore : [7, 1];
  const dryRun = options.dryRun ?? false;
  const result: ReminderRun = {
    asOf: now.toISOString(),
    today,
    dryRun,
    reminders: 0,
    returned: 0,
    notificationsCreated: 0,
    mail: { sent: 0, failed: 0, skipped: 0 },
  };
  const due = currentDuePeriods(today, Math.max(...daysBefore));
  const returned = await loadReturned(deps, now);
  if (due.length === 0 && returned.length === 0) return result;

  // The registry as the reports see it (kept while unchanged, see compilation.cache.ts).
  const registry = await registrySnapshot(
    deps,
    await loadInputFingerprint(deps.db, due[0]?.period ?? returned[0]!.period),
  );
  const zonesById = new Map(registry.zones.map((z) => [z.id, z]));
  const submissions = await loadSubmissions(deps, [...new Set(due.map((d) => d.period))]);
  const users = await loadUsers(deps);

  type Planned = { obligation: Obligation; form: FormVersion; stage: Stage; recipients: Recipient[] };
  const planned: Planned[] = [];
  /** Reviewers get one notice per form, period and stage listing the overdue reports of their scope. */
  type Digest = {
    recipient: Recipient;
    form: FormVersion;
    period: string;
    dueDate: IsoDate;
    stage: Stage;
    names: string[];
  };
  const digests = new Map<string, Digest>();
  const reporterNameOf = (kind: string, id: string) =>
    (kind === 'project' ? registry.projectLabels.get(id)?.name : zonesById.get(id)?.name) ?? '';
  for (const { formCode, period, form } of due) {
    // Who owes what: the completeness table's answer.
    for (const { obligation: o, facts } of (await owedReports(deps, period, [formCode])).list) {
      const submittedAt = submissions.get(obligationKey(o)) ?? null;
      const status = timeliness(o.dueDate, submittedAt, now);
      if (status !== 'pending' && status !== 'overdue') continue;
      const stage = reminderStage(o.dueDate, today, status, daysBefore);
      if (!stage) continue;
      const communeCode = facts.communeCode;
      const recipients: Recipient[] = [];
      for (const u of users) {
        const recipient = { userId: u.userId, email: u.email, displayName: u.displayName };
        if (
          isReporterUser(u, o.reporter.kind, facts.reporterOrgCode ?? undefined, facts.zoneCode ?? undefined)
        ) {
          if (!recipients.some((r) => r.userId === u.userId))
            recipients.push({ ...recipient, role: 'reporter' });
          continue;
        }
        const isReviewer =
          stage.kind === 'overdue' &&
          ((u.role === 'commune_officer' &&
            u.scopeKind === 'commune' &&
            communeCode !== null &&
            u.scopeRef === communeCode) ||
            (u.role === 'department_officer' && u.scopeKind === 'family' && u.scopeRef === o.family));
        if (!isReviewer) continue;
        const key = `${u.userId}|${o.formCode}|${o.period}|${stage.key}`;
        const digest = digests.get(key) ?? {
          recipient: { ...recipient, role: 'reviewer' as const },
          form,
          period: o.period,
          dueDate: o.dueDate,
          stage,
          names: [],
        };
        digest.names.push(reporterNameOf(o.reporter.kind, o.reporter.id));
        digests.set(key, digest);
      }
      planned.push({ obligation: o, form, stage, recipients });
    }
  }
  result.reminders = planned.length;

  for (const { obligation: o, form, stage, recipients } of planned) {
    if (recipients.length === 0) continue;
    const dedupeKey = `reminder:${o.formCode}:${o.period}:${o.reporter.id}:${stage.key}`;
    const text = reminderText(
      now,
      form,
      o,
      stage,
      reporterNameOf(o.reporter.kind, o.reporter.id),
      options.publicUrl,
    );
    const outcome = await notifyAndMail(deps, options, dedupeKey, recipients, text, {
      kind: () => (stage.kind === 'due' ? 'reminder.due' : 'reminder.overdue.reporter'),
      audit: { formCode: o.formCode, period: o.period, stage: stage.key },
    });
    result.notificationsCreated += outcome.created;
    for (const k of ['sent', 'failed', 'skipped'] as const) result.mail[k] += outcome.mail[k];
  }
  for (const d of digests.values()) {
    const dedupeKey = `reminder:${d.form.code}:${d.period}:review:${d.stage.key}`;
    const outcome = await notifyAndMail(
      deps,
      options,
      dedupeKey,
      [d.recipient],
      digestText(d.form, d.period, d.dueDate, d.names, options.publicUrl),
      {
        kind: () => 'reminder.overdue.reviewer',
        audit: { formCode: d.form.code, period: d.period, stage: d.stage.key, overdue: d.names.length },
      },
    );
    result.notificationsCreated += outcome.created;
    for (const k of ['sent', 'failed', 'skipped'] as const) result.mail[k] += outcome.mail[k];
  }
  // Returned and not yet resubmitted: the reporter's users, with the reviewer's reason.
  const projectsById = new Map(registry.projects.map((p) => [p.id, p]));
  type PlannedReturn = { filing: ReturnedFiling; stage: Stage; recipients: Recipient[] };
  const returns: PlannedReturn[] = [];
  for (const f of returned) {
    const stage = returnedStage(localDateOf(f.returnedAt), today);
    if (!stage) continue;
    const project = f.reporterKind === 'project' ? projectsById.get(f.reporterRef) : undefined;
    const zone = zonesById.get(f.reporterKind === 'zone' ? f.reporterRef : (project?.zoneId ?? ''));
    const orgId = f.reporterKind === 'project' ? project?.investorOrgId : zone?.developerOrgId;
    const orgCode = orgId ? registry.orgs.get(orgId)?.code : undefined;
    const recipients = users
      .filter((u) => isReporterUser(u, f.reporterKind, orgCode, zone?.code))
      .filter((u, i, all) => all.findIndex((v) => v.userId === u.userId) === i)
      .map((u) => ({
        userId: u.userId,
        email: u.email,
        displayName: u.displayName,
        role: 'reporter' as const,
      }));
    returns.push({ filing: f, stage, recipients });
  }
  result.returned = returns.length;
  for (const { filing: f, stage, recipients } of returns) {
    if (recipients.length === 0) continue;
    const form = formTerms(f.formCode, f.period)?.form;
    if (!form) continue;
    const dedupeKey = `reminder:${f.formCode}:${f.period}:${f.reporterRef}:${stage.key}:r${f.revisionNo}`;
    const text = returnedText(form, f, reporterNameOf(f.reporterKind, f.reporterRef), options.publicUrl);
    const outcome = await notifyAndMail(deps, options, dedupeKey, recipients, text, {
      kind: () => 'reminder.returned',
      audit: { formCode: f.formCode, period: f.period, stage: stage.key, filingId: f.id },
    });
    result.notificationsCreated += outcome.created;
    for (const k of ['sent', 'failed', 'skipped'] as const) result.mail[k] += outcome.mail[k];
  }
  deps.log.info({ ...result }, 'reminders run');
  return result;
}

type ReminderTextParts = {
  title: { vi: string; en: string };
  body: { vi: string; en: string };
  link: string;
  mail: { subject: string; text: string };
};

/**
 * Writes one reminder's in-app notifications (once per user and key) with their audit row, then sends one
 * e-mail per address (once per address and key). A dry run counts what would be created and writes nothing.
 */
async function notifyAndMail(
  deps: ServiceDeps,
  options: ReminderOptions,
  dedupeKey: string,
  recipients: readonly Recipient[],
  text: ReminderTextParts,
  meta: { kind: (role: Recipient['role']) => string; audit: Record<string, unknown> },
): Promise<{ created: number; mail: ReminderRun['mail'] }> {
  const mailCount = { sent: 0, failed: 0, skipped: 0 };
  if (options.dryRun) {
    const existing = rowsOf(
      await deps.db.execute(sql`select user_id from notification where dedupe_key = ${dedupeKey}`),
    ).map((r) => String(r.user_id));
    return { created: recipients.filter((r) => !existing.includes(r.userId)).length, mail: mailCount };
  }
  const created = await deps.db.transaction(async (tx) => {
    let count = 0;
    for (const r of recipients) {
      const inserted = rowsOf(
        await tx.execute(sql`
          insert into notification (user_id, kind, title_vi, title_en, body_vi, body_en, link, dedupe_key)
          values (${r.userId}, ${meta.kind(r.role)}, ${text.title.vi}, ${text.title.en},
            ${text.body.vi}, ${text.body.en}, ${text.link}, ${dedupeKey})
          on conflict (user_id, dedupe_key) do nothing
          returning id`),
      );
      count += inserted.length;
    }
    if (count > 0) {
      await recordAudit(tx, deps, {
        action: 'notification.reminder',
        entityType: 'notification',
        entityId: dedupeKey,
        after: { recipients: count, ...meta.audit },
      });
    }
    return count;
  });
  // One e-mail per address.
  const addresses = new Set(recipients.map((r) => r.email?.trim().toLowerCase()).filter((a) => !!a));
  for (const address of addresses) {
    const outcome = await sendOnce(deps, options.mailer ?? null, address!, dedupeKey, text.mail);
    if (outcome) mailCount[outcome] += 1;
  }
  return { created, mail: mailCount };
}

/** Whether a user files for a reporter: the enterprise for its projects, the developer for its clusters. */
function isReporterUser(
  u: UserScope,
  reporterKind: ReporterKind,
  reporterOrgCode: string | undefined,
  zoneCode: string | undefined,
): boolean {
  if (u.role === 'enterprise')
    return reporterKind === 'project' && u.scopeKind === 'organisation' && u.scopeRef === reporterOrgCode;
  if (u.role === 'developer' && reporterKind === 'zone')
    return (
      (u.scopeKind === 'organisation' && !!reporterOrgCode && u.scopeRef === reporterOrgCode) ||
      (u.scopeKind === 'zone' && !!zoneCode && u.scopeRef === zoneCode)
    );
  return false;
}

/** The reminder stage of a returned report today, or null when none is due. */
export function returnedStage(returnedOn: IsoDate, today: IsoDate): Stage | null {
  const days = daysBetween(returnedOn, today);
  if (days > RETURNED_LOOKBACK_DAYS) return null;
  const stage = [...RETURNED_STAGES].reverse().find((d) => days >= d);
  return stage === undefined ? null : { kind: 'returned', days: stage, key: `returned-${stage}` };
}

type ReturnedFiling = {
  id: string;
  formCode: FormCode;
  period: string;
  reporterKind: 'project' | 'zone';
  reporterRef: string;
  revisionNo: number;
  returnedAt: Date;
  reason: string;
};

/** Filings whose last review returned them and which have not been resubmitted since. */
async function loadReturned(deps: ServiceDeps, now: Date): Promise<ReturnedFiling[]> {
  const since = new Date(now.getTime() - (RETURNED_LOOKBACK_DAYS + 1) * 86_400_000);
  return rowsOf(
    await deps.db.execute(sql`
      select f.id, f.form_code, f.period, f.reporter_kind, f.reporter_ref,
             r.revision_no, r.reviewed_at, r.return_reason
      from report_filing f
      join report_revision r on r.filing_id = f.id and r.state = 'returned'
      where f.status in ('returned', 'draft')
        and f.form_code in (${sql.join(
          REMINDER_FORMS.map((c) => sql`${c}`),
          sql`, `,
        )})
        and r.reviewed_at >= ${since.toISOString()}
        and not exists (
          select 1 from report_revision later
          where later.filing_id = f.id and later.revision_no > r.revision_no and later.state <> 'draft')`),
  ).map((r) => ({
    id: String(r.id),
    formCode: String(r.form_code) as FormCode,
    period: String(r.period),
    reporterKind: String(r.reporter_kind) as 'project' | 'zone',
    reporterRef: String(r.reporter_ref),
    revisionNo: Number(r.revision_no),
    returnedAt: new Date(r.reviewed_at as string),
    reason: String(r.return_reason ?? ''),
  }));
}

function returnedText(
  form: FormVersion,
  f: ReturnedFiling,
  reporterName: string,
  publicUrl: string | undefined,
): ReminderTextParts {
  const link = `/reports/filings/${f.id}`;
  const url = `${(publicUrl ?? '').replace(/\/+$/, '')}${link}`;
  const periodVi = formatPeriod(f.period, 'vi');
  const periodEn = formatPeriod(f.period, 'en');
  const returnedVi = formatDate(localDateOf(f.returnedAt), { locale: 'vi' });
  const returnedEn = formatDate(localDateOf(f.returnedAt), { locale: 'en' });
  const who = reporterName ? ` — ${reporterName}` : '';
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  return {
    title: {
      vi: `${nameVi} ${periodVi} bị trả lại chưa được nộp lại${who}`,
      en: `${nameEn} for ${periodEn} was returned and not resubmitted${who}`,
    },
    body: {
      vi: `Báo cáo bị trả lại ngày ${returnedVi} với lý do: “${f.reason}”. Đề nghị sửa và nộp lại.`,
      en: `The report was returned on ${returnedEn}: “${f.reason}”. Please correct and resubmit it.`,
    },
    link,
    mail: {
      subject: `[IZIS] Đề nghị nộp lại ${nameVi} kỳ ${periodVi}`,
      text: [
        'Kính gửi Quý đơn vị,',
        '',
        `${form.title.vi}${who}, kỳ ${periodVi}, đã bị cơ quan tiếp nhận trả lại ngày ${returnedVi} với lý do:`,
        `“${f.reason}”`,
        'Đến nay báo cáo chưa được nộp lại. Đề nghị Quý đơn vị sửa và nộp lại báo cáo.',
        '',
        `Sửa và nộp lại tại: ${url}`,
        '',
        'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.',
        '',
        '---',
        `${nameEn} for ${periodEn}${who} was returned on ${returnedEn} (“${f.reason}”) and has not been resubmitted. Correct it at ${url}`,
      ].join('\n'),
    },
  };
}

/**
 * Claims the (address, key) row, sends and records the outcome. Returns null when it was already sent (or
 * is being sent by another run), `skipped` when SMTP is not configured.
 */
async function sendOnce(
  deps: ServiceDeps,
  mailer: Mailer | null,
  address: string,
  dedupeKey: string,
  message: { subject: string; text: string },
): Promise<'sent' | 'failed' | 'skipped' | null> {
  if (!mailer) {
    const inserted = rowsOf(
      await deps.db.execute(sql`
        insert into outbound_mail (to_address, subject, dedupe_key, status)
        values (${address}, ${message.subject}, ${dedupeKey}, 'skipped')
        on conflict (to_address, dedupe_key) do nothing returning id`),
    );
    return inserted.length ? 'skipped' : null;
  }
  const claimed = rowsOf(
    await deps.db.execute(sql`
      insert into outbound_mail (to_address, subject, dedupe_key, status)
      values (${address}, ${message.subject}, ${dedupeKey}, 'sending')
      on conflict (to_address, dedupe_key) do update set status = 'sending', error = null, created_at = now()
        where outbound_mail.status in ('failed', 'skipped')
      returning id`),
  );
  const id = claimed[0]?.id;
  if (id === undefined) return null;
  try {
    const { messageId } = await mailer.send({ to: address, ...message });
    await deps.db.execute(
      sql`update outbound_mail set status = 'sent', message_id = ${messageId}, error = null where id = ${id}`,
    );
    return 'sent';
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    await deps.db.execute(
      sql`update outbound_mail set status = 'failed', error = ${text.slice(0, 2000)} where id = ${id}`,
    );
    deps.log.warn({ to: address, dedupeKey, error: text }, 'reminder e-mail failed');
    return 'failed';
  }
}

function reminderText(
  now: Date,
  form: FormVersion,
  o: Obligation,
  stage: Stage,
  reporterName: string,
  publicUrl: string | undefined,
) {
  const link = '/reports';
  const url = `${(publicUrl ?? '').replace(/\/+$/, '')}${link}`;
  const periodVi = formatPeriod(o.period, 'vi');
  const periodEn = formatPeriod(o.period, 'en');
  const dueVi = formatDate(o.dueDate, { locale: 'vi' });
  const dueEn = formatDate(o.dueDate, { locale: 'en' });
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  const who = reporterName ? ` — ${reporterName}` : '';
  const overdue = stage.kind === 'overdue';
  const title = overdue
    ? { vi: `Quá hạn nộp ${nameVi} ${periodVi}${who}`, en: `${nameEn} for ${periodEn} is overdue${who}` }
    : {
        vi: `Sắp đến hạn nộp ${nameVi} ${periodVi}${who}`,
        en: `${nameEn} for ${periodEn} is due soon${who}`,
      };
  const body = overdue
    ? {
        vi: `Hạn nộp ${nameVi} kỳ ${periodVi} là ngày ${dueVi}; báo cáo chưa được gửi. Đề nghị nộp ngay.`,
        en: `${nameEn} for ${periodEn} was due on ${dueEn} and has not been submitted. Please submit it now.`,
      }
    : {
        vi: `Hạn nộp ${nameVi} kỳ ${periodVi} là ngày ${dueVi} — ${daysLeftText(o.dueDate, now)}.`,
        en: `${nameEn} for ${periodEn} is due on ${dueEn}.`,
      };
  const mailSubject = overdue
    ? `[IZIS] Quá hạn nộp ${nameVi} kỳ ${periodVi}`
    : `[IZIS] Nhắc hạn nộp ${nameVi} kỳ ${periodVi}`;
  const mailText = [
    'Kính gửi Quý đơn vị,',
    '',
    `${form.title.vi}${who}.`,
    `Kỳ báo cáo: ${periodVi}. Hạn nộp: ${dueVi} (theo ${form.legalBasis}).`,
    overdue
      ? 'Báo cáo chưa được gửi và đã quá hạn. Đề nghị Quý đơn vị nộp báo cáo ngay.'
      : 'Đề nghị Quý đơn vị hoàn thành và gửi báo cáo trước thời hạn.',
    '',
    `Nộp báo cáo tại: ${url}`,
    '',
    'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.',
    '',
    '---',
    `${nameEn} for ${periodEn}${who} is ${overdue ? 'overdue' : 'due'} (due date ${dueEn}). File it at ${url}`,
  ].join('\n');
  return { title, body, link, mail: { subject: mailSubject, text: mailText } };
}

/** The reviewer's notice: the overdue reports of one form and period in their scope, the first few by name. */
export function digestText(
  form: FormVersion,
  period: string,
  dueDate: IsoDate,
  names: readonly string[],
  publicUrl: string | undefined,
): ReminderTextParts {
  const link = `/reports?period=${encodeURIComponent(period)}`;
  const url = `${(publicUrl ?? '').replace(/\/+$/, '')}${link}`;
  const periodVi = formatPeriod(period, 'vi');
  const periodEn = formatPeriod(period, 'en');
  const dueVi = formatDate(dueDate, { locale: 'vi' });
  const dueEn = formatDate(dueDate, { locale: 'en' });
  const count = names.length;
  const shown = names.slice(0, DIGEST_NAMES).filter((n) => n);
  const rest = count - Math.min(count, DIGEST_NAMES);
  const listVi = `${shown.join('; ')}${rest > 0 ? ` và ${rest} báo cáo khác` : ''}`;
  const listEn = `${shown.join('; ')}${rest > 0 ? ` and ${rest} more` : ''}`;
  const nameVi = form.shortTitle.vi;
  const nameEn = form.shortTitle.en;
  return {
    title: {
      vi: `Để biết: ${count} ${nameVi} kỳ ${periodVi} quá hạn nộp`,
      en: `For your information: ${count} × ${nameEn} for ${periodEn} overdue`,
    },
    body: {
      vi: `Hạn nộp ${dueVi}; chưa gửi: ${listVi}. Hệ thống đã nhắc các đơn vị báo cáo.`,
      en: `Due on ${dueEn}; not submitted: ${listEn}. The reporters have been reminded.`,
    },
    link,
    mail: {
      subject: `[IZIS] Để biết: ${count} ${nameVi} kỳ ${periodVi} quá hạn nộp`,
      text: [
        'Kính gửi cán bộ phụ trách,',
        '',
        `${form.title.vi}, kỳ ${periodVi}, hạn nộp ${dueVi} (theo ${form.legalBasis}):`,
        `${count} báo cáo thuộc phạm vi đồng chí phụ trách đến nay chưa được gửi — ${listVi}.`,
        'Hệ thống đã nhắc các đơn vị báo cáo. Thư này để đồng chí biết và theo dõi.',
        '',
        `Xem tình hình nộp báo cáo tại: ${url}`,
        '',
        'Thư này được gửi tự động từ Hệ thống thông tin khu, cụm công nghiệp (IZIS); vui lòng không trả lời.',
        '',
        '---',
        `For your information: ${count} × ${nameEn} for ${periodEn} (due ${dueEn}) not submitted: ${listEn}. See ${url}`,
      ].join('\n'),
    },
  };
}

function daysLeftText(dueDate: IsoDate, now: Date): string {
  const left = daysBetween(localDateOf(now), dueDate);
  return left <= 0 ? 'hạn cuối là hôm nay' : `còn ${left} ngày`;
}

async function loadSubmissions(deps: ServiceDeps, periods: string[]): Promise<Map<string, Date>> {
  const rows = rowsOf(
    await deps.db.execute(sql`
      select form_code, period, reporter_kind, reporter_ref, first_submitted_at from report_filing
      where first_submitted_at is not null and period in (${sql.join(
        periods.map((p) => sql`${p}`),
        sql`, `,
      )})`),
  );
  return new Map(
    rows.map((r) => [
      `${String(r.form_code)}|${String(r.period)}|${String(r.reporter_kind)}|${String(r.reporter_ref)}`,
      new Date(r.first_submitted_at as string),
    ]),
  );
}

async function loadUsers(deps: ServiceDeps): Promise<UserScope[]> {
  return rowsOf(
    await deps.db.execute(sql`
      select u.id, u.email, u.display_name, a.role_code, a.scope_kind, a.scope_ref
      from app_user u join role_assignment a on a.user_id = u.id
      where u.status = 'active'
        and a.role_code in ('enterprise', 'developer', 'commune_officer', 'department_officer')
      order by u.username`),
  ).map((r) => ({
    userId: String(r.id),
    email: (r.email as string | null) ?? null,
    displayName: String(r.display_name),
    role: String(r.role_code),
    scopeKind: String(r.scope_kind),
    scopeRef: (r.scope_ref as string | null) ?? null,
  }));
}
