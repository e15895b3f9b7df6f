import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempt, userSession } from '../../db/schema/identity';

export type SessionRow = typeof userSession.$inferSelect;

export async function insertSession(db: Db, values: typeof userSession.$inferInsert): Promise<void> {
  await db.insert(userSession).values(values);
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const rows = await db.select().from(userSession).where(eq(userSession.id, id)).limit(1);
  return rows[0];
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, id));
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(userSession)
    .set({ revokedAt: at })
    .where(and(eq(userSession.id, id), isNull(userSession.revokedAt)));
}

/** Revokes every live session of a user, except `keepId` when given (the session making the change). */
export async function revokeUserSessions(db: Db, userId: string, at: Date, keepId?: string): Promise<number> {
  const rows = await db
    .update(userSession)
    .set({ revokedAt: at })
    .where(
      and(
        eq(userSession.userId, userId),
        isNull(userSession.revokedAt),
        gt(userSession.expiresAt, at),
        keepId ? ne(userSession.id, keepId) : undefined,
      ),
    )
    .returning({ id: userSession.id });
  return rows.length;
}

export async function recordLoginAttempt(
  db: Db,
  values: { username: string; ip: string | null; success: boolean; at: Date },
): Promise<void> {
  await db.insert(loginAttempt).values(values);
}

/**
 * Failed attempts for a username (or an IP) inside the window and after its last successful sign-in,
 * with the time of the oldest one (to tell the user when they may try again).
 */
export async function recentFailures(
  db: Db,
  key: { username: string } | { ip: string },
  since: Date,
): Promise<{ failures: number; oldest: Date | null }> {
  const column = 'username' in key ? loginAttempt.username : loginAttempt.ip;
  const value = 'username' in key ? key.username : key.ip;
  const rows = await db
    .select({
      failures: sql<string>`count(*)`,
      oldest: sql<string | null>`min(${loginAttempt.at})`,
    })
    .from(loginAttempt)
    .where(
      and(
        eq(column, value),
        eq(loginAttempt.success, false),
        gt(loginAttempt.at, since),
        sql`${loginAttempt.at} > coalesce((select max(la.at) from ${loginAttempt} la
              where la.${sql.raw(column.name)} = ${value} and la.success), '-infinity'::timestamptz)`,
      ),
    );
  const row = rows[0];
  return {
    failures: Number(row?.failures ?? 0),
    oldest: row?.oldest ? new Date(row.oldest) : null,
  };
}
