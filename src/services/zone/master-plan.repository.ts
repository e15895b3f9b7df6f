import { aliasedTable, and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { masterPlan, masterPlanEntry, zone } from '../../db/schema/zone';

const superseded = aliasedTable(masterPlan, 'superseded');

const planColumns = {
  id: masterPlan.id,
  code: masterPlan.code,
  name: masterPlan.name,
  family: masterPlan.family,
  decisionNo: masterPlan.decisionNo,
  decisionDate: masterPlan.decisionDate,
  validFrom: masterPlan.validFrom,
  validTo: masterPlan.validTo,
  supersedesId: masterPlan.supersedesId,
  supersedesCode: superseded.code,
  supersedesName: superseded.name,
  version: masterPlan.version,
  entries: sql<number>`(select count(*)::int from ${masterPlanEntry} e where e.plan_id = ${masterPlan.id})`,
};

export type PlanRow = {
  id: string;
  code: string;
  name: string;
  family: string;
  decisionNo: string | null;
  decisionDate: string | null;
  validFrom: string;
  validTo: string | null;
  supersedesId: string | null;
  supersedesCode: string | null;
  supersedesName: string | null;
  version: number;
  entries: number;
};

function plans(db: Db) {
  return db
    .select(planColumns)
    .from(masterPlan)
    .leftJoin(superseded, eq(superseded.id, masterPlan.supersedesId));
}

/** The plans (of one family), newest first. */
export async function findPlans(db: Db, family?: 'KCN' | 'CCN'): Promise<PlanRow[]> {
  return plans(db)
    .where(family ? eq(masterPlan.family, family) : undefined)
    .orderBy(desc(masterPlan.validFrom), asc(masterPlan.code));
}

export async function findPlanByCode(
  db: Db,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<PlanRow | undefined> {
  const query = plans(db).where(eq(masterPlan.code, code)).limit(1);
  const rows = options.forUpdate ? await query.for('update', { of: masterPlan }) : await query;
  return rows[0];
}

export async function insertPlan(db: Db, values: typeof masterPlan.$inferInsert): Promise<string> {
  const rows = await db.insert(masterPlan).values(values).returning({ id: masterPlan.id });
  return rows[0]!.id;
}

/** Updates a plan still at `expectedVersion`; false when someone changed it first. */
export async function updatePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof masterPlan.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(masterPlan)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(masterPlan.id, id), eq(masterPlan.version, expectedVersion)))
    .returning({ id: masterPlan.id });
  return rows.length === 1;
}

export type EntryRow = {
  id: string;
  planId: string;
  zoneId: string | null;
  plannedName: string;
  change: string;
  areaHa: string | null;
  effectiveDate: string;
  amendmentDecisionNo: string | null;
};

const entryColumns = {
  id: masterPlanEntry.id,
  planId: masterPlanEntry.planId,
  zoneId: masterPlanEntry.zoneId,
  plannedName: masterPlanEntry.plannedName,
  change: masterPlanEntry.change,
  areaHa: masterPlanEntry.areaHa,
  effectiveDate: masterPlanEntry.effectiveDate,
  amendmentDecisionNo: masterPlanEntry.amendmentDecisionNo,
};

/** Every entry of one zone, in every plan, oldest first. */
export async function findZoneEntries(db: Db, zoneId: string): Promise<EntryRow[]> {
  return db
    .select(entryColumns)
    .from(masterPlanEntry)
    .where(eq(masterPlanEntry.zoneId, zoneId))
    .orderBy(asc(masterPlanEntry.effectiveDate));
}

/** Every entry of one plan (all zones), oldest first. */
export async function findPlanEntries(db: Db, planId: string): Promise<EntryRow[]> {
  return db
    .select(entryColumns)
    .from(masterPlanEntry)
    .innerJoin(zone, eq(zone.id, masterPlanEntry.zoneId))
    .where(eq(masterPlanEntry.planId, planId))
    .orderBy(asc(masterPlanEntry.effectiveDate));
}

export async function lastEntryDate(db: Db, planId: string): Promise<string | null> {
  const rows = await db
    .select({ last: max(masterPlanEntry.effectiveDate) })
    .from(masterPlanEntry)
    .where(eq(masterPlanEntry.planId, planId));
  return rows[0]?.last ?? null;
}

export async function insertEntries(
  db: Db,
  values: (typeof masterPlanEntry.$inferInsert)[],
): Promise<string[]> {
  if (!values.length) return [];
  const rows = await db.insert(masterPlanEntry).values(values).returning({ id: masterPlanEntry.id });
  return rows.map((r) => r.id);
}

export async function deleteEntry(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(masterPlanEntry)
    .where(eq(masterPlanEntry.id, id))
    .returning({ id: masterPlanEntry.id });
  return rows.length === 1;
}
