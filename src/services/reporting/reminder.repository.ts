import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { FormCode } from '../../domain/reporting/form-types';
import type { ReturnedReport } from '../../domain/reporting/reminders';
import type { FilingFacts } from './filing.policy';
import { rowsOf } from '../../db/rows';

/** The reminders' reads: first submissions of the due periods, and returned filings not resubmitted. */

/** First submissions of the periods' filings, by `form|period|reporter kind|reporter id` (the obligation key). */
export async function loadFirstSubmissions(db: Db, periods: readonly string[]): Promise<Map<string, Date>> {
  if (periods.length === 0) return new Map();
  const rows = rowsOf(
    await db.execute(sql`
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

/**
 * Filings of `forms` whose last review (since `since`) returned them and which have not been resubmitted since,
 * with the registry facts the filing policy judges.
 */
export async function loadReturnedFilings(
  db: Db,
  forms: readonly FormCode[],
  since: Date,
): Promise<ReturnedReport<FilingFacts>[]> {
  return rowsOf(
    await db.execute(sql`
      select f.id, f.form_code, f.period, f.reporter_kind, f.reporter_ref, f.family,
             r.revision_no, r.reviewed_at, r.return_reason,
             z.code as zone_code, u.code as commune_code, o.code as reporter_org_code,
             d.code as developer_org_code, coalesce(p.name, z.name) as reporter_name
      from report_filing f
      join report_revision r on r.filing_id = f.id and r.state = 'returned'
      left join zone z on z.id = f.zone_id
      left join admin_unit u on u.id = f.commune_id
      left join organisation o on o.id = f.organisation_id
      left join organisation d on d.id = z.developer_id
      left join project p on p.id = case when f.reporter_kind = 'project' then f.reporter_ref::uuid end
      where f.status in ('returned', 'draft')
        and f.form_code in (${sql.join(
          forms.map((c) => sql`${c}`),
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
    reporterName: String(r.reporter_name ?? ''),
    facts: {
      family: r.family as ZoneFamily,
      zoneCode: (r.zone_code as string | null) ?? null,
      communeCode: (r.commune_code as string | null) ?? null,
      reporterOrgCode: (r.reporter_org_code as string | null) ?? null,
      developerOrgCode: (r.developer_org_code as string | null) ?? null,
    },
  }));
}
