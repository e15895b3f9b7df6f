import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema/audit';
import type { AuditQuery } from '../../domain/audit/audit.schema';

export type AuditInsert = {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** The row as `audit_append` (migration 0009) takes it: snake_case keys, JSON nulls for absent values. */
function appendRow(row: AuditInsert) {
  return {
    actor_id: row.actorId,
    actor_name: row.actorName,
    action: row.action,
    entity_type: row.entityType,
    entity_id: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    request_id: row.requestId,
  };
}

/**
 * Appends one row to the audit chain through the database function: the application's role may not
 * INSERT into audit_log itself, and the function gives the row its place, time and hash.
 */
export async function insertAuditRow(db: Db, row: AuditInsert): Promise<void> {
  await db.execute(sql`select audit_append(${JSON.stringify([appendRow(row)])}::jsonb)`);
}

export async function findAuditRows(db: Db, query: AuditQuery) {
  const filters: SQL[] = [];
  if (query.entityType) filters.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/**
 * Many audit rows at once (bulk imports), same columns as `insertAuditRow`: 1,000 rows per call of
 * `audit_append`, the rows travelling as one JSON parameter and chained in the order given.
 */
export async function insertAuditRows(db: Db, rows: readonly AuditInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(rows.slice(i, i + 1000).map(appendRow));
    await db.execute(sql`select audit_append(${json}::jsonb)`);
  }
}
