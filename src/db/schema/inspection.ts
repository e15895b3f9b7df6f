import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { project } from './project';
import { zone } from './zone';

/** Kinds of inspection (configuration, seeded by migration 0012), each with its checklist. */
export const inspectionKind = pgTable('inspection_kind', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  standard: text('standard'),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const inspectionChecklistItem = pgTable(
  'inspection_checklist_item',
  {
    kindCode: text('kind_code')
      .notNull()
      .references(() => inspectionKind.code),
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'inspection_checklist_item_pk', columns: [t.kindCode, t.code] })],
);

/** The year's inspection plan: an inspection of a kind planned for a zone (or a tenant project) in a quarter. */
export const inspectionPlanEntry = pgTable(
  'inspection_plan_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => project.id),
    kindCode: text('kind_code')
      .notNull()
      .references(() => inspectionKind.code),
    agency: text('agency').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_plan_entry_year_idx').on(t.year, t.zoneId),
    check('inspection_plan_entry_quarter_check', sql`${t.quarter} between 1 and 4`),
    check('inspection_plan_entry_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);

/** An inspection done: who inspected what, when, under which decision, and what was concluded. */
export const inspection = pgTable(
  'inspection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => project.id),
    kindCode: text('kind_code')
      .notNull()
      .references(() => inspectionKind.code),
    planEntryId: uuid('plan_entry_id').references(() => inspectionPlanEntry.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    agency: text('agency').notNull(),
    decisionNo: text('decision_no'),
    conclusion: text('conclusion'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_zone_idx').on(t.zoneId, t.inspectedOn),
    index('inspection_date_idx').on(t.inspectedOn),
  ],
);

/** Pass or fail per checklist item. */
export const inspectionResult = pgTable(
  'inspection_result',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspection.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    passed: boolean('passed').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ name: 'inspection_result_pk', columns: [t.inspectionId, t.itemCode] })],
);

/** A finding with its remediation: what must be done by when, and the follow-up (remedied on, evidence). */
export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspection.id, { onDelete: 'cascade' }),
    itemCode: text('item_code'),
    description: text('description').notNull(),
    action: text('action'),
    deadline: date('deadline', { mode: 'string' }),
    remediedOn: date('remedied_on', { mode: 'string' }),
    evidence: text('evidence'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inspection_finding_inspection_idx').on(t.inspectionId),
    index('inspection_finding_open_idx')
      .on(t.deadline)
      .where(sql`${t.remediedOn} is null`),
    check('inspection_finding_remedy_check', sql`(${t.remediedOn} is null) = (${t.evidence} is null)`),
  ],
);

/** A penalty decided after an inspection (decision number, date, amount in VND). */
export const inspectionPenalty = pgTable(
  'inspection_penalty',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspection.id, { onDelete: 'cascade' }),
    decisionNo: text('decision_no').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    amountVnd: numeric('amount_vnd', { precision: 20, scale: 0 }).notNull(),
    offender: text('offender'),
    note: text('note'),
  },
  (t) => [
    index('inspection_penalty_inspection_idx').on(t.inspectionId),
    check('inspection_penalty_amount_check', sql`${t.amountVnd} >= 0`),
  ],
);
