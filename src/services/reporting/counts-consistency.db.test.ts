import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { seedDemo } from '../system/demo-seed';
import { silentLogger } from '../system/logger';
import { manualClock, testDeps } from '../testing';
import { listZones, zoneMap, zoneOccupancy } from '../zone/zone.service';
import { getCompilation } from './compilation.service';

/**
 * Issue 10, "counts that agree": the headline counts of the zone list, the occupancy summary under it, the
 * map and Biểu 04 on the demo data. Where they differ, the difference is exactly what the definitions shown
 * on screen say it is (zone.total, zone.summary.*, map.count/map.missing, counts.compiled.*), and the
 * list filtered the same way — the links those screens give — has the same number.
 */
let database: TestDatabase;
const clock = manualClock(new Date('2026-07-20T03:00:00Z'));
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo({ db: database.db, log: silentLogger });
}, 240_000);
afterAll(() => database?.cleanup());

const deps = () => testDeps(database.db, systemActor('test'), clock);
const page = { sort: 'code', order: 'asc', page: 1, pageSize: 500 } as const;
const total = async (filters: Record<string, string> = {}) =>
  (await listZones(deps(), { ...page, ...filters })).total;

describe('the same concept gives the same number on every page (demo data)', () => {
  it('the list, the occupancy summary and the map count the same records of each family', async () => {
    const occupancy = await zoneOccupancy(deps(), 'family', undefined, 'vi');
    for (const family of ['KCN', 'CCN'] as const) {
      const records = await total({ family });
      const group = occupancy.items.find((g) => g.key === family)!;
      // "Tổng số: N hồ sơ" = the summary's "trong N hồ sơ".
      expect(group.allZones, family).toBe(records);
      // The rate is over the records with industrial land: the others are said to have no figure.
      const list = await listZones(deps(), { ...page, family });
      expect(group.zones).toBe(list.items.filter((z) => (z.industrialLandHa ?? 0) > 0).length);
      if (group.zones === 0) expect(group.rate).toBeNull();
      // The map: every record is on it — exactly, or approximately and marked so (issue 10: "every
      // registry zone can be found on the map"); none is left unplaced.
      const map = JSON.parse(await zoneMap(deps(), { ...page, family })) as {
        features: { properties: { code: string; placement: string } }[];
        unplaced: unknown[];
      };
      expect(map.features.length, family).toBe(records);
      expect(map.unplaced, family).toEqual([]);
      expect(new Set(map.features.map((f) => f.properties.code)).size).toBe(records);
    }
  });

  it('zones known by name only are placed near the city centre, marked as such, at distinct points', async () => {
    const map = JSON.parse(await zoneMap(deps(), page)) as {
      features: { geometry: { coordinates: [number, number] }; properties: { placement: string } }[];
    };
    const nearCentre = map.features.filter((f) => f.properties.placement === 'city');
    // The demo registry has 11 real zones whose sources give neither a commune nor a former district.
    expect(nearCentre.length).toBe(11);
    const points = new Set(nearCentre.map((f) => f.geometry.coordinates.join(',')));
    expect(points.size).toBe(nearCentre.length);
    for (const f of nearCentre) {
      const [lon, lat] = f.geometry.coordinates;
      // Within ~5 km of Hà Nội's communes' centroid (roughly 105.7 E, 21.0 N).
      expect(Math.abs(lon - 105.75)).toBeLessThan(0.3);
      expect(Math.abs(lat - 21.05)).toBeLessThan(0.3);
    }
  });

  it('the 18 parks without industrial land show no rate, not 0 %', async () => {
    const occupancy = await zoneOccupancy(deps(), 'family', 'KCN', 'vi');
    const parks = occupancy.items[0]!;
    expect(parks.allZones).toBe(18);
    expect(parks.zones).toBe(0);
    expect(parks.rate).toBeNull();
  });

  it('Biểu 04 counts clusters by stage; the registry lists every record; the difference is the records without a lifecycle', async () => {
    // The year's report: its data window (to 14/12/2026) holds every dated step of the demo data, some of
    // which (the plan demo's clusters) are established after the first half's cut-off of 14/6/2026.
    const b04 = await getCompilation(deps(), { formCode: 'B04', period: '2026' });
    const item = (no: string) => b04.report.items.find((i) => i.no === no)!.value ?? 0;
    const records = await total({ family: 'CCN' });
    const withoutLifecycle = await total({ family: 'CCN', state: 'none' });
    const removed = await total({ family: 'CCN', state: 'removed_from_plan' });
    // Item 1 (in the plan) = every cluster record − those without a lifecycle − those removed from the plan.
    expect(item('1')).toBe(records - withoutLifecycle - removed);
    expect(records).toBeGreaterThan(item('1'));
    // Item 15 (operating) ≤ item 1; operating records in the list are among those counted.
    expect(item('15')).toBeLessThanOrEqual(item('1'));
    expect(await total({ family: 'CCN', state: 'operating' })).toBeLessThanOrEqual(item('15'));
  });
});
