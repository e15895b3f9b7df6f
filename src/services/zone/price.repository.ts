import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { zonePrice } from '../../db/schema/zone';

export type PriceRow = typeof zonePrice.$inferSelect;

/** Every price of a zone, by kind then validity (newest first). */
export async function findPrices(db: Db, zoneId: string): Promise<PriceRow[]> {
  return db
    .select()
    .from(zonePrice)
    .where(eq(zonePrice.zoneId, zoneId))
    .orderBy(asc(zonePrice.kind), desc(zonePrice.validFrom));
}

export async function findPrice(db: Db, zoneId: string, id: string): Promise<PriceRow | undefined> {
  const rows = await db
    .select()
    .from(zonePrice)
    .where(and(eq(zonePrice.zoneId, zoneId), eq(zonePrice.id, id)))
    .limit(1);
  return rows[0];
}

export async function insertPrice(db: Db, values: typeof zonePrice.$inferInsert): Promise<PriceRow> {
  const rows = await db.insert(zonePrice).values(values).returning();
  return rows[0]!;
}

/** Updates a price still at `expectedVersion`; undefined when someone changed it first. */
export async function updatePrice(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof zonePrice.$inferInsert>,
): Promise<PriceRow | undefined> {
  const rows = await db
    .update(zonePrice)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(zonePrice.id, id), eq(zonePrice.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function deletePrice(db: Db, id: string, expectedVersion: number): Promise<boolean> {
  const rows = await db
    .delete(zonePrice)
    .where(and(eq(zonePrice.id, id), eq(zonePrice.version, expectedVersion)))
    .returning({ id: zonePrice.id });
  return rows.length === 1;
}
