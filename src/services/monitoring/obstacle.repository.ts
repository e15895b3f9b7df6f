import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { obstacle, obstacleCategory, obstacleDocument, obstacleEvent } from '../../db/schema/monitoring';
import { organisation } from '../../db/schema/organisation';
import { project } from '../../db/schema/project';
import { document } from '../../db/schema/document';
import { zone } from '../../db/schema/zone';
import { openStatuses } from '../../domain/monitoring/obstacle';
import type { ObstacleListQuery } from '../../domain/monitoring/obstacle.schema';
import type { ZoneVisibility } from '../zone/zone.policy';
import { zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';

/** All SQL of obstacles. Every read joins the zone and applies the reader's visibility as a filter. */

const columns = {
  id: obstacle.id,
  zoneId: obstacle.zoneId,
  zoneCode: zone.code,
  zoneName: zone.name,
  family: zoneFamilySql,
  communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
  developerCode: sql<string | null>`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
  projectCode: project.code,
  projectName: project.name,
  categoryCode: obstacle.categoryCode,
  categoryVi: obstacleCategory.nameVi,
  categoryEn: obstacleCategory.nameEn,
  title: obstacle.title,
  description: obstacle.description,
  agency: obstacle.agency,
  raisedOn: obstacle.raisedOn,
  deadline: obstacle.deadline,
  status: obstacle.status,
  resolution: obstacle.resolution,
  raisedByName: obstacle.raisedByName,
  raiserRole: obstacle.raiserRole,
  raiserScopeKind: obstacle.raiserScopeKind,
  raiserScopeRef: obstacle.raiserScopeRef,
  raiserAgreedAt: obstacle.raiserAgreedAt,
  isSynthetic: obstacle.isSynthetic,
  version: obstacle.version,
  updatedAt: obstacle.updatedAt,
};

function selectObstacles(db: Db) {
  return db
    .select(columns)
    .from(obstacle)
    .innerJoin(zone, eq(zone.id, obstacle.zoneId))
    .innerJoin(obstacleCategory, eq(obstacleCategory.code, obstacle.categoryCode))
    .leftJoin(project, eq(project.id, obstacle.projectId));
}

export type ObstacleRow = Awaited<ReturnType<typeof selectObstacles>>[number];

const openSql = inArray(obstacle.status, [...openStatuses]);

/** Not closed and past its deadline by more than `graceDays` — obstacleDaysOverdue (domain) as SQL. */
export function overdueSql(today: string, graceDays: number): SQL {
  return sql`(${openSql} and ${obstacle.deadline} < ${today}::date - ${Math.trunc(graceDays)}::int)`;
}

function base(db: Db, visibility: ZoneVisibility) {
  return { query: selectObstacles(db), scope: zoneVisibilityFilter(visibility) };
}

function filters(q: Partial<ObstacleListQuery>, today: string, graceDays: number): SQL[] {
  const where: SQL[] = [];
  if (q.zone) where.push(eq(zone.code, q.zone.toUpperCase()));
  if (q.project) where.push(eq(project.code, q.project.toUpperCase()));
  if (q.status === 'active') where.push(openSql);
  else if (q.status) where.push(eq(obstacle.status, q.status));
  if (q.category) where.push(eq(obstacle.categoryCode, q.category));
  if (q.overdue === true) where.push(overdueSql(today, graceDays));
  if (q.overdue === false) where.push(sql`not ${overdueSql(today, graceDays)}`);
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    where.push(
      sql`(lower(${obstacle.title}) like ${like} or lower(${obstacle.agency}) like ${like} or lower(${zone.name}) like ${like} or lower(${zone.code}) like ${like})`,
    );
  }
  return where;
}

/** A page of the obstacles the reader may see, overdue and soonest deadlines first. */
export async function findObstacles(
  db: Db,
  visibility: ZoneVisibility,
  q: Partial<ObstacleListQuery>,
  today: string,
  graceDays: number,
  paging: { limit: number; offset: number } | null,
): Promise<{ rows: ObstacleRow[]; total: number }> {
  const { query, scope } = base(db, visibility);
  const where = and(scope, ...filters(q, today, graceDays));
  const ordered = query
    .where(where)
    .orderBy(
      sql`case when ${openSql} then 0 else 1 end`,
      sql`${obstacle.deadline} asc nulls last`,
      desc(obstacle.raisedOn),
      asc(obstacle.id),
    );
  const rows = paging ? await ordered.limit(paging.limit).offset(paging.offset) : await ordered;
  const counted = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(obstacle)
    .innerJoin(zone, eq(zone.id, obstacle.zoneId))
    .leftJoin(project, eq(project.id, obstacle.projectId))
    .where(where);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** One obstacle within the visibility; `lock` holds its row for the rest of the transaction. */
export async function findObstacle(
  db: Db,
  visibility: ZoneVisibility,
  id: string,
  lock = false,
): Promise<ObstacleRow | undefined> {
  const { query, scope } = base(db, visibility);
  const q = query.where(and(eq(obstacle.id, id), scope)).limit(1);
  const rows = lock ? await q.for('update', { of: obstacle }) : await q;
  return rows[0];
}

/** Open and overdue obstacles of the visible zones — the watch list's `obstacle_overdue` rule. */
export async function findOverdueObstacles(
  db: Db,
  visibility: ZoneVisibility,
  today: string,
  graceDays: number,
) {
  const { query, scope } = base(db, visibility);
  return query
    .where(and(scope, overdueSql(today, graceDays)))
    .orderBy(asc(obstacle.deadline), asc(obstacle.id));
}

/** Obstacles not closed, and of those the overdue ones, among the visible zones (for the dashboard). */
export async function countObstacles(db: Db, visibility: ZoneVisibility, today: string, graceDays: number) {
  const rows = await db
    .select({
      open: sql<number>`count(*) filter (where ${openSql})::int`,
      overdue: sql<number>`count(*) filter (where ${overdueSql(today, graceDays)})::int`,
    })
    .from(obstacle)
    .innerJoin(zone, eq(zone.id, obstacle.zoneId))
    .where(zoneVisibilityFilter(visibility));
  return rows[0] ?? { open: 0, overdue: 0 };
}

export async function findCategories(db: Db) {
  return db
    .select()
    .from(obstacleCategory)
    .where(eq(obstacleCategory.active, true))
    .orderBy(asc(obstacleCategory.sortOrder), asc(obstacleCategory.code));
}

export async function findCategory(db: Db, code: string) {
  const rows = await db.select().from(obstacleCategory).where(eq(obstacleCategory.code, code)).limit(1);
  return rows[0];
}

/** A project of the zone by code (an obstacle on a tenant project stays in its zone). */
export async function findProjectInZone(db: Db, zoneId: string, code: string) {
  const rows = await db
    .select({ id: project.id, code: project.code, name: project.name })
    .from(project)
    .where(and(eq(project.zoneId, zoneId), eq(project.code, code)))
    .limit(1);
  return rows[0];
}

/** Which of the ids are documents of the zone or of its projects (the only ones an obstacle may cite). */
export async function findZoneDocumentIds(db: Db, zoneId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: document.id })
    .from(document)
    .where(
      and(
        inArray(document.id, [...ids]),
        sql`((${document.entityType} = 'zone' and ${document.entityId} = ${zoneId})
          or (${document.entityType} = 'project' and ${document.entityId} in (select id from ${project} where zone_id = ${zoneId})))`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function insertObstacle(db: Db, values: typeof obstacle.$inferInsert): Promise<string> {
  const rows = await db.insert(obstacle).values(values).returning({ id: obstacle.id });
  return rows[0]!.id;
}

/** Changes an obstacle only if it still has the version the caller read. */
export async function updateObstacle(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof obstacle.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(obstacle)
    .set({ ...values, version: sql`${obstacle.version} + 1` })
    .where(and(eq(obstacle.id, id), eq(obstacle.version, expectedVersion)))
    .returning({ id: obstacle.id });
  return rows.length > 0;
}

export async function insertObstacleEvent(db: Db, values: typeof obstacleEvent.$inferInsert): Promise<void> {
  await db.insert(obstacleEvent).values(values);
}

export async function findObstacleEvents(db: Db, obstacleId: string) {
  return db
    .select()
    .from(obstacleEvent)
    .where(eq(obstacleEvent.obstacleId, obstacleId))
    .orderBy(asc(obstacleEvent.id));
}

export async function linkDocuments(db: Db, obstacleId: string, documentIds: readonly string[]) {
  if (!documentIds.length) return;
  await db
    .insert(obstacleDocument)
    .values(documentIds.map((documentId) => ({ obstacleId, documentId })))
    .onConflictDoNothing();
}

export async function findObstacleDocuments(db: Db, obstacleId: string) {
  return db
    .select({ id: document.id, fileName: document.fileName, title: document.title })
    .from(obstacleDocument)
    .innerJoin(document, eq(document.id, obstacleDocument.documentId))
    .where(eq(obstacleDocument.obstacleId, obstacleId))
    .orderBy(asc(document.uploadedAt));
}
