import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity';

/**
 * A Biểu 04 exchange package received from a province (docs/decisions/0020): accepted only after its checksum,
 * version and figures were verified. Append-only — the database refuses UPDATE, DELETE and TRUNCATE
 * (migration 0020). One row per sender, form, period and signed version: the same package imported again is
 * the same row.
 */
export const exchangeSubmission = pgTable(
  'exchange_submission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formatVersion: integer('format_version').notNull(),
    provinceCode: text('province_code').notNull(),
    provinceName: text('province_name').notNull(),
    formCode: text('form_code').notNull(),
    formVersion: text('form_version').notNull(),
    period: text('period').notNull(),
    signedVersionNo: integer('signed_version_no').notNull(),
    docNo: text('doc_no'),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the package's canonical form, as sent and verified. */
    checksum: text('checksum').notNull(),
    /** SHA-256 of the items and registry only: what makes two packages "the same submission". */
    contentHash: text('content_hash').notNull(),
    /** The 35 lines as signed (and recomputed equal). */
    items: jsonb('items').notNull(),
    /** The registry rows and accepted filings the items were computed from: { zones, projects, filings }. */
    registry: jsonb('registry').notNull(),
    importedBy: uuid('imported_by').references(() => appUser.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exchange_submission_key').on(t.provinceCode, t.formCode, t.period, t.signedVersionNo),
    index('exchange_submission_imported_idx').on(t.importedAt),
  ],
);
