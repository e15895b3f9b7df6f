import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestMigrationTag, migrationJournal, schemaVersion } from './migrate';
import { createTestDatabase, type TestDatabase } from './testing';
import { readdirSync } from 'node:fs';
import { migrationsFolder } from './migrate';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

describe('migrations', () => {
  it('bring the database to the newest schema version this build ships', async () => {
    expect(await schemaVersion(database)).toBe(latestMigrationTag());
  });

  it('are append-only: every SQL file is in the journal, in order, and the first one enables PostGIS', () => {
    const files = readdirSync(migrationsFolder)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const tags = migrationJournal().entries.map((e) => `${e.tag}.sql`);
    expect(files).toEqual(tags);
    expect(files[0]).toBe('0000_enable_postgis.sql');
  });

  it('never JIT-compile (it cost ~200 ms on 8 ms capital queries): off on PostgreSQL, absent in PGlite', async () => {
    const [row] = await database.query<{ jit: string; available: boolean }>(
      `select current_setting('jit') as jit, pg_jit_available() as available`,
    );
    if (database.kind === 'postgres') expect(row!.jit).toBe('off');
    else expect(row!.available).toBe(false);
  });

  it('give a working PostGIS: a 1 km × 1 km square near Hanoi measures about 100 ha', async () => {
    // 0.009° latitude ≈ 1 km; at 21° N, 0.00963° longitude ≈ 1 km.
    const rows = await database.query<{ ha: number; type: string }>(
      `select round((st_area(g::geography) / 10000)::numeric, 0)::float as ha, geometrytype(g) as type
         from (select st_multi(st_geomfromtext('POLYGON((105.8 21.0,105.80963 21.0,105.80963 21.009,105.8 21.009,105.8 21.0))', 4326)) g) s`,
    );
    expect(rows[0]!.type).toBe('MULTIPOLYGON');
    expect(rows[0]!.ha).toBeGreaterThan(98);
    expect(rows[0]!.ha).toBeLessThan(102);
  });
});

describe('the audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of its rows, even from the owner', async () => {
    await database.query(
      `select audit_append('[{"action": "test.write", "entity_type": "test", "entity_id": "1", "after": {"a": 1}}]')`,
    );
    await expect(database.ownerQuery(`update audit_log set action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.ownerQuery(`delete from audit_log`)).rejects.toThrow(/append-only/);
    await expect(database.ownerQuery(`truncate audit_log`)).rejects.toThrow(/append-only/);
    const rows = await database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'test.write'`,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
