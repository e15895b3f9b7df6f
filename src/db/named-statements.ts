import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/**
 * Named (server-side prepared) statements for the lookups every page makes — a filing by id, a project by code,
 * their revisions and ledger. PostgreSQL spent longer planning those than running them (0.45–0.8 ms against
 * 0.1 ms, pg_stat_statements under the mixed load): a named statement is parsed once per connection and, after
 * five runs, PostgreSQL keeps a generic plan when it costs no more than the custom ones. Keep this to lookups
 * by key: a list with optional filters (`$1 is null or …`) could get a generic plan that fits none of its uses.
 *
 * The name is a hash of the statement's text, so a query whose text varies (a reader's scope, `for update`)
 * is one named statement per variant. PGlite's driver ignores the name.
 */
const names = new Map<string, string>();
const MAX_NAMES = 500;

export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `izis_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  return name;
}

/** A Drizzle query builder's statement, prepared under the name of its text (params as built). */
export function named<P>(query: { toSQL(): { sql: string }; prepare(name: string): P }): P {
  return query.prepare(statementName(query.toSQL().sql));
}

const dialect = new PgDialect();

/** `db.execute(query)` as a named statement: the same result (`{ rows }`, read with `rowsOf`). */
export function executeNamed(db: Db, query: SQL): Promise<unknown> {
  const built = dialect.sqlToQuery(query);
  return db._.session.prepareQuery(built, undefined, statementName(built.sql), false).execute();
}
