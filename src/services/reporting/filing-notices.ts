import { formForPeriod } from '../../domain/reporting/catalogue';
import type { FormCode } from '../../domain/reporting/form-types';
import { filingLink } from '../../domain/reporting/links';
import { filingStepText, type FilingStep } from '../../domain/reporting/notices';
import type { ServiceDeps } from '../deps';
import { MAIL_LINK_BASE, notifiableUsers, notifyUsers } from '../notification/notification.service';
import { isReporter, isReviewingOfficer } from './filing.policy';
import type { FilingRow } from './filing.repository';

/**
 * Tells the people concerned of a step in a filing's review, in the step's own transaction: a submission or
 * resubmission goes to the officers who review the report (the filing policy's answer), a return (with its
 * reason) or an acceptance to the reporter's users and to whoever submitted it on their behalf. Once per
 * filing, revision and step; the link opens the filing, whose page shows its form and period.
 */
export async function noticeFilingStep(
  deps: ServiceDeps,
  filing: FilingRow,
  step: { step: FilingStep; revisionNo: number; reason?: string | null; submittedBy?: string | null },
): Promise<void> {
  const form = formForPeriod(filing.formCode as FormCode, filing.period);
  if (!form) return;
  const users = await notifiableUsers(deps);
  const kind = filing.reporterKind === 'zone' ? 'zone' : 'project';
  const toReviewers = step.step === 'submitted' || step.step === 'resubmitted';
  const recipients = users.filter((u) =>
    toReviewers
      ? isReviewingOfficer(u.actor, filing)
      : isReporter(u.actor, filing, kind) || (!!step.submittedBy && u.userId === step.submittedBy),
  );
  const link = filingLink(filing.id);
  const text = filingStepText({
    step: step.step,
    form,
    period: filing.period,
    reporterName: filing.reporterName,
    revisionNo: step.revisionNo,
    reason: step.reason,
    link,
    base: MAIL_LINK_BASE,
  });
  await notifyUsers(deps, {
    key: `filing:${filing.id}:r${step.revisionNo}:${step.step}`,
    kind: `report.${step.step}`,
    recipients,
    ...text,
    audit: { filingId: filing.id, formCode: filing.formCode, period: filing.period },
  });
}
