import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { scheduleStep } from '../../db/schema/schedule';
import { zone } from '../../db/schema/zone';
import type { ScheduleStepExportQuery } from '../../domain/import/schedule-step-import';
import { scheduleSteps } from '../../domain/schedule/schedule';
import type { StepRow } from '../schedule/schedule.repository';
import type { ZoneVisibility } from '../zone/zone.policy';
import { zoneVisibilityFilter } from '../zone/zone.repository';
import { chunked } from './zone-import.repository';

/**
 * The SQL of schedule imports and exports: the planned steps of a file's zones, and set-based writes — new
 * steps in one INSERT, revised ones in one UPDATE that only touches a step still at the version read.
 */

export async function findStepsOfZones(db: Db, zoneIds: readonly string[]): Promise<StepRow[]> {
  return chunked(zoneIds, (chunk) =>
    db.select().from(scheduleStep).where(inArray(scheduleStep.zoneId, chunk)),
  );
}

export type StepWrite = {
  id: string;
  zoneId: string;
  step: string;
  plannedDate: string;
  agency: string;
  sourceKind: string;
  sourceRef: string;
  note: string | null;
  /** For a revision: the version read (the row is updated only if it still has it). */
  version: number;
};

const rowsOf = (result: unknown) => (result as { rows: StepRow[] }).rows;

/** Inserts new steps; returns how many were inserted. */
export async function insertSteps(db: Db, rows: readonly StepWrite[]): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      zone_id: r.zoneId,
      step: r.step,
      planned_date: r.plannedDate,
      agency: r.agency,
      source_kind: r.sourceKind,
      source_ref: r.sourceRef,
      note: r.note,
    })),
  );
  const result = await db.execute(sql`
    insert into ${scheduleStep} (id, zone_id, step, planned_date, agency, source_kind, source_ref, note)
    select r.id, r.zone_id, r.step, r.planned_date, r.agency, r.source_kind, r.source_ref, r.note
    from jsonb_to_recordset(${json}::jsonb)
      as r(id uuid, zone_id uuid, step text, planned_date date, agency text, source_kind text, source_ref text, note text)
    returning id`);
  return rowsOf(result).length;
}

/** Revises steps still at the version read (version + 1); returns how many were updated. */
export async function updateSteps(db: Db, rows: readonly StepWrite[]): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      planned_date: r.plannedDate,
      agency: r.agency,
      source_kind: r.sourceKind,
      source_ref: r.sourceRef,
      note: r.note,
      version: r.version,
    })),
  );
  const result = await db.execute(sql`
    update ${scheduleStep} s set planned_date = r.planned_date, agency = r.agency, source_kind = r.source_kind,
      source_ref = r.source_ref, note = r.note, version = s.version + 1, updated_at = now()
    from jsonb_to_recordset(${json}::jsonb)
      as r(id uuid, planned_date date, agency text, source_kind text, source_ref text, note text, version integer)
    where s.id = r.id and s.version = r.version
    returning s.id`);
  return rowsOf(result).length;
}

export type StepExportRow = {
  zoneCode: string;
  step: string;
  plannedDate: string;
  agency: string;
  sourceKind: string;
  sourceRef: string;
  note: string | null;
};

const stepOrder = sql`array_position(array[${sql.join(
  scheduleSteps.map((s) => sql`${s}`),
  sql`, `,
)}]::text[], ${scheduleStep.step})`;

/** The planned steps of the zones the actor may see, filtered, by zone code and then in the steps' order. */
export async function findStepsForExport(
  db: Db,
  visibility: ZoneVisibility,
  query: ScheduleStepExportQuery,
): Promise<StepExportRow[]> {
  const filters: (SQL | undefined)[] = [zoneVisibilityFilter(visibility)];
  if (query.zone) filters.push(eq(zone.code, query.zone));
  if (query.step) filters.push(eq(scheduleStep.step, query.step));
  if (query.from) filters.push(gte(scheduleStep.plannedDate, query.from));
  if (query.to) filters.push(lte(scheduleStep.plannedDate, query.to));
  return db
    .select({
      zoneCode: zone.code,
      step: scheduleStep.step,
      plannedDate: scheduleStep.plannedDate,
      agency: scheduleStep.agency,
      sourceKind: scheduleStep.sourceKind,
      sourceRef: scheduleStep.sourceRef,
      note: scheduleStep.note,
    })
    .from(scheduleStep)
    .innerJoin(zone, eq(zone.id, scheduleStep.zoneId))
    .where(and(...filters))
    .orderBy(asc(zone.code), stepOrder);
}
