import {
  bigserial,
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
import { adminUnit } from './admin-unit';
import { appUser } from './identity';
import { organisation } from './organisation';
import { plan } from './plan';
import { zone } from './zone';

/**
 * A reporter's filing of one form for one period (Biểu 01 of a tenant project, Biểu 02 of a cluster, the
 * parks' tenant report, …). Who owes a filing is derived from the registry; this row exists once the reporter
 * has started one. `status` is the head of its revisions (kept in the same transaction as they change) and the
 * guard that makes review race-free: an acceptance is `UPDATE … WHERE status = 'submitted'`.
 */
export const reportFiling = pgTable(
  'report_filing',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** B01 | B02 | KCN_TENANT … (domain/reporting catalogue) */
    formCode: text('form_code').notNull(),
    /** 2025-H1 | 2025 | 2025-Q3 | 2025-M07 */
    period: text('period').notNull(),
    /** project | zone | commune | department */
    reporterKind: text('reporter_kind').notNull(),
    /** The reporting record's id (project, zone or admin unit) or the department's code. */
    reporterRef: text('reporter_ref').notNull(),
    /** Scope columns, copied from the registry when the filing is created, so scoped lists are one index probe. */
    zoneId: uuid('zone_id').references(() => zone.id),
    communeId: uuid('commune_id').references(() => adminUnit.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    /** KCN | CCN */
    family: text('family').notNull(),
    /** draft | submitted | returned | accepted (head of the revisions) */
    status: text('status').notNull(),
    currentRevision: integer('current_revision').notNull(),
    /** The revision the figures come from; it stays until a later revision is accepted. */
    acceptedRevision: integer('accepted_revision'),
    /** The legal deadline, as an instant (end of the due day in Asia/Ho_Chi_Minh). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_filing_key').on(t.formCode, t.period, t.reporterKind, t.reporterRef),
    index('report_filing_period_idx').on(t.formCode, t.period, t.status),
    index('report_filing_commune_idx').on(t.communeId, t.formCode, t.period),
    index('report_filing_zone_idx').on(t.zoneId, t.formCode, t.period),
    index('report_filing_org_idx').on(t.organisationId),
  ],
);

/**
 * Every revision of a filing, kept for ever and viewable side by side. A draft is editable; once submitted its
 * values are frozen (a trigger refuses changes), it is returned with a reason or accepted, and a correction is a
 * new revision.
 */
export const reportRevision = pgTable(
  'report_revision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => reportFiling.id),
    revisionNo: integer('revision_no').notNull(),
    /** The form version the values were entered against (effective-dated catalogue). */
    formVersion: text('form_version').notNull(),
    /** item code → number | null */
    values: jsonb('values').notNull(),
    /** item code → the reporter's explanation of an outlier */
    explanations: jsonb('explanations')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** draft | submitted | returned | accepted */
    state: text('state').notNull(),
    /** web | excel | bulk */
    channel: text('channel').notNull().default('web'),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    returnReason: text('return_reason'),
  },
  (t) => [uniqueIndex('report_revision_key').on(t.filingId, t.revisionNo)],
);

/**
 * A compiled report — Biểu 03 of a commune, Biểu 04 of the city, the parks' periodic report. Its figures are
 * computed live from the registry and accepted filings; the officer's notes are kept on the draft row, and
 * signing freezes a snapshot of every figure and its sources (a trigger refuses changes to a signed row). A
 * correction after signing is a new version.
 */
export const reportCompilation = pgTable(
  'report_compilation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formCode: text('form_code').notNull(),
    period: text('period').notNull(),
    /** commune | city */
    scopeKind: text('scope_kind').notNull(),
    /** admin unit id of the commune, or the province code for the city */
    scopeRef: text('scope_ref').notNull(),
    versionNo: integer('version_no').notNull(),
    /** draft | signed */
    state: text('state').notNull(),
    /** item code → officer's note */
    annotations: jsonb('annotations')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Frozen at signing: { items: [{code, value, sources}], computedAt, formVersion } */
    snapshot: jsonb('snapshot'),
    /** Số/ký hiệu of the signed document. */
    docNo: text('doc_no'),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    signedBy: uuid('signed_by').references(() => appUser.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_compilation_key').on(t.formCode, t.period, t.scopeKind, t.scopeRef, t.versionNo),
    uniqueIndex('report_compilation_one_draft')
      .on(t.formCode, t.period, t.scopeKind, t.scopeRef)
      .where(sql`state = 'draft'`),
  ],
);

/** Yearly plan figures (capital to attract, revenue, budget, …) per city, family or zone. */
export const planTarget = pgTable(
  'plan_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    /** KCN | CCN */
    family: text('family').notNull(),
    /** city | zone */
    scopeKind: text('scope_kind').notNull(),
    scopeRef: text('scope_ref').notNull(),
    /** indicator code of the catalogue */
    indicator: text('indicator').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    unit: text('unit').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The plan document that set it (kế hoạch); null for a figure set on its own (migration 0013). */
    planId: uuid('plan_id').references(() => plan.id),
    /** figure | count (named zones) | rule (over the registry) | task — domain/plan/plan.schema.ts */
    kind: text('kind').notNull().default('figure'),
    title: text('title'),
    /** The upper end of a range ("5–10"); `value` is its lower end. */
    maxValue: numeric('max_value', { precision: 20, scale: 4 }),
    /** The measure's parameters (lifecycle step, occupancy threshold, …). */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    ordinal: integer('ordinal').notNull().default(0),
    /** A task's evidence: the document that fulfils it and its date. */
    evidenceRef: text('evidence_ref'),
    evidenceDate: date('evidence_date'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    uniqueIndex('plan_target_key')
      .on(t.year, t.family, t.scopeKind, t.scopeRef, t.indicator)
      .where(sql`kind = 'figure' AND withdrawn_at IS NULL`),
    index('plan_target_plan_idx').on(t.planId, t.ordinal),
    index('plan_target_year_idx').on(t.year, t.family),
  ],
);

/** In-app notifications (reminders, returned reports, …). `dedupeKey` makes sending idempotent. */
export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id),
    kind: text('kind').notNull(),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_dedupe_key').on(t.userId, t.dedupeKey),
    index('notification_user_idx').on(t.userId, t.id),
  ],
);

/** Every e-mail the system tried to send, so a reminder goes out once and failures are visible. */
export const outboundMail = pgTable(
  'outbound_mail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** The text of a queued e-mail (workflow notices); reminders send at once and keep none. */
    body: text('body'),
    dedupeKey: text('dedupe_key').notNull(),
    /** pending (queued) | sending | sent | failed | skipped (no SMTP configured) */
    status: text('status').notNull(),
    error: text('error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbound_mail_dedupe_key').on(t.toAddress, t.dedupeKey),
    index('outbound_mail_pending_idx')
      .on(t.id)
      .where(sql`status = 'pending'`),
  ],
);
