import { chainBreak, genesisHash } from '../../domain/audit/audit-chain';
import type {
  AuditBreakReason,
  AuditChainHead,
  AuditVerification,
  AuditVerifyQuery,
} from '../../domain/audit/audit.schema';
import { AppError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { canBrowseAudit } from './audit.policy';
import { findChainHead, findChainRowHash, findChainRows } from './audit-chain.repository';

const batch = 5000;

/** The chain's head (last seq and hash), to be exported and kept outside the database. */
export async function auditChainHead(deps: ServiceDeps): Promise<AuditChainHead> {
  if (!canBrowseAudit(requireActor(deps))) throw new AppError('forbidden');
  return findChainHead(deps.db);
}

/**
 * Walks the whole audit chain in order and names the first row where it breaks (docs/decisions/0004).
 * The head is read first: rows appended while the walk runs are left for the next check. With an
 * `anchor` (a head exported earlier), the chain must still hold that row with that hash — which catches
 * a rewritten or truncated chain whose hashes were all recomputed.
 */
export async function verifyAuditChain(
  deps: ServiceDeps,
  anchor: AuditVerifyQuery = {},
): Promise<AuditVerification> {
  if (!canBrowseAudit(requireActor(deps))) throw new AppError('forbidden');
  const head = await findChainHead(deps.db);
  let previous: AuditChainHead = { seq: 0, hash: genesisHash };
  let checked = 0;
  const broken = (seq: number, id: string | null, reason: AuditBreakReason): AuditVerification => ({
    ok: false,
    checked,
    head,
    firstBreak: { id, seq, reason },
  });
  for (;;) {
    const rows = await findChainRows(deps.db, previous.seq, head.seq, batch);
    for (const row of rows) {
      const reason = chainBreak(previous, row);
      if (reason) {
        // A missing stretch is named by the first missing number.
        return reason === 'sequence'
          ? broken(previous.seq + 1, null, reason)
          : broken(row.seq, row.id, reason);
      }
      checked += 1;
      previous = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < batch) break;
  }
  if (previous.seq !== head.seq || previous.hash !== head.hash) {
    // Rows missing at the end, or a head that names another hash.
    return broken(Math.min(previous.seq + 1, head.seq), null, 'head');
  }
  if (anchor.seq !== undefined && anchor.hash !== undefined && anchor.seq > 0) {
    const stored = anchor.seq <= head.seq ? await findChainRowHash(deps.db, anchor.seq) : null;
    if (stored !== anchor.hash) return broken(anchor.seq, null, 'anchor');
  }
  return { ok: true, checked, head, firstBreak: null };
}
