import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import {
  inspection,
  inspectionChecklistItem,
  inspectionFinding,
  inspectionKind,
  inspectionPenalty,
  inspectionPlanEntry,
  inspectionResult,
} from '../../db/schema/inspection';
import { project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { InspectionKind } from '../../domain/inspection/inspection.schema';
import type { ZoneVisibility } from '../zone/zone.policy';
import { zoneVisibilityFilter } from '../zone/zone.repository';

export type FindingRow = typeof inspectionFinding.$inferSelect;

export async function findKinds(db: Db): Promise<InspectionKind[]> {
  const [kinds, items] = await Promise.all([
    db
      .select()
      .from(inspectionKind)
      .where(eq(inspectionKind.active, true))
      .orderBy(asc(inspectionKind.sortOrder)),
    db.select().from(inspectionChecklistItem).orderBy(asc(inspectionChecklistItem.sortOrder)),
  ]);
  return kinds.map((k) => ({
    code: k.code,
    nameVi: k.nameVi,
    nameEn: k.nameEn,
    standard: k.standard,
    items: items
      .filter((i) => i.kindCode === k.code)
      .map((i) => ({ code: i.code, labelVi: i.labelVi, labelEn: i.labelEn })),
  }));
}

export async function findProjectId(db: Db, zoneId: string, code: string): Promise<string | undefined> {
  const rows = await db
    .select({ id: project.id })
    .from(project)
    .where(and(eq(project.zoneId, zoneId), eq(project.code, code.trim().toUpperCase())))
    .limit(1);
  return rows[0]?.id;
}

export async function findPlanEntryZone(db: Db, id: string): Promise<string | undefined> {
  const rows = await db
    .select({ zoneId: inspectionPlanEntry.zoneId })
    .from(inspectionPlanEntry)
    .where(eq(inspectionPlanEntry.id, id))
    .limit(1);
  return rows[0]?.zoneId;
}

export async function insertInspection(
  db: Db,
  values: typeof inspection.$inferInsert,
  results: Omit<typeof inspectionResult.$inferInsert, 'inspectionId'>[],
  findings: Omit<typeof inspectionFinding.$inferInsert, 'inspectionId'>[],
  penalties: Omit<typeof inspectionPenalty.$inferInsert, 'inspectionId'>[],
): Promise<string> {
  const [row] = await db.insert(inspection).values(values).returning({ id: inspection.id });
  const inspectionId = row!.id;
  if (results.length) await db.insert(inspectionResult).values(results.map((r) => ({ ...r, inspectionId })));
  if (findings.length)
    await db.insert(inspectionFinding).values(findings.map((f) => ({ ...f, inspectionId })));
  if (penalties.length)
    await db.insert(inspectionPenalty).values(penalties.map((p) => ({ ...p, inspectionId })));
  return inspectionId;
}

export type InspectionFilter = {
  zoneId?: string;
  year?: number;
  kind?: string;
  /** Only those with a finding past its deadline (before `today`) and not remedied. */
  unremediedBefore?: string;
  ids?: string[];
};

const header = {
  id: inspection.id,
  zoneCode: zone.code,
  zoneName: zone.name,
  projectCode: sql<string | null>`(select p.code from ${project} p where p.id = ${inspection.projectId})`,
  kindCode: inspection.kindCode,
  inspectedOn: inspection.inspectedOn,
  agency: inspection.agency,
  decisionNo: inspection.decisionNo,
  conclusion: inspection.conclusion,
  planEntryId: inspection.planEntryId,
};

/** Inspections within the visibility, newest first, with their results, findings and penalties. */
export async function findInspections(
  db: Db,
  visibility: ZoneVisibility,
  filter: InspectionFilter,
  limit = 500,
) {
  const where: (SQL | undefined)[] = [zoneVisibilityFilter(visibility)];
  if (filter.zoneId) where.push(eq(inspection.zoneId, filter.zoneId));
  if (filter.kind) where.push(eq(inspection.kindCode, filter.kind));
  if (filter.ids) where.push(inArray(inspection.id, filter.ids));
  if (filter.year) {
    where.push(
      sql`${inspection.inspectedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}`,
    );
  }
  if (filter.unremediedBefore) {
    where.push(sql`exists (select 1 from ${inspectionFinding} f where f.inspection_id = ${inspection.id}
      and f.deadline < ${filter.unremediedBefore} and f.remedied_on is null)`);
  }
  const rows = await db
    .select(header)
    .from(inspection)
    .innerJoin(zone, eq(zone.id, inspection.zoneId))
    .where(and(...where))
    .orderBy(desc(inspection.inspectedOn), desc(inspection.createdAt))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [results, findings, penalties] = await Promise.all([
    db.select().from(inspectionResult).where(inArray(inspectionResult.inspectionId, ids)),
    db
      .select()
      .from(inspectionFinding)
      .where(inArray(inspectionFinding.inspectionId, ids))
      .orderBy(asc(inspectionFinding.deadline)),
    db
      .select()
      .from(inspectionPenalty)
      .where(inArray(inspectionPenalty.inspectionId, ids))
      .orderBy(asc(inspectionPenalty.decidedOn)),
  ]);
  return rows.map((r) => ({
    ...r,
    results: results.filter((x) => x.inspectionId === r.id),
    findings: findings.filter((x) => x.inspectionId === r.id),
    penalties: penalties.filter((x) => x.inspectionId === r.id),
  }));
}

/** A finding and the zone of its inspection, within the visibility. */
export async function findFinding(
  db: Db,
  visibility: ZoneVisibility,
  inspectionId: string,
  findingId: string,
) {
  const rows = await db
    .select({ finding: inspectionFinding, inspectedOn: inspection.inspectedOn, zoneCode: zone.code })
    .from(inspectionFinding)
    .innerJoin(inspection, eq(inspection.id, inspectionFinding.inspectionId))
    .innerJoin(zone, eq(zone.id, inspection.zoneId))
    .where(
      and(
        eq(inspectionFinding.id, findingId),
        eq(inspection.id, inspectionId),
        zoneVisibilityFilter(visibility),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function updateFindingRemedy(
  db: Db,
  id: string,
  expectedVersion: number,
  values: { remediedOn: string; evidence: string },
): Promise<FindingRow | undefined> {
  const rows = await db
    .update(inspectionFinding)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(inspectionFinding.id, id), eq(inspectionFinding.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function insertPlanEntry(
  db: Db,
  values: typeof inspectionPlanEntry.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(inspectionPlanEntry).values(values).returning({ id: inspectionPlanEntry.id });
  return row!.id;
}

/** Plan entries within the visibility (of a year and/or a zone), with how many inspections were done on each. */
export async function findPlanEntries(
  db: Db,
  visibility: ZoneVisibility,
  filter: { year?: number; zoneId?: string },
) {
  const where: (SQL | undefined)[] = [zoneVisibilityFilter(visibility)];
  if (filter.year) where.push(eq(inspectionPlanEntry.year, filter.year));
  if (filter.zoneId) where.push(eq(inspectionPlanEntry.zoneId, filter.zoneId));
  return db
    .select({
      id: inspectionPlanEntry.id,
      year: inspectionPlanEntry.year,
      quarter: inspectionPlanEntry.quarter,
      zoneCode: zone.code,
      zoneName: zone.name,
      projectCode: sql<
        string | null
      >`(select p.code from ${project} p where p.id = ${inspectionPlanEntry.projectId})`,
      kindCode: inspectionPlanEntry.kindCode,
      agency: inspectionPlanEntry.agency,
      note: inspectionPlanEntry.note,
      done: sql<number>`(select count(*)::int from ${inspection} i where i.plan_entry_id = ${inspectionPlanEntry.id})`,
    })
    .from(inspectionPlanEntry)
    .innerJoin(zone, eq(zone.id, inspectionPlanEntry.zoneId))
    .where(and(...where))
    .orderBy(desc(inspectionPlanEntry.year), asc(inspectionPlanEntry.quarter), asc(zone.code));
}

/**
 * Per kind for a year within the visibility: planned, done, done with a failed item, open findings past due,
 * penalties; and, as of `today`, the zones ever inspected of that kind and those whose latest inspection of
 * it has nothing left to remedy (every failed item has a finding, so that is "compliant").
 */
export async function countInspections(db: Db, visibility: ZoneVisibility, year: number, today: string) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const scope = zoneVisibilityFilter(visibility) ?? sql`true`;
  const result = await db.execute(sql`
    select k.code as kind_code,
      (select count(*)::int from ${inspectionPlanEntry} pe join ${zone} on ${zone.id} = pe.zone_id
        where pe.kind_code = k.code and pe.year = ${year} and ${scope}) as planned,
      (select count(*)::int from ${inspection} i join ${zone} on ${zone.id} = i.zone_id
        where i.kind_code = k.code and i.inspected_on between ${from} and ${to} and ${scope}) as done,
      (select count(*)::int from ${inspection} i join ${zone} on ${zone.id} = i.zone_id
        where i.kind_code = k.code and i.inspected_on between ${from} and ${to} and ${scope}
          and exists (select 1 from ${inspectionResult} r where r.inspection_id = i.id and not r.passed)) as with_failures,
      (select count(*)::int from ${inspectionFinding} f join ${inspection} i on i.id = f.inspection_id
        join ${zone} on ${zone.id} = i.zone_id
        where i.kind_code = k.code and f.deadline < ${today} and f.remedied_on is null and ${scope}) as unremedied,
      (select coalesce(sum(pn.amount_vnd), 0)::text from ${inspectionPenalty} pn join ${inspection} i on i.id = pn.inspection_id
        join ${zone} on ${zone.id} = i.zone_id
        where i.kind_code = k.code and pn.decided_on between ${from} and ${to} and ${scope}) as penalties_vnd,
      (select count(distinct i.zone_id)::int from ${inspection} i join ${zone} on ${zone.id} = i.zone_id
        where i.kind_code = k.code and i.inspected_on <= ${today} and ${scope}) as zones_inspected,
      (select count(*)::int from (
          select distinct on (i.zone_id) i.id from ${inspection} i join ${zone} on ${zone.id} = i.zone_id
          where i.kind_code = k.code and i.inspected_on <= ${today} and ${scope}
          order by i.zone_id, i.inspected_on desc, i.created_at desc) latest
        where not exists (select 1 from ${inspectionFinding} f
          where f.inspection_id = latest.id and (f.remedied_on is null or f.remedied_on > ${today}))) as zones_compliant
    from ${inspectionKind} k where k.active order by k.sort_order`);
  return rowsOf<{
    kind_code: string;
    planned: number;
    done: number;
    with_failures: number;
    unremedied: number;
    penalties_vnd: string;
    zones_inspected: number;
    zones_compliant: number;
  }>(result);
}
