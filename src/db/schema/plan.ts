import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { zone } from './zone';

/**
 * A yearly plan document (kế hoạch, e.g. 305/KH-UBND of 2026): it owns the year's targets (`plan_target.plan_id`).
 * Withdrawn with a reason, never deleted (trigger, migration 0013).
 */
export const plan = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** KCN | CCN */
    family: text('family').notNull(),
    year: integer('year').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuer: text('issuer').notNull(),
    title: text('title').notNull(),
    documentRef: text('document_ref'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_number_key').on(t.family, t.year, t.number),
    index('plan_year_idx').on(t.year, t.family),
  ],
);

/** The zones a count target names, in the plan's order, with the agency the plan makes responsible. */
export const planTargetZone = pgTable(
  'plan_target_zone',
  {
    targetId: uuid('target_id').notNull(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    ordinal: integer('ordinal').notNull(),
    responsible: text('responsible'),
  },
  (t) => [
    primaryKey({ name: 'plan_target_zone_pk', columns: [t.targetId, t.zoneId] }),
    index('plan_target_zone_zone_idx').on(t.zoneId),
  ],
);
