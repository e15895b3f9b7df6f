import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { multiPolygon4326, point4326 } from '../columns';
import { adminUnit } from './admin-unit';
import { organisation } from './organisation';

/** Configurable list of cluster types (general, craft-village, specialised, …). */
export const ccnType = pgTable('ccn_type', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/**
 * Every park and cluster, in one table: KCN, KCX, KCNC (the Management Board's family) and CCN (the
 * Department of Industry and Trade's). Areas in ha as numeric; money in VND as numeric(20,0).
 */
export const zone = pgTable(
  'zone',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** KCN | KCX | KCNC | CCN */
    kind: text('kind').notNull(),
    ccnTypeCode: text('ccn_type_code').references(() => ccnType.code),
    /** Phase 2 / expansion: the zone it extends. */
    phaseOfId: uuid('phase_of_id'),
    phaseNo: integer('phase_no'),
    communeId: uuid('commune_id').references(() => adminUnit.id),
    formerDistrictId: uuid('former_district_id').references(() => adminUnit.id),
    formerCommuneId: uuid('former_commune_id').references(() => adminUnit.id),
    boundary: multiPolygon4326('boundary'),
    /** A point while the boundary is unknown (and the boundary's centroid once it is). */
    location: point4326('location'),
    declaredAreaHa: numeric('declared_area_ha', { precision: 12, scale: 4 }),
    industrialLandHa: numeric('industrial_land_ha', { precision: 12, scale: 4 }),
    infrastructureCompleteHa: numeric('infrastructure_complete_ha', { precision: 12, scale: 4 }),
    leasedHa: numeric('leased_ha', { precision: 12, scale: 4 }),
    approvedHa: numeric('approved_ha', { precision: 12, scale: 4 }),
    priorityReservedHa: numeric('priority_reserved_ha', { precision: 12, scale: 4 }),
    developerId: uuid('developer_id').references(() => organisation.id),
    managingAuthority: text('managing_authority'),
    infraInvestmentApprovedVnd: numeric('infra_investment_approved_vnd', { precision: 20, scale: 0 }),
    infraInvestmentPaidVnd: numeric('infra_investment_paid_vnd', { precision: 20, scale: 0 }),
    /** none | building | operating | compliant (meets QCVN) */
    wwtpStatus: text('wwtp_status'),
    wwtpCapacityM3Day: numeric('wwtp_capacity_m3_day', { precision: 12, scale: 2 }),
    /** none | partial | accepted */
    fireSafetyStatus: text('fire_safety_status'),
    /** The source's own words for the status, kept beside the lifecycle we derived from it. */
    sourceStatusText: text('source_status_text'),
    notes: text('notes'),
    sources: jsonb('sources').$type<string[]>().notNull().default([]),
    isSynthetic: boolean('is_synthetic').notNull().default(false),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('zone_code_key').on(t.code),
    index('zone_kind_idx').on(t.kind),
    index('zone_commune_idx').on(t.communeId),
    index('zone_former_district_idx').on(t.formerDistrictId),
    index('zone_developer_idx').on(t.developerId),
    index('zone_boundary_gix').using('gist', t.boundary),
    index('zone_location_gix').using('gist', t.location),
  ],
);

/** Lifecycle history — a dated event per legal step, append-only; the current state is derived. */
export const zoneLifecycleEvent = pgTable(
  'zone_lifecycle_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    progressPct: numeric('progress_pct', { precision: 5, scale: 2 }),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    issuedBy: text('issued_by'),
    note: text('note'),
    seq: integer('seq').generatedAlwaysAsIdentity(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('zone_lifecycle_event_zone_idx').on(t.zoneId, t.eventDate)],
);

/** Shared-service and sublease prices with validity dates. */
export const zonePrice = pgTable(
  'zone_price',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneId: uuid('zone_id')
      .notNull()
      .references(() => zone.id, { onDelete: 'cascade' }),
    /** sublease | shared_service */
    kind: text('kind').notNull(),
    amount: numeric('amount', { precision: 20, scale: 4 }).notNull(),
    currency: text('currency').notNull(),
    unit: text('unit').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('zone_price_zone_idx').on(t.zoneId, t.kind, t.validFrom),
    check('zone_price_kind_check', sql`${t.kind} in ('sublease', 'shared_service')`),
    check('zone_price_amount_check', sql`${t.amount} >= 0`),
    check('zone_price_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Master plans (e.g. Decision 1292/QĐ-UBND 2018), versioned, with entries and amendments. */
export const masterPlan = pgTable(
  'master_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** KCN (parks: the Management Board's) | CCN (clusters: the Department's) — whose plan it is. */
    family: text('family').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    supersedesId: uuid('supersedes_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('master_plan_family_check', sql`${t.family} in ('KCN', 'CCN')`),
    check('master_plan_validity_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export const masterPlanEntry = pgTable(
  'master_plan_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => masterPlan.id, { onDelete: 'cascade' }),
    zoneId: uuid('zone_id').references(() => zone.id),
    plannedName: text('planned_name').notNull(),
    /** added | removed | area_changed */
    change: text('change').notNull(),
    areaHa: numeric('area_ha', { precision: 12, scale: 4 }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    amendmentDecisionNo: text('amendment_decision_no'),
  },
  (t) => [
    index('master_plan_entry_zone_idx').on(t.zoneId, t.effectiveDate),
    /** One change per zone, plan and day: the order of a zone's entries is never ambiguous. */
    uniqueIndex('master_plan_entry_zone_day_key').on(t.planId, t.zoneId, t.effectiveDate),
    check('master_plan_entry_change_check', sql`${t.change} in ('added', 'removed', 'area_changed')`),
    check(
      'master_plan_entry_area_check',
      sql`(${t.change} <> 'area_changed' or ${t.areaHa} is not null) and (${t.areaHa} is null or ${t.areaHa} >= 0)`,
    ),
  ],
);
