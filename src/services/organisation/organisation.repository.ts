import { and, asc, count, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisation } from '../../db/schema/organisation';
import type { OrganisationListQuery } from '../../domain/organisation/organisation.schema';
import type { OrganisationVisibility } from './organisation.policy';

export type OrganisationRow = typeof organisation.$inferSelect;
export type OrganisationWrite = Partial<typeof organisation.$inferInsert>;

/** The visibility of organisation.policy.ts as SQL: an enterprise with no organisation sees nothing. */
function visibilityFilter(visibility: OrganisationVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  return visibility.codes.length ? inArray(organisation.code, visibility.codes) : sql`false`;
}

export async function findOrganisations(
  db: Db,
  visibility: OrganisationVisibility,
  query: OrganisationListQuery & { searchPattern?: string },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const filters: (SQL | undefined)[] = [visibilityFilter(visibility)];
  if (query.searchPattern) filters.push(like(organisation.searchText, query.searchPattern));
  if (query.ownership === 'unknown') filters.push(isNull(organisation.ownership));
  else if (query.ownership) filters.push(eq(organisation.ownership, query.ownership));
  if (query.role) filters.push(sql`${query.role} = any(${organisation.roles})`);
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(organisation)
      .where(where)
      .orderBy(asc(organisation.searchText), asc(organisation.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(organisation).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function findOrganisationByCode(
  db: Db,
  visibility: OrganisationVisibility,
  code: string,
): Promise<OrganisationRow | undefined> {
  const rows = await db
    .select()
    .from(organisation)
    .where(and(eq(organisation.code, code), visibilityFilter(visibility)))
    .limit(1);
  return rows[0];
}

/** Another organisation already holding this tax code, if any (tax codes are unique). */
export async function findByTaxCode(
  db: Db,
  taxCode: string,
): Promise<{ id: string; code: string; name: string } | undefined> {
  const rows = await db
    .select({ id: organisation.id, code: organisation.code, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.taxCode, taxCode))
    .limit(1);
  return rows[0];
}

export async function insertOrganisation(
  db: Db,
  values: typeof organisation.$inferInsert,
): Promise<OrganisationRow> {
  const rows = await db.insert(organisation).values(values).returning();
  return rows[0]!;
}

/** Updates only if the row is still at `expectedVersion`; undefined when someone got there first. */
export async function updateOrganisation(
  db: Db,
  id: string,
  expectedVersion: number,
  values: OrganisationWrite,
): Promise<OrganisationRow | undefined> {
  const rows = await db
    .update(organisation)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(organisation.id, id), eq(organisation.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Whether a database error is a unique-key violation (drizzle may wrap the driver's error). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e;) {
    if (e.code === '23505') return constraint === undefined || e.constraint === constraint || !e.constraint;
    e = e.cause as typeof e;
  }
  return false;
}
