import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { obstacle, obstacleCategory, obstacleEvent } from '../../db/schema/monitoring';
import { project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import { chunked } from './zone-import.repository';

/**
 * The SQL of obstacle imports: the category catalogue, the projects a file names in its zones, the stored
 * obstacles of those zones (for the natural key), and the inserts of new obstacles with their first history
 * rows — never an UPDATE: an import does not change a stored obstacle.
 */

/** Every category, in use or not (a category no longer in use is refused for new obstacles only). */
export function findAllCategories(db: Db) {
  return db
    .select({
      code: obstacleCategory.code,
      nameVi: obstacleCategory.nameVi,
      nameEn: obstacleCategory.nameEn,
      active: obstacleCategory.active,
    })
    .from(obstacleCategory)
    .orderBy(asc(obstacleCategory.sortOrder), asc(obstacleCategory.code));
}

/** Projects with these codes in these zones. */
export async function findProjectsOfZones(db: Db, zoneIds: readonly string[], codes: readonly string[]) {
  if (!zoneIds.length) return [];
  return chunked(codes, (chunk) =>
    db
      .select({ id: project.id, code: project.code, zoneId: project.zoneId })
      .from(project)
      .where(and(inArray(project.zoneId, [...zoneIds]), inArray(project.code, chunk))),
  );
}

export type StoredObstacle = { id: string; zoneCode: string; title: string; raisedOn: string };

/** The obstacles of these zones in recording order (the n-th identical one is matched by the n-th row). */
export async function findObstaclesOfZones(db: Db, zoneIds: readonly string[]): Promise<StoredObstacle[]> {
  return chunked(zoneIds, (chunk) =>
    db
      .select({ id: obstacle.id, zoneCode: zone.code, title: obstacle.title, raisedOn: obstacle.raisedOn })
      .from(obstacle)
      .innerJoin(zone, eq(zone.id, obstacle.zoneId))
      .where(inArray(obstacle.zoneId, chunk))
      .orderBy(asc(obstacle.createdAt), asc(obstacle.id)),
  );
}

/** New obstacles and their first history rows, each in one multi-row INSERT. */
export async function insertRaisedObstacles(
  db: Db,
  obstacles: (typeof obstacle.$inferInsert)[],
  events: (typeof obstacleEvent.$inferInsert)[],
): Promise<number> {
  if (!obstacles.length) return 0;
  const written = await db.insert(obstacle).values(obstacles).returning({ id: obstacle.id });
  await db.insert(obstacleEvent).values(events);
  return written.length;
}
