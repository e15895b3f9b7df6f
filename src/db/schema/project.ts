import {
  boolean,
  primaryKey,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation } from './organisation';
import { zone } from './zone';

/** Tenant projects — dự án thứ phát — in a park or cluster. */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    investorId: uuid('investor_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    certificateNo: text('certificate_no'),
    certificateDate: date('certificate_date', { mode: 'string' }),
    /** VSIC 2018 code of the main activity. */
    vsicCode: text('vsic_code'),
    leasedHa: numeric('leased_ha', { precision: 12, scale: 4 }),
    lot: text('lot'),
    workers: integer('workers'),
    /** licensed | building | operating | stopped | proposed_revocation | terminated */
    status: text('status').notNull(),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('project_code_key').on(t.code),
    index('project_zone_idx').on(t.zoneId),
    index('project_investor_idx').on(t.investorId),
  ],
);

/**
 * The capital ledger of a project: new registration, increase ("expansion project"), decrease,
 * termination — each dated, in its own currency. Registered capital is the running sum.
 */
export const investmentEvent = pgTable(
  'investment_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    /** new | increase | decrease | termination */
    kind: text('kind').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    /** Signed by kind at query time: decreases and terminations subtract. Always ≥ 0 here. */
    amount: numeric('amount', { precision: 20, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('investment_event_date_idx').on(t.eventDate, t.kind),
    index('investment_event_project_idx').on(t.projectId, t.eventDate),
  ],
);

/** Exchange rates per period: VND per unit of the currency (USD's rate converts VND to USD). */
export const exchangeRate = pgTable(
  'exchange_rate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    currency: text('currency').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    vndPerUnit: numeric('vnd_per_unit', { precision: 14, scale: 4 }).notNull(),
    source: text('source'),
  },
  (t) => [index('exchange_rate_currency_idx').on(t.currency, t.validFrom)],
);

/**
 * The capital ledger rolled up per family (KCN | CCN), currency and day, with running totals, so that the
 * registered capital at any date — and its conversion at the rates of each period — is a handful of index
 * probes instead of a pass over every event. Maintained only by the database (statement triggers on
 * investment_event and project, migration 0005), in the same transaction as the ledger write; never written by
 * the application. `capital_rollup_rebuild()` recomputes it from the ledger.
 */
export const capitalRollup = pgTable(
  'capital_rollup',
  {
    family: text('family').notNull(),
    currency: text('currency').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    /** Events of the day and their signed sum (new/increase add, decrease/termination subtract). */
    events: integer('events').notNull(),
    signedAmount: numeric('signed_amount', { precision: 24, scale: 2 }).notNull(),
    /** Running totals up to and including the day, per family and currency. */
    cumulativeEvents: integer('cumulative_events').notNull(),
    cumulativeAmount: numeric('cumulative_amount', { precision: 24, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.family, t.currency, t.eventDate] })],
);
