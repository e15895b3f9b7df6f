import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { getParksReport } from '../reporting/parks-report.service';
import { makeUser, manualClock, testDeps } from '../testing';
import { seedDemoParks } from './demo-parks';
import { seedDemoTenants } from './demo-tenants';
import { seedDemoZones } from './demo-zones';

let database: TestDatabase;
let result: Awaited<ReturnType<typeof seedDemoParks>>;
const clock = manualClock(new Date('2026-11-21T03:00:00Z'));
const deps = () => testDeps(database.db, systemActor('test'), clock);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoZones(deps());
  await seedDemoTenants(deps());
  const admin = (await makeUser(database.db, { role: 'system_admin', scopeKind: 'all', scopeRef: null }))
    .actor;
  result = await seedDemoParks(testDeps(database.db, admin, clock));
});
afterAll(() => database?.cleanup());

describe('synthetic demo figures for the parks’ report', () => {
  it('file and accept tenant reports of synthetic projects only, on time', async () => {
    expect(result).toEqual({ filings: 11, events: 3, targets: 4 });
    const rows = await database.query<{ synthetic: boolean; status: string; late: boolean }>(
      `select p.is_synthetic as synthetic, f.status, f.first_submitted_at > f.due_at as late
       from report_filing f join project p on p.id::text = f.reporter_ref where f.form_code = 'KCN_TENANT'`,
    );
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.synthetic && r.status === 'accepted' && !r.late)).toBe(true);
  });

  it('give the Board’s Q3 2026 report figures, targets and one missing report to demonstrate', async () => {
    const view = await getParksReport(deps(), { period: '2026-Q3' });
    const line = (no: string) => view.report.items.find((i) => i.no === no)!;
    // Q3 revenue: tenants 2–4 at 1.06² of Q1: 8.15 + 28.76 + 4.38.
    expect(line('9').value).toBeCloseTo(8.15 + 28.76 + 4.38, 6);
    // In KCN Thăng Long the demo enterprise's Q3 report is missing, left for the demo to file.
    const park = await getParksReport(deps(), { period: '2026-Q3', zone: 'KCN-THANG-LONG' });
    const revenue = park.report.items.find((i) => i.no === '9')!;
    expect(revenue.value).toBe(line('9').value);
    const missing = revenue.gaps.map((g) => g['projectCode']);
    expect(missing).toContain('DEMO-PRJ-0001');
    expect(missing).not.toContain('DEMO-PRJ-0002');
    expect(revenue.sources).toHaveLength(3);
    expect(line('9').target).toBe(230);
    expect(line('7').yearToDate).toBeGreaterThan(0);
    expect(line('7').gaps).toEqual([]); // every 2026 event has a (demo) rate
    expect(line('7').achievedPct).not.toBeNull();
  });
});
