import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { planTarget } from '../../db/schema/reporting';

export type PlanTargetRow = typeof planTarget.$inferSelect;
export type PlanTargetKey = { year: number; family: string; scopeKind: string; scopeRef: string };

/** The figure targets in force (counts, rules and tasks of a plan, and withdrawn targets, are the plan's). */
const keyFilter = (key: PlanTargetKey) =>
  and(
    eq(planTarget.year, key.year),
    eq(planTarget.family, key.family),
    eq(planTarget.scopeKind, key.scopeKind),
    eq(planTarget.scopeRef, key.scopeRef),
    eq(planTarget.kind, 'figure'),
    isNull(planTarget.withdrawnAt),
  );

/** Every figure target in force of a year, family and scope. */
export async function findTargets(db: Db, key: PlanTargetKey): Promise<PlanTargetRow[]> {
  return db.select().from(planTarget).where(keyFilter(key)).orderBy(planTarget.indicator);
}

/** Inserts the first target of an indicator; false when one exists already (someone was quicker). */
export async function insertTarget(
  db: Db,
  values: typeof planTarget.$inferInsert,
): Promise<PlanTargetRow | null> {
  const rows = await db.insert(planTarget).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Changes a target only if it still has the version the caller read. */
export async function updateTarget(
  db: Db,
  id: string,
  expectedVersion: number,
  values: { value: string; unit: string; note: string | null; updatedAt: Date },
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
