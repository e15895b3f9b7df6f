import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUnit } from '../../db/schema/admin-unit';
import { zone, zoneLifecycleEvent } from '../../db/schema/zone';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import {
  checkLifecycleEvent,
  deriveLifecycle,
  lifecycleStates,
  type LifecycleEvent,
  type LifecycleState,
} from '../../domain/zone/lifecycle';
import { occupancy, weightedOccupancy, type OccupancyInput } from '../../domain/zone/occupancy';
import { lifecycleStateSql, occupancyByGroup, occupancySql } from './zone.repository';

/**
 * One statement per rule (issue 11): where SQL repeats a domain rule for speed — the Decree 32 occupancy
 * (list order, map, per-group summary) and the lifecycle state derived from the history (list filter, map) —
 * the SQL must give what domain/zone/occupancy.ts and domain/zone/lifecycle.ts give, on generated data.
 */

/** A small deterministic PRNG (mulberry32), so a failure is reproducible. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Random = ReturnType<typeof random>;

/** An area as the registry stores it (numeric(12,4)): missing, zero or a positive number of hectares. */
function area(r: Random, max: number): number | null {
  const roll = r.next();
  if (roll < 0.12) return null;
  if (roll < 0.2) return 0;
  return Math.round(r.next() * max * 10_000) / 10_000;
}

/**
 * A history the application can hold: events are proposed at random (any state, dates that may repeat or
 * go back) and kept only when `checkLifecycleEvent` accepts them, as the service does.
 */
function history(r: Random): LifecycleEvent[] {
  const events: LifecycleEvent[] = [];
  const attempts = r.int(14);
  for (let i = 0; i < attempts; i += 1) {
    const state = r.pick(lifecycleStates);
    const year = 2005 + r.int(20);
    const candidate: LifecycleEvent = {
      state,
      eventDate: `${year}-0${1 + r.int(9)}-1${r.int(10)}`,
      progressPct: state === 'land_clearance' || state === 'construction' ? r.int(101) : null,
      seq: events.length + 1,
    };
    if (!checkLifecycleEvent(events, candidate)) events.push(candidate);
  }
  return events;
}

type Generated = { code: string; family: 'KCN' | 'CCN'; commune: string } & OccupancyInput & {
    events: LifecycleEvent[];
  };

let database: TestDatabase;
const generated: Generated[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const communes = await db
    .select({ id: adminUnit.id, code: adminUnit.code })
    .from(adminUnit)
    .where(sql`${adminUnit.level} = 'commune' and ${adminUnit.validTo} is null`)
    .orderBy(adminUnit.code)
    .limit(12);
  const r = random(20_260_611);
  for (let i = 0; i < 300; i += 1) {
    const commune = r.pick(communes);
    const kind = r.pick(['KCN', 'KCNC', 'CCN'] as const);
    const land = area(r, 400);
    const z: Generated = {
      code: `GEN-${String(i).padStart(3, '0')}`,
      family: kind === 'CCN' ? 'CCN' : 'KCN',
      commune: commune.code,
      industrialLandHa: land,
      leasedHa: area(r, (land ?? 50) * 0.9),
      approvedHa: area(r, (land ?? 50) * 0.3),
      events: history(r),
    };
    const [row] = await db
      .insert(zone)
      .values({
        code: z.code,
        name: `Generated ${i}`,
        kind,
        communeId: commune.id,
        industrialLandHa: z.industrialLandHa?.toFixed(4) ?? null,
        leasedHa: z.leasedHa?.toFixed(4) ?? null,
        approvedHa: z.approvedHa?.toFixed(4) ?? null,
        searchText: z.code.toLowerCase(),
      })
      .returning({ id: zone.id });
    // Inserted in `seq` order, so the identity column orders same-day events as the history does.
    for (const e of z.events) {
      await db.insert(zoneLifecycleEvent).values({
        zoneId: row!.id,
        state: e.state,
        eventDate: e.eventDate,
        progressPct: e.progressPct == null ? null : String(e.progressPct),
      });
    }
    generated.push(z);
  }
}, 120_000);
afterAll(() => database?.cleanup());

describe('SQL derivations equal the domain functions on 300 generated zones', () => {
  it('gives each zone the occupancy of domain/zone/occupancy.ts, null where it has no industrial land', async () => {
    const rows = await database.db
      .select({ code: zone.code, rate: sql<string | null>`(${occupancySql})::text` })
      .from(zone)
      .where(sql`${zone.code} like 'GEN-%'`);
    const byCode = new Map(rows.map((row) => [row.code, row.rate === null ? null : Number(row.rate)]));
    const nulls = generated.filter((z) => occupancy(z) === null).length;
    expect(nulls).toBeGreaterThan(20); // the data exercises the "no industrial land" case
    for (const z of generated) {
      const expected = occupancy(z);
      const actual = byCode.get(z.code);
      if (expected === null) expect(actual, z.code).toBeNull();
      else expect(actual, z.code).toBeCloseTo(expected, 9);
    }
  });

  it('gives each group (commune, family, city) the area-weighted occupancy of weightedOccupancy', async () => {
    for (const groupBy of ['commune', 'family', 'city'] as const) {
      const rows = await occupancyByGroup(database.db, { kind: 'all' }, groupBy, undefined);
      const keyOf = (z: Generated) =>
        groupBy === 'commune' ? z.commune : groupBy === 'family' ? z.family : 'city';
      for (const row of rows) {
        const members = generated.filter((z) => keyOf(z) === row.key);
        const expected = weightedOccupancy(members);
        expect(row.zones, `${groupBy} ${row.key}`).toBe(expected.zones);
        expect(row.allZones, `${groupBy} ${row.key}`).toBe(members.length);
        expect(Number(row.industrialLandHa)).toBeCloseTo(expected.industrialLandHa, 6);
        expect(Number(row.occupiedHa)).toBeCloseTo(expected.occupiedHa, 6);
      }
      expect(rows.reduce((n, row) => n + row.allZones, 0)).toBe(generated.length);
    }
  });

  it('gives each zone the lifecycle state deriveLifecycle derives from its history', async () => {
    const rows = await database.db
      .select({ code: zone.code, state: lifecycleStateSql })
      .from(zone)
      .where(sql`${zone.code} like 'GEN-%'`);
    const byCode = new Map(rows.map((row) => [row.code, row.state]));
    const states = new Set<LifecycleState | null>();
    for (const z of generated) {
      const expected = deriveLifecycle(z.events).state;
      states.add(expected);
      expect(byCode.get(z.code) ?? null, `${z.code}: ${JSON.stringify(z.events)}`).toBe(expected);
    }
    // The generated histories reach the states where the two could part: suspended, resumed, ended.
    expect(states).toContain('suspended');
    expect(states).toContain('revoked');
    expect(generated.some((z) => z.events.some((e) => e.state === 'resumed'))).toBe(true);
  });
});
