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

export async function insertAuditRow(db: Db, row: AuditInsert): Promise<void> {
  await db.insert(auditLog).values({
    ...row,
    before: row.before ?? null,
    after: row.after ?? null,
  });
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
 * Many audit rows at once (bulk imports), same columns as `insertAuditRow`: 1,000 rows per statement, the
 * rows travelling as one JSON parameter rather than eight parameters each.
 */
export async function insertAuditRows(db: Db, rows: readonly AuditInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const json = JSON.stringify(
      rows.slice(i, i + 1000).map((row) => ({
        actor_id: row.actorId,
        actor_name: row.actorName,
        action: row.action,
        entity_type: row.entityType,
        entity_id: row.entityId,
        before: row.before ?? null,
        after: row.after ?? null,
        request_id: row.requestId,
      })),
    );
    await db.execute(sql`
      insert into ${auditLog} (actor_id, actor_name, action, entity_type, entity_id, before, after, request_id)
      select actor_id, actor_name, action, entity_type, entity_id, before, after, request_id
      from rows from (jsonb_to_recordset(${json}::jsonb) as (actor_id uuid, actor_name text, action text,
        entity_type text, entity_id text, before jsonb, after jsonb, request_id text)) with ordinality as r
      order by r.ordinality`);
  }
}
