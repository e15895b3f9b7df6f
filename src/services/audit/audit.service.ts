import type { AuditEntry, AuditQuery } from '../../domain/audit/audit.schema';
import { AppError } from '../../domain/shared/errors';
import { canBrowseAudit } from './audit.policy';
import type { Db } from '../../db/client';
import { requireActor, type ServiceDeps } from '../deps';
import { findAuditRows, insertAuditRow, insertAuditRows } from './audit.repository';

export type AuditChange = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Records one change in the audit trail. Call it inside the same transaction as the change itself, so a
 * write and its audit row commit or fail together.
 */
export async function recordAudit(
  tx: Db,
  deps: Pick<ServiceDeps, 'actor' | 'requestId'>,
  change: AuditChange,
): Promise<void> {
  await insertAuditRow(tx, {
    actorId: deps.actor?.userId || null,
    actorName: deps.actor?.username ?? null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: deps.requestId,
  });
}

export async function listAudit(
  deps: ServiceDeps,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number }> {
  const actor = requireActor(deps);
  if (!canBrowseAudit(actor)) throw new AppError('forbidden');
  const { rows, total } = await findAuditRows(deps.db, query);
  return {
    total,
    items: rows.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
    })),
  };
}

/**
 * The audit entries of one record, newest first: its page's history tab, and — with `sinceVersion` — the
 * changes a stale editor missed (entries whose `before` was at that version or later). The caller has
 * already checked that the actor may see the record.
 */
export async function recordHistory(
  db: Db,
  entityType: string,
  entityId: string,
  sinceVersion = 0,
): Promise<AuditEntry[]> {
  const { rows } = await findAuditRows(db, { entityType, entityId, page: 1, pageSize: 500 });
  return rows
    .filter((row) => Number((row.before as { version?: number } | null)?.version ?? 0) >= sinceVersion)
    .map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorName: row.actorName,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
      requestId: row.requestId,
    }));
}

/**
 * Records many changes at once (bulk imports): one audit row per change, exactly as `recordAudit` writes
 * it, inserted in batches. Call it inside the transaction of the changes.
 */
export async function recordAudits(
  tx: Db,
  deps: Pick<ServiceDeps, 'actor' | 'requestId'>,
  changes: readonly AuditChange[],
): Promise<void> {
  await insertAuditRows(
    tx,
    changes.map((change) => ({
      actorId: deps.actor?.userId || null,
      actorName: deps.actor?.username ?? null,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      before: change.before ?? null,
      after: change.after ?? null,
      requestId: deps.requestId,
    })),
  );
}
