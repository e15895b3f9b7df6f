import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reportCompilation } from '../../db/schema/reporting';
import type { Ownership } from '../../domain/organisation/organisation.schema';
import type { ProjectStatus } from '../../domain/project/project.schema';
import type { AcceptedFiling } from '../../domain/reporting/aggregate';
import type { ProjectFacts, ZoneFacts } from '../../domain/reporting/facts';
import type { FormCode } from '../../domain/reporting/form-types';
import type { WwtpStatus } from '../../domain/reporting/form-types';
import type { FilingValues } from '../../domain/reporting/validation';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import type { ZoneKind } from '../../domain/zone/zone.schema';
import { rowsOf } from '../../db/rows';

type Raw = Record<string, unknown>;
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
/**
 * Rows sent as one JSON array in one text value (`json_agg(json_build_array(…))::text as rows`): for ten
 * thousand rows, one value to decode instead of ten thousand rows of fields — on the embedded database the
 * per-row cost is most of the time.
 */
const aggregated = <T>(result: unknown): T[] => JSON.parse(String(rowsOf(result)[0]!.rows)) as T[];
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The registry facts of the zones a report covers (the clusters of the province or of one commune, or every
 * zone with `family` null), each with its dated lifecycle and master-plan entries, in one statement.
 */
export async function loadClusterFacts(
  db: Db,
  communeId: string | null,
  family: 'CCN' | null = 'CCN',
): Promise<ZoneFacts[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select z.id, z.code, z.name, z.kind, z.ccn_type_code, z.commune_id, z.former_district_id, z.developer_id,
        d.ownership as developer_ownership, z.declared_area_ha::float8 as area_ha,
        z.industrial_land_ha::float8 as industrial_land_ha, z.leased_ha::float8 as leased_ha,
        z.approved_ha::float8 as approved_ha, z.infra_investment_approved_vnd::text as infra_approved,
        z.infra_investment_paid_vnd::text as infra_paid, z.wwtp_status,
        coalesce((select json_agg(json_build_object('state', e.state, 'eventDate', to_char(e.event_date, 'YYYY-MM-DD'),
            'progressPct', e.progress_pct::float8, 'decisionNo', e.decision_no, 'seq', e.seq) order by e.event_date, e.seq)
          from zone_lifecycle_event e where e.zone_id = z.id), '[]'::json) as lifecycle,
        coalesce((select json_agg(json_build_object('change', m.change, 'areaHa', m.area_ha::float8,
            'effectiveDate', to_char(m.effective_date, 'YYYY-MM-DD')) order by m.effective_date)
          from master_plan_entry m where m.zone_id = z.id), '[]'::json) as plan_entries
      from zone z left join organisation d on d.id = z.developer_id
      where (${family}::text is null or z.kind = 'CCN') and (${communeId}::uuid is null or z.commune_id = ${communeId}::uuid)
      order by z.code`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    kind: r.kind as ZoneKind,
    ccnType: (r.ccn_type_code as string | null) ?? null,
    communeId: (r.commune_id as string | null) ?? null,
    formerDistrictId: (r.former_district_id as string | null) ?? null,
    developerOrgId: (r.developer_id as string | null) ?? null,
    developerOwnership: (r.developer_ownership as Ownership | null) ?? null,
    planEntries: json<ZoneFacts['planEntries']>(r.plan_entries),
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

/** The tenant projects of those clusters, with the investor's FDI status and the termination date if any. */
export async function loadProjectFacts(
  db: Db,
  communeId: string | null,
  family: 'CCN' | null = 'CCN',
): Promise<ProjectFacts[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id, p.code, p.zone_id, p.investor_id, o.ownership = 'fdi' as is_fdi, p.status,
        to_char(t.terminated_on, 'YYYY-MM-DD') as terminated_on
      from project p join zone z on z.id = p.zone_id join organisation o on o.id = p.investor_id
      left join (select project_id, max(event_date) as terminated_on from investment_event
        where kind = 'termination' group by project_id) t on t.project_id = p.id
      where (${family}::text is null or z.kind = 'CCN') and (${communeId}::uuid is null or z.commune_id = ${communeId}::uuid)
      order by p.code`),
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

/** An accepted filing with the commune it was filed in (a commune's Biểu 03 reads only its own). */
export type ScopedFiling = AcceptedFiling & { communeId: string | null };

/**
 * The accepted revisions of the period's Biểu 01 and 02 in scope — only accepted figures feed a report. Each
 * filing reads its one accepted revision through the (filing, revision) key: the ten years of other revisions
 * are never scanned.
 */
export async function loadAcceptedFilings(
  db: Db,
  period: string,
  communeId: string | null,
): Promise<ScopedFiling[]> {
  const rows = aggregated<
    [string, FormCode, 'project' | 'zone', string, string | null, number, FilingValues]
  >(
    await db.execute(sql`
      select coalesce(json_agg(json_build_array(f.id, f.form_code, f.reporter_kind, f.reporter_ref, f.commune_id,
          r.revision_no, r.values) order by f.form_code, f.reporter_ref), '[]')::text as rows
      from report_filing f
      join report_revision r on r.filing_id = f.id and r.revision_no = f.accepted_revision
      where f.period = ${period} and f.form_code in ('B01', 'B02') and f.accepted_revision is not null
        and (${communeId}::uuid is null or f.commune_id = ${communeId}::uuid)`),
  );
  return rows.map(([id, formCode, reporterKind, reporterId, commune, revisionNo, values]) => ({
    id,
    formCode,
    period,
    reporterKind,
    reporterId,
    communeId: commune,
    revisionNo,
    values,
  }));
}

/** What changed among the period's Biểu 01/02 since a watermark (`loadChangeState`), read through the change index. */
export type FilingChanges = {
  /** A filing table truncated: everything must be read again. */
  everything: boolean;
  /** Filings that left the period's Biểu 01/02 (deleted or moved) and every filing written since, by id. */
  touched: string[];
  /** Those of the touched filings that are accepted now, with their accepted revision. */
  accepted: ScopedFiling[];
};

export async function loadFilingChanges(db: Db, period: string, since: string): Promise<FilingChanges> {
  const row = rowsOf(
    await db.execute(sql`
      select (select coalesce(json_agg(json_build_array(f.id, f.form_code, f.reporter_kind, f.reporter_ref,
            f.commune_id, r.revision_no, r.values)), '[]')::text
          from report_filing f
          left join report_revision r on r.filing_id = f.id and r.revision_no = f.accepted_revision
          where f.form_code in ('B01', 'B02') and f.period = ${period} and f.change_xid >= ${since}::bigint) as rows,
        (select coalesce(json_agg(d.filing_id), '[]')::text from report_filing_removed d
          where (d.period = ${period} or d.period is null) and d.change_xid >= ${since}::bigint) as removed`),
  )[0]!;
  const rows = JSON.parse(String(row.rows)) as [
    string,
    FormCode,
    'project' | 'zone',
    string,
    string | null,
    number | null,
    FilingValues | null,
  ][];
  const removed = JSON.parse(String(row.removed)) as (string | null)[];
  const accepted: ScopedFiling[] = [];
  for (const [id, formCode, reporterKind, reporterId, commune, revisionNo, values] of rows) {
    if (revisionNo === null || values === null) continue;
    accepted.push({ id, formCode, period, reporterKind, reporterId, communeId: commune, revisionNo, values });
  }
  return {
    everything: removed.includes(null),
    touched: [...(removed.filter((id) => id !== null) as string[]), ...rows.map(([id]) => id)],
    accepted,
  };
}

/** A reporter as people know it: a project by its name and investor, a zone by its code and name. */
export type ReporterLabel = { code: string; name: string; investorName: string | null };

/**
 * Everything the reports read from the registry, whatever the family: every zone with its history, every
 * project (without termination dates, which Biểu 03/04 and the obligations do not use), and the names of the
 * organisations and communes they point at.
 */
export type RegistrySnapshot = {
  zones: ZoneFacts[];
  projects: ProjectFacts[];
  projectLabels: Map<string, ReporterLabel & { investorCode: string }>;
  orgs: Map<string, { code: string; name: string }>;
  units: Map<string, { code: string; name: string }>;
};

export async function loadRegistrySnapshot(db: Db): Promise<RegistrySnapshot> {
  const zones = await loadClusterFacts(db, null, null);
  const projectRows = aggregated<
    [string, string, string, string, string, string, string | null, boolean | null, string]
  >(
    await db.execute(sql`
      select coalesce(json_agg(json_build_array(p.id, p.code, p.name, p.zone_id, p.investor_id, o.code, o.name,
          o.ownership = 'fdi', p.status) order by p.code), '[]')::text as rows
      from project p join zone z on z.id = p.zone_id join organisation o on o.id = p.investor_id`),
  );
  const projects: ProjectFacts[] = [];
  const projectLabels: RegistrySnapshot['projectLabels'] = new Map();
  for (const [id, code, name, zoneId, investorId, investorCode, investorName, isFdi, status] of projectRows) {
    projects.push({
      id,
      code,
      zoneId,
      investorOrgId: investorId,
      investorIsFdi: isFdi === true,
      status: status as ProjectStatus,
    });
    projectLabels.set(id, { code, name, investorName, investorCode });
  }
  const lookup = (rows: Raw[]) =>
    new Map(rows.map((r) => [String(r.id), { code: String(r.code), name: String(r.name) }]));
  const orgs = lookup(
    rowsOf(
      await db.execute(sql`
        select id, code, name from organisation
        where id in (select developer_id from zone union select investor_id from project)`),
    ),
  );
  const units = lookup(
    rowsOf(
      await db.execute(sql`
        select id, code, name from admin_unit
        where id in (select commune_id from zone union select former_district_id from zone)`),
    ),
  );
  return { zones, projects, projectLabels, orgs, units };
}

/**
 * What the reports' caches compare with, in one row whatever the size of the registry (migration 0021,
 * docs/decisions/0025): the database's data version (any committed change to a figure's input), the
 * registry's version (zones and their histories, organisations, projects, administrative units), and the
 * watermark — the oldest transaction still running at this read: every filing committed after it carries a
 * `change_xid` at or above it, so `loadFilingChanges(…, watermark)` next time finds all of them.
 */
/** `filedVersion`: moved by every change to what a completeness table reads of the filings (migration 0022). */
export type ChangeState = {
  dataVersion: string;
  registryVersion: string;
  filedVersion: string;
  watermark: string;
};

export async function loadChangeState(db: Db): Promise<ChangeState> {
  const row = rowsOf(
    await db.execute(sql`
      select version::text as data_version, registry_version::text as registry_version,
        filed_version::text as filed_version, pg_snapshot_xmin(pg_current_snapshot())::text as watermark
      from data_version`),
  )[0]!;
  return {
    dataVersion: String(row.data_version),
    registryVersion: String(row.registry_version),
    filedVersion: String(row.filed_version),
    watermark: String(row.watermark),
  };
}

export type CompilationRow = typeof reportCompilation.$inferSelect;

type Key = { formCode: string; period: string; scopeKind: string; scopeRef: string };

const keyFilter = (key: Key) =>
  and(
    eq(reportCompilation.formCode, key.formCode),
    eq(reportCompilation.period, key.period),
    eq(reportCompilation.scopeKind, key.scopeKind),
    eq(reportCompilation.scopeRef, key.scopeRef),
  );

/** Every version of a compiled report, newest first (at most one draft, then the signed ones). */
export async function findCompilations(db: Db, key: Key): Promise<CompilationRow[]> {
  return db.select().from(reportCompilation).where(keyFilter(key)).orderBy(desc(reportCompilation.versionNo));
}

/** Serialises writes to one report (its draft and its signing) until the transaction ends. */
export async function lockCompilationKey(db: Db, key: Key): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(7232, hashtext(${`${key.formCode}|${key.period}|${key.scopeKind}|${key.scopeRef}`}))`,
  );
}

export async function insertCompilation(
  db: Db,
  values: typeof reportCompilation.$inferInsert,
): Promise<void> {
  await db.insert(reportCompilation).values(values);
}

export async function updateDraftCompilation(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof reportCompilation.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(reportCompilation)
    .set({ ...values, version: sql`${reportCompilation.version} + 1` })
    .where(
      and(
        eq(reportCompilation.id, id),
        eq(reportCompilation.state, 'draft'),
        eq(reportCompilation.version, expectedVersion),
      ),
    )
    .returning({ id: reportCompilation.id });
  return rows.length === 1;
}
