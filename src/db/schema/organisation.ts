import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Enterprises, household businesses, infrastructure developers and agencies. */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code, independent of the name (imports are idempotent on it). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    /** Mã số thuế: 10 digits, or 10-3 for a branch; validated in domain/organisation/tax-code.ts. */
    taxCode: text('tax_code'),
    /** ISO 3166-1 alpha-2 country of the investor. */
    country: text('country').notNull().default('VN'),
    /** fdi | domestic_state | domestic_private | household | agency; null while no source says. */
    ownership: text('ownership'),
    /** developer | tenant | agency (one organisation may be several). */
    roles: text('roles').array().notNull(),
    address: text('address'),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisation_code_key').on(t.code),
    uniqueIndex('organisation_tax_code_key')
      .on(t.taxCode)
      .where(sql`${t.taxCode} is not null`),
    index('organisation_ownership_idx').on(t.ownership),
  ],
);
