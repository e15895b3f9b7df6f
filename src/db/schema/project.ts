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
import { sql } from 'drizzle-orm';
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

/** A project's own columns as its list, its export and its import read them (same names in every layer). */
export const projectRecordColumns = {
  certificateNo: project.certificateNo,
  certificateDate: project.certificateDate,
  vsicCode: project.vsicCode,
  leasedHa: project.leasedHa,
  lot: project.lot,
  workers: project.workers,
  status: project.status,
};

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
    /** When the rate was recorded: a figure "as of" an earlier instant does not use it (migration 0016). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('exchange_rate_currency_idx').on(t.currency, t.validFrom)],
);

/**
 * Per event kind, the count and the sum of the events of a calendar month (`month` = its 1st day), in one
 * currency, of one owner group (fdi | domestic | unknown, from the investor's ownership).
 */
const capitalMonthColumns = {
  month: date('month', { mode: 'string' }).notNull(),
  currency: text('currency').notNull(),
  owner: text('owner').notNull(),
  newEvents: integer('new_events').notNull().default(0),
  newAmount: numeric('new_amount').notNull().default('0'),
  increaseEvents: integer('increase_events').notNull().default(0),
  increaseAmount: numeric('increase_amount').notNull().default('0'),
  decreaseEvents: integer('decrease_events').notNull().default(0),
  decreaseAmount: numeric('decrease_amount').notNull().default('0'),
  terminationEvents: integer('termination_events').notNull().default(0),
  terminationAmount: numeric('termination_amount').notNull().default('0'),
};

/** Rows whose events have all gone (deleted, moved to another zone or owner group), pruned by the triggers. */
const emptyRow = sql`new_events = 0 and increase_events = 0 and decrease_events = 0 and termination_events = 0`;

/**
 * The capital ledger rolled up per zone and month (capitalMonthColumns). Never written by the application:
 * triggers keep it equal to investment_event in the same transaction as every ledger write — insert, update,
 * delete or truncate of events; a project changing zone or investor, or deleted; an investor changing owner
 * group (migration 0007) — and `capital_rollup_rebuild()` recomputes it from the ledger. Capital totals for a
 * scope finer than a family read whole months here and only the days at a period's edges from the ledger.
 */
export const capitalRollupZone = pgTable(
  'capital_rollup_zone',
  {
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    ...capitalMonthColumns,
  },
  (t) => [
    primaryKey({
      name: 'capital_rollup_zone_pkey',
      columns: [t.month, t.currency, t.zoneId, t.owner],
    }),
    index('capital_rollup_zone_zone_idx').on(t.zoneId, t.month),
    index('capital_rollup_zone_empty_idx').on(t.zoneId).where(emptyRow),
  ],
);

/**
 * The same roll-up per family (KCN: KCN, KCX and KCNC zones; CCN): a few thousand rows at any scale, for
 * family-wide and city-wide capital totals. Kept by the same triggers, also when a zone changes family.
 */
export const capitalRollupFamily = pgTable(
  'capital_rollup_family',
  {
    family: text('family').notNull(),
    ...capitalMonthColumns,
  },
  (t) => [
    primaryKey({
      name: 'capital_rollup_family_pkey',
      columns: [t.month, t.currency, t.family, t.owner],
    }),
    index('capital_rollup_family_empty_idx').on(t.family).where(emptyRow),
  ],
);
