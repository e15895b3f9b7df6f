import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { incident } from '../../db/schema/incident';
import { project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { ZoneVisibility } from '../zone/zone.policy';
import { zoneVisibilityFilter } from '../zone/zone.repository';

const columns = {
  row: incident,
  zoneCode: zone.code,
  projectCode: sql<string | null>`(select p.code from ${project} p where p.id = ${incident.projectId})`,
};

export type IncidentRow = { row: typeof incident.$inferSelect; zoneCode: string; projectCode: string | null };

export function findIncidents(db: Db, visibility: ZoneVisibility, zoneId: string): Promise<IncidentRow[]> {
  return db
    .select(columns)
    .from(incident)
    .innerJoin(zone, eq(zone.id, incident.zoneId))
    .where(and(eq(incident.zoneId, zoneId), zoneVisibilityFilter(visibility)))
    .orderBy(desc(incident.occurredOn), desc(incident.createdAt));
}

export async function findIncident(
  db: Db,
  visibility: ZoneVisibility,
  id: string,
): Promise<IncidentRow | undefined> {
  const rows = await db
    .select(columns)
    .from(incident)
    .innerJoin(zone, eq(zone.id, incident.zoneId))
    .where(and(eq(incident.id, id), zoneVisibilityFilter(visibility)))
    .limit(1);
  return rows[0];
}

export async function insertIncident(db: Db, values: typeof incident.$inferInsert): Promise<string> {
  const [row] = await db.insert(incident).values(values).returning({ id: incident.id });
  return row!.id;
}

export async function updateIncident(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof incident.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(incident)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(incident.id, id), eq(incident.version, expectedVersion)))
    .returning({ id: incident.id });
  return rows.length === 1;
}
