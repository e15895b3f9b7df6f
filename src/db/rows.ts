/**
 * The rows of a raw `db.execute(sql…)` result, typed by the caller's row shape. Both drivers (pg and PGlite)
 * answer `{ rows }`; this is the one place that knows it.
 */
export function rowsOf<Row = Record<string, unknown>>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}
