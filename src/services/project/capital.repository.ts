import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { exchangeRate, investmentEvent, project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { CapitalQuery } from '../../domain/project/capital';
import type { ZoneFamily } from '../../domain/identity/roles';
import { zoneFamilySql } from '../zone/zone.repository';
import type { ProjectVisibility } from './project.policy';
import { investor, projectVisibilityFilter } from './project.repository';

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

const ALL_FAMILIES: readonly ZoneFamily[] = ['KCN', 'CCN'];

/**
 * The families whose whole ledger the caller sees and asks for, when the question is family-wide (no zone or
 * commune filter, no per-zone or per-investor scope): then registered capital comes from capital_rollup.
 * Null when the scope is finer and the ledger must be read event by event.
 */
export function rollupFamilies(visibility: ProjectVisibility, query: CapitalQuery): ZoneFamily[] | null {
  if (query.zone || query.commune) return null;
  let families: readonly ZoneFamily[] = ALL_FAMILIES;
  if (visibility.kind === 'scoped') {
    const z = visibility.zones;
    if (z.kind === 'all') return families.filter((f) => !query.family || f === query.family);
    const finer =
      z.communeCodes.length +
      z.zoneCodes.length +
      z.developerOrgCodes.length +
      z.investorOrgCodes.length +
      visibility.investorOrgCodes.length;
    if (finer > 0) return null;
    families = z.families;
  }
  return families.filter((f) => !query.family || f === query.family);
}

/** Converted to USD: VND divides by USD's rate; another currency X multiplies by X's rate first. */
const converted = (amount: SQL) => sql`case when currency = 'USD' then ${amount}
    when currency = 'VND' then ${amount} / usd_rate else ${amount} * own_rate / usd_rate end`;
const missingRateOf = (alias: string) =>
  sql.raw(`(${alias}currency <> 'USD' and ${alias}usd_rate is null)
    or (${alias}currency not in ('USD', 'VND') and ${alias}own_rate is null)`);
const missingRate = missingRateOf('');

/**
 * Joins the rates of the day to the rows of `alias`, which has a `currency` column and the date column named.
 * Rate periods of one currency never overlap (createExchangeRate refuses it), so at most one row matches.
 */
const ratesFor = (alias: string, dateColumn: string) => {
  const currency = sql.raw(`${alias}.currency`);
  const date = sql.raw(`${alias}.${dateColumn}`);
  return sql`
    left join ${exchangeRate} usd on ${currency} <> 'USD' and usd.currency = 'USD'
      and ${date} between usd.valid_from and usd.valid_to
    left join ${exchangeRate} own on ${currency} not in ('USD', 'VND') and own.currency = ${currency}
      and ${date} between own.valid_from and own.valid_to`;
};

/** Registered capital at `to`, event by event, for scopes finer than a family. */
function registeredFromLedger(filters: (SQL | undefined)[], to: string): SQL {
  return sql`
    ledger as (
      select e.currency, e.event_date, count(*)::int as n,
        sum(case when e.kind in ('decrease', 'termination') then -e.amount else e.amount end) as amount
      from ${investmentEvent} e
      join ${project} on ${project.id} = e.project_id
      join ${zone} on ${zone.id} = ${project.zoneId}
      join ${organisation} ${sql.identifier('investor')} on ${investor.id} = ${project.investorId}
      where ${and(sql`e.event_date <= ${to}::date`, ...filters)}
      group by 1, 2
    ), rated as (
      select l.currency, l.event_date, l.n, l.amount, usd.vnd_per_unit as usd_rate, own.vnd_per_unit as own_rate
      from ledger l ${ratesFor('l', 'event_date')}
    ), registered as (
      select currency, usd_rate, own_rate, case when ${missingRate} then event_date end as missing_date,
        sum(n)::int as n, sum(amount) as amount, ${converted(sql`sum(amount)`)} as usd
      from rated
      group by currency, usd_rate, own_rate, 4
    )`;
}

/**
 * Capital totals in one statement:
 * - `period`: the visible new registrations and increases of the period per (owner group, currency, kind,
 *   date) — the owner group is fdi | domestic | unknown from the investor's ownership — with the rates of the
 *   day (a range join: periods of one currency never overlap, createExchangeRate refuses it);
 * - `registered`: registered capital at `to` per currency and rate, from the roll-up when the question is
 *   family-wide, else from the visible events;
 * - amounts are converted once per (currency, rate); a missing rate leaves the converted sum out of the
 *   totals — never guessed — and its date is listed.
 * Sums stay numeric; converted totals are rounded to cents once, at the end.
 */
export async function capitalTotals(
  db: Db,
  visibility: ProjectVisibility,
  query: CapitalQuery,
  options: { path?: 'auto' | 'ledger' } = {},
): Promise<CapitalRows> {
  const filters: (SQL | undefined)[] = [projectVisibilityFilter(visibility)];
  if (query.family) filters.push(sql`${zoneFamilySql} = ${query.family}`);
  if (query.zone) filters.push(sql`${zone.code} = ${query.zone}`);
  if (query.commune) {
    filters.push(
      sql`${zone.communeId} in (select id from ${adminUnit} where level = 'commune' and valid_to is null and code = ${query.commune})`,
    );
  }
  // Migration 0007 replaced the per-day roll-up; until this reads the monthly one, the ledger answers.
  void options;
  const registered = registeredFromLedger(filters, query.to);
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
  // Per event, the project, zone and investor are looked up by key (a few thousand index probes in a
  // period), rather than hashing every project of the province.
  const result = await db.execute(sql`
    with period_events as (
      select
        case when x.ownership = 'fdi' then 'fdi' when x.ownership is null then 'unknown' else 'domestic' end as owner,
        e.currency, e.kind, e.event_date, count(*)::int as n, sum(e.amount) as amount
      from ${investmentEvent} e cross join lateral (
        select ${investor.ownership} as ownership from ${project}
        join ${zone} on ${zone.id} = ${project.zoneId}
        join ${organisation} ${sql.identifier('investor')} on ${investor.id} = ${project.investorId}
        where ${and(sql`${project.id} = e.project_id`, ...filters)}) x
      where e.event_date between ${query.from}::date and ${query.to}::date and e.kind in ('new', 'increase')
      group by 1, 2, 3, 4
    ), period as (
      select p.owner, p.currency, p.kind, p.event_date, p.n, p.amount, usd.vnd_per_unit as usd_rate,
        own.vnd_per_unit as own_rate
      from period_events p ${ratesFor('p', 'event_date')}
    ), attracted as (
      select owner, currency, kind, usd_rate, own_rate, case when ${missingRate} then event_date end as missing_date,
        sum(n)::int as n, sum(amount) as amount, ${converted(sql`sum(amount)`)} as usd
      from period
      group by owner, currency, kind, usd_rate, own_rate, 6
    ), ${registered}
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
