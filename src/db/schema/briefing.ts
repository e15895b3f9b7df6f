import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './identity';

/**
 * Sentence templates of the quarterly briefing, by section key; a missing row means the shipped default
 * (domain/briefing/sections.ts). Changed with `version`, every change audited.
 */
export const briefingTemplate = pgTable('briefing_template', {
  key: text('key').primaryKey(),
  template: text('template').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A quarterly briefing — báo cáo giao ban — of a date range and scope. A draft is computed live; issuing stores
 * every figure and sentence with its "as of" instant in `snapshot`, after which a trigger refuses any change
 * (migration 0016).
 */
export const briefing = pgTable(
  'briefing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    number: text('number'),
    signerName: text('signer_name'),
    /** city | KCN | CCN */
    scope: text('scope').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** section key → the briefing's own sentence template */
    sections: jsonb('sections').$type<Record<string, string>>().notNull(),
    tasks: text('tasks').notNull().default(''),
    /** draft | issued */
    state: text('state').notNull().default('draft'),
    asOf: timestamp('as_of', { withTimezone: true }),
    snapshot: jsonb('snapshot'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    issuedBy: uuid('issued_by').references(() => appUser.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
  },
  (t) => [index('briefing_period_idx').on(t.periodTo, t.id)],
);
