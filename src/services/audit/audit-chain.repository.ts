import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditChainHead } from '../../domain/audit/audit.schema';
import { rowsOf } from '../../db/rows';

/** Both drivers answer `execute` with `{ rows }`. */

export type ChainRow = { id: string; seq: number; prevHash: string; hash: string; expected: string };

export async function findChainHead(db: Db): Promise<AuditChainHead> {
  const [row] = rowsOf<{ seq: string; hash: string }>(
    await db.execute(sql`select seq::text as seq, hash from audit_chain_head where id`),
  );
  return { seq: Number(row?.seq ?? 0), hash: row?.hash ?? '0'.repeat(64) };
}

/**
 * Up to `limit` chain rows after `afterSeq`, in order, each with the hash its content should have —
 * computed by the same `audit_row_hash` that `audit_append` used to write it.
 */
export async function findChainRows(
  db: Db,
  afterSeq: number,
  untilSeq: number,
  limit: number,
): Promise<ChainRow[]> {
  const result = await db.execute(sql`
    select id::text as id, seq::text as seq, prev_hash, hash,
           audit_row_hash(seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
                          request_id, prev_hash) as expected
    from audit_log
    where seq > ${afterSeq} and seq <= ${untilSeq}
    order by audit_log.seq
    limit ${limit}`);
  type Raw = { id: string; seq: string; prev_hash: string; hash: string; expected: string };
  return rowsOf<Raw>(result).map((r) => ({
    id: r.id,
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    hash: r.hash,
    expected: r.expected,
  }));
}

export async function findChainRowHash(db: Db, seq: number): Promise<string | null> {
  const [row] = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from audit_log where seq = ${seq}`),
  );
  return row?.hash ?? null;
}
