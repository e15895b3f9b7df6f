import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataVersion, untrackedTables } from './data-version';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * The data version (migration 0017): every table that holds a figure's input bumps it, once per committed
 * transaction, whoever writes; a rolled-back transaction does not; the application role cannot set it.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const version = async () => BigInt(await loadDataVersion(database.db));

describe('the data version', () => {
  it('tracks every table of the schema but the listed ones', async () => {
    const tables = await database.query<{ name: string; tracked: boolean }>(`
      select c.relname as name,
        exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'data_version_' || c.relname)
          and exists (select 1 from pg_trigger t where t.tgrelid = c.oid
            and t.tgname = 'data_version_truncate_' || c.relname) as tracked
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')`);
    const untracked = new Set<string>(untrackedTables);
    const wrong = tables.filter((t) => t.tracked === untracked.has(t.name)).map((t) => t.name);
    // A new table: `SELECT data_version_track('table')` in its migration, or list it in untrackedTables.
    expect(wrong).toEqual([]);
    expect(tables.filter((t) => t.tracked).length).toBeGreaterThan(30);
  });

  it('moves once per committed transaction, whatever it writes and however, and not on a rollback', async () => {
    const start = await version();
    await database.query(
      `update admin_unit set name = name where code in (select code from admin_unit limit 3)`,
    );
    expect(await version()).toBe(start + 1n);
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql`update admin_unit set name = name where code in (select code from admin_unit limit 5)`,
      );
      await tx.execute(sql`insert into exchange_rate (currency, valid_from, valid_to, vnd_per_unit, source)
        values ('EUR', '2015-01-01', '2015-12-31', 25000, 'kiểm thử')`);
      // Inside the writer's transaction nothing has moved yet: the bump is the last thing it does.
      expect(BigInt(await loadDataVersion(tx))).toBe(start + 1n);
    });
    expect(await version()).toBe(start + 2n);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from exchange_rate where currency = 'EUR'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(start + 2n);
    await database.ownerQuery(`truncate master_plan_entry`);
    expect(await version()).toBe(start + 3n);
  });

  it('is not the application role’s to set', async () => {
    await expect(database.query(`update data_version set version = 1`)).rejects.toThrow(/permission denied/);
    await expect(database.query(`alter table zone disable trigger data_version_zone`)).rejects.toThrow(
      /must be owner/,
    );
  });
});
