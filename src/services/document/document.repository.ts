import { aliasedTable, and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminUnit } from '../../db/schema/admin-unit';
import { appUser } from '../../db/schema/identity';
import { organisation } from '../../db/schema/organisation';
import { project } from '../../db/schema/project';
import { document } from '../../db/schema/document';
import { zone, zoneLifecycleEvent } from '../../db/schema/zone';
import type { ZoneFamily } from '../../domain/identity/roles';
import type { DocumentEntityType } from '../../domain/document/document';
import type { ProjectVisibility } from '../project/project.policy';
import { investor, projectVisibilityFilter } from '../project/project.repository';
import { zoneFamilySql } from '../zone/zone.repository';

const uploader = aliasedTable(appUser, 'uploader');
const withdrawer = aliasedTable(appUser, 'withdrawer');

const columns = {
  id: document.id,
  entityType: document.entityType,
  entityId: document.entityId,
  title: document.title,
  docNo: document.docNo,
  docDate: document.docDate,
  fileName: document.fileName,
  mimeType: document.mimeType,
  sizeBytes: document.sizeBytes,
  sha256: document.sha256,
  uploadedByName: uploader.displayName,
  uploadedAt: document.uploadedAt,
  withdrawnAt: document.withdrawnAt,
  withdrawnByName: withdrawer.displayName,
  withdrawalReason: document.withdrawalReason,
};

export type DocumentRow = {
  id: string;
  entityType: string;
  entityId: string;
  title: string;
  docNo: string | null;
  docDate: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: Date;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
};

function select(db: Db) {
  return db
    .select(columns)
    .from(document)
    .leftJoin(uploader, eq(uploader.id, document.uploadedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, document.withdrawnBy));
}

export async function findDocumentById(db: Db, id: string): Promise<DocumentRow | undefined> {
  const rows = await select(db).where(eq(document.id, id)).limit(1);
  return rows[0];
}

/**
 * The documents attached to any of the given records: those in force first, then by document date and
 * upload time, newest first.
 */
export async function findDocumentsOf(
  db: Db,
  attachments: { entityType: DocumentEntityType; ids: string[] }[],
): Promise<DocumentRow[]> {
  const clauses: SQL[] = attachments
    .filter((a) => a.ids.length > 0)
    .map((a) => and(eq(document.entityType, a.entityType), inArray(document.entityId, a.ids))!);
  if (!clauses.length) return [];
  return select(db)
    .where(or(...clauses))
    .orderBy(
      sql`${document.withdrawnAt} is not null`,
      sql`${document.docDate} desc nulls last`,
      desc(document.uploadedAt),
      asc(document.title),
    );
}

export async function insertDocument(db: Db, values: typeof document.$inferInsert): Promise<string> {
  const rows = await db.insert(document).values(values).returning({ id: document.id });
  return rows[0]!.id;
}

/** Marks a document withdrawn, if it is not already; false when someone withdrew it first. */
export async function markWithdrawn(
  db: Db,
  id: string,
  values: { at: Date; by: string; reason: string },
): Promise<boolean> {
  const rows = await db
    .update(document)
    .set({ withdrawnAt: values.at, withdrawnBy: values.by, withdrawalReason: values.reason })
    .where(and(eq(document.id, id), isNull(document.withdrawnAt)))
    .returning({ id: document.id });
  return rows.length === 1;
}

/** A lifecycle event, with its zone: what a document attached to it belongs to. */
export async function findLifecycleEventRef(db: Db, id: string) {
  const rows = await db
    .select({
      id: zoneLifecycleEvent.id,
      zoneId: zoneLifecycleEvent.zoneId,
      state: zoneLifecycleEvent.state,
      eventDate: zoneLifecycleEvent.eventDate,
    })
    .from(zoneLifecycleEvent)
    .where(eq(zoneLifecycleEvent.id, id))
    .limit(1);
  return rows[0];
}

export async function findLifecycleEventRefs(db: Db, zoneId: string) {
  return db
    .select({
      id: zoneLifecycleEvent.id,
      state: zoneLifecycleEvent.state,
      eventDate: zoneLifecycleEvent.eventDate,
    })
    .from(zoneLifecycleEvent)
    .where(eq(zoneLifecycleEvent.zoneId, zoneId));
}

/** A project within the visibility, with the facts of its zone that the policies need. */
export async function findProjectScope(
  db: Db,
  visibility: ProjectVisibility,
  by: { id: string } | { code: string },
) {
  const rows = await db
    .select({
      id: project.id,
      code: project.code,
      name: project.name,
      zoneId: zone.id,
      zoneCode: zone.code,
      family: zoneFamilySql,
      communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
      developerCode: sql<
        string | null
      >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
    })
    .from(project)
    .innerJoin(zone, eq(zone.id, project.zoneId))
    .leftJoin(investor, eq(investor.id, project.investorId))
    .where(
      and(
        'id' in by ? eq(project.id, by.id) : eq(project.code, by.code),
        projectVisibilityFilter(visibility),
      ),
    )
    .limit(1);
  const row = rows[0];
  return row ? { ...row, family: row.family as ZoneFamily } : undefined;
}
