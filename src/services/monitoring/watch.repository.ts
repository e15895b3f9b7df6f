import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { watchManual } from '../../db/schema/monitoring';
import { organisation } from '../../db/schema/organisation';
import { project } from '../../db/schema/project';
import { zone, zoneLifecycleEvent } from '../../db/schema/zone';
import type { ZoneVisibility } from '../zone/zone.policy';
import { lifecycleStateSql, zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';

/** SQL of the watch list's own rules and its manual entries; every read applies the reader's visibility. */

/** The visible zones with the facts the zone rules need (occupancy, wastewater plant, operating since). */
export async function findWatchZones(db: Db, visibility: ZoneVisibility) {
  const rows = await db
    .select({
      id: zone.id,
      code: zone.code,
      name: zone.name,
      family: zoneFamilySql,
      industrialLandHa: zone.industrialLandHa,
      leasedHa: zone.leasedHa,
      approvedHa: zone.approvedHa,
      wwtpStatus: zone.wwtpStatus,
      state: lifecycleStateSql,
      operatingSince: sql<string | null>`(select max(e.event_date)::text from ${zoneLifecycleEvent} e
        where e.zone_id = ${zone.id} and e.state in ('operating', 'operating_without_establishment'))`,
      developerName: organisation.name,
      communeName: sql<
        string | null
      >`(select u.kind || ' ' || u.name from ${adminUnit} u where u.id = ${zone.communeId})`,
    })
    .from(zone)
    .leftJoin(organisation, eq(organisation.id, zone.developerId))
    .where(zoneVisibilityFilter(visibility))
    .orderBy(asc(zone.code));
  return rows;
}

export type WatchZoneRow = Awaited<ReturnType<typeof findWatchZones>>[number];

const manualColumns = {
  id: watchManual.id,
  zoneId: watchManual.zoneId,
  zoneCode: zone.code,
  projectCode: project.code,
  reason: watchManual.reason,
  agency: watchManual.agency,
  proposedAction: watchManual.proposedAction,
  since: watchManual.since,
  addedByName: watchManual.addedByName,
  removedOn: watchManual.removedOn,
  removedByName: watchManual.removedByName,
  removalReason: watchManual.removalReason,
};

/** Manual entries of the visible zones; only the current ones unless `all`. */
export async function findManualEntries(
  db: Db,
  visibility: ZoneVisibility,
  options: { all?: boolean; zoneCode?: string; id?: string } = {},
) {
  return db
    .select(manualColumns)
    .from(watchManual)
    .innerJoin(zone, eq(zone.id, watchManual.zoneId))
    .leftJoin(project, eq(project.id, watchManual.projectId))
    .where(
      and(
        zoneVisibilityFilter(visibility),
        options.all ? undefined : isNull(watchManual.removedOn),
        options.zoneCode ? eq(zone.code, options.zoneCode) : undefined,
        options.id ? eq(watchManual.id, options.id) : undefined,
      ),
    )
    .orderBy(asc(watchManual.since), asc(watchManual.createdAt));
}

export type ManualEntryRow = Awaited<ReturnType<typeof findManualEntries>>[number];

export async function insertManualEntry(db: Db, values: typeof watchManual.$inferInsert): Promise<string> {
  const rows = await db.insert(watchManual).values(values).returning({ id: watchManual.id });
  return rows[0]!.id;
}

/** Ends a manual entry (the row stays); false when it was already removed. */
export async function removeManualEntry(
  db: Db,
  id: string,
  values: { removedOn: string; removedBy: string | null; removedByName: string; removalReason: string },
): Promise<boolean> {
  const rows = await db
    .update(watchManual)
    .set(values)
    .where(and(eq(watchManual.id, id), isNull(watchManual.removedOn)))
    .returning({ id: watchManual.id });
  return rows.length > 0;
}

/** Project names by code (to name the subject of project entries). */
export async function findProjectNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: project.code, name: project.name })
    .from(project)
    .where(
      sql`${project.code} in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.code, r.name]));
}
