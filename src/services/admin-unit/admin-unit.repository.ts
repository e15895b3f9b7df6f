import {
  aliasedTable,
  and,
  asc,
  count,
  eq,
  gte,
  inArray,
  isNull,
  like,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { adminUnit, adminUnitSuccession } from '../../db/schema/admin-unit';
import type { AdminUnitQuery } from '../../domain/admin-unit/admin-unit.schema';

const parent = aliasedTable(adminUnit, 'parent');

const unitColumns = {
  id: adminUnit.id,
  code: adminUnit.code,
  level: adminUnit.level,
  kind: adminUnit.kind,
  name: adminUnit.name,
  parentId: adminUnit.parentId,
  parentName: sql<
    string | null
  >`case when ${parent.id} is null then null else ${parent.kind} || ' ' || ${parent.name} end`,
  validFrom: adminUnit.validFrom,
  validTo: adminUnit.validTo,
};

export async function findAdminUnits(
  db: Db,
  query: AdminUnitQuery & { searchPattern?: string },
): Promise<{ rows: AdminUnitRow[]; total: number }> {
  const filters: SQL[] = [];
  if (query.level) filters.push(eq(adminUnit.level, query.level));
  if (query.validOn) {
    const on = query.validOn;
    filters.push(or(isNull(adminUnit.validFrom), lte(adminUnit.validFrom, on))!);
    filters.push(or(isNull(adminUnit.validTo), gte(adminUnit.validTo, on))!);
  }
  if (query.searchPattern) {
    filters.push(
      or(like(adminUnit.searchText, query.searchPattern), like(adminUnit.code, query.searchPattern))!,
    );
  }
  const where = filters.length ? and(...filters) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select(unitColumns)
      .from(adminUnit)
      .leftJoin(parent, eq(parent.id, adminUnit.parentId))
      .where(where)
      .orderBy(
        sql`case ${adminUnit.level} when 'province' then 0 when 'district' then 1 else 2 end`,
        asc(adminUnit.code),
        asc(adminUnit.validFrom),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(adminUnit).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export type AdminUnitRow = {
  id: string;
  code: string;
  level: string;
  kind: string;
  name: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string | null;
  validTo: string | null;
};

export async function findAdminUnitById(db: Db, id: string): Promise<AdminUnitRow | undefined> {
  const rows = await db
    .select(unitColumns)
    .from(adminUnit)
    .leftJoin(parent, eq(parent.id, adminUnit.parentId))
    .where(eq(adminUnit.id, id))
    .limit(1);
  return rows[0];
}

export async function findSuccessionLinks(db: Db, id: string) {
  const other = aliasedTable(adminUnit, 'other');
  const linkColumns = {
    id: other.id,
    code: other.code,
    name: other.name,
    kind: other.kind,
    partial: adminUnitSuccession.partial,
  };
  const [predecessors, successors] = await Promise.all([
    db
      .select(linkColumns)
      .from(adminUnitSuccession)
      .innerJoin(other, eq(other.id, adminUnitSuccession.predecessorId))
      .where(eq(adminUnitSuccession.successorId, id))
      .orderBy(asc(other.code)),
    db
      .select(linkColumns)
      .from(adminUnitSuccession)
      .innerJoin(other, eq(other.id, adminUnitSuccession.successorId))
      .where(eq(adminUnitSuccession.predecessorId, id))
      .orderBy(asc(other.code)),
  ]);
  return { predecessors, successors };
}

/** Names of the communes/wards currently in force with these codes (for scope labels). */
export async function findCurrentCommuneNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: adminUnit.code, kind: adminUnit.kind, name: adminUnit.name })
    .from(adminUnit)
    .where(and(eq(adminUnit.level, 'commune'), isNull(adminUnit.validTo), inArray(adminUnit.code, codes)));
  return new Map(rows.map((r) => [r.code, `${r.kind} ${r.name}`]));
}

export async function countAdminUnits(db: Db): Promise<number> {
  const rows = await db.select({ n: count() }).from(adminUnit);
  return Number(rows[0]?.n ?? 0);
}

export async function upsertSuccession(
  db: Db,
  values: typeof adminUnitSuccession.$inferInsert,
): Promise<void> {
  await db
    .insert(adminUnitSuccession)
    .values(values)
    .onConflictDoUpdate({
      target: [adminUnitSuccession.predecessorId, adminUnitSuccession.successorId],
      set: { partial: values.partial, effectiveDate: values.effectiveDate, legalBasis: values.legalBasis },
    });
}

/** Every unit with the fields an import compares, keyed later by (level, code, valid_from). */
export async function findAllUnitsForComparison(db: Db) {
  return db
    .select({
      id: adminUnit.id,
      level: adminUnit.level,
      code: adminUnit.code,
      validFrom: adminUnit.validFrom,
      validTo: adminUnit.validTo,
      kind: adminUnit.kind,
      name: adminUnit.name,
      parentId: adminUnit.parentId,
      lon: sql<number | null>`st_x(${adminUnit.approxCentre})`,
      lat: sql<number | null>`st_y(${adminUnit.approxCentre})`,
    })
    .from(adminUnit);
}

type Centre = { lat: number; lon: number } | null;
const pointSql = (centre: Centre) =>
  centre ? sql`st_setsrid(st_makepoint(${centre.lon}, ${centre.lat}), 4326)` : sql`null`;

export async function insertAdminUnit(
  db: Db,
  values: Omit<typeof adminUnit.$inferInsert, 'approxCentre'>,
  centre: Centre,
): Promise<string> {
  const rows = await db
    .insert(adminUnit)
    .values({ ...values, approxCentre: pointSql(centre) })
    .returning({ id: adminUnit.id });
  return rows[0]!.id;
}

export async function updateAdminUnit(
  db: Db,
  id: string,
  values: Partial<Omit<typeof adminUnit.$inferInsert, 'approxCentre'>>,
  centre: Centre,
): Promise<void> {
  await db
    .update(adminUnit)
    .set({ ...values, approxCentre: pointSql(centre) })
    .where(eq(adminUnit.id, id));
}

/** The code of the commune/ward in force whose folded full name is exactly `foldedName`. */
export async function findCurrentCommuneCode(db: Db, foldedName: string): Promise<string | null> {
  const rows = await db
    .select({ code: adminUnit.code })
    .from(adminUnit)
    .where(
      and(eq(adminUnit.level, 'commune'), isNull(adminUnit.validTo), eq(adminUnit.searchText, foldedName)),
    )
    .limit(1);
  return rows[0]?.code ?? null;
}

/**
 * The commune/ward in force whose rough centre is nearest to a point, optionally among the successors of
 * one former district. For placing a record whose source gives only approximate coordinates.
 */
export async function findNearestCurrentCommune(
  db: Db,
  point: { lat: number; lon: number },
  formerDistrictCode: string | null,
): Promise<{ code: string; name: string } | null> {
  const result = await db.execute(sql`
    select u.code, u.kind || ' ' || u.name as name
      from ${adminUnit} u
     where u.level = 'commune' and u.valid_to is null and u.approx_centre is not null
       and (${formerDistrictCode}::text is null or u.id in (
             select s.successor_id from ${adminUnitSuccession} s join ${adminUnit} d on d.id = s.predecessor_id
              where d.level = 'district' and d.code = ${formerDistrictCode}))
     order by u.approx_centre <-> st_setsrid(st_makepoint(${point.lon}, ${point.lat}), 4326)
     limit 1`);
  const row = rowsOf<{ code: string; name: string }>(result)[0];
  return row ?? null;
}

/** The former district (until 30/6/2025) whose folded name is `foldedName` ("dong anh"). */
export async function findFormerDistrictByName(db: Db, foldedName: string): Promise<string | null> {
  const rows = await db
    .select({ code: adminUnit.code, searchText: adminUnit.searchText })
    .from(adminUnit)
    .where(eq(adminUnit.level, 'district'));
  const match = rows.find((r) => r.searchText.replace(/^(quan|huyen|thi xa) /, '') === foldedName);
  return match?.code ?? null;
}
