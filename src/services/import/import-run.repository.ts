import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRun } from '../../db/schema/import';

/** A run left behind by a process that died mid-import is taken over after this long. */
export const STALE_IMPORT_MINUTES = 30;

/**
 * Claims the user's import slot: one row per user, inserted in its own statement (outside any import
 * transaction) so every IZIS process on the database sees it. Returns the claim's token, or null when
 * another import of the user is running.
 */
export async function claimImportRun(db: Db, userId: string, entity: string): Promise<string | null> {
  const token = randomUUID();
  const rows = await db
    .insert(importRun)
    .values({ userId, token, entity })
    .onConflictDoUpdate({
      target: importRun.userId,
      set: { token, entity, startedAt: sql`now()` },
      setWhere: sql`${importRun.startedAt} < now() - make_interval(mins => ${STALE_IMPORT_MINUTES})`,
    })
    .returning({ token: importRun.token });
  return rows[0]?.token === token ? token : null;
}

export async function releaseImportRun(db: Db, userId: string, token: string): Promise<void> {
  await db.delete(importRun).where(and(eq(importRun.userId, userId), eq(importRun.token, token)));
}
