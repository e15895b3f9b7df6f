import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { commitment, commitmentTarget, progressReading, scheduleStep } from '../../db/schema/schedule';
import { zoneLifecycleEvent } from '../../db/schema/zone';
import type { LifecycleEvent, LifecycleState } from '../../domain/zone/lifecycle';

export type StepRow = typeof scheduleStep.$inferSelect;
export type ReadingRow = typeof progressReading.$inferSelect;
export type CommitmentRow = typeof commitment.$inferSelect;
export type TargetRow = typeof commitmentTarget.$inferSelect;

export function findSteps(db: Db, zoneId: string): Promise<StepRow[]> {
  return db.select().from(scheduleStep).where(eq(scheduleStep.zoneId, zoneId));
}

export async function findStep(db: Db, zoneId: string, step: string): Promise<StepRow | undefined> {
  const rows = await db
    .select()
    .from(scheduleStep)
    .where(and(eq(scheduleStep.zoneId, zoneId), eq(scheduleStep.step, step)))
    .limit(1);
  return rows[0];
}

export async function insertStep(db: Db, values: typeof scheduleStep.$inferInsert): Promise<StepRow> {
  const rows = await db.insert(scheduleStep).values(values).returning();
  return rows[0]!;
}

/** Updates a step still at `expectedVersion`; undefined when someone changed it first. */
export async function updateStep(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof scheduleStep.$inferInsert>,
): Promise<StepRow | undefined> {
  const rows = await db
    .update(scheduleStep)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(scheduleStep.id, id), eq(scheduleStep.version, expectedVersion)))
    .returning();
  return rows[0];
}

export function findReadings(db: Db, zoneId: string): Promise<ReadingRow[]> {
  return db
    .select()
    .from(progressReading)
    .where(eq(progressReading.zoneId, zoneId))
    .orderBy(asc(progressReading.readingDate), asc(progressReading.createdAt));
}

export async function insertReading(
  db: Db,
  values: typeof progressReading.$inferInsert,
): Promise<ReadingRow> {
  const rows = await db.insert(progressReading).values(values).returning();
  return rows[0]!;
}

export async function findCommitments(
  db: Db,
  zoneId: string,
): Promise<(CommitmentRow & { targets: TargetRow[] })[]> {
  const rows = await db
    .select()
    .from(commitment)
    .where(eq(commitment.zoneId, zoneId))
    .orderBy(asc(commitment.signedOn));
  if (!rows.length) return [];
  const targets = await db
    .select()
    .from(commitmentTarget)
    .where(
      inArray(
        commitmentTarget.commitmentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(commitmentTarget.targetDate));
  return rows.map((r) => ({ ...r, targets: targets.filter((t) => t.commitmentId === r.id) }));
}

export async function insertCommitment(
  db: Db,
  values: typeof commitment.$inferInsert,
  targets: Omit<typeof commitmentTarget.$inferInsert, 'commitmentId'>[],
): Promise<string> {
  const [row] = await db.insert(commitment).values(values).returning({ id: commitment.id });
  await db.insert(commitmentTarget).values(targets.map((t) => ({ ...t, commitmentId: row!.id })));
  return row!.id;
}

/** The lifecycle histories of some zones, by zone id. */
export async function findLifecycles(
  db: Db,
  zoneIds: readonly string[],
): Promise<Map<string, LifecycleEvent[]>> {
  const byZone = new Map<string, LifecycleEvent[]>();
  if (!zoneIds.length) return byZone;
  const rows = await db
    .select({
      zoneId: zoneLifecycleEvent.zoneId,
      state: zoneLifecycleEvent.state,
      eventDate: zoneLifecycleEvent.eventDate,
      progressPct: sql<string | null>`${zoneLifecycleEvent.progressPct}::text`,
      decisionNo: zoneLifecycleEvent.decisionNo,
      seq: zoneLifecycleEvent.seq,
    })
    .from(zoneLifecycleEvent)
    .where(inArray(zoneLifecycleEvent.zoneId, [...new Set(zoneIds)]));
  for (const r of rows) {
    const list = byZone.get(r.zoneId) ?? [];
    list.push({
      state: r.state as LifecycleState,
      eventDate: r.eventDate,
      progressPct: r.progressPct == null ? null : Number(r.progressPct),
      decisionNo: r.decisionNo,
      seq: r.seq,
    });
    byZone.set(r.zoneId, list);
  }
  return byZone;
}
