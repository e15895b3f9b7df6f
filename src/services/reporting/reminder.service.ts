import { localDateOf, type IsoDate } from '../../domain/reporting/calendar';
import { obligationKey } from '../../domain/reporting/obligations';
import {
  currentDuePeriods,
  planReminders,
  REMINDER_FORMS,
  RETURNED_LOOKBACK_DAYS,
  type OwedReport,
} from '../../domain/reporting/reminders';
import type { ServiceDeps } from '../deps';
import { notifiableUsers, notifyUsers } from '../notification/notification.service';
import type { Mailer } from '../system/mailer';
import { owedReports } from './completeness.service';
import { isReporter, isReviewingOfficer, type FilingFacts } from './filing.policy';
import { loadFirstSubmissions, loadReturnedFilings } from './reminder.repository';

/**
 * Reminders for the filed reports (Biểu 01, Biểu 02, the parks' tenant report). The plan — which reminder is
 * due to whom, in which words — is pure (`domain/reporting/reminders.ts`); who a report's reporter and
 * reviewers are is the filing policy's answer; who owes what is completeness's `owedReports`. This service
 * loads those inputs and sends the plan through `notifyUsers`: in the app once per user and key, by e-mail
 * once per address and key, claimed before sending (`sending`) so two runs cannot both send it; a failed one
 * (or one skipped while SMTP was not configured) is tried again on the next run while the reminder is current.
 */

export {
  currentDuePeriods,
  OVERDUE_LOOKBACK_DAYS,
  OVERDUE_STAGES,
  REMINDER_FORMS,
  reminderStage,
  RETURNED_LOOKBACK_DAYS,
  RETURNED_STAGES,
  returnedStage,
} from '../../domain/reporting/reminders';
export { digestText } from '../../domain/reporting/reminder-texts';

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
  const since = new Date(now.getTime() - (RETURNED_LOOKBACK_DAYS + 1) * 86_400_000);
  const returned = await loadReturnedFilings(deps.db, REMINDER_FORMS, since);
  if (due.length === 0 && returned.length === 0) return result;

  const submissions = await loadFirstSubmissions(deps.db, [...new Set(due.map((d) => d.period))]);
  const owed: OwedReport<FilingFacts>[] = [];
  for (const { formCode, period } of due) {
    for (const expected of (await owedReports(deps, period, [formCode])).list) {
      owed.push({
        obligation: expected.obligation,
        facts: expected.facts,
        reporter: expected.reporter,
        submittedAt: submissions.get(obligationKey(expected.obligation)) ?? null,
      });
    }
  }
  const plan = planReminders({
    now,
    daysBefore,
    due,
    owed,
    returned,
    users: await notifiableUsers(deps),
    concerns: { isReporter, isReviewer: isReviewingOfficer },
    base: options.publicUrl,
  });
  result.reminders = plan.reminders;
  result.returned = plan.returned;
  for (const notice of plan.notices) {
    const outcome = await notifyUsers(
      deps,
      {
        key: notice.key,
        kind: notice.kind,
        recipients: notice.recipients,
        ...notice.text,
        audit: notice.audit,
      },
      { delivery: { mailer: options.mailer ?? null }, dryRun },
    );
    result.notificationsCreated += outcome.created;
    for (const k of ['sent', 'failed', 'skipped'] as const) result.mail[k] += outcome.mail[k];
  }
  deps.log.info({ ...result }, 'reminders run');
  return result;
}
