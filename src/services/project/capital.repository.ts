import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import {
  capitalRollupFamily,
  capitalRollupZone,
  exchangeRate,
  investmentEvent,
  project,
} from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { CapitalQuery } from '../../domain/project/capital';
import { splitIntoMonths, type DayRange } from '../../domain/project/capital-rollup';
import { zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';
import type { ProjectVisibility } from './project.policy';
import { investor } from './project.repository';

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
 * commune filter; visibility all or by family only): then capital_rollup_family answers it. Null when the
 * scope is finer (commune, zone, developer, investor): then capital_rollup_zone does, joined to the zones.
 */
export function rollupFamilies(visibility: ProjectVisibility, query: CapitalQuery): ZoneFamily[] | null {
  if (query.zone || query.commune) return null;
  let families: readonly ZoneFamily[] = ALL_FAMILIES;
  if (visibility.kind === 'scoped') {
    const z = visibility.zones;
    if (z.kind === 'scoped') {
      const finer =
        z.communeCodes.length +
        z.zoneCodes.length +
        z.developerOrgCodes.length +
        z.investorOrgCodes.length +
        visibility.investorOrgCodes.length;
      if (finer > 0) return null;
      families = z.families;
    }
  }
  return families.filter((f) => !query.family || f === query.family);
}

/**
 * Where the roll-up rows and the events come from, and which of them the caller may count:
 * - `family`: capital_rollup_family for these families; events through `events` (the same families);
 * - `zone`: capital_rollup_zone joined to the zones `zones` admits; events of those zones through the same
 *   filter, and — for an enterprise — the events of its own projects in zones it cannot see (`investorOnly`),
 *   which no roll-up row can separate from their zone's, read one by one.
 */
type Source =
  | { kind: 'family'; families: ZoneFamily[]; events: SQL | undefined }
  | { kind: 'zone'; zones: SQL | undefined; investorOnly: SQL | undefined };

function sourceFor(visibility: ProjectVisibility, query: CapitalQuery, ledgerOnly: boolean): Source {
  const scope: (SQL | undefined)[] = [];
  if (query.family) scope.push(sql`${zoneFamilySql} = ${query.family}`);
  if (query.zone) scope.push(sql`${zone.code} = ${query.zone}`);
  if (query.commune) {
    scope.push(
      sql`${zone.communeId} in (select id from ${adminUnit} where level = 'commune' and valid_to is null and code = ${query.commune})`,
    );
  }
  const families = ledgerOnly ? null : rollupFamilies(visibility, query);
  if (families !== null) {
    const events = families.length ? inArray(zoneFamilySql, families) : sql`false`;
    return { kind: 'family', families, events };
  }
  if (visibility.kind === 'all') return { kind: 'zone', zones: and(...scope), investorOnly: undefined };
  // A scope clause may be null (a zone without commune): coalesce, or NOT would lose the row on both sides.
  const zoneVisible = sql`coalesce(${zoneVisibilityFilter(visibility.zones) ?? sql`true`}, false)`;
  return {
    kind: 'zone',
    zones: and(...scope, zoneVisible),
    investorOnly: visibility.investorOrgCodes.length
      ? and(...scope, inArray(investor.code, visibility.investorOrgCodes), sql`not ${zoneVisible}`)
      : undefined,
  };
}

const orFalse = (clauses: SQL[]) => (clauses.length ? sql.join(clauses, sql` or `) : sql`false`);

const dateIn = (column: SQL, range: DayRange) =>
  range.from === null
    ? sql`${column} <= ${range.to}::date`
    : sql`${column} between ${range.from}::date and ${range.to}::date`;

const ownerOfInvestor = sql`capital_owner(${investor.ownership})`;

/** Joins an event alias `e` to its project, zone and investor (the names the scope filters use). */
const eventJoins = sql`join ${project} on ${project.id} = e.project_id
    join ${zone} on ${zone.id} = ${project.zoneId}
    join ${organisation} ${sql.identifier('investor')} on ${investor.id} = ${project.investorId}`;

/** Per day, per owner group and currency: counts and sums of the events selected (alias e, joined). */
const eventSums = sql`${ownerOfInvestor} as owner, e.currency, e.event_date,
    count(*) filter (where e.kind = 'new')::int as new_n,
    coalesce(sum(e.amount) filter (where e.kind = 'new'), 0) as new_amount,
    count(*) filter (where e.kind = 'increase')::int as increase_n,
    coalesce(sum(e.amount) filter (where e.kind = 'increase'), 0) as increase_amount,
    count(*)::int as n,
    sum(case when e.kind in ('decrease', 'termination') then -e.amount else e.amount end) as signed`;

/** A missing rate: the event's currency needs USD's rate (all but USD) and its own (all but USD and VND). */
const rateMissing = sql`(currency <> 'USD' and usd_rate is null)
    or (currency not in ('USD', 'VND') and own_rate is null)`;

/**
 * One slice of the ledger — the events in `range` that the caller may count — as rows of
 * (owner, currency, usd_rate, own_rate, missing_date, new_n, new_amount, increase_n, increase_amount, n, signed),
 * in CTEs named `<name>_…` ending with `<name>`:
 * - `_months`: the whole months of the range, summed from the roll-up per owner group, currency and month;
 * - `_month_rates`: for each (month, currency), the rates when the month lies wholly in one configured
 *   period of each rate the currency needs, and in no other (then one rate converts the whole month);
 * - `_events`: what the roll-up cannot answer, event by event: the days around the whole months, the months
 *   no single rate period covers (so that each day gets its own rate, or is listed as missing), and an
 *   enterprise's own projects in zones it cannot see;
 * - `_day_rates`: the rates of each day of those events — one range join per rate; should periods of a
 *   currency overlap (createExchangeRate refuses it, SQL could write it), the latest-starting one wins.
 */
function slice(
  name: string,
  range: DayRange,
  source: Source,
  ledgerOnly: boolean,
  recordedBy: Date | null = null,
): SQL {
  // "As of" an instant: only the events and rates recorded by then (docs/decisions/0016-leaders-view-as-of.md).
  const known = (alias: string) =>
    recordedBy === null
      ? sql`true`
      : sql`${sql.identifier(alias)}.created_at <= ${recordedBy.toISOString()}::timestamptz`;
  const cte = (suffix: string) => sql.identifier(`${name}${suffix}`);
  const split = ledgerOnly ? { months: null, days: [range] } : splitIntoMonths(range.from, range.to);
  const monthEndOf = sql`(m.month + interval '1 month' - interval '1 day')::date`;

  let months: SQL;
  if (!split.months) {
    months = sql`select null::text as owner, null::text as currency, null::date as month, 0 as new_n,
        0::numeric as new_amount, 0 as increase_n, 0::numeric as increase_amount, 0 as n, 0::numeric as signed
      where false`;
  } else {
    const table = source.kind === 'family' ? capitalRollupFamily : capitalRollupZone;
    const where =
      source.kind === 'family'
        ? and(
            dateIn(sql`r.month`, split.months),
            source.families.length ? inArray(sql`r.family`, source.families) : sql`false`,
          )
        : and(dateIn(sql`r.month`, split.months), source.zones);
    months = sql`select r.owner, r.currency, r.month,
        sum(r.new_events)::int as new_n, sum(r.new_amount) as new_amount,
        sum(r.increase_events)::int as increase_n, sum(r.increase_amount) as increase_amount,
        sum(r.new_events + r.increase_events + r.decrease_events + r.termination_events)::int as n,
        sum(r.new_amount + r.increase_amount - r.decrease_amount - r.termination_amount) as signed
      from ${table} r ${source.kind === 'zone' ? sql`join ${zone} on ${zone.id} = r.zone_id` : sql``}
      where ${where}
      group by r.owner, r.currency, r.month`;
  }
  /** Per month (and currency): how many periods of the rate touch it, whether they cover it, the rate. */
  const coverage = (keys: SQL, rateCurrency: SQL, group: SQL) => sql`
      select ${group}, count(*)::int as periods, min(x.vnd_per_unit) as rate,
        bool_and(x.valid_from <= m.month and x.valid_to >= ${monthEndOf}) as covers
      from ${keys} m join ${exchangeRate} x on x.currency = ${rateCurrency}
        and x.valid_from <= ${monthEndOf} and x.valid_to >= m.month
      group by ${group}`;
  const scopeOfEvents = source.kind === 'family' ? source.events : source.zones;
  const dayClauses = split.days.map((d) => dateIn(sql`e.event_date`, d));
  const investorOnly =
    source.kind === 'zone' && source.investorOnly
      ? sql`union all
        select ${eventSums} from ${investmentEvent} e ${eventJoins}
        where ${and(dateIn(sql`e.event_date`, range), source.investorOnly, known('e'))}
        group by 1, 2, 3`
      : sql``;
  return sql`
    ${cte('_months')} as (${months}),
    ${cte('_month_rates')} as (
      select k.month, k.currency, u.rate as usd_rate, o.rate as own_rate,
        (k.currency = 'USD' or (u.rate is not null and (k.currency = 'VND' or o.rate is not null))) as whole
      from (select distinct month, currency from ${cte('_months')}) k
      left join (${coverage(sql`(select distinct month from ${cte('_months')} where currency <> 'USD')`, sql`'USD'`, sql`m.month`)}) u
        on u.month = k.month and k.currency <> 'USD' and u.periods = 1 and u.covers
      left join (${coverage(sql`(select distinct month, currency from ${cte('_months')} where currency not in ('USD', 'VND'))`, sql`m.currency`, sql`m.month, m.currency`)}) o
        on o.month = k.month and o.currency = k.currency and o.periods = 1 and o.covers
    ), ${cte('_events')} as (
      select ${eventSums}
      from (
        select e.project_id, e.kind, e.event_date, e.amount, e.currency from ${investmentEvent} e
        where (${orFalse(dayClauses)}) and ${known('e')}
        union all
        select e.project_id, e.kind, e.event_date, e.amount, e.currency
        from ${cte('_month_rates')} m join ${investmentEvent} e on e.currency = m.currency
          and e.event_date between m.month and ${monthEndOf}
        where not m.whole and ${known('e')}
      ) e ${eventJoins}
      where ${scopeOfEvents ?? sql`true`}
      group by 1, 2, 3
      ${investorOnly}
    ), ${cte('_day_rates')} as (
      select distinct on (d.currency, d.event_date) d.currency, d.event_date,
        usd.vnd_per_unit as usd_rate, own.vnd_per_unit as own_rate
      from (select distinct currency, event_date from ${cte('_events')}) d
      left join ${exchangeRate} usd on d.currency <> 'USD' and usd.currency = 'USD'
        and d.event_date between usd.valid_from and usd.valid_to and ${known('usd')}
      left join ${exchangeRate} own on d.currency not in ('USD', 'VND') and own.currency = d.currency
        and d.event_date between own.valid_from and own.valid_to and ${known('own')}
      order by d.currency, d.event_date, usd.valid_from desc nulls last, own.valid_from desc nulls last
    ), ${cte('')} as (
      select m.owner, m.currency, r.usd_rate, r.own_rate, null::date as missing_date,
        m.new_n, m.new_amount, m.increase_n, m.increase_amount, m.n, m.signed
      from ${cte('_months')} m join ${cte('_month_rates')} r using (month, currency)
      where r.whole
      union all
      select d.owner, d.currency, r.usd_rate, r.own_rate,
        case when ${rateMissing} then d.event_date end as missing_date,
        d.new_n, d.new_amount, d.increase_n, d.increase_amount, d.n, d.signed
      from ${cte('_events')} d join ${cte('_day_rates')} r using (currency, event_date)
    )`;
}

/** Converted to USD: VND divides by USD's rate; another currency X multiplies by X's rate first. */
const converted = (amount: SQL) => sql`case when currency = 'USD' then ${amount}
    when currency = 'VND' then ${amount} / usd_rate else ${amount} * own_rate / usd_rate end`;

/**
 * Capital totals in one statement, over the projects the caller may see:
 * - `period` (the events from `from` to `to`) and `ledger` (every event up to `to`) are slices: whole months
 *   from the roll-up — per family when the question is family-wide, else per zone — and the rest event by
 *   event (see `slice`);
 * - `attracted`: new registrations and increases of the period per (owner group, currency, kind, rate);
 *   `registered`: the signed ledger up to `to` per (currency, rate);
 * - amounts are converted once per (currency, rate) — the same groups as converting event by event; a missing
 *   rate leaves the converted sum out of the totals, never guessed, and its date is listed.
 * Sums stay numeric; converted totals are rounded to cents once, at the end. `ledgerOnly` reads every event
 * and no roll-up: the reference the roll-up is tested against. `recordedBy` computes the totals "as of" an
 * instant: only events and rates recorded by then count (read from the ledger, as the roll-up has no time).
 */
export async function capitalTotals(
  db: Db,
  visibility: ProjectVisibility,
  query: CapitalQuery,
  options: { ledgerOnly?: boolean; recordedBy?: Date | null } = {},
): Promise<CapitalRows> {
  const recordedBy = options.recordedBy ?? null;
  const ledgerOnly = (options.ledgerOnly ?? false) || recordedBy !== null;
  const source = sourceFor(visibility, query, ledgerOnly);
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
    with ${slice('period', { from: query.from, to: query.to }, source, ledgerOnly, recordedBy)},
    ${slice('ledger', { from: null, to: query.to }, source, ledgerOnly, recordedBy)},
    attracted as (
      select owner, currency, kind, usd_rate, own_rate, missing_date,
        sum(n)::int as n, sum(amount) as amount, ${converted(sql`sum(amount)`)} as usd
      from (
        select owner, currency, 'new' as kind, usd_rate, own_rate, missing_date, new_n as n, new_amount as amount
        from period where new_n > 0
        union all
        select owner, currency, 'increase', usd_rate, own_rate, missing_date, increase_n, increase_amount
        from period where increase_n > 0) a
      group by owner, currency, kind, usd_rate, own_rate, missing_date
    ), registered as (
      select currency, usd_rate, own_rate, missing_date,
        sum(n)::int as n, sum(signed) as amount, ${converted(sql`sum(signed)`)} as usd
      from ledger
      group by currency, usd_rate, own_rate, missing_date
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
  const row = rowsOf<Record<keyof CapitalRows, unknown>>(result)[0]!;
  const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  return {
    attracted: parse(row.attracted),
    registered: parse(row.registered),
    missing_period: parse(row.missing_period),
    missing_registered: parse(row.missing_registered),
  };
}
