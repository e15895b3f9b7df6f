import {
  aliasedTable,
  and,
  asc,
  desc,
  eq,
  inArray,
  isNull,
  like,
  ne,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { named } from '../../db/named-statements';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { investmentEvent, project, projectRecordColumns } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import { vsicSections, type ProjectListQuery, type ProjectSort } from '../../domain/project/project.schema';
import { foldedSql } from '../organisation/organisation.repository';
import { zoneVisibilityFilter, zoneFamilySql } from '../zone/zone.repository';
import type { ZoneVisibility } from '../zone/zone.policy';
import type { ProjectVisibility } from './project.policy';

/** The investor of a project. The zone keeps its table name: zoneVisibilityFilter refers to "zone". */
export const investor = aliasedTable(organisation, 'investor');

/** The visibility of project.policy.ts as SQL over project ⋈ zone ⋈ investor. */
export function projectVisibilityFilter(visibility: ProjectVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  const clauses: (SQL | undefined)[] = [sql`false`, zoneVisibilityFilter(visibility.zones)];
  if (visibility.investorOrgCodes.length) clauses.push(inArray(investor.code, visibility.investorOrgCodes));
  return or(...clauses);
}

/** decreases and terminations subtract. */
const signedAmount = sql`case when ${investmentEvent.kind} in ('decrease', 'termination') then -${investmentEvent.amount} else ${investmentEvent.amount} end`;

/** Registered capital per currency: the ledger summed in SQL, amounts as decimal strings. */
const registeredCapitalSql = sql<{ currency: string; amount: string }[]>`(
  select coalesce(json_agg(json_build_object('currency', s.currency, 'amount', s.amount::text) order by s.currency), '[]'::json)
  from (select e.currency, sum(case when e.kind in ('decrease', 'termination') then -e.amount else e.amount end) as amount
        from ${investmentEvent} e where e.project_id = ${project.id} group by e.currency) s)`;

const summaryColumns = {
  id: project.id,
  code: project.code,
  name: project.name,
  zoneId: project.zoneId,
  zoneCode: zone.code,
  zoneName: zone.name,
  zoneKind: zone.kind,
  zoneFamily: zoneFamilySql,
  zoneCommuneCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
  zoneDeveloperCode: sql<
    string | null
  >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
  investorId: project.investorId,
  investorCode: investor.code,
  investorName: investor.name,
  ownership: investor.ownership,
  ...projectRecordColumns,
  registeredCapital: registeredCapitalSql,
  isSynthetic: project.isSynthetic,
  version: project.version,
  createdAt: project.createdAt,
  updatedAt: project.updatedAt,
};

export type ProjectRow = {
  id: string;
  code: string;
  name: string;
  zoneId: string;
  zoneCode: string;
  zoneName: string;
  zoneKind: string;
  zoneFamily: string;
  zoneCommuneCode: string | null;
  zoneDeveloperCode: string | null;
  investorId: string;
  investorCode: string;
  investorName: string;
  ownership: string | null;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: string | null;
  lot: string | null;
  workers: number | null;
  status: string;
  registeredCapital: { currency: string; amount: string }[] | string;
  isSynthetic: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The projects with their zone and investor (inner joins):
 * `withProjectJoins(db.select(columns).from(project).$dynamic())`, the row typed by the columns.
 */
function withProjectJoins<Q extends PgSelect>(query: Q) {
  return query
    .innerJoin(zone, eq(zone.id, project.zoneId))
    .innerJoin(investor, eq(investor.id, project.investorId));
}

const sortColumns: Record<ProjectSort, SQL | AnyColumn> = {
  code: project.code,
  name: foldedSql(project.name),
  zone: foldedSql(zone.name),
  investor: foldedSql(investor.name),
  certificateDate: project.certificateDate,
  leasedHa: project.leasedHa,
  workers: project.workers,
};

/** A VSIC filter: a section letter covers its divisions; digits match the codes they begin. */
function vsicFilter(vsic: string): SQL | undefined {
  const section = vsicSections[vsic];
  if (!section) return like(project.vsicCode, `${vsic}%`);
  return or(
    eq(project.vsicCode, vsic),
    sql`(${project.vsicCode} ~ '^[0-9]{2}' and left(${project.vsicCode}, 2) between ${section[0]} and ${section[1]})`,
  );
}

export type ProjectListFilter = Omit<ProjectListQuery, 'sort' | 'order'> &
  Partial<Pick<ProjectListQuery, 'sort' | 'order'>> & { searchPattern?: string };

/** The WHERE of a project list: the caller's visibility and the list's filters. */
function projectListWhere(visibility: ProjectVisibility, query: ProjectListFilter): SQL | undefined {
  const filters: (SQL | undefined)[] = [projectVisibilityFilter(visibility)];
  if (query.searchPattern) {
    filters.push(
      or(like(project.searchText, query.searchPattern), like(investor.searchText, query.searchPattern)),
    );
  }
  if (query.zone) filters.push(eq(zone.code, query.zone));
  if (query.investor) filters.push(eq(investor.code, query.investor));
  if (query.status) filters.push(eq(project.status, query.status));
  if (query.vsic) filters.push(vsicFilter(query.vsic));
  if (query.ownership === 'fdi') filters.push(eq(investor.ownership, 'fdi'));
  else if (query.ownership === 'domestic') filters.push(ne(investor.ownership, 'fdi'));
  else if (query.ownership === 'unknown') filters.push(isNull(investor.ownership));
  return and(...filters);
}

export async function findProjects(
  db: Db,
  visibility: ProjectVisibility,
  query: ProjectListFilter,
): Promise<{ rows: ProjectRow[]; total: number }> {
  const where = projectListWhere(visibility, query);
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, totals] = await Promise.all([
    withProjectJoins(db.select(summaryColumns).from(project).$dynamic())
      .where(where)
      .orderBy(sql`${direction(sortColumns[query.sort ?? 'code'])} nulls last`, asc(project.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    withProjectJoins(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(project)
        .$dynamic(),
    ).where(where),
  ]);
  return {
    rows,
    total: Number(totals[0]?.n ?? 0),
  };
}

/** The columns of the import template, for an export. */
export type ProjectExportRow = Pick<
  ProjectRow,
  | 'code'
  | 'name'
  | 'zoneCode'
  | 'investorCode'
  | 'certificateNo'
  | 'certificateDate'
  | 'vsicCode'
  | 'leasedHa'
  | 'lot'
  | 'workers'
  | 'status'
>;

/**
 * Every project of a list, in its order, with only the columns an export writes — in one statement: paging
 * the screen's query (OFFSET, and registered capital summed per row) made an export of 150,000 projects
 * quadratic (over 300 s on the embedded database).
 */
export async function findProjectsForExport(
  db: Db,
  visibility: ProjectVisibility,
  query: ProjectListFilter,
): Promise<ProjectExportRow[]> {
  const direction = query.order === 'desc' ? desc : asc;
  const rows = await withProjectJoins(
    db
      .select({
        code: project.code,
        name: project.name,
        zoneCode: zone.code,
        investorCode: investor.code,
        ...projectRecordColumns,
      })
      .from(project)
      .$dynamic(),
  )
    .where(projectListWhere(visibility, query))
    .orderBy(sql`${direction(sortColumns[query.sort ?? 'code'])} nulls last`, asc(project.code));
  return rows;
}

/** One project by code within the visibility (undefined when absent or outside it). */
export async function findProjectByCode(
  db: Db,
  visibility: ProjectVisibility,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProjectRow | undefined> {
  const query = withProjectJoins(db.select(summaryColumns).from(project).$dynamic())
    .where(and(eq(project.code, code), projectVisibilityFilter(visibility)))
    .limit(1);
  // Appending to a ledger locks the project row, so two concurrent appends are checked one after the other.
  const rows = await named(options.forUpdate ? query.for('update', { of: project }) : query).execute();
  return rows[0];
}

export async function projectCodeExists(db: Db, code: string): Promise<boolean> {
  const rows = await db.select({ id: project.id }).from(project).where(eq(project.code, code)).limit(1);
  return rows.length > 0;
}

/** The facts zone.policy.ts needs about a zone the actor can see (undefined otherwise). */
export async function findZoneFacts(db: Db, visibility: ZoneVisibility, code: string) {
  const rows = await db
    .select({
      id: zone.id,
      code: zone.code,
      family: zoneFamilySql,
      communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
      developerCode: sql<
        string | null
      >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
    })
    .from(zone)
    .where(and(eq(zone.code, code), zoneVisibilityFilter(visibility)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, family: row.family as 'KCN' | 'CCN' } : undefined;
}

export async function findOrganisationRef(db: Db, code: string) {
  const rows = await db
    .select({ id: organisation.id, code: organisation.code, name: organisation.name })
    .from(organisation)
    .where(eq(organisation.code, code))
    .limit(1);
  return rows[0];
}

export type ProjectWrite = Partial<typeof project.$inferInsert>;

export async function insertProject(db: Db, values: typeof project.$inferInsert): Promise<string> {
  const rows = await db.insert(project).values(values).returning({ id: project.id });
  return rows[0]!.id;
}

/** Updates only if the project is still at `expectedVersion`; false when someone got there first. */
export async function updateProject(
  db: Db,
  id: string,
  expectedVersion: number,
  values: ProjectWrite,
): Promise<boolean> {
  const rows = await db
    .update(project)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(project.id, id), eq(project.version, expectedVersion)))
    .returning({ id: project.id });
  return rows.length === 1;
}

export type InvestmentEventRow = {
  id: string;
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
  registeredAfter: string;
  createdAt: Date;
};

/** The ledger in order (date, then recording order), each event with the running capital of its currency. */
export async function findInvestmentEvents(db: Db, projectId: string): Promise<InvestmentEventRow[]> {
  const order = sql`${investmentEvent.eventDate}, ${investmentEvent.createdAt}, ${investmentEvent.id}`;
  const rows = await named(
    db
      .select({
        id: investmentEvent.id,
        kind: investmentEvent.kind,
        eventDate: investmentEvent.eventDate,
        amount: investmentEvent.amount,
        currency: investmentEvent.currency,
        note: investmentEvent.note,
        registeredAfter: sql<string>`(sum(${signedAmount}) over (partition by ${investmentEvent.currency} order by ${order} rows between unbounded preceding and current row))::text`,
        createdAt: investmentEvent.createdAt,
      })
      .from(investmentEvent)
      .where(eq(investmentEvent.projectId, projectId))
      .orderBy(asc(investmentEvent.eventDate), asc(investmentEvent.createdAt), asc(investmentEvent.id)),
  ).execute();
  return rows;
}

export async function insertInvestmentEvent(
  db: Db,
  values: typeof investmentEvent.$inferInsert,
): Promise<string> {
  const rows = await db.insert(investmentEvent).values(values).returning({ id: investmentEvent.id });
  return rows[0]!.id;
}
