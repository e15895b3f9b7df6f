import { daysBetween, localDateOf, timeliness, type IsoDate } from './calendar';
import { formTerms } from './catalogue';
import type { FormCode, FormVersion, ReporterKind } from './form-types';
import { filingLink, newFilingLink, reportsHomeLink } from './links';
import type { NoticeText } from './notices';
import type { Obligation } from './obligations';
import { periodsOfYear, periodTypes } from './periods';
import { digestText, reminderText, returnedText } from './reminder-texts';

/**
 * The reminders as a pure plan: given who owes what (the obligations with their registry facts), what was
 * submitted or returned, the users, and the clock → which notices are due, to whom, in which words. Who is a
 * report's reporter or reviewer is the filing policy's answer, passed in as `concerns`; the service loads the
 * inputs and sends the plan through `notifyUsers` (once per user and key, so a plan may be sent again).
 *
 * Stages: `due-7`, `due-1` before the deadline to the reporter; `overdue-1`, `-7`, `-30` after it to the
 * reporter and, as one notice per form, period and stage naming the overdue reports of their scope, to the
 * reviewers; `returned-3`, `-7`, `-14` after a return that was not resubmitted, to the reporter with the reason.
 */

export const REMINDER_FORMS: readonly FormCode[] = ['B01', 'B02', 'KCN_TENANT'];
/** Days after the due day at which an overdue reminder is repeated. */
export const OVERDUE_STAGES: readonly number[] = [1, 7, 30];
/** Periods whose due day ended longer ago than this are no longer reminded of. */
export const OVERDUE_LOOKBACK_DAYS = 90;
/** Days after a report was returned at which its reporter is reminded to correct and resubmit it. */
export const RETURNED_STAGES: readonly number[] = [3, 7, 14];
/** Returns older than this are no longer reminded of (the overdue reminders cover the period itself). */
export const RETURNED_LOOKBACK_DAYS = 60;

export type Stage = { kind: 'due' | 'overdue' | 'returned'; days: number; key: string };

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

/** The reminder stage of a returned report today, or null when none is due. */
export function returnedStage(returnedOn: IsoDate, today: IsoDate): Stage | null {
  const days = daysBetween(returnedOn, today);
  if (days > RETURNED_LOOKBACK_DAYS) return null;
  const stage = [...RETURNED_STAGES].reverse().find((d) => days >= d);
  return stage === undefined ? null : { kind: 'returned', days: stage, key: `returned-${stage}` };
}

export type DuePeriod = { formCode: FormCode; period: string; dueDate: IsoDate; form: FormVersion };

/** The (form, period) pairs whose due date falls between `lookback` days ago and `ahead` days from today. */
export function currentDuePeriods(
  today: IsoDate,
  ahead: number,
  lookback = OVERDUE_LOOKBACK_DAYS,
): DuePeriod[] {
  const year = Number(today.slice(0, 4));
  const found: DuePeriod[] = [];
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

/** One owed report of a due period, with its registry facts and its first submission (if any). */
export type OwedReport<F> = {
  obligation: Obligation;
  facts: F;
  reporter: { code: string; name: string } | undefined;
  submittedAt: Date | null;
};

/** A filing whose last review returned it and which has not been resubmitted since. */
export type ReturnedReport<F> = {
  id: string;
  formCode: FormCode;
  period: string;
  reporterKind: ReporterKind;
  revisionNo: number;
  returnedAt: Date;
  reason: string;
  reporterName: string;
  reporterRef: string;
  facts: F;
};

export type ReminderUser<A> = { userId: string; email: string | null; actor: A };

/** The filing policy's answer to "whom does this report concern", asked for each user. */
export type ReminderConcerns<F, A> = {
  isReporter(actor: A, facts: F, reporterKind: ReporterKind): boolean;
  isReviewer(actor: A, facts: F): boolean;
};

export type PlannedNotice = {
  key: string;
  kind: 'reminder.due' | 'reminder.overdue.reporter' | 'reminder.overdue.reviewer' | 'reminder.returned';
  recipients: { userId: string; email: string | null }[];
  text: NoticeText;
  audit: Record<string, unknown>;
};

export type ReminderPlan = {
  notices: PlannedNotice[];
  /** Outstanding obligations that reached a reminder stage. */
  reminders: number;
  /** Returned reports not yet resubmitted that reached a reminder stage. */
  returned: number;
};

export function planReminders<F, A>(input: {
  now: Date;
  daysBefore: readonly number[];
  due: readonly DuePeriod[];
  owed: readonly OwedReport<F>[];
  returned: readonly ReturnedReport<F>[];
  users: readonly ReminderUser<A>[];
  concerns: ReminderConcerns<F, A>;
  /** Base of the e-mails' links (the public URL). */
  base: string | undefined;
}): ReminderPlan {
  const { now, users, concerns } = input;
  const today = localDateOf(now);
  const forms = new Map(input.due.map((d) => [`${d.formCode}|${d.period}`, d.form]));
  const notices: PlannedNotice[] = [];
  const digests = new Map<
    string,
    {
      user: ReminderUser<A>;
      form: FormVersion;
      period: string;
      dueDate: IsoDate;
      stage: Stage;
      names: string[];
    }
  >();
  let reminders = 0;
  for (const owed of input.owed) {
    const o = owed.obligation;
    const form = forms.get(`${o.formCode}|${o.period}`);
    if (!form) continue;
    const status = timeliness(o.dueDate, owed.submittedAt, now);
    if (status !== 'pending' && status !== 'overdue') continue;
    const stage = reminderStage(o.dueDate, today, status, input.daysBefore);
    if (!stage) continue;
    reminders += 1;
    const name = owed.reporter?.name ?? '';
    const reporters = users.filter((u) => concerns.isReporter(u.actor, owed.facts, o.reporter.kind));
    if (stage.kind === 'overdue') {
      for (const u of users) {
        if (reporters.includes(u) || !concerns.isReviewer(u.actor, owed.facts)) continue;
        const key = `${u.userId}|${o.formCode}|${o.period}|${stage.key}`;
        const digest = digests.get(key) ?? {
          user: u,
          form,
          period: o.period,
          dueDate: o.dueDate,
          stage,
          names: [],
        };
        digest.names.push(name);
        digests.set(key, digest);
      }
    }
    if (reporters.length === 0) continue;
    const link = owed.reporter
      ? newFilingLink(o.formCode, o.period, o.reporter.kind, owed.reporter.code, owed.reporter.name)
      : reportsHomeLink(o.period);
    notices.push({
      key: `reminder:${o.formCode}:${o.period}:${o.reporter.id}:${stage.key}`,
      kind: stage.kind === 'due' ? 'reminder.due' : 'reminder.overdue.reporter',
      recipients: reporters.map((u) => ({ userId: u.userId, email: u.email })),
      text: reminderText({
        now,
        form,
        period: o.period,
        dueDate: o.dueDate,
        overdue: stage.kind === 'overdue',
        reporterName: name,
        link,
        base: input.base,
      }),
      audit: { formCode: o.formCode, period: o.period, stage: stage.key },
    });
  }
  for (const d of digests.values()) {
    notices.push({
      key: `reminder:${d.form.code}:${d.period}:review:${d.stage.key}`,
      kind: 'reminder.overdue.reviewer',
      recipients: [{ userId: d.user.userId, email: d.user.email }],
      text: digestText(d.form, d.period, d.dueDate, d.names, input.base, reportsHomeLink(d.period)),
      audit: { formCode: d.form.code, period: d.period, stage: d.stage.key, overdue: d.names.length },
    });
  }
  let returned = 0;
  for (const f of input.returned) {
    const stage = returnedStage(localDateOf(f.returnedAt), today);
    if (!stage) continue;
    returned += 1;
    const form = formTerms(f.formCode, f.period)?.form;
    const reporters = users.filter((u) => concerns.isReporter(u.actor, f.facts, f.reporterKind));
    if (!form || reporters.length === 0) continue;
    notices.push({
      key: `reminder:${f.formCode}:${f.period}:${f.reporterRef}:${stage.key}:r${f.revisionNo}`,
      kind: 'reminder.returned',
      recipients: reporters.map((u) => ({ userId: u.userId, email: u.email })),
      text: returnedText({
        form,
        period: f.period,
        returnedAt: f.returnedAt,
        reason: f.reason,
        reporterName: f.reporterName,
        link: filingLink(f.id),
        base: input.base,
      }),
      audit: { formCode: f.formCode, period: f.period, stage: stage.key, filingId: f.id },
    });
  }
  return { notices, reminders, returned };
}
