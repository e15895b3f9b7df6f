import { and, asc, count, desc, eq, inArray, isNull, like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisation } from '../../db/schema/organisation';
import type { OrganisationListQuery, OrganisationSort } from '../../domain/organisation/organisation.schema';
import { foldVietnamese } from '../../domain/shared/text';
import type { OrganisationVisibility } from './organisation.policy';

/** Every Vietnamese letter with a diacritic (both cases), and its folded letter, for SQL `translate`. */
const [foldFrom, foldTo] = (() => {
  let from = 'đĐ';
  let to = 'dd';
  for (const base of ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']) {
    for (const tone of ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) {
      const letter = `${base}${tone}`.normalize('NFC');
      for (const variant of [letter, letter.toUpperCase()]) {
        const folded = foldVietnamese(variant);
        if (folded !== variant && folded.length === 1 && !from.includes(variant)) {
          from += variant;
          to += folded;
        }
      }
    }
  }
  return [from, to];
})();

/**
 * A text column folded as `foldVietnamese` does, for sorting: "Đông Anh" sorts with "dong anh", between
 * "Dịch vụ" and "Gia Lâm", on either database and whatever its collation.
 */
export function foldedSql(column: AnyColumn | SQL): SQL {
  return sql`lower(translate(${column}, ${foldFrom}, ${foldTo}))`;
}

export type OrganisationRow = typeof organisation.$inferSelect;
export type OrganisationWrite = Partial<typeof organisation.$inferInsert>;

/** The visibility of organisation.policy.ts as SQL: an enterprise with no organisation sees nothing. */
function visibilityFilter(visibility: OrganisationVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  return visibility.codes.length ? inArray(organisation.code, visibility.codes) : sql`false`;
}

const sortColumns: Record<OrganisationSort, SQL | AnyColumn> = {
  name: foldedSql(organisation.name),
  code: organisation.code,
  taxCode: organisation.taxCode,
  country: organisation.country,
};

export type OrganisationListFilter = Omit<OrganisationListQuery, 'sort' | 'order'> &
  Partial<Pick<OrganisationListQuery, 'sort' | 'order'>> & { searchPattern?: string };

export async function findOrganisations(
  db: Db,
  visibility: OrganisationVisibility,
  query: OrganisationListFilter,
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const filters: (SQL | undefined)[] = [visibilityFilter(visibility)];
  if (query.searchPattern) filters.push(like(organisation.searchText, query.searchPattern));
  if (query.ownership === 'unknown') filters.push(isNull(organisation.ownership));
  else if (query.ownership) filters.push(eq(organisation.ownership, query.ownership));
  if (query.role) filters.push(sql`${query.role} = any(${organisation.roles})`);
  if (query.country) filters.push(eq(organisation.country, query.country));
  const where = and(...filters);
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(organisation)
      .where(where)
      .orderBy(sql`${direction(sortColumns[query.sort ?? 'name'])} nulls last`, asc(organisation.code))
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
