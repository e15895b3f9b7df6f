import type { AuditBreakReason, AuditChainHead } from './audit.schema';

/** The `prev_hash` of the chain's first row. */
export const genesisHash = '0'.repeat(64);

export type ChainLink = {
  seq: number;
  prevHash: string;
  hash: string;
  /** The hash recomputed from the row's stored content. */
  expected: string;
};

/**
 * Whether `row` follows `previous` in an intact chain: the next number, naming the previous row's hash,
 * and carrying the hash of its own content. Returns why not, or null.
 */
export function chainBreak(previous: AuditChainHead, row: ChainLink): AuditBreakReason | null {
  if (row.seq !== previous.seq + 1) return 'sequence';
  if (row.prevHash !== previous.hash) return 'link';
  if (row.hash !== row.expected) return 'content';
  return null;
}
