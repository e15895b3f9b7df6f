import { sql } from 'drizzle-orm';
import {
  check,
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
import { zone } from './zone';

/**
 * A zone's planned schedule: one deadline per step, set by its establishment decision, investment approval or
 * the city's plan, with the agency responsible. Actual dates are never stored here — they are the zone's
 * lifecycle events (domain/schedule/schedule.ts derives them).
 */
export const scheduleStep = pgTable(
  'schedule_step',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    agency: text('agency').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceRef: text('source_ref').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('schedule_step_zone_step_key').on(t.zoneId, t.step),
    index('schedule_step_planned_idx').on(t.plannedDate),
    check(
      'schedule_step_step_check',
      sql`${t.step} in ('detailed_plan_approved', 'land_clearance', 'construction_start', 'infrastructure_complete', 'operating')`,
    ),
    check(
      'schedule_step_source_kind_check',
      sql`${t.sourceKind} in ('establishment_decision', 'investment_approval', 'city_plan', 'other')`,
    ),
  ],
);

/** Land-clearance and construction progress (%), dated, with its source and who reported it. */
export const progressReading = pgTable(
  'progress_reading',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    readingDate: date('reading_date', { mode: 'string' }).notNull(),
    pct: numeric('pct', { precision: 5, scale: 2 }).notNull(),
    source: text('source').notNull(),
    reporterKind: text('reporter_kind').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('progress_reading_zone_idx').on(t.zoneId, t.readingDate),
    check('progress_reading_kind_check', sql`${t.kind} in ('land_clearance', 'construction')`),
    check('progress_reading_pct_check', sql`${t.pct} >= 0 and ${t.pct} <= 100`),
    check(
      'progress_reading_reporter_check',
      sql`${t.reporterKind} in ('developer', 'commune', 'department')`,
    ),
  ],
);

/** A developer's signed progress commitment (a document reference) … */
export const commitment = pgTable(
  'commitment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    documentRef: text('document_ref').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signedBy: text('signed_by').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commitment_zone_idx').on(t.zoneId)],
);

/** … and its dated targets: a step to reach by a date. Kept or missed is computed, never ticked. */
export const commitmentTarget = pgTable(
  'commitment_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitment.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    description: text('description'),
  },
  (t) => [
    index('commitment_target_commitment_idx').on(t.commitmentId),
    index('commitment_target_date_idx').on(t.targetDate),
    check(
      'commitment_target_step_check',
      sql`${t.step} in ('detailed_plan_approved', 'land_clearance', 'construction_start', 'infrastructure_complete', 'operating')`,
    ),
  ],
);
