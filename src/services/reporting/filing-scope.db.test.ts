import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { roleCatalog, type Actor, type Assignment } from '../../domain/identity/roles';
import { seedDemo } from '../system/demo-seed';
import { silentLogger } from '../system/logger';
import { canReadFiling } from './filing.policy';
import { findFilings, findFilingsPage, readableFilingsSql } from './filing.repository';

/**
 * One statement per rule: the filings list is scoped in SQL (`readableFilingsSql`) for speed, restating
 * `canReadFiling`. On the demo data, for every role and every kind of scope it can hold — over the codes the
 * filings actually name, and codes they do not — the SQL keeps exactly the filings the policy lets read.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo({ db: database.db, log: silentLogger });
}, 240_000);
afterAll(() => database?.cleanup());

const sample = <T>(values: T[], n: number) =>
  values.filter((_, i) => i % Math.max(1, Math.floor(values.length / n)) === 0).slice(0, n);

function actorOf(assignments: Assignment[]): Actor {
  const permissions = new Set(
    assignments.flatMap((a) => roleCatalog.find((r) => r.code === a.role)!.permissions),
  );
  return { userId: 'u', username: 'u', assignments, permissions };
}

describe('the filings list’s scope in SQL equals the filing policy', () => {
  it('for every role and scope, on every period of the demo data', async () => {
    const periods = (
      await database.query<{ period: string }>(
        `select period from report_filing group by period order by count(*) desc limit 3`,
      )
    ).map((r) => r.period);
    expect(periods.length).toBeGreaterThan(0);
    const all = (await Promise.all(periods.map((period) => findFilings(database.db, { period })))).flat();
    const refs = {
      all: [null],
      family: ['KCN', 'CCN'],
      commune: [...sample([...new Set(all.map((f) => f.communeCode).filter(Boolean))], 6), 'NO-SUCH-COMMUNE'],
      organisation: [
        ...sample([...new Set(all.map((f) => f.reporterOrgCode).filter(Boolean))], 6),
        ...sample([...new Set(all.map((f) => f.developerOrgCode).filter(Boolean))], 4),
        '0000000000',
      ],
      zone: [...sample([...new Set(all.map((f) => f.zoneCode).filter(Boolean))], 6), 'NO-SUCH-ZONE'],
    } as Record<string, (string | null)[]>;

    const actors: Actor[] = [];
    for (const role of roleCatalog) {
      for (const scopeKind of role.scopeKinds) {
        for (const scopeRef of refs[scopeKind] ?? []) {
          actors.push(actorOf([{ role: role.code, scopeKind, scopeRef }]));
        }
      }
    }
    // Someone with two assignments reads the union.
    actors.push(
      actorOf([
        { role: 'commune_officer', scopeKind: 'commune', scopeRef: refs['commune']![0]! },
        { role: 'leader', scopeKind: 'family', scopeRef: 'KCN' },
      ]),
    );

    let partial = 0;
    for (const actor of actors) {
      for (const period of periods) {
        const expected = all
          .filter((f) => f.period === period && canReadFiling(actor, f))
          .map((f) => f.id)
          .sort();
        const found = await findFilingsPage(database.db, { period }, readableFilingsSql(actor), {
          offset: 0,
          limit: 100_000,
        });
        const label = `${JSON.stringify(actor.assignments)} ${period}`;
        expect(found.rows.map((f) => f.id).sort(), label).toEqual(expected);
        expect(found.total, label).toBe(expected.length);
        const ofPeriod = all.filter((f) => f.period === period).length;
        if (expected.length > 0 && expected.length < ofPeriod) partial += 1;
      }
    }
    // Not a vacuous agreement: many readers see some of a period's filings and not others.
    expect(partial).toBeGreaterThan(10);
  }, 120_000);
});
