import { and, asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  inspection,
  inspectionFinding,
  inspectionPenalty,
  inspectionResult,
} from '../../db/schema/inspection';
import { project } from '../../db/schema/project';
import { chunked } from './zone-import.repository';

/**
 * The SQL of inspection imports: the tenant projects a file names, the inspections already recorded for its
 * zones and dates (in recording order, for matching by occurrence), and new inspections written set-based —
 * one multi-row INSERT per table and chunk, never an UPDATE or DELETE of a recorded inspection.
 */

export async function findProjectsByCode(
  db: Db,
  codes: readonly string[],
): Promise<{ id: string; code: string; zoneId: string }[]> {
  return chunked(codes, (chunk) =>
    db
      .select({ id: project.id, code: project.code, zoneId: project.zoneId })
      .from(project)
      .where(inArray(project.code, chunk)),
  );
}

export type StoredInspection = { id: string; zoneId: string; kindCode: string; inspectedOn: string };

/** The inspections of these zones on these dates, in recording order (date of entry, then id). */
export async function findStoredInspections(
  db: Db,
  zoneIds: readonly string[],
  dates: readonly string[],
): Promise<StoredInspection[]> {
  if (!zoneIds.length || !dates.length) return [];
  const days = [...new Set(dates)];
  return chunked(zoneIds, (chunk) =>
    db
      .select({
        id: inspection.id,
        zoneId: inspection.zoneId,
        kindCode: inspection.kindCode,
        inspectedOn: inspection.inspectedOn,
      })
      .from(inspection)
      .where(and(inArray(inspection.zoneId, chunk), inArray(inspection.inspectedOn, days)))
      .orderBy(asc(inspection.zoneId), asc(inspection.createdAt), asc(inspection.id)),
  );
}

export type InspectionInsert = {
  inspection: typeof inspection.$inferInsert & { id: string };
  results: Omit<typeof inspectionResult.$inferInsert, 'inspectionId'>[];
  findings: Omit<typeof inspectionFinding.$inferInsert, 'inspectionId'>[];
  penalties: Omit<typeof inspectionPenalty.$inferInsert, 'inspectionId'>[];
};

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const ROWS = 2000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS) await insert(rows.slice(i, i + ROWS));
}

/** Records inspections with their results, findings and penalties; returns how many inspections were written. */
export async function insertInspections(db: Db, rows: readonly InspectionInsert[]): Promise<number> {
  if (!rows.length) return 0;
  let written = 0;
  await insertChunked(
    rows.map((r) => r.inspection),
    async (chunk) => {
      written += (await db.insert(inspection).values(chunk).returning({ id: inspection.id })).length;
    },
  );
  const withId = <T>(pick: (r: InspectionInsert) => T[]) =>
    rows.flatMap((r) => pick(r).map((x) => ({ ...x, inspectionId: r.inspection.id })));
  await insertChunked(
    withId((r) => r.results),
    (chunk) => db.insert(inspectionResult).values(chunk),
  );
  await insertChunked(
    withId((r) => r.findings),
    (chunk) => db.insert(inspectionFinding).values(chunk),
  );
  await insertChunked(
    withId((r) => r.penalties),
    (chunk) => db.insert(inspectionPenalty).values(chunk),
  );
  return written;
}
