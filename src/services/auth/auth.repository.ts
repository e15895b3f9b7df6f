import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { appUser, loginAttempt, userSession } from '../../db/schema/identity';
import { assignmentGrantsSql, type AssignmentGrant } from '../user/user.repository';

export type SessionRow = typeof userSession.$inferSelect;

export async function insertSession(db: Db, values: typeof userSession.$inferInsert): Promise<void> {
  await db.insert(userSession).values(values);
}

function sessionWithUserQuery(db: Db) {
  return db
    .select({
      session: userSession,
      user: appUser,
      grants: assignmentGrantsSql(sql`${userSession}.user_id`),
    })
    .from(userSession)
    .leftJoin(appUser, eq(appUser.id, userSession.userId))
    .where(eq(userSession.id, sql.placeholder('id')))
    .limit(1)
    .prepare('izis_session_with_user');
}

/** The session query per database handle, built once. */
const sessionQueries = new WeakMap<Db, ReturnType<typeof sessionWithUserQuery>>();

/**
 * A session, its user (absent if deleted) and the user's role assignments with their permissions, in one query:
 * every authenticated request reads all three. A named prepared statement: PostgreSQL parses it once per
 * connection and keeps its plan (planning it was a third of the time PostgreSQL spent on it under load).
 */
export async function findSessionWithUser(
  db: Db,
  id: string,
): Promise<
  { session: SessionRow; user: typeof appUser.$inferSelect | null; grants: AssignmentGrant[] } | undefined
> {
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = sessionWithUserQuery(db)));
  const rows = await query.execute({ id });
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

export type AttemptKey = { username?: string; ip?: string };

/**
 * Failed attempts for a username, an address, or the pair, inside the window and after the key's last successful
 * sign-in, with the times of the oldest and the latest (to tell the user when they may try again).
 */
export async function recentFailures(
  db: Db,
  key: AttemptKey,
  since: Date,
): Promise<{ failures: number; oldest: Date | null; latest: Date | null }> {
  const match = (alias: string) =>
    sql.join(
      [
        ...(key.username !== undefined ? [sql`${sql.raw(alias)}.username = ${key.username}`] : []),
        ...(key.ip !== undefined ? [sql`${sql.raw(alias)}.ip = ${key.ip}`] : []),
      ],
      sql` and `,
    );
  const rows = await db.execute(sql`
    select count(*) as failures, min(f.at) as oldest, max(f.at) as latest
      from ${loginAttempt} f
     where ${match('f')} and not f.success and f.at > ${since.toISOString()}::timestamptz
       and f.at > coalesce((select max(s.at) from ${loginAttempt} s where ${match('s')} and s.success),
                           '-infinity'::timestamptz)`);
  const row = rowsOf<{ failures: string; oldest: string | null; latest: string | null }>(rows)[0];
  return {
    failures: Number(row?.failures ?? 0),
    oldest: row?.oldest ? new Date(row.oldest) : null,
    latest: row?.latest ? new Date(row.latest) : null,
  };
}

/** Whether the user has signed in successfully from this address before: a known device is not a stranger. */
export async function signedInFrom(db: Db, username: string, ip: string): Promise<boolean> {
  const rows = await db.execute(sql`
    select exists (select 1 from ${loginAttempt}
                    where username = ${username} and ip = ${ip} and success) as known`);
  return Boolean(rowsOf<{ known: boolean }>(rows)[0]?.known);
}
