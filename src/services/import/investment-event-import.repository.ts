import { aliasedTable, and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { investmentEvent, project } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import type { InvestmentEventExportQuery } from '../../domain/import/investment-event-import';
import type { ProjectVisibility } from '../project/project.policy';
import { projectVisibilityFilter } from '../project/project.repository';
import { chunked } from './zone-import.repository';

/**
 * The SQL of capital-ledger imports and exports: the projects of a file (locked for the transaction, as
 * appending to a ledger locks its project) with their zone's policy facts, their ledgers in recording
 * order, and appends as plain multi-row INSERTs — never UPDATE or DELETE on investment_event, so the
 * ledger's triggers see every event once.
 */

export type ProjectLedgerRef = {
  id: string;
  code: string;
  version: number;
  status: string;
  zoneCode: string;
  zoneKind: string;
  zoneCommuneCode: string | null;
  zoneDeveloperCode: string | null;
};

/** Projects by code with their zone's facts; `lock` takes the project rows FOR UPDATE. */
export async function findProjectLedgerRefs(
  db: Db,
  codes: readonly string[],
  options: { lock: boolean },
): Promise<ProjectLedgerRef[]> {
  return chunked(codes, async (chunk) => {
    const query = db
      .select({
        id: project.id,
        code: project.code,
        version: project.version,
        status: project.status,
        zoneCode: zone.code,
        zoneKind: zone.kind,
        zoneCommuneCode: sql<
          string | null
        >`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
        zoneDeveloperCode: sql<
          string | null
        >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
      })
      .from(project)
      .innerJoin(zone, eq(zone.id, project.zoneId))
      .where(inArray(project.code, chunk));
    return options.lock ? query.for('update', { of: project }) : query;
  });
}

export type StoredEvent = {
  id: string;
  projectId: string;
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
};

/** The ledgers of these projects, each in recording order (date, then when recorded), as the service reads it. */
export async function findLedgers(db: Db, projectIds: readonly string[]): Promise<StoredEvent[]> {
  return chunked(projectIds, (chunk) =>
    db
      .select({
        id: investmentEvent.id,
        projectId: investmentEvent.projectId,
        kind: investmentEvent.kind,
        eventDate: investmentEvent.eventDate,
        amount: investmentEvent.amount,
        currency: investmentEvent.currency,
        note: investmentEvent.note,
      })
      .from(investmentEvent)
      .where(inArray(investmentEvent.projectId, chunk))
      .orderBy(
        asc(investmentEvent.projectId),
        asc(investmentEvent.eventDate),
        asc(investmentEvent.createdAt),
        asc(investmentEvent.id),
      ),
  );
}

export type EventInsert = {
  id: string;
  projectId: string;
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
  /** Recording order within the import: created_at = the transaction's time + seq microseconds. */
  seq: number;
};

/** Appends events in one plain INSERT (the rows as one JSON parameter). */
export async function insertInvestmentEvents(db: Db, rows: readonly EventInsert[]): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      project_id: r.projectId,
      kind: r.kind,
      event_date: r.eventDate,
      amount: r.amount,
      currency: r.currency,
      note: r.note,
      seq: r.seq,
    })),
  );
  const result = await db.execute(sql`
    insert into ${investmentEvent} (id, project_id, kind, event_date, amount, currency, note, created_at)
    select r.id, r.project_id, r.kind, r.event_date, r.amount, r.currency, r.note,
      now() + make_interval(secs => r.seq / 1000000.0)
    from jsonb_to_recordset(${json}::jsonb)
      as r(id uuid, project_id uuid, kind text, event_date date, amount numeric, currency text, note text, seq integer)
    returning id`);
  return rowsOf(result).length;
}

/**
 * A termination closes its project: status "terminated", version + 1 — only where the project is still at
 * the version read (it is locked, so it is). Returns how many were updated.
 */
export async function terminateProjects(
  db: Db,
  rows: readonly { id: string; version: number }[],
): Promise<number> {
  if (!rows.length) return 0;
  const json = JSON.stringify(rows);
  const result = await db.execute(sql`
    update ${project} p set status = 'terminated', version = p.version + 1, updated_at = now()
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, version integer)
    where p.id = r.id and p.version = r.version
    returning p.id`);
  return rowsOf(result).length;
}

const investor = aliasedTable(organisation, 'investor');

export type EventExportRow = {
  projectCode: string;
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
  note: string | null;
};

/**
 * The events of the projects the actor may see (project.policy's visibility as SQL), filtered, by project
 * code and then in ledger order.
 */
export async function findEventsForExport(
  db: Db,
  visibility: ProjectVisibility,
  query: InvestmentEventExportQuery,
): Promise<EventExportRow[]> {
  const filters: (SQL | undefined)[] = [projectVisibilityFilter(visibility)];
  if (query.project) filters.push(eq(project.code, query.project));
  if (query.zone) filters.push(eq(zone.code, query.zone));
  if (query.investor) filters.push(eq(investor.code, query.investor));
  if (query.kind) filters.push(eq(investmentEvent.kind, query.kind));
  if (query.from) filters.push(gte(investmentEvent.eventDate, query.from));
  if (query.to) filters.push(lte(investmentEvent.eventDate, query.to));
  return db
    .select({
      projectCode: project.code,
      kind: investmentEvent.kind,
      eventDate: investmentEvent.eventDate,
      amount: investmentEvent.amount,
      currency: investmentEvent.currency,
      note: investmentEvent.note,
    })
    .from(investmentEvent)
    .innerJoin(project, eq(project.id, investmentEvent.projectId))
    .innerJoin(zone, eq(zone.id, project.zoneId))
    .innerJoin(investor, eq(investor.id, project.investorId))
    .where(and(...filters))
    .orderBy(
      asc(project.code),
      asc(investmentEvent.eventDate),
      asc(investmentEvent.createdAt),
      asc(investmentEvent.id),
    );
}
