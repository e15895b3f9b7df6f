import { aliasedTable, and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { exchangeRate, investmentEvent, project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { CapitalQuery } from '../../domain/project/capital';
import type { ProjectListQuery } from '../../domain/project/project.schema';
import { zoneVisibilityFilter, zoneFamilySql } from '../zone/zone.repository';
import type { ZoneVisibility } from '../zone/zone.policy';
import type { ProjectVisibility } from './project.policy';

/** The investor of a project. The zone keeps its table name: zoneVisibilityFilter refers to "zone". */
const investor = aliasedTable(organisation, 'investor');

/** The visibility of project.policy.ts as SQL over project ⋈ zone ⋈ investor. */
export function projectVisibilityFilter(visibility: ProjectVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  const clauses: (SQL | undefined)[] = [sql`false`, zoneVisibilityFilter(visibility.zones)];
  if (visibility.investorOrgCodes.length) clauses.push(inArray(investor.code, visibility.investorOrgCodes));
  return or(...clauses);
}

/** decreases and terminations subtract. */
const signedAmount = sql`case when ${investmentEvent.kind} in ('decrease', 'termination') then -${investmentEvent.amount} else ${investmentEvent.amount} end`;

/** Registered capital per currency: the ledger summed in SQL, amounts as decimal strings. */
const registeredCapitalSql = sql<{ currency: string; amount: string }[]>`(
  select coalesce(json_agg(json_build_object('currency', s.currency, 'amount', s.amount::text) order by s.currency), '[]'::json)
  from (select e.currency, sum(case when e.kind in ('decrease', 'termination') then -e.amount else e.amount end) as amount
        from ${investmentEvent} e where e.project_id = ${project.id} group by e.currency) s)`;

const summaryColumns = {
  id: project.id,
  code: project.code,
  name: project.name,
  zoneId: project.zoneId,
  zoneCode: zone.code,
  zoneName: zone.name,
  zoneKind: zone.kind,
  zoneFamily: zoneFamilySql,
  zoneCommuneCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
  zoneDeveloperCode: sql<
    string | null
  >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
  investorId: project.investorId,
  investorCode: investor.code,
  investorName: investor.name,
  ownership: investor.ownership,
  certificateNo: project.certificateNo,
  certificateDate: project.certificateDate,
  vsicCode: project.vsicCode,
  leasedHa: project.leasedHa,
  lot: project.lot,
  workers: project.workers,
  status: project.status,
  registeredCapital: registeredCapitalSql,
  isSynthetic: project.isSynthetic,
  version: project.version,
  createdAt: project.createdAt,
  updatedAt: project.updatedAt,
};

export type ProjectRow = {
  id: string;
  code: string;
  name: string;
  zoneId: string;
  zoneCode: string;
  zoneName: string;
  zoneKind: string;
  zoneFamily: string;
  zoneCommuneCode: string | null;
  zoneDeveloperCode: string | null;
  investorId: string;
  investorCode: string;
  investorName: string;
  ownership: string | null;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: string | null;
  lot: string | null;
  workers: number | null;
  status: string;
  registeredCapital: { currency: string; amount: string }[] | string;
  isSynthetic: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

function baseQuery<T extends Record<string, unknown>>(db: Db, columns: T) {
  return db
    .select(columns as never)
    .from(project)
    .innerJoin(zone, eq(zone.id, project.zoneId))
    .innerJoin(investor, eq(investor.id, project.investorId));
}

export async function findProjects(
  db: Db,
  visibility: ProjectVisibility,
  query: ProjectListQuery & { searchPattern?: string },
): Promise<{ rows: ProjectRow[]; total: number }> {
  const filters: (SQL | undefined)[] = [projectVisibilityFilter(visibility)];
  if (query.searchPattern) {
    filters.push(
      or(like(project.searchText, query.searchPattern), like(investor.searchText, query.searchPattern)),
    );
  }
  if (query.zone) filters.push(eq(zone.code, query.zone));
  if (query.investor) filters.push(eq(investor.code, query.investor));
  if (query.status) filters.push(eq(project.status, query.status));
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    baseQuery(db, summaryColumns)
      .where(where)
      .orderBy(asc(project.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    baseQuery(db, { n: sql<number>`count(*)::int` }).where(where),
  ]);
  return {
    rows: rows as unknown as ProjectRow[],
    total: Number((totals[0] as { n: number } | undefined)?.n ?? 0),
  };
}

/** One project by code within the visibility (undefined when absent or outside it). */
export async function findProjectByCode(
  db: Db,
  visibility: ProjectVisibility,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProjectRow | undefined> {
  const query = baseQuery(db, summaryColumns)
    .where(and(eq(project.code, code), projectVisibilityFilter(visibility)))
    .limit(1);
  // Appending to a ledger locks the project row, so two concurrent appends are checked one after the other.
  const rows = options.forUpdate ? await query.for('update', { of: project }) : await query;
  return rows[0] as unknown as ProjectRow | undefined;
}

export async function projectCodeExists(db: Db, code: string): Promise<boolean> {
  const rows = await db.select({ id: project.id }).from(project).where(eq(project.code, code)).limit(1);
  return rows.length > 0;
}

/** The facts zone.policy.ts needs about a zone the actor can see (undefined otherwise). */
export async function findZoneFacts(db: Db, visibility: ZoneVisibility, code: string) {
  const rows = await db
    .select({
      id: zone.id,
      code: zone.code,
      family: zoneFamilySql,
      communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
      developerCode: sql<
        string | null
      >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
    })
    .from(zone)
    .where(and(eq(zone.code, code), zoneVisibilityFilter(visibility)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, family: row.family as 'KCN' | 'CCN' } : undefined;
}

export async function findOrganisationRef(db: Db, code: string) {
  const rows = await db
    .select({ id: organisation.id, code: organisation.code, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.code, code))
    .limit(1);
  return rows[0];
}

export type ProjectWrite = Partial<typeof project.$inferInsert>;

export async function insertProject(db: Db, values: typeof project.$inferInsert): Promise<string> {
  const rows = await db.insert(project).values(values).returning({ id: project.id });
  return rows[0]!.id;
}

/** Updates only if the project is still at `expectedVersion`; false when someone got there first. */
export async function updateProject(
  db: Db,
  id: string,
  expectedVersion: number,
  values: ProjectWrite,
): Promise<boolean> {
  const rows = await db
    .update(project)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(project.id, id), eq(project.version, expectedVersion)))
    .returning({ id: project.id });
  return rows.length === 1;
}

export type InvestmentEventRow = {
  id: string;
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
  registeredAfter: string;
  createdAt: Date;
};

/** The ledger in order (date, then recording order), each event with the running capital of its currency. */
export async function findInvestmentEvents(db: Db, projectId: string): Promise<InvestmentEventRow[]> {
  const order = sql`${investmentEvent.eventDate}, ${investmentEvent.createdAt}, ${investmentEvent.id}`;
  const rows = await db
    .select({
      id: investmentEvent.id,
      kind: investmentEvent.kind,
      eventDate: investmentEvent.eventDate,
      amount: investmentEvent.amount,
      currency: investmentEvent.currency,
      note: investmentEvent.note,
      registeredAfter: sql<string>`(sum(${signedAmount}) over (partition by ${investmentEvent.currency} order by ${order} rows between unbounded preceding and current row))::text`,
      createdAt: investmentEvent.createdAt,
    })
    .from(investmentEvent)
    .where(eq(investmentEvent.projectId, projectId))
    .orderBy(asc(investmentEvent.eventDate), asc(investmentEvent.createdAt), asc(investmentEvent.id));
  return rows;
}

export async function insertInvestmentEvent(
  db: Db,
  values: typeof investmentEvent.$inferInsert,
): Promise<string> {
  const rows = await db.insert(investmentEvent).values(values).returning({ id: investmentEvent.id });
  return rows[0]!.id;
}

// ---- Capital totals --------------------------------------------------------------------------------------

type CapitalScope = Pick<CapitalQuery, 'family' | 'zone' | 'commune'>;

export type AttractedRow = {
  owner: string | null;
  currency: string | null;
  g_owner: number;
  g_currency: number;
  new_projects: number;
  new_amount: string;
  increases: number;
  increase_amount: string;
  attracted: string;
  new_usd: string;
  increase_usd: string;
  attracted_usd: string;
};

export type RegisteredRow = { currency: string | null; g_currency: number; amount: string; usd: string };

export type MissingRateRow = {
  rate_currency: string;
  event_currency: string;
  date: string;
  events: number;
  amount: string;
};

export type CapitalRows = {
  attracted: AttractedRow[];
  registered: RegisteredRow[];
  missing_period: MissingRateRow[];
  missing_registered: MissingRateRow[];
};

/**
 * Capital totals in one statement:
 * - `period` sums the visible new registrations and increases of the period per (owner group, currency,
 *   kind, date); the owner group is fdi | domestic | unknown from the investor's ownership;
 * - `ledger` sums every visible event up to `to`, signed (decreases and terminations subtract), per
 *   (currency, date) — joining projects, zones and investors only when the scope needs them;
 * - `rates` finds, for each (currency, date), the rates configured for that date. Periods cannot overlap
 *   (createExchangeRate refuses it); should rows written some other way overlap, the latest-starting period
 *   wins, so an amount is never converted twice;
 * - amounts are converted once per (currency, rate): VND → USD divides by USD's rate, X → USD multiplies
 *   by X's rate and divides by USD's. A missing rate leaves the converted sum null — left out of the totals,
 *   never guessed — and keeps its date so that it is listed.
 * Sums stay numeric; converted totals are rounded to cents once, at the end. Four results come back as
 * JSON: capital attracted (grouping sets: per owner and currency, per currency, per owner, in all),
 * registered capital at `to`, and the amounts of each that could not be converted.
 */
export async function capitalTotals(
  db: Db,
  visibility: ProjectVisibility,
  query: CapitalQuery,
): Promise<CapitalRows> {
  const scope: CapitalScope = query;
  const filters: (SQL | undefined)[] = [projectVisibilityFilter(visibility)];
  if (scope.family) filters.push(sql`${zoneFamilySql} = ${scope.family}`);
  if (scope.zone) filters.push(sql`${zone.code} = ${scope.zone}`);
  if (scope.commune) {
    filters.push(
      sql`${zone.communeId} in (select id from ${adminUnit} where level = 'commune' and valid_to is null and code = ${scope.commune})`,
    );
  }
  const scoped = filters.some((f) => f !== undefined);
  const joins = sql`join ${project} on ${project.id} = e.project_id
      join ${zone} on ${zone.id} = ${project.zoneId}
      join ${organisation} ${sql.identifier('investor')} on ${investor.id} = ${project.investorId}`;
  const converted = (amount: SQL) => sql`case when currency = 'USD' then ${amount}
      when currency = 'VND' then ${amount} / usd_rate else ${amount} * own_rate / usd_rate end`;
  const missingDate = sql`case when (currency <> 'USD' and usd_rate is null)
      or (currency not in ('USD', 'VND') and own_rate is null) then event_date end`;
  const missing = (from: SQL) => sql`(
    select coalesce(json_agg(m order by m.date, m.rate_currency, m.event_currency), '[]'::json) from (
      select x.rate_currency, g.currency as event_currency, to_char(g.missing_date, 'YYYY-MM-DD') as date,
        sum(g.n)::int as events, sum(g.amount)::text as amount
      from ${from} g cross join lateral unnest(array_remove(array[
          case when g.currency <> 'USD' and g.usd_rate is null then 'USD' end,
          case when g.currency not in ('USD', 'VND') and g.own_rate is null then g.currency end], null))
        as x(rate_currency)
      where g.missing_date is not null
      group by x.rate_currency, g.currency, g.missing_date) m)`;
  const result = await db.execute(sql`
    with period as (
      select
        case when ${investor.ownership} = 'fdi' then 'fdi'
             when ${investor.ownership} is null then 'unknown' else 'domestic' end as owner,
        e.currency, e.kind, e.event_date, count(*)::int as n, sum(e.amount) as amount
      from ${investmentEvent} e ${joins}
      where ${and(
        sql`e.event_date between ${query.from}::date and ${query.to}::date and e.kind in ('new', 'increase')`,
        ...filters,
      )}
      group by 1, 2, 3, 4
    ), ledger as (
      select e.currency, e.event_date, count(*)::int as n,
        sum(case when e.kind in ('decrease', 'termination') then -e.amount else e.amount end) as amount
      from ${investmentEvent} e ${scoped ? joins : sql``}
      where ${and(sql`e.event_date <= ${query.to}::date`, ...filters)}
      group by 1, 2
    ), rates as (
      select d.currency, d.event_date,
        case when d.currency = 'USD' then null else (
          select r.vnd_per_unit from ${exchangeRate} r
          where r.currency = 'USD' and d.event_date between r.valid_from and r.valid_to
          order by r.valid_from desc limit 1) end as usd_rate,
        case when d.currency in ('USD', 'VND') then null else (
          select r.vnd_per_unit from ${exchangeRate} r
          where r.currency = d.currency and d.event_date between r.valid_from and r.valid_to
          order by r.valid_from desc limit 1) end as own_rate
      from ledger d
    ), attracted as (
      select owner, currency, kind, usd_rate, own_rate, ${missingDate} as missing_date,
        sum(n)::int as n, sum(amount) as amount, ${converted(sql`sum(amount)`)} as usd
      from period join rates using (currency, event_date)
      group by owner, currency, kind, usd_rate, own_rate, 6
    ), registered as (
      select currency, usd_rate, own_rate, ${missingDate} as missing_date,
        sum(n)::int as n, sum(amount) as amount, ${converted(sql`sum(amount)`)} as usd
      from ledger join rates using (currency, event_date)
      group by currency, usd_rate, own_rate, 4
    )
    select
      (select coalesce(json_agg(a order by a.g_owner, a.owner, a.g_currency, a.currency), '[]'::json) from (
        select owner, currency, grouping(owner)::int as g_owner, grouping(currency)::int as g_currency,
          coalesce(sum(n) filter (where kind = 'new'), 0)::int as new_projects,
          coalesce(sum(amount) filter (where kind = 'new'), 0.00)::text as new_amount,
          coalesce(sum(n) filter (where kind = 'increase'), 0)::int as increases,
          coalesce(sum(amount) filter (where kind = 'increase'), 0.00)::text as increase_amount,
          coalesce(sum(amount), 0.00)::text as attracted,
          round(coalesce(sum(usd) filter (where kind = 'new'), 0), 2)::text as new_usd,
          round(coalesce(sum(usd) filter (where kind = 'increase'), 0), 2)::text as increase_usd,
          round(coalesce(sum(usd), 0), 2)::text as attracted_usd
        from attracted
        group by grouping sets ((owner, currency), (currency), (owner), ())) a) as attracted,
      (select coalesce(json_agg(r order by r.g_currency, r.currency), '[]'::json) from (
        select currency, grouping(currency)::int as g_currency, coalesce(sum(amount), 0.00)::text as amount,
          round(coalesce(sum(usd), 0), 2)::text as usd
        from registered
        group by grouping sets ((currency), ())) r) as registered,
      ${missing(sql`attracted`)} as missing_period,
      ${missing(sql`registered`)} as missing_registered`);
  const row = (result as unknown as { rows: Record<keyof CapitalRows, unknown>[] }).rows[0]!;
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  return {
    attracted: parse(row.attracted),
    registered: parse(row.registered),
    missing_period: parse(row.missing_period),
    missing_registered: parse(row.missing_registered),
  };
}
