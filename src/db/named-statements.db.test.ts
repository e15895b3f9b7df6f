import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from './rows';
import { adminUnit } from './schema/admin-unit';
import { executeNamed, named, statementName } from './named-statements';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * Named statements answer what the plain query answers, and on PostgreSQL they are prepared on the connection
 * under the name of their text (PGlite's driver ignores the name).
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.cleanup());

const prepared = async (db: TestDatabase['db']) =>
  rowsOf<{ name: string }>(await db.execute(sql`select name from pg_prepared_statements`)).map((r) => r.name);

describe('named statements', () => {
  it('answer as the plain query does, prepared under the name of their text', async () => {
    const [unit] = await database.query<{ code: string }>(
      `select code from admin_unit order by code limit 1`,
    );
    await database.db.transaction(async (tx) => {
      // One transaction: one connection, where the statements were prepared.
      const raw = sql`select code, name from admin_unit where code = ${unit!.code}`;
      const plain = rowsOf(await tx.execute(raw));
      for (let i = 0; i < 3; i += 1) expect(rowsOf(await executeNamed(tx, raw))).toEqual(plain);

      const query = tx.select({ code: adminUnit.code }).from(adminUnit).where(eq(adminUnit.code, unit!.code));
      const built = await query;
      expect(await named(query).execute()).toEqual(built);

      const names = await prepared(tx);
      if (database.kind === 'postgres') {
        expect(names).toContain(statementName(query.toSQL().sql));
        expect(names).toContain(statementName('select code, name from admin_unit where code = $1'));
      }
    });
  });

  it('name a text by its content: the same text one name, another text another', () => {
    expect(statementName('select 1')).toBe(statementName('select 1'));
    expect(statementName('select 1')).not.toBe(statementName('select 2'));
    expect(statementName('select 1')).toMatch(/^izis_[0-9a-f]{24}$/);
  });
});
