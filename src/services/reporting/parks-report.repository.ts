import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Ownership } from '../../domain/organisation/organisation.schema';
import type { ProjectStatus } from '../../domain/project/project.schema';
import type { AcceptedFiling } from '../../domain/reporting/aggregate';
import type { ProjectFacts, ZoneFacts } from '../../domain/reporting/facts';
import type { FormCode, WwtpStatus } from '../../domain/reporting/form-types';
import type { FilingValues } from '../../domain/reporting/validation';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import type { ZoneKind } from '../../domain/zone/zone.schema';
import { rowsOf } from '../../db/rows';

/**
 * What the parks' periodic report reads besides the capital ledger: the parks (KCN, KCX, KCNC) of the city or
 * of one park, their tenant projects, and the accepted revisions of the tenants' reports of the year so far.
 */

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export type ParkRow = {
  id: string;
  code: string;
  name: string;
  kind: ZoneKind;
  developerCode: string | null;
};

/** A park by its code (null for an unknown code or a cluster). */
export async function findPark(db: Db, code: string): Promise<ParkRow | null> {
  const row = rowsOf(
    await db.execute(sql`
      select z.id, z.code, z.name, z.kind, d.code as developer_code
      from zone z left join organisation d on d.id = z.developer_id
      where z.code = ${code} and z.kind <> 'CCN'`),
  )[0];
  if (!row) return null;
  return {
    id: String(row.id),
    code: String(row.code),
    name: String(row.name),
    kind: row.kind as ZoneKind,
    developerCode: (row.developer_code as string | null) ?? null,
  };
}

/** The registry facts of the parks in scope (all parks, or the one with `zoneId`), with their dated lifecycle. */
export async function loadParkFacts(db: Db, zoneId: string | null): Promise<ZoneFacts[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select z.id, z.code, z.name, z.kind, z.commune_id, z.former_district_id, z.developer_id,
        d.ownership as developer_ownership, z.declared_area_ha::float8 as area_ha,
        z.industrial_land_ha::float8 as industrial_land_ha, z.leased_ha::float8 as leased_ha,
        z.approved_ha::float8 as approved_ha, z.infra_investment_approved_vnd::text as infra_approved,
        z.infra_investment_paid_vnd::text as infra_paid, z.wwtp_status,
        coalesce((select json_agg(json_build_object('state', e.state, 'eventDate', to_char(e.event_date, 'YYYY-MM-DD'),
            'progressPct', e.progress_pct::float8, 'decisionNo', e.decision_no, 'seq', e.seq) order by e.event_date, e.seq)
          from zone_lifecycle_event e where e.zone_id = z.id), '[]'::json) as lifecycle
      from zone z left join organisation d on d.id = z.developer_id
      where z.kind <> 'CCN' and (${zoneId}::uuid is null or z.id = ${zoneId}::uuid)
      order by z.code`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    kind: r.kind as ZoneKind,
    ccnType: null,
    communeId: (r.commune_id as string | null) ?? null,
    formerDistrictId: (r.former_district_id as string | null) ?? null,
    developerOrgId: (r.developer_id as string | null) ?? null,
    developerOwnership: (r.developer_ownership as Ownership | null) ?? null,
    planEntries: [],
    areaHa: numOrNull(r.area_ha),
    industrialLandHa: numOrNull(r.industrial_land_ha),
    leasedHa: numOrNull(r.leased_ha),
    approvedHa: numOrNull(r.approved_ha),
    infraInvestmentApprovedVnd: (r.infra_approved as string | null) ?? null,
    infraInvestmentPaidVnd: (r.infra_paid as string | null) ?? null,
    wwtpStatus: (r.wwtp_status as WwtpStatus | null) ?? null,
    lifecycle: json<{ state: LifecycleState; eventDate: string; seq: number }[]>(r.lifecycle),
  }));
}

/** The tenant projects of the parks in scope, with the termination date if any. */
export async function loadParkProjectFacts(db: Db, zoneId: string | null): Promise<ProjectFacts[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id, p.code, p.zone_id, p.investor_id, o.ownership = 'fdi' as is_fdi, p.status,
        to_char(t.terminated_on, 'YYYY-MM-DD') as terminated_on
      from project p join zone z on z.id = p.zone_id join organisation o on o.id = p.investor_id
      left join (select project_id, max(event_date) as terminated_on from investment_event
        where kind = 'termination' group by project_id) t on t.project_id = p.id
      where z.kind <> 'CCN' and (${zoneId}::uuid is null or z.id = ${zoneId}::uuid)`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    zoneId: String(r.zone_id),
    investorOrgId: String(r.investor_id),
    investorIsFdi: r.is_fdi === true,
    status: r.status as ProjectStatus,
    terminatedOn: (r.terminated_on as string | null) ?? null,
  }));
}

/** The accepted revisions of the tenants' reports (KCN_TENANT) of these periods in scope — only accepted figures count. */
export async function loadAcceptedTenantFilings(
  db: Db,
  periods: readonly string[],
  zoneId: string | null,
): Promise<AcceptedFiling[]> {
  if (periods.length === 0) return [];
  const rows = rowsOf(
    await db.execute(sql`
      select f.id, f.form_code, f.period, f.reporter_kind, f.reporter_ref, r.revision_no, r.values
      from report_filing f
      join report_revision r on r.filing_id = f.id and r.revision_no = f.accepted_revision
      where f.form_code = 'KCN_TENANT' and f.accepted_revision is not null
        and f.period in (${sql.join(
          periods.map((p) => sql`${p}`),
          sql`, `,
        )})
        and (${zoneId}::uuid is null or f.zone_id = ${zoneId}::uuid)`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    formCode: r.form_code as FormCode,
    period: String(r.period),
    reporterKind: r.reporter_kind as 'project' | 'zone',
    reporterId: String(r.reporter_ref),
    revisionNo: Number(r.revision_no),
    values: json<FilingValues>(r.values),
  }));
}
