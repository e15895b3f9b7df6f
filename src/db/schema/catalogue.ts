import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { document } from './document';
import { zone } from './zone';

/**
 * Whether a zone is in the public investor catalogue — danh mục kêu gọi đầu tư — and which of its
 * publishable fields (domain/catalogue/catalogue.schema.ts `publishableFields`) are public. Unleased industrial
 * land is public by law (Decree 32 Art. 19.5) and needs no entry in `fields`. Migration 0018.
 */
export const zonePublication = pgTable(
  'zone_publication',
  {
    zoneId: uuid('zone_id')
      .primaryKey()
      .references(() => zone.id, { onDelete: 'cascade' }),
    published: boolean('published').notNull().default(false),
    fields: text('fields')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** VSIC 2018 divisions (2 digits) the zone welcomes. */
    sectors: text('sectors')
      .array()
      .notNull()
      .default(sql`'{}'`),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    contactWebsite: text('contact_website'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('zone_publication_published_idx')
      .on(t.zoneId)
      .where(sql`${t.published}`),
    check('zone_publication_published_at_check', sql`not ${t.published} or ${t.publishedAt} is not null`),
  ],
);

/** A zone's description in one language, written by an officer (never machine translated). */
export const zoneDescription = pgTable(
  'zone_description',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    /** ISO 639-1 (or -2) code: vi, en, ja, ko, zh… */
    lang: text('lang').notNull(),
    text: text('text').notNull(),
    writtenBy: uuid('written_by'),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('zone_description_zone_lang_key').on(t.zoneId, t.lang),
    check('zone_description_lang_check', sql`${t.lang} ~ '^[a-z]{2,3}$'`),
    check('zone_description_text_check', sql`length(${t.text}) between 1 and 20000`),
  ],
);

/** A zone document marked public (downloadable from the catalogue); unmarking deletes the row. */
export const documentPublication = pgTable('document_publication', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => document.id),
  publishedBy: uuid('published_by'),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});
