import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The audit trail — nhật ký thay đổi. Append-only: a trigger (migration 0002) refuses UPDATE, DELETE and
 * TRUNCATE, so not even a bug in the application can rewrite history. A hash chain (migration 0009): row
 * `seq` carries the hash of row `seq - 1` and its own hash over both, so an edit made around the triggers
 * (by the owner) shows in `izis audit verify`. Rows are written only by the function `audit_append`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** Place in the chain: 1, 2, 3, … without gaps. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** `hash` of the row at `seq - 1` (64 zeros for the first). */
    prevHash: text('prev_hash').notNull(),
    /** sha256 (hex) of `audit_row_content(…)`: this row's fields and `prev_hash`. */
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
  ],
);

/** The chain's last row (one row, updated by `audit_append` only): the lock that serialises appends. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: boolean('id').primaryKey().default(true),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
