import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { buildFiling, buildOrganisation, buildProject, buildZone } from './factories';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

describe('test factories build records through the services, with their parents', () => {
  it('a zone gets a developer of its own unless told otherwise', async () => {
    const zone = await buildZone(database.db);
    expect(zone.kind).toBe('CCN');
    const [developer] = await database.query<{ roles: string[] }>(
      `select o.roles from zone z join organisation o on o.id = z.developer_id where z.code = $1`,
      [zone.code],
    );
    expect(developer?.roles).toEqual(['developer']);
    const bare = await buildZone(database.db, { kind: 'KCN', developerCode: null, name: 'KCN trần' });
    expect(bare).toMatchObject({ kind: 'KCN', family: 'KCN', name: 'KCN trần', developerName: null });
  });

  it('a project builds its zone and investor, or uses the ones named', async () => {
    const built = await buildProject(database.db);
    const [zones] = await database.query<{ n: number }>(
      `select count(*)::int as n from zone where code = $1`,
      [built.zoneCode],
    );
    expect(zones?.n).toBe(1);
    const investor = await buildOrganisation(database.db, { code: 'NHA-DAU-TU', ownership: 'fdi' });
    const named = await buildProject(database.db, { zoneCode: built.zoneCode, investorCode: investor.code });
    expect(named).toMatchObject({ zoneCode: built.zoneCode, investorCode: 'NHA-DAU-TU', ownership: 'fdi' });
  });

  it('a filing is taken to the status asked, by the filing service', async () => {
    const values = { revenue_vnd: 10, state_budget_vnd: 1, workers: 20, avg_income_vnd: 7 };
    expect((await buildFiling(database.db)).status).toBe('draft');
    const accepted = await buildFiling(database.db, { values, status: 'accepted' });
    expect(accepted).toMatchObject({ status: 'accepted', formCode: 'B01', family: 'CCN' });
    const returned = await buildFiling(database.db, { values, status: 'returned', reason: 'Thiếu số liệu' });
    expect(returned.revisions.at(-1)?.returnReason).toBe('Thiếu số liệu');
    // The service's rules stay in force: an incomplete report is not submitted.
    await expect(buildFiling(database.db, { status: 'submitted' })).rejects.toMatchObject({
      code: 'validation',
    });
  });
});
