import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import type { Ownership } from '../../domain/organisation/organisation.schema';
import type { CapitalQuery } from '../../domain/project/capital';
import type { InvestmentEventInput } from '../../domain/project/project.schema';
import { createExchangeRate } from '../exchange-rate/exchange-rate.service';
import { getOrganisation, updateOrganisation } from '../organisation/organisation.service';
import { communes, makeUser, testDeps } from '../testing';
import { buildInvestmentEvent, buildOrganisation, buildProject, buildZone } from '../testing/factories';
import { capitalTotals } from './capital.repository';
import { projectVisibility } from './project.policy';
import { getProject, updateProject } from './project.service';

/**
 * capital_rollup_zone and capital_rollup_family are kept by triggers (migration 0007). These tests write the
 * ledger every way there is and check, each time, that both tables equal a from-scratch recomputation, and
 * that capital totals read through them equal the totals read event by event, for many periods and scopes.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const admin = () => testDeps(database.db, systemActor('test'));

const columns = `new_events, new_amount, increase_events, increase_amount, decrease_events, decrease_amount,
  termination_events, termination_amount`;
const recomputed = (key: string) => `
  select ${key}, date_trunc('month', e.event_date::timestamp)::date as month, e.currency,
    case when o.ownership = 'fdi' then 'fdi' when o.ownership is null then 'unknown' else 'domestic' end as owner,
    count(*) filter (where e.kind = 'new')::int, coalesce(sum(e.amount) filter (where e.kind = 'new'), 0),
    count(*) filter (where e.kind = 'increase')::int, coalesce(sum(e.amount) filter (where e.kind = 'increase'), 0),
    count(*) filter (where e.kind = 'decrease')::int, coalesce(sum(e.amount) filter (where e.kind = 'decrease'), 0),
    count(*) filter (where e.kind = 'termination')::int,
    coalesce(sum(e.amount) filter (where e.kind = 'termination'), 0)
  from investment_event e join project p on p.id = e.project_id join zone z on z.id = p.zone_id
    join organisation o on o.id = p.investor_id
  group by 1, 2, 3, 4`;

/** Rows of each roll-up that differ from the ledger summed from scratch (either way), and the row counts. */
async function drift() {
  const diff = async (table: string, key: string, keyExpression: string) => {
    const stored = `select ${key}, month, currency, owner, ${columns} from ${table}`;
    const rows = await database.query<{ n: number }>(
      `select count(*)::int as n from ((${stored} except ${recomputed(keyExpression)})
        union all (${recomputed(keyExpression)} except ${stored})) d`,
    );
    const count = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    return { differing: rows[0]!.n, rows: count[0]!.n };
  };
  return {
    zone: await diff('capital_rollup_zone', 'zone_id', 'p.zone_id'),
    family: await diff(
      'capital_rollup_family',
      'family',
      `case when z.kind = 'CCN' then 'CCN' else 'KCN' end`,
    ),
  };
}

async function expectNoDrift() {
  const d = await drift();
  expect(d.zone.differing).toBe(0);
  expect(d.family.differing).toBe(0);
  expect(d.zone.rows).toBeGreaterThan(0);
  return d;
}

const organisation = (code: string, ownership: Ownership | null, roles: ('tenant' | 'developer')[]) =>
  buildOrganisation(database.db, { code, name: `Công ty ${code}`, ownership, roles });

const zone = (code: string, kind: 'CCN' | 'KCN', communeCode: string, developerCode?: string) =>
  buildZone(database.db, {
    code,
    name: `${kind === 'CCN' ? 'Cụm công nghiệp' : 'Khu công nghiệp'} ${code}`,
    kind,
    communeCode,
    developerCode: developerCode ?? null,
  });

const project = (code: string, zoneCode: string, investorCode: string) =>
  buildProject(database.db, { code, zoneCode, investorCode, name: `Dự án ${code}` });

const event = (
  projectCode: string,
  kind: InvestmentEventInput['kind'],
  eventDate: string,
  amount: string,
  currency: string,
) => buildInvestmentEvent(database.db, projectCode, { kind, eventDate, amount, currency });

beforeAll(async () => {
  await organisation('RU-DEV', 'domestic_private', ['developer']);
  await organisation('RU-FDI', 'fdi', ['tenant']);
  await organisation('RU-DOM', 'domestic_state', ['tenant']);
  await organisation('RU-UNK', null, ['tenant']);
  await organisation('RU-ENT', 'domestic_private', ['tenant']);
  await zone('CCN-RU-A', 'CCN', communes.dongAnh);
  await zone('CCN-RU-B', 'CCN', communes.thachThat);
  await zone('KCN-RU-C', 'KCN', communes.thachThat, 'RU-DEV');
  await zone('CCN-RU-D', 'CCN', communes.dongAnh, 'RU-DEV');
  for (const [code, zoneCode, investor] of [
    ['RU-1', 'CCN-RU-A', 'RU-FDI'],
    ['RU-2', 'CCN-RU-A', 'RU-DOM'],
    ['RU-3', 'CCN-RU-B', 'RU-UNK'],
    ['RU-4', 'KCN-RU-C', 'RU-FDI'],
    ['RU-5', 'KCN-RU-C', 'RU-ENT'],
    ['RU-6', 'CCN-RU-D', 'RU-ENT'],
    ['RU-7', 'CCN-RU-B', 'RU-DOM'],
  ] as const) {
    await project(code, zoneCode, investor);
  }
  // Rates: none for 2020 (listed as missing); USD changes on 15 June 2022, so June is read day by day.
  for (const [currency, from, to, rate] of [
    ['USD', '2021-01-01', '2021-12-31', '23500'],
    ['USD', '2022-01-01', '2022-06-14', '24000'],
    ['USD', '2022-06-15', '2022-12-31', '25000'],
    ['EUR', '2021-01-01', '2022-12-31', '26000'],
  ] as const) {
    await createExchangeRate(admin(), { currency, validFrom: from, validTo: to, vndPerUnit: rate });
  }
  await event('RU-1', 'new', '2020-11-20', '2000000', 'USD');
  await event('RU-1', 'increase', '2021-03-03', '500000.50', 'USD');
  await event('RU-1', 'increase', '2022-02-14', '750000', 'EUR');
  await event('RU-2', 'new', '2020-12-31', '40000000000', 'VND');
  await event('RU-2', 'increase', '2022-01-01', '5000000000', 'VND');
  await event('RU-2', 'decrease', '2022-03-31', '1000000000', 'VND');
  await event('RU-3', 'new', '2021-07-07', '9000000000', 'VND');
  await event('RU-3', 'increase', '2022-06-10', '1000000000', 'VND');
  await event('RU-3', 'increase', '2022-06-20', '2000000000', 'VND');
  await event('RU-4', 'new', '2021-01-01', '12000000', 'USD');
  await event('RU-4', 'increase', '2022-05-31', '3000000', 'USD');
  await event('RU-4', 'increase', '2022-05-31', '100000', 'GBP');
  await event('RU-5', 'new', '2022-04-18', '15000000000', 'VND');
  await event('RU-6', 'new', '2021-09-09', '3000000000', 'VND');
  await event('RU-6', 'termination', '2022-06-30', '3000000000', 'VND');
  await event('RU-7', 'new', '2022-01-31', '800000', 'EUR');
});

/** The same totals, read through the roll-up and event by event. */
async function bothWays(actor: Actor, query: CapitalQuery) {
  const visibility = projectVisibility(actor);
  const rollup = await capitalTotals(database.db, visibility, query);
  const ledger = await capitalTotals(database.db, visibility, query, { ledgerOnly: true });
  return { rollup, ledger };
}

describe('the capital roll-ups', () => {
  it('hold exactly the ledger after new registrations, increases, decreases and a termination', async () => {
    const d = await expectNoDrift();
    // 16 events in 15 (zone, month, currency, owner group): RU-3's two June increases share a row.
    expect(d.zone.rows).toBe(15);
  });

  it('follow events edited and deleted in SQL, and a bulk insert in one statement', async () => {
    await database.query(
      `update investment_event set amount = amount + 1, event_date = '2022-07-02'
       where project_id = (select id from project where code = 'RU-3') and event_date = '2022-06-20'`,
    );
    await expectNoDrift();
    await database.query(
      `update investment_event set currency = 'USD', amount = 1000
       where project_id = (select id from project where code = 'RU-7')`,
    );
    await expectNoDrift();
    await database.query(
      `update investment_event set note = 'ghi chú' where project_id = (select id from project where code = 'RU-1')`,
    );
    await expectNoDrift();
    await database.query(
      `delete from investment_event where project_id = (select id from project where code = 'RU-2') and kind = 'decrease'`,
    );
    await expectNoDrift();
    // What a set-based import does: many rows, several projects, months and currencies, one statement.
    await database.query(
      `insert into investment_event (project_id, kind, event_date, amount, currency)
       select p.id, 'increase', d::date, 1000 + extract(day from d), case when p.code < 'RU-4' then 'VND' else 'USD' end
       from project p cross join generate_series('2022-08-01'::date, '2022-10-31'::date, interval '9 days') d
       where p.code in ('RU-1', 'RU-2', 'RU-4', 'RU-5')`,
    );
    await expectNoDrift();
  });

  it('move a project’s ledger when it changes zone or investor, and an investor’s when its ownership changes', async () => {
    const ru3 = await getProject(admin(), 'RU-3');
    await updateProject(admin(), 'RU-3', { version: ru3.version, zoneCode: 'KCN-RU-C' });
    await expectNoDrift();
    const ru4 = await getProject(admin(), 'RU-4');
    await updateProject(admin(), 'RU-4', { version: ru4.version, investorCode: 'RU-UNK' });
    await expectNoDrift();
    const dom = await getOrganisation(admin(), 'RU-DOM');
    await updateOrganisation(admin(), 'RU-DOM', { version: dom.version, ownership: 'fdi' });
    await expectNoDrift();
    // A zone changing family (the editor refuses it; SQL can do it).
    await database.query(`update zone set kind = 'KCN' where code = 'CCN-RU-B'`);
    await expectNoDrift();
    await database.query(`update zone set kind = 'CCN' where code = 'CCN-RU-B'`);
    await expectNoDrift();
  });

  it('drop a deleted project’s ledger, and recompute to the same rows from scratch', async () => {
    await database.query(
      `delete from project where code = 'RU-6'`, // its events go with it (on delete cascade)
    );
    await expectNoDrift();
    const snapshot = `select * from capital_rollup_zone order by 1, 2, 3, 4`;
    const kept = await database.query(snapshot);
    await database.query('select capital_rollup_rebuild()');
    expect(await database.query(snapshot)).toEqual(kept);
  });
});

describe('capital totals through the roll-ups', () => {
  const periods: [string, string][] = [
    ['2022-01-01', '2022-05-31'], // whole months only
    ['2022-01-15', '2022-06-20'], // days at both ends, and June (two USD rates) day by day
    ['2022-06-01', '2022-06-30'], // a month no single rate covers
    ['2022-05-31', '2022-05-31'], // one day
    ['2020-01-01', '2022-12-31'], // 2020 has no rates: listed as missing
    ['2021-02-10', '2021-02-20'], // nothing happened
    ['2022-03-01', '2022-10-15'],
  ];

  it('equal the totals read event by event, for every period and scope', async () => {
    type Role = 'commune_officer' | 'developer' | 'enterprise' | 'department_officer';
    const scoped = async (role: Role, scopeKind: 'commune' | 'organisation' | 'family', scopeRef: string) =>
      (await makeUser(database.db, { role, scopeKind, scopeRef })).actor;
    const actors: [string, Actor][] = [
      ['admin', systemActor('test')],
      ['commune officer, Đông Anh', await scoped('commune_officer', 'commune', communes.dongAnh)],
      ['developer RU-DEV', await scoped('developer', 'organisation', 'RU-DEV')],
      ['enterprise RU-ENT', await scoped('enterprise', 'organisation', 'RU-ENT')],
      ['department, CCN', await scoped('department_officer', 'family', 'CCN')],
    ];
    const filters: Partial<CapitalQuery>[] = [
      {},
      { family: 'KCN' },
      { family: 'CCN' },
      { zone: 'KCN-RU-C' },
      { commune: communes.thachThat },
    ];
    let nonEmpty = 0;
    for (const [name, actor] of actors) {
      for (const filter of filters) {
        for (const [from, to] of periods) {
          const query = { from, to, ...filter };
          const { rollup, ledger } = await bothWays(actor, query);
          expect(rollup, `${name} ${JSON.stringify(query)}`).toEqual(ledger);
          if (rollup.registered.length > 1) nonEmpty += 1;
        }
      }
    }
    // The comparisons are not vacuous: most scopes see capital.
    expect(nonEmpty).toBeGreaterThan(80);
  });

  it('list what they cannot convert, day by day, as the ledger does', async () => {
    const { rollup } = await bothWays(systemActor('test'), { from: '2020-01-01', to: '2022-06-30' });
    // VND of 2020 (no USD rate that year) and the GBP of 31 May 2022 (no GBP rate at all).
    expect(rollup.missing_registered.map((m) => [m.rate_currency, m.event_currency, m.date])).toEqual([
      ['USD', 'VND', '2020-12-31'],
      ['GBP', 'GBP', '2022-05-31'],
    ]);
    expect(rollup.missing_period).toEqual(rollup.missing_registered);
  });
});

describe('truncating the ledger', () => {
  it('empties both roll-ups', async () => {
    await database.query('truncate investment_event');
    const d = await drift();
    expect(d.zone).toEqual({ differing: 0, rows: 0 });
    expect(d.family).toEqual({ differing: 0, rows: 0 });
  });
});
