import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { zone } from './zone';

/**
 * An investor inquiry — yêu cầu của nhà đầu tư — on a published zone (migration 0019). The personal fields
 * (contact name, organisation, e-mail, phone, message) are erased N months after closing (Decree 13/2023);
 * what stays — zone, purpose, sector, land, timeframe, country, dates — is the anonymous statistic.
 */
export const inquiry = pgTable(
  'inquiry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What the investor quotes: `YC-` and 8 unambiguous characters, random (not guessable in sequence). */
    reference: text('reference').notNull().unique(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    status: text('status').notNull(),
    heldReason: text('held_reason'),
    purpose: text('purpose').notNull(),
    sector: text('sector'),
    landHa: numeric('land_ha', { precision: 12, scale: 2 }),
    timeframe: text('timeframe').notNull(),
    message: text('message'),
    contactName: text('contact_name'),
    organisation: text('organisation'),
    email: text('email'),
    phone: text('phone'),
    country: text('country').notNull(),
    language: text('language').notNull(),
    consentVersion: text('consent_version').notNull(),
    consentText: text('consent_text').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('inquiry_zone_idx').on(t.zoneId, t.createdAt),
    index('inquiry_status_idx').on(t.status, t.createdAt),
    index('inquiry_erase_due_idx')
      .on(t.closedAt)
      .where(sql`${t.status} = 'closed' and ${t.erasedAt} is null`),
    check('inquiry_status_check', sql`${t.status} in ('held', 'new', 'answered', 'closed')`),
    check('inquiry_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** The history of an inquiry: sent, held, released, each reply (its text), closed, erased. */
export const inquiryEvent = pgTable(
  'inquiry_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiry.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    text: text('text'),
  },
  (t) => [index('inquiry_event_inquiry_idx').on(t.inquiryId, t.id)],
);

/** Proof-of-work challenges already used, kept until they expire so none is used twice. */
export const inquiryChallengeUsed = pgTable(
  'inquiry_challenge_used',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inquiry_challenge_used_expires_idx').on(t.expiresAt)],
);
