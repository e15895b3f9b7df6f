import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { project } from './project';
import { document } from './document';
import { zone } from './zone';

/** Configurable list of obstacle categories (giải phóng mặt bằng, thủ tục, quy hoạch, vốn, …). */
export const obstacleCategory = pgTable('obstacle_category', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * An obstacle — vướng mắc — on a zone or one of its tenant projects. The raiser is the role assignment it
 * was raised under (the office, not only the person), so the close policy can tell "the raiser" apart.
 */
export const obstacle = pgTable(
  'obstacle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    projectId: uuid('project_id').references(() => project.id),
    categoryCode: text('category_code')
      .notNull()
      .references(() => obstacleCategory.code),
    title: text('title').notNull(),
    description: text('description'),
    agency: text('agency').notNull(),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    raisedBy: uuid('raised_by'),
    raisedByName: text('raised_by_name').notNull(),
    raiserRole: text('raiser_role').notNull(),
    raiserScopeKind: text('raiser_scope_kind').notNull(),
    raiserScopeRef: text('raiser_scope_ref'),
    raiserAgreedAt: timestamp('raiser_agreed_at', { withTimezone: true }),
    closedOn: date('closed_on', { mode: 'string' }),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('obstacle_zone_idx').on(t.zoneId),
    index('obstacle_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} in ('open', 'in_progress', 'escalated')`),
    check(
      'obstacle_status_check',
      sql`${t.status} in ('open', 'in_progress', 'escalated', 'resolved', 'dropped')`,
    ),
    check('obstacle_deadline_check', sql`${t.deadline} is null or ${t.deadline} >= ${t.raisedOn}`),
    check(
      'obstacle_closed_check',
      sql`(${t.status} in ('resolved', 'dropped')) = (${t.closedOn} is not null)`,
    ),
  ],
);

/** Every change of an obstacle, append-only (a trigger refuses UPDATE and DELETE). */
export const obstacleEvent = pgTable(
  'obstacle_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    obstacleId: uuid('obstacle_id')
      .notNull()
      .references(() => obstacle.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    text: text('text'),
    changes: jsonb('changes'),
  },
  (t) => [index('obstacle_event_obstacle_idx').on(t.obstacleId, t.id)],
);

/** Documents of the zone or its projects that support an obstacle (links; the files stay where they are). */
export const obstacleDocument = pgTable(
  'obstacle_document',
  {
    obstacleId: uuid('obstacle_id')
      .notNull()
      .references(() => obstacle.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => document.id),
  },
  (t) => [primaryKey({ columns: [t.obstacleId, t.documentId] })],
);

/**
 * A watch-list entry an officer added by hand, with a reason. Removing it needs a reason too and keeps the
 * row (removed_on), so every entry's history stays.
 */
export const watchManual = pgTable(
  'watch_manual',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id),
    projectId: uuid('project_id').references(() => project.id),
    reason: text('reason').notNull(),
    agency: text('agency'),
    proposedAction: text('proposed_action').notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    addedBy: uuid('added_by'),
    addedByName: text('added_by_name').notNull(),
    removedOn: date('removed_on', { mode: 'string' }),
    removedBy: uuid('removed_by'),
    removedByName: text('removed_by_name'),
    removalReason: text('removal_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('watch_manual_zone_idx').on(t.zoneId),
    check(
      'watch_manual_action_check',
      sql`${t.proposedAction} in ('remind', 'escalate', 'inspect', 'propose_revocation')`,
    ),
    check('watch_manual_removal_check', sql`(${t.removedOn} is null) = (${t.removalReason} is null)`),
  ],
);

/**
 * Tolerances of the watch-list rules, as data (`<rule>.<setting>` → value): grace days after a deadline, the
 * Decree 32 occupancy gate, … Read on every watch-list request, so a change applies at once.
 */
export const monitoringTolerance = pgTable('monitoring_tolerance', {
  key: text('key').primaryKey(),
  value: numeric('value', { precision: 12, scale: 4 }).notNull(),
  noteVi: text('note_vi').notNull(),
  noteEn: text('note_en').notNull(),
});
