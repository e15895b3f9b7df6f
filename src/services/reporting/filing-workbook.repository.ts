import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { FilingValues } from '../../domain/reporting/validation';
import type { FilingFacts } from './filing.policy';
import { rowsOf } from '../../db/rows';

/** Reads for filing by spreadsheet: who the reporters are, their current filings and accepted figures. */

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** A tenant project of a cluster, with what decides who may file for it. */
export type RosterProject = FilingFacts & {
  id: string;
  code: string;
  name: string;
  status: string;
  zoneId: string;
  zoneName: string;
  zoneKind: string;
  investorId: string;
  investorName: string;
};

/** Tenant projects of the clusters (one cluster by code, or all), in cluster then project order. */
export async function loadTenantProjects(db: Db, zoneCode: string | null): Promise<RosterProject[]> {
  const rows = rowsOf(
    await db.execute(sql`
      select p.id::text as id, p.code, p.name, p.status, z.id::text as zone_id, z.code as zone_code,
        z.name as zone_name, z.kind as zone_kind, u.code as commune_code, i.id::text as investor_id,
        i.code as investor_code, i.name as investor_name, d.code as developer_code
      from project p join zone z on z.id = p.zone_id join organisation i on i.id = p.investor_id
      left join admin_unit u on u.id = z.commune_id left join organisation d on d.id = z.developer_id
      where z.kind = 'CCN' and (${zoneCode}::text is null or z.code = ${zoneCode})
      order by z.code, p.code`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    status: String(r.status),
    zoneId: String(r.zone_id),
    zoneName: String(r.zone_name),
    zoneKind: String(r.zone_kind),
    investorId: String(r.investor_id),
    investorName: String(r.investor_name),
    family: 'CCN' as ZoneFamily,
    zoneCode: String(r.zone_code),
    communeCode: (r.commune_code as string | null) ?? null,
    reporterOrgCode: (r.investor_code as string | null) ?? null,
    developerOrgCode: (r.developer_code as string | null) ?? null,
  }));
}

/** Whether a cluster with this code exists (a bulk template for an unknown code is 404). */
export async function zoneExists(db: Db, code: string): Promise<boolean> {
  return rowsOf(await db.execute(sql`select 1 from zone where code = ${code}`)).length > 0;
}

/** Names shown on the reporter's workbook: its zone and, for a project, its investor. */
export async function reporterNames(
  db: Db,
  kind: 'project' | 'zone',
  ref: string,
): Promise<{ zoneCode: string; zoneName: string; organisationName: string | null }> {
  const result =
    kind === 'project'
      ? await db.execute(sql`
          select z.code as zone_code, z.name as zone_name, i.name as organisation_name
          from project p join zone z on z.id = p.zone_id join organisation i on i.id = p.investor_id
          where p.id = ${ref}::uuid`)
      : await db.execute(sql`
          select z.code as zone_code, z.name as zone_name, d.name as organisation_name
          from zone z left join organisation d on d.id = z.developer_id where z.id = ${ref}::uuid`);
  const r = rowsOf(result)[0] ?? {};
  return {
    zoneCode: String(r.zone_code ?? ''),
    zoneName: String(r.zone_name ?? ''),
    organisationName: (r.organisation_name as string | null) ?? null,
  };
}

/** A filing's head and its current revision's figures. */
export type CurrentFiling = {
  id: string;
  reporterRef: string;
  status: string;
  version: number;
  currentRevision: number;
  values: FilingValues;
  explanations: Record<string, string>;
};

/** The filings of these reporters for a form and period, by reporter ref. */
export async function currentFilings(
  db: Db,
  key: { formCode: string; period: string; reporterKind: string },
  refs: readonly string[],
): Promise<Map<string, CurrentFiling>> {
  if (!refs.length) return new Map();
  const rows = rowsOf(
    await db.execute(sql`
      select f.id::text as id, f.reporter_ref, f.status, f.version, f.current_revision, r.values, r.explanations
      from report_filing f
      join report_revision r on r.filing_id = f.id and r.revision_no = f.current_revision
      where f.form_code = ${key.formCode} and f.period = ${key.period} and f.reporter_kind = ${key.reporterKind}
        and f.reporter_ref = any(${sql`array[${sql.join(
          refs.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`})`),
  );
  return new Map(
    rows.map((r) => [
      String(r.reporter_ref),
      {
        id: String(r.id),
        reporterRef: String(r.reporter_ref),
        status: String(r.status),
        version: Number(r.version),
        currentRevision: Number(r.current_revision),
        values: json<FilingValues>(r.values),
        explanations: json<Record<string, string>>(r.explanations ?? {}),
      },
    ]),
  );
}

/** The accepted figures of these reporters for a form and period (the comparison period), by reporter ref. */
export async function acceptedFigures(
  db: Db,
  key: { formCode: string; period: string; reporterKind: string },
  refs: readonly string[],
): Promise<Map<string, FilingValues>> {
  if (!refs.length) return new Map();
  const rows = rowsOf(
    await db.execute(sql`
      select f.reporter_ref, r.values from report_filing f
      join report_revision r on r.filing_id = f.id and r.revision_no = f.accepted_revision
      where f.form_code = ${key.formCode} and f.period = ${key.period} and f.reporter_kind = ${key.reporterKind}
        and f.reporter_ref = any(${sql`array[${sql.join(
          refs.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`})`),
  );
  return new Map(rows.map((r) => [String(r.reporter_ref), json<FilingValues>(r.values)]));
}

/** Who made the last change to a filing (its latest audit row): a user may overwrite their own changes. */
export async function lastWriter(db: Db, filingId: string): Promise<string | null> {
  const row = rowsOf(
    await db.execute(sql`
      select actor_id::text as actor_id from audit_log
      where entity_type = 'report_filing' and entity_id = ${filingId}
      order by id desc limit 1`),
  )[0];
  return (row?.actor_id as string | null | undefined) ?? null;
}
