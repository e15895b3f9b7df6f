import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/** A computed column: the record fields it is made of, and the SQL that makes it from them (alias `r`). */
export type ComputedColumn = { name: string; fields: readonly string[]; select: string };

/**
 * The set-based write of an import: inserts new records and updates existing ones in one statement keyed by
 * `code`, the rows travelling as one JSON parameter (`jsonb_to_recordset`; no per-value parameters, fast on
 * both drivers). An update applies only if the record is still at the version that was read
 * (`version = excluded.version - 1`), and a "new" code someone created in the meantime is not overwritten:
 * both leave the row out of RETURNING, so the count returned tells the caller. An update overwrites every
 * imported column — never what the import does not carry (a boundary, the synthetic flag, the creation time).
 *
 * `columns` maps each written column to its SQL type in the recordset; the rows' keys are those names.
 */
export function versionedUpsertByCode(
  table: PgTable,
  columns: Readonly<Record<string, string>>,
  computed: readonly ComputedColumn[] = [],
): (db: Db, rows: readonly Record<string, unknown>[]) => Promise<number> {
  const names = Object.keys(columns);
  const recordDefinition = sql.raw(
    [
      ...Object.entries(columns).map(([name, type]) => `${name} ${type}`),
      ...computed.flatMap((c) => c.fields),
    ].join(', '),
  );
  const insertColumns = sql.raw([...names, ...computed.map((c) => c.name)].join(', '));
  const selectColumns = sql.raw(
    [...names.map((name) => `r.${name}`), ...computed.map((c) => c.select)].join(', '),
  );
  const updateSet = sql.raw(
    [...names.filter((n) => n !== 'id' && n !== 'code'), ...computed.map((c) => c.name)]
      .map((name) => `${name} = excluded.${name}`)
      .concat('updated_at = now()')
      .join(', '),
  );
  return async (db, rows) => {
    if (!rows.length) return 0;
    const result = await db.execute(sql`
      insert into ${table} (${insertColumns})
      select ${selectColumns} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${recordDefinition})
      on conflict (code) do update set ${updateSet}
      where ${table}.version = excluded.version - 1
      returning id`);
    return rowsOf<unknown>(result).length;
  };
}
