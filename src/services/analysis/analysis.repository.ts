import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { zone } from '../../db/schema/zone';
import type { RegistryProject, RegistryZone } from '../../domain/analysis/facts';
import type { AcceptedFigures } from '../../domain/analysis/report-facts';
import type { FormCode } from '../../domain/reporting/form-types';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import { zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';
import type { ZoneVisibility } from '../zone/zone.policy';
import { rowsOf } from '../../db/rows';

/**
 * What the leaders' view reads besides the capital service: the zones in the actor's scope with their lifecycle,
 * their tenant projects, and the accepted figures of the tenants' reports — each "as of" an instant when one is
 * given (docs/decisions/0016-leaders-view-as-of.md): rows recorded later are left out, a zone's areas and
 * wastewater status are the audit trail's last after-image recorded by then.
 */

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export type Labels = Record<'zone' | 'commune' | 'former_district', Record<string, string>>;

export type RegistrySnapshot = { zones: RegistryZone[]; projects: RegistryProject[]; labels: Labels };

export type ScopeFilter = {
  visibility: ZoneVisibility;
  family?: 'KCN' | 'CCN' | null;
  recordedBy: Date | null;
};

function scopeWhere(scope: ScopeFilter): SQL {
  const clauses: SQL[] = [sql`true`];
  const visible = zoneVisibilityFilter(scope.visibility);
  if (visible) clauses.push(sql`coalesce(${visible}, false)`);
  if (scope.family) clauses.push(sql`${zoneFamilySql} = ${scope.family}`);
  if (scope.recordedBy)
    clauses.push(sql`${zone.createdAt} <= ${scope.recordedBy.toISOString()}::timestamptz`);
  return sql.join(clauses, sql` and `);
}

const at = (scope: ScopeFilter) => (scope.recordedBy ? scope.recordedBy.toISOString() : null);

/** The zones in scope with the lifecycle events recorded by the instant, and their tenant projects. */
export async function loadRegistry(db: Db, scope: ScopeFilter): Promise<RegistrySnapshot> {
  const when = at(scope);
  const zoneRows = rowsOf(
    await db.execute(sql`
      select ${zone.id} as id, ${zone.code} as code, ${zone.name} as name, ${zoneFamilySql} as family,
        cu.code as commune, cu.name as commune_name, du.code as district, du.name as district_name,
        coalesce(h.after->>'declaredAreaHa', ${zone.declaredAreaHa}::text)::float8 as area_ha,
        coalesce(h.after->>'industrialLandHa', ${zone.industrialLandHa}::text)::float8 as industrial_ha,
        coalesce(h.after->>'leasedHa', ${zone.leasedHa}::text)::float8 as leased_ha,
        coalesce(h.after->>'approvedHa', ${zone.approvedHa}::text)::float8 as approved_ha,
        case when h.after is not null then h.after->>'wwtpStatus' else ${zone.wwtpStatus} end as wwtp_status,
        coalesce((select json_agg(json_build_object('state', e.state, 'eventDate', to_char(e.event_date, 'YYYY-MM-DD'),
            'seq', e.seq) order by e.event_date, e.seq)
          from zone_lifecycle_event e
          where e.zone_id = ${zone.id} and (${when}::timestamptz is null or e.created_at <= ${when}::timestamptz)),
          '[]'::json) as lifecycle
      from ${zone}
      left join admin_unit cu on cu.id = ${zone.communeId}
      left join admin_unit du on du.id = ${zone.formerDistrictId}
      left join lateral (
        select a.after from audit_log a
        where ${when}::timestamptz is not null and a.entity_type = 'zone' and a.entity_id = ${zone.id}::text
          and a.action in ('zone.create', 'zone.update') and a.at <= ${when}::timestamptz
        order by a.id desc limit 1) h on true
      where ${scopeWhere(scope)}
      order by ${zone.code}`),
  );
  const projectRows = rowsOf(
    await db.execute(sql`
      select p.zone_id, capital_owner(o.ownership) as owner, left(p.vsic_code, 2) as sector,
        to_char(coalesce(p.certificate_date, ev.first_date, (p.created_at at time zone 'Asia/Ho_Chi_Minh')::date),
          'YYYY-MM-DD') as since,
        to_char(ev.terminated_on, 'YYYY-MM-DD') as terminated_on
      from project p
      join organisation o on o.id = p.investor_id
      join ${zone} on ${zone.id} = p.zone_id
      left join lateral (
        select min(e.event_date) as first_date,
          max(e.event_date) filter (where e.kind = 'termination') as terminated_on
        from investment_event e
        where e.project_id = p.id and (${when}::timestamptz is null or e.created_at <= ${when}::timestamptz)) ev on true
      where ${scopeWhere(scope)} and (${when}::timestamptz is null or p.created_at <= ${when}::timestamptz)`),
  );
  const labels: Labels = { zone: {}, commune: {}, former_district: {} };
  const zones = zoneRows.map((r): RegistryZone => {
    labels.zone[String(r.code)] = String(r.name);
    if (r.commune) labels.commune[String(r.commune)] = String(r.commune_name);
    if (r.district) labels.former_district[String(r.district)] = String(r.district_name);
    return {
      id: String(r.id),
      code: String(r.code),
      family: r.family as 'KCN' | 'CCN',
      commune: (r.commune as string | null) ?? null,
      formerDistrict: (r.district as string | null) ?? null,
      areaHa: num(r.area_ha),
      industrialHa: num(r.industrial_ha),
      leasedHa: num(r.leased_ha),
      approvedHa: num(r.approved_ha),
      wwtpStatus: (r.wwtp_status as string | null) ?? null,
      lifecycle: json<{ state: LifecycleState; eventDate: string; seq: number }[]>(r.lifecycle),
    };
  });
  const projects = projectRows.map((r): RegistryProject => ({
    zoneId: String(r.zone_id),
    ownership: (r.owner as RegistryProject['ownership']) ?? 'unknown',
    sector: (r.sector as string | null) ?? null,
    since: (r.since as string | null) ?? null,
    terminatedOn: (r.terminated_on as string | null) ?? null,
  }));
  return { zones, projects, labels };
}

/**
 * The accepted figures of these forms and periods in scope: per filing, the latest revision accepted by the
 * instant (now: the filing's accepted revision), with the dimensions of its project or zone.
 */
export async function loadAcceptedFigures(
  db: Db,
  scope: ScopeFilter,
  wanted: readonly { form: FormCode; periods: readonly string[] }[],
): Promise<AcceptedFigures[]> {
  const pairs = wanted.flatMap((w) => w.periods.map((p) => sql`(${w.form}, ${p})`));
  if (pairs.length === 0) return [];
  const when = at(scope);
  const rows = rowsOf(
    await db.execute(sql`
      select f.form_code, f.period, r.values, ${zone.code} as zone_code, ${zoneFamilySql} as family,
        cu.code as commune, du.code as district, capital_owner(o.ownership) as owner, left(p.vsic_code, 2) as sector
      from report_filing f
      join lateral (
        select rv.values from report_revision rv
        where rv.filing_id = f.id and rv.state = 'accepted'
          and (${when}::timestamptz is null or rv.reviewed_at <= ${when}::timestamptz)
        order by rv.revision_no desc limit 1) r on true
      join ${zone} on ${zone.id} = f.zone_id
      left join admin_unit cu on cu.id = ${zone.communeId}
      left join admin_unit du on du.id = ${zone.formerDistrictId}
      left join project p on f.reporter_kind = 'project' and p.id::text = f.reporter_ref
      left join organisation o on o.id = p.investor_id
      where (f.form_code, f.period) in (${sql.join(pairs, sql`, `)})
        and f.first_submitted_at is not null and ${scopeWhere({ ...scope, recordedBy: null })}`),
  );
  return rows.map((r) => ({
    formCode: r.form_code as FormCode,
    period: String(r.period),
    dims: {
      family: r.family as string,
      zone: String(r.zone_code),
      commune: (r.commune as string | null) ?? null,
      former_district: (r.district as string | null) ?? null,
      ownership: (r.owner as string | null) ?? null,
      sector: (r.sector as string | null) ?? null,
    },
    values: json<Record<string, number | null>>(r.values),
  }));
}

/**
 * The city's targets of a year and family as they stood at an instant: per target, the value of the last
 * `plan_target.set` audit entry recorded by then (targets are changed, never deleted; the audit keeps each value).
 */
export async function loadTargetsAsOf(
  db: Db,
  year: number,
  family: 'KCN' | 'CCN',
  recordedBy: Date,
): Promise<Record<string, number>> {
  const rows = rowsOf(
    await db.execute(sql`
      select distinct on (a.entity_id) a.after->>'indicator' as indicator, (a.after->>'value')::float8 as value
      from audit_log a
      where a.entity_type = 'plan_target' and a.action = 'plan_target.set'
        and a.at <= ${recordedBy.toISOString()}::timestamptz
        and a.after->>'year' = ${String(year)} and a.after->>'family' = ${family} and a.after->>'scope' = ${family}
      order by a.entity_id, a.id desc`),
  );
  return Object.fromEntries(rows.map((r) => [String(r.indicator), Number(r.value)]));
}
