import { and, asc, count, eq, exists, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { appUser, roleAssignment, role, rolePermission } from '../../db/schema/identity';
import type { UserVisibility } from './user.policy';

export type UserRow = typeof appUser.$inferSelect;
export type AssignmentRow = typeof roleAssignment.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(appUser).where(eq(appUser.username, username)).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0];
}

/**
 * Active users holding any of `roles`, the most recently signed-in first (those never signed in last), at most
 * `limit`: whose views a starting process computes before it says it is ready (server/warm-up.ts).
 */
export async function findRecentUsersWithRoles(
  db: Db,
  roles: readonly string[],
  limit: number,
): Promise<UserRow[]> {
  return db
    .select()
    .from(appUser)
    .where(
      and(
        eq(appUser.status, 'active'),
        exists(
          sql`(select 1 from ${roleAssignment} where ${roleAssignment.userId} = ${appUser.id}
            and ${inArray(roleAssignment.roleCode, [...roles])})`,
        ),
      ),
    )
    .orderBy(sql`${appUser.lastSignInAt} desc nulls last`, asc(appUser.username))
    .limit(limit);
}

export async function findAssignments(db: Db, userIds: string[]): Promise<AssignmentRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(roleAssignment)
    .where(inArray(roleAssignment.userId, userIds))
    .orderBy(asc(roleAssignment.roleCode));
}

/** A role assignment with its role's permissions: what an actor is made of (auth.service's `actorOf`). */
export type AssignmentGrant = {
  roleCode: string;
  scopeKind: string;
  scopeRef: string | null;
  permissions: string[];
};

/**
 * A user's role assignments, each with its role's permissions, as one JSON array in SQL — for a query that
 * reads the user's session with it (every authenticated request resolves its actor). `userId` must name its
 * table (Drizzle leaves a column unqualified inside a select's field, where this subquery would read its own).
 */
export function assignmentGrantsSql(userId: SQL): SQL<AssignmentGrant[]> {
  return sql<AssignmentGrant[]>`coalesce((
    select json_agg(json_build_object(
      'roleCode', a.role_code, 'scopeKind', a.scope_kind, 'scopeRef', a.scope_ref,
      'permissions', coalesce((select array_agg(rp.permission) from ${rolePermission} rp
                               where rp.role_code = a.role_code), '{}')
    ) order by a.role_code, a.scope_kind, a.scope_ref)
    from ${roleAssignment} a where a.user_id = ${userId}), '[]')`;
}

/** A user's role assignments with their permissions, in one query. */
export async function findAssignmentGrants(db: Db, userId: string): Promise<AssignmentGrant[]> {
  const result = await db.execute(sql`select ${assignmentGrantsSql(sql`${userId}::uuid`)} as grants`);
  return rowsOf<{ grants: AssignmentGrant[] }>(result)[0]?.grants ?? [];
}

export async function findRoles(db: Db) {
  return db.select().from(role).orderBy(asc(role.code));
}

/** The visibility filter of user.policy.ts as SQL: applied in every list query, so it fails closed. */
function visibilityFilter(visibility: UserVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  const clauses: SQL[] = [eq(appUser.id, visibility.selfId)];
  if (visibility.families.length) clauses.push(inArray(appUser.family, visibility.families));
  if (visibility.communes.length) {
    clauses.push(
      exists(
        sql`(select 1 from ${roleAssignment} where ${roleAssignment.userId} = ${appUser.id}
             and ${roleAssignment.scopeKind} = 'commune'
             and ${inArray(roleAssignment.scopeRef, visibility.communes)})`,
      ),
    );
  }
  return or(...clauses);
}

export async function findUsers(
  db: Db,
  visibility: UserVisibility,
  query: { q?: string | undefined; page: number; pageSize: number; searchPattern?: string },
): Promise<{ rows: UserRow[]; total: number }> {
  const filters: (SQL | undefined)[] = [visibilityFilter(visibility)];
  if (query.searchPattern) filters.push(like(appUser.searchText, query.searchPattern));
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(appUser)
      .where(where)
      .orderBy(asc(appUser.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(appUser).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function insertUser(
  db: Db,
  values: typeof appUser.$inferInsert,
  assignments: { roleCode: string; scopeKind: string; scopeRef: string | null }[],
): Promise<UserRow> {
  const [created] = await db.insert(appUser).values(values).returning();
  if (!created) throw new Error('insert app_user returned nothing');
  if (assignments.length) {
    await db.insert(roleAssignment).values(assignments.map((a) => ({ ...a, userId: created.id })));
  }
  return created;
}

/** Updates a user only if it is still at `expectedVersion`; returns undefined when someone got there first. */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof appUser.$inferInsert>,
): Promise<UserRow | undefined> {
  const rows = await db
    .update(appUser)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(appUser.id, id), eq(appUser.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function markSignedIn(db: Db, id: string, at: Date): Promise<void> {
  await db.update(appUser).set({ lastSignInAt: at }).where(eq(appUser.id, id));
}
