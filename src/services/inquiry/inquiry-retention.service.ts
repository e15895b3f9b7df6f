import { recordAudit } from '../audit/audit.service';
import type { ServiceDeps } from '../deps';
import { deleteExpiredChallenges, eraseInquiries, findErasableInquiries } from './inquiry.repository';

/**
 * Personal data of investor inquiries is kept only as long as needed (Decree 13/2023/NĐ-CP): `months`
 * calendar months after an inquiry is closed, its contact fields, message, history texts and the replies
 * e-mailed to it are erased, in batches, each inquiry with an audit row (naming only its reference). The
 * anonymous statistic stays. Used proof-of-work challenges past their expiry are deleted in the same run.
 */
export async function eraseExpiredInquiryData(
  deps: ServiceDeps,
  options: { months: number; batch?: number },
): Promise<{ erased: number; challengesDeleted: number }> {
  const now = deps.clock.now();
  const batch = options.batch ?? 200;
  let erased = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const due = await findErasableInquiries(tx, now, options.months, batch);
      await eraseInquiries(
        tx,
        due.map((d) => d.id),
        now,
      );
      for (const d of due) {
        await recordAudit(tx, deps, {
          action: 'inquiry.erase_personal_data',
          entityType: 'inquiry',
          entityId: d.id,
          after: { reference: d.reference, retentionMonths: options.months },
        });
      }
      return due.length;
    });
    erased += done;
    if (done < batch) break;
  }
  const challengesDeleted = await deleteExpiredChallenges(deps.db, now);
  if (erased) deps.log.info({ erased, months: options.months }, 'inquiry personal data erased');
  return { erased, challengesDeleted };
}
