import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Uploaded documents (decisions, plans, reports) attached to a zone, a lifecycle event or a project, stored
 * on disk by content hash (identical files once).
 */
export const document = pgTable(
  'document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    title: text('title').notNull(),
    docNo: text('doc_no'),
    docDate: date('doc_date', { mode: 'string' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    /** A withdrawn document stays, with its file: records are never silently lost. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [
    index('document_entity_idx').on(t.entityType, t.entityId),
    check('document_entity_type_check', sql`${t.entityType} in ('zone', 'lifecycle_event', 'project')`),
    check('document_withdrawal_check', sql`(${t.withdrawnAt} is null) = (${t.withdrawnBy} is null)`),
  ],
);
