import { aliasedTable, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { versionedUpsertByCode } from './versioned-upsert';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { project, projectRecordColumns } from '../../db/schema/project';
import { zone } from '../../db/schema/zone';
import { chunked } from './zone-import.repository';

/**
 * The SQL of project imports, set-based: existing projects by code (with their zone's policy facts), the
 * zones referenced by code, and writes as one multi-row INSERT … ON CONFLICT (code) DO UPDATE per batch.
 */

const projectZone = aliasedTable(zone, 'imp_project_zone');
const investor = aliasedTable(organisation, 'imp_investor');

/** What zone.policy.ts needs about a zone, and its id. */
export type ZoneFactsRow = {
  id: string;
  code: string;
  kind: string;
  communeCode: string | null;
  developerCode: string | null;
};

/** A project as the import sheet sees it: codes instead of ids, numbers as the database returns them. */
export type ProjectSheetRow = {
  id: string;
  version: number;
  code: string;
  name: string;
  zoneId: string;
  zoneCode: string;
  zoneKind: string;
  zoneCommuneCode: string | null;
  zoneDeveloperCode: string | null;
  investorId: string;
  investorCode: string;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: string | null;
  lot: string | null;
  workers: number | null;
  status: string;
};

export async function findProjectSheetRowsByCode(
  db: Db,
  codes: readonly string[],
): Promise<ProjectSheetRow[]> {
  return chunked(codes, (chunk) =>
    db
      .select({
        id: project.id,
        version: project.version,
        code: project.code,
        name: project.name,
        zoneId: project.zoneId,
        zoneCode: projectZone.code,
        zoneKind: projectZone.kind,
        zoneCommuneCode: sql<
          string | null
        >`(select u.code from ${adminUnit} u where u.id = ${projectZone.communeId})`,
        zoneDeveloperCode: sql<
          string | null
        >`(select d.code from ${organisation} d where d.id = ${projectZone.developerId})`,
        investorId: project.investorId,
        investorCode: investor.code,
        ...projectRecordColumns,
      })
      .from(project)
      .innerJoin(projectZone, eq(projectZone.id, project.zoneId))
      .innerJoin(investor, eq(investor.id, project.investorId))
      .where(inArray(project.code, chunk)),
  );
}

/** Zones by code with the facts of their policy, whoever's they are (the service checks each row). */
export async function findZoneFactsByCode(db: Db, codes: readonly string[]): Promise<ZoneFactsRow[]> {
  return chunked(codes, (chunk) =>
    db
      .select({
        id: zone.id,
        code: zone.code,
        kind: zone.kind,
        communeCode: sql<string | null>`(select u.code from ${adminUnit} u where u.id = ${zone.communeId})`,
        developerCode: sql<
          string | null
        >`(select d.code from ${organisation} d where d.id = ${zone.developerId})`,
      })
      .from(zone)
      .where(inArray(zone.code, chunk)),
  );
}

export type ProjectUpsert = {
  id: string;
  code: string;
  zoneId: string;
  investorId: string;
  name: string;
  certificateNo: string | null;
  certificateDate: string | null;
  vsicCode: string | null;
  leasedHa: string | null;
  lot: string | null;
  workers: number | null;
  status: string;
  searchText: string;
  /** 1 for a new project; the version read + 1 for an update. */
  version: number;
};

const writeColumns = {
  id: 'uuid',
  code: 'text',
  zone_id: 'uuid',
  investor_id: 'uuid',
  name: 'text',
  certificate_no: 'text',
  certificate_date: 'date',
  vsic_code: 'text',
  leased_ha: 'numeric',
  lot: 'text',
  workers: 'integer',
  status: 'text',
  search_text: 'text',
  version: 'integer',
} as const;
const upsert = versionedUpsertByCode(project, writeColumns);

/** New and changed projects in one statement, version-checked (`versionedUpsertByCode`); returns how many were written. */
export async function upsertProjects(db: Db, rows: readonly ProjectUpsert[]): Promise<number> {
  return upsert(
    db,
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      zone_id: r.zoneId,
      investor_id: r.investorId,
      name: r.name,
      certificate_no: r.certificateNo,
      certificate_date: r.certificateDate,
      vsic_code: r.vsicCode,
      leased_ha: r.leasedHa,
      lot: r.lot,
      workers: r.workers,
      status: r.status,
      search_text: r.searchText,
      version: r.version,
    })),
  );
}
