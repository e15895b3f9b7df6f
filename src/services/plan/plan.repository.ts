import { aliasedTable, and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { plan, planTargetZone } from '../../db/schema/plan';
import { planTarget } from '../../db/schema/reporting';
import { zone, zoneLifecycleEvent } from '../../db/schema/zone';
import type { LifecycleState } from '../../domain/zone/lifecycle';
import type { ZoneFamily } from '../../domain/identity/roles';
import { zoneFamilySql, zoneVisibilityFilter } from '../zone/zone.repository';
import type { ZoneVisibility } from '../zone/zone.policy';

export type PlanRow = typeof plan.$inferSelect;
export type PlanTargetRow = typeof planTarget.$inferSelect;

/** Every plan of a year and family (withdrawn ones too), by date of issue. */
export async function findPlans(db: Db, year: number, family: ZoneFamily): Promise<PlanRow[]> {
  return db
    .select()
    .from(plan)
    .where(and(eq(plan.year, year), eq(plan.family, family)))
    .orderBy(asc(plan.issuedOn), asc(plan.number));
}

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  const rows = await db.select().from(plan).where(eq(plan.id, id));
  return rows[0];
}

export async function insertPlan(db: Db, values: typeof plan.$inferInsert): Promise<PlanRow | null> {
  const rows = await db.insert(plan).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Changes a plan only if it still has the version read and is not withdrawn. */
export async function updatePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof plan.$inferInsert>,
): Promise<PlanRow | null> {
  const rows = await db
    .update(plan)
    .set({ ...values, version: sql`${plan.version} + 1` })
    .where(and(eq(plan.id, id), eq(plan.version, expectedVersion), isNull(plan.withdrawnAt)))
    .returning();
  return rows[0] ?? null;
}

/** The targets in force of a year and family: the plans' and the figures set without a plan. */
export async function findYearTargets(db: Db, year: number, family: ZoneFamily): Promise<PlanTargetRow[]> {
  return db
    .select()
    .from(planTarget)
    .where(and(eq(planTarget.year, year), eq(planTarget.family, family), isNull(planTarget.withdrawnAt)))
    .orderBy(asc(planTarget.ordinal), asc(planTarget.indicator));
}

export async function findTarget(db: Db, id: string): Promise<PlanTargetRow | undefined> {
  const rows = await db.select().from(planTarget).where(eq(planTarget.id, id));
  return rows[0];
}

export async function nextOrdinal(db: Db, planId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(max(${planTarget.ordinal}), 0)::int + 1` })
    .from(planTarget)
    .where(eq(planTarget.planId, planId));
  return rows[0]?.n ?? 1;
}

export async function insertPlanTarget(
  db: Db,
  values: typeof planTarget.$inferInsert,
): Promise<PlanTargetRow | null> {
  const rows = await db.insert(planTarget).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Changes a target only if it still has the version read and is not withdrawn. */
export async function updatePlanTarget(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof planTarget.$inferInsert>,
): Promise<PlanTargetRow | null> {
  const rows = await db
    .update(planTarget)
    .set({ ...values, version: sql`${planTarget.version} + 1` })
    .where(
      and(eq(planTarget.id, id), eq(planTarget.version, expectedVersion), isNull(planTarget.withdrawnAt)),
    )
    .returning();
  return rows[0] ?? null;
}

export type TargetZoneRow = { targetId: string; zoneId: string; code: string; responsible: string | null };

/** The named zones of the targets, in the plan's order. */
export async function findTargetZones(db: Db, targetIds: string[]): Promise<TargetZoneRow[]> {
  if (targetIds.length === 0) return [];
  return db
    .select({
      targetId: planTargetZone.targetId,
      zoneId: planTargetZone.zoneId,
      code: zone.code,
      responsible: planTargetZone.responsible,
    })
    .from(planTargetZone)
    .innerJoin(zone, eq(zone.id, planTargetZone.zoneId))
    .where(inArray(planTargetZone.targetId, targetIds))
    .orderBy(asc(planTargetZone.targetId), asc(planTargetZone.ordinal));
}

/** Replaces a count target's list of zones (the old list stays in the audit trail). */
export async function replaceTargetZones(
  db: Db,
  targetId: string,
  zones: { zoneId: string; responsible: string | null }[],
): Promise<void> {
  await db.delete(planTargetZone).where(eq(planTargetZone.targetId, targetId));
  if (zones.length === 0) return;
  await db
    .insert(planTargetZone)
    .values(
      zones.map((z, i) => ({ targetId, zoneId: z.zoneId, ordinal: i + 1, responsible: z.responsible })),
    );
}

/** Zone ids and families by code (codes not found are absent). */
export async function findZoneIdsByCodes(
  db: Db,
  codes: string[],
): Promise<Map<string, { id: string; family: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: zone.id, code: zone.code, family: zoneFamilySql })
    .from(zone)
    .where(inArray(zone.code, codes));
  return new Map(rows.map((r) => [r.code, { id: r.id, family: r.family }]));
}

const communeUnit = aliasedTable(adminUnit, 'commune_unit');
const districtUnit = aliasedTable(adminUnit, 'district_unit');

export type PlanZoneRow = {
  id: string;
  code: string;
  name: string;
  communeCode: string | null;
  communeName: string | null;
  formerDistrictCode: string | null;
  formerDistrictName: string | null;
  developerName: string | null;
  industrialLandHa: string | null;
  leasedHa: string | null;
  approvedHa: string | null;
  wwtpStatus: string | null;
  isSynthetic: boolean;
  visible: boolean;
};

/**
 * Every zone of a family with what the targets and gates need; `visible` is the caller's scope filter as SQL
 * (the figures count every zone, the drill-down lists only the visible ones).
 */
export async function findPlanZones(
  db: Db,
  family: ZoneFamily,
  visibility: ZoneVisibility,
): Promise<PlanZoneRow[]> {
  const filter = zoneVisibilityFilter(visibility);
  const rows = await db
    .select({
      id: zone.id,
      code: zone.code,
      name: zone.name,
      communeCode: communeUnit.code,
      communeName: sql<string | null>`${communeUnit.kind} || ' ' || ${communeUnit.name}`,
      formerDistrictCode: districtUnit.code,
      formerDistrictName: sql<string | null>`${districtUnit.kind} || ' ' || ${districtUnit.name}`,
      developerName: organisation.name,
      industrialLandHa: zone.industrialLandHa,
      leasedHa: zone.leasedHa,
      approvedHa: zone.approvedHa,
      wwtpStatus: zone.wwtpStatus,
      isSynthetic: zone.isSynthetic,
      visible: filter ? sql<boolean>`coalesce((${filter}), false)` : sql<boolean>`true`,
    })
    .from(zone)
    .leftJoin(communeUnit, eq(communeUnit.id, zone.communeId))
    .leftJoin(districtUnit, eq(districtUnit.id, zone.formerDistrictId))
    .leftJoin(organisation, eq(organisation.id, zone.developerId))
    .where(eq(zoneFamilySql, family))
    .orderBy(asc(zone.code));
  return rows as PlanZoneRow[];
}

export type PlanEventRow = {
  zoneId: string;
  state: LifecycleState;
  eventDate: string;
  progressPct: string | null;
  decisionNo: string | null;
  seq: number;
};

/** The lifecycle events of a family's zones, in order. */
export async function findPlanEvents(db: Db, family: ZoneFamily): Promise<PlanEventRow[]> {
  const rows = await db
    .select({
      zoneId: zoneLifecycleEvent.zoneId,
      state: zoneLifecycleEvent.state,
      eventDate: zoneLifecycleEvent.eventDate,
      progressPct: zoneLifecycleEvent.progressPct,
      decisionNo: zoneLifecycleEvent.decisionNo,
      seq: zoneLifecycleEvent.seq,
    })
    .from(zoneLifecycleEvent)
    .innerJoin(zone, eq(zone.id, zoneLifecycleEvent.zoneId))
    .where(eq(zoneFamilySql, family))
    .orderBy(asc(zoneLifecycleEvent.zoneId), asc(zoneLifecycleEvent.eventDate), asc(zoneLifecycleEvent.seq));
  return rows as PlanEventRow[];
}
