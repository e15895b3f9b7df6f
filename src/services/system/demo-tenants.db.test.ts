import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { capitalReport } from '../project/capital.service';
import { testDeps } from '../testing';
import { seedDemoTenants } from './demo-tenants';
import { seedDemoZones } from './demo-zones';

let database: TestDatabase;
let result: Awaited<ReturnType<typeof seedDemoTenants>>;
beforeAll(async () => {
  database = await createTestDatabase();
  const deps = testDeps(database.db, systemActor('test'));
  await seedDemoZones(deps);
  result = await seedDemoTenants(deps);
});
afterAll(() => database?.cleanup());

describe('synthetic demo tenants', () => {
  it('are all marked synthetic and say so in their names', async () => {
    const rows = await database.query<{ synthetic: boolean; name: string }>(
      `select is_synthetic as synthetic, name from organisation union all select is_synthetic, name from project`,
    );
    expect(rows.length).toBe(result.organisations + result.projects);
    expect(rows.every((r) => r.synthetic && r.name.includes('dữ liệu tổng hợp'))).toBe(true);
  });

  it('give the demo enterprise account (DEMO-ORG-0001) a project in KCN Thăng Long', async () => {
    const rows = await database.query<{ zone: string }>(
      `select z.code as zone from project p join organisation o on o.id = p.investor_id join zone z on z.id = p.zone_id
        where o.code = 'DEMO-ORG-0001'`,
    );
    expect(rows).toEqual([{ zone: 'KCN-THANG-LONG' }]);
  });

  it('have a configured rate for every event, so capital totals convert completely', async () => {
    const report = await capitalReport(testDeps(database.db, systemActor('test')), {
      from: '2019-01-01',
      to: '2024-12-31',
    });
    expect(report.missingRates).toEqual([]);
    expect(report.registered.missingRates).toEqual([]);
    expect(report.attracted.newProjects).toBe(result.projects);
    expect(Number(report.registered.convertedUsd)).toBeGreaterThan(0);
  });
});
