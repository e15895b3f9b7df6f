import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { project } from './project';
import { zone } from './zone';

/** Incidents in a zone or a tenant project: fire, environmental breach, strike, security, accident. */
export const incident = pgTable(
  'incident',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => project.id),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    severity: text('severity').notNull(),
    peopleAffected: integer('people_affected').notNull().default(0),
    description: text('description').notNull(),
    damage: text('damage'),
    damageVnd: numeric('damage_vnd', { precision: 20, scale: 0 }),
    response: text('response'),
    followUp: text('follow_up'),
    closedOn: date('closed_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incident_zone_idx').on(t.zoneId, t.occurredOn),
    check(
      'incident_kind_check',
      sql`${t.kind} in ('fire_explosion', 'environmental_breach', 'strike', 'security', 'accident')`,
    ),
    check('incident_severity_check', sql`${t.severity} in ('minor', 'serious', 'very_serious')`),
    check('incident_people_check', sql`${t.peopleAffected} >= 0`),
    check('incident_damage_check', sql`${t.damageVnd} is null or ${t.damageVnd} >= 0`),
    check('incident_closed_check', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.occurredOn}`),
  ],
);
