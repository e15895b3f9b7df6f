import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { briefing, briefingTemplate } from '../../db/schema/briefing';

export type BriefingRow = typeof briefing.$inferSelect;
export type TemplateRow = typeof briefingTemplate.$inferSelect;

export async function findBriefing(db: Db, id: string): Promise<BriefingRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await db.select().from(briefing).where(eq(briefing.id, id));
  return rows[0] ?? null;
}

export async function listBriefingRows(db: Db, limit = 200): Promise<BriefingRow[]> {
  return db.select().from(briefing).orderBy(desc(briefing.periodTo), desc(briefing.createdAt)).limit(limit);
}

export async function insertBriefing(db: Db, values: typeof briefing.$inferInsert): Promise<BriefingRow> {
  const rows = await db.insert(briefing).values(values).returning();
  return rows[0]!;
}

/** Changes a draft only if it still has the version read (an issued one is refused by the trigger). */
export async function updateBriefingRow(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof briefing.$inferInsert>,
): Promise<BriefingRow | null> {
  const rows = await db
    .update(briefing)
    .set({ ...values, version: sql`${briefing.version} + 1` })
    .where(and(eq(briefing.id, id), eq(briefing.version, expectedVersion), eq(briefing.state, 'draft')))
    .returning();
  return rows[0] ?? null;
}

export async function listTemplateRows(db: Db): Promise<TemplateRow[]> {
  return db.select().from(briefingTemplate);
}

export async function upsertTemplate(
  db: Db,
  key: string,
  template: string,
  expectedVersion: number | null,
  updatedBy: string | null,
  now: Date,
): Promise<TemplateRow | null> {
  if (expectedVersion === null) {
    const rows = await db
      .insert(briefingTemplate)
      .values({ key, template, updatedBy, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    return rows[0] ?? null;
  }
  const rows = await db
    .update(briefingTemplate)
    .set({ template, updatedBy, updatedAt: now, version: sql`${briefingTemplate.version} + 1` })
    .where(and(eq(briefingTemplate.key, key), eq(briefingTemplate.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}
