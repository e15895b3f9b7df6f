import {
  boolean,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { multiPolygon4326, point4326 } from '../columns';

/**
 * Administrative units, versioned: province → district (until 30/6/2025) → commune/ward. A code may be
 * reused by a later unit (e.g. 00004 was Phường Trúc Bạch and is now Phường Ba Đình), so a unit is
 * identified by its id; (level, code, valid_from) is unique.
 */
export const adminUnit = pgTable(
  'admin_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    /** Rough centre for a marker only (±1–3 km), never a legal location. */
    approxCentre: point4326('approx_centre'),
    /** Imported as GeoJSON by an officer (migration 0015); null until then — the map then approximates. */
    boundary: multiPolygon4326('boundary'),
    /** Where the boundary came from (file name and who imported it), shown under the map. */
    boundarySource: text('boundary_source'),
    searchText: text('search_text').notNull(),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('admin_unit_level_code_from_key').on(t.level, t.code, t.validFrom).nullsNotDistinct(),
    index('admin_unit_parent_idx').on(t.parentId),
    index('admin_unit_level_validity_idx').on(t.level, t.validFrom, t.validTo),
  ],
);

/** Successor links: an old unit may be split across several new ones (`partial`). */
export const adminUnitSuccession = pgTable(
  'admin_unit_succession',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => adminUnit.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => adminUnit.id, { onDelete: 'cascade' }),
    partial: boolean('partial').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    legalBasis: text('legal_basis'),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index('admin_unit_succession_successor_idx').on(t.successorId),
  ],
);
