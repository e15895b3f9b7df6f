import { aliasedTable, and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { versionedUpsertByCode } from './versioned-upsert';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { zone } from '../../db/schema/zone';

/**
 * The SQL of zone imports and exports, set-based: existing zones by code in one query, each kind of
 * reference code in one query, and writes as multi-row INSERT … ON CONFLICT (code) DO UPDATE. Code lists
 * are chunked so that no statement exceeds PostgreSQL's parameter limit.
 */

const CHUNK = 5000;

/** Runs `run` over the distinct codes, 5,000 at a time, and concatenates the results. */
export async function chunked<T>(
  codes: readonly string[],
  run: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const unique = [...new Set(codes)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

const commune = aliasedTable(adminUnit, 'imp_commune');
const district = aliasedTable(adminUnit, 'imp_district');
const formerCommune = aliasedTable(adminUnit, 'imp_former_commune');
const developer = aliasedTable(organisation, 'imp_developer');
const parent = aliasedTable(zone, 'imp_parent');

/** A zone as the import sheet sees it: codes instead of ids, numbers as the database returns them. */
export type ZoneSheetRow = {
  id: string;
  version: number;
  hasBoundary: boolean;
  code: string;
  name: string;
  kind: string;
  ccnTypeCode: string | null;
  phaseOfCode: string | null;
  phaseNo: number | null;
  communeCode: string | null;
  formerDistrictCode: string | null;
  formerCommuneCode: string | null;
  declaredAreaHa: string | null;
  industrialLandHa: string | null;
  infrastructureCompleteHa: string | null;
  leasedHa: string | null;
  approvedHa: string | null;
  priorityReservedHa: string | null;
  developerCode: string | null;
  managingAuthority: string | null;
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpStatus: string | null;
  wwtpCapacityM3Day: string | null;
  fireSafetyStatus: string | null;
  lat: number | null;
  lon: number | null;
  sourceStatusText: string | null;
  notes: string | null;
  sources: string[] | null;
  communeId: string | null;
  formerDistrictId: string | null;
  formerCommuneId: string | null;
  developerId: string | null;
  phaseOfId: string | null;
};

function sheetRows(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: zone.id,
      version: zone.version,
      hasBoundary: sql<boolean>`${zone.boundary} is not null`,
      code: zone.code,
      name: zone.name,
      kind: zone.kind,
      ccnTypeCode: zone.ccnTypeCode,
      phaseOfCode: parent.code,
      phaseNo: zone.phaseNo,
      communeCode: commune.code,
      formerDistrictCode: district.code,
      formerCommuneCode: formerCommune.code,
      declaredAreaHa: zone.declaredAreaHa,
      industrialLandHa: zone.industrialLandHa,
      infrastructureCompleteHa: zone.infrastructureCompleteHa,
      leasedHa: zone.leasedHa,
      approvedHa: zone.approvedHa,
      priorityReservedHa: zone.priorityReservedHa,
      developerCode: developer.code,
      managingAuthority: zone.managingAuthority,
      infraInvestmentApprovedVnd: zone.infraInvestmentApprovedVnd,
      infraInvestmentPaidVnd: zone.infraInvestmentPaidVnd,
      wwtpStatus: zone.wwtpStatus,
      wwtpCapacityM3Day: zone.wwtpCapacityM3Day,
      fireSafetyStatus: zone.fireSafetyStatus,
      lat: sql<number | null>`st_y(${zone.location})`,
      lon: sql<number | null>`st_x(${zone.location})`,
      sourceStatusText: zone.sourceStatusText,
      notes: zone.notes,
      sources: zone.sources,
      communeId: zone.communeId,
      formerDistrictId: zone.formerDistrictId,
      formerCommuneId: zone.formerCommuneId,
      developerId: zone.developerId,
      phaseOfId: zone.phaseOfId,
    })
    .from(zone)
    .leftJoin(parent, eq(parent.id, zone.phaseOfId))
    .leftJoin(commune, eq(commune.id, zone.communeId))
    .leftJoin(district, eq(district.id, zone.formerDistrictId))
    .leftJoin(formerCommune, eq(formerCommune.id, zone.formerCommuneId))
    .leftJoin(developer, eq(developer.id, zone.developerId))
    .where(where);
}

/** Zones by code, whoever's they are (the service applies the policy per row). */
export async function findZoneSheetRowsByCode(db: Db, codes: readonly string[]): Promise<ZoneSheetRow[]> {
  return chunked(codes, (chunk) => sheetRows(db, inArray(zone.code, chunk)) as Promise<ZoneSheetRow[]>);
}

/** Zones by id (exports, after the list query chose and ordered them). */
export async function findZoneSheetRowsById(db: Db, ids: readonly string[]): Promise<ZoneSheetRow[]> {
  return chunked(ids, (chunk) => sheetRows(db, inArray(zone.id, chunk)) as Promise<ZoneSheetRow[]>);
}

export type ReferenceKind = 'commune' | 'formerDistrict' | 'formerCommune' | 'organisation' | 'zone';

/**
 * code → id for one kind of reference, in one query per 5,000 codes: communes in force, former districts,
 * former (pre-2025) communes, organisations, zones — the same sets the zone service resolves one by one.
 */
export async function resolveCodes(
  db: Db,
  kind: ReferenceKind,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const rows = await chunked(codes, async (chunk): Promise<{ id: string; code: string }[]> => {
    switch (kind) {
      case 'commune':
        return db
          .select({ id: adminUnit.id, code: adminUnit.code })
          .from(adminUnit)
          .where(
            and(eq(adminUnit.level, 'commune'), isNull(adminUnit.validTo), inArray(adminUnit.code, chunk)),
          );
      case 'formerDistrict':
        return db
          .select({ id: adminUnit.id, code: adminUnit.code })
          .from(adminUnit)
          .where(and(eq(adminUnit.level, 'district'), inArray(adminUnit.code, chunk)));
      case 'formerCommune':
        return db
          .select({ id: adminUnit.id, code: adminUnit.code })
          .from(adminUnit)
          .where(
            and(eq(adminUnit.level, 'commune'), isNotNull(adminUnit.validTo), inArray(adminUnit.code, chunk)),
          );
      case 'organisation':
        return db
          .select({ id: organisation.id, code: organisation.code })
          .from(organisation)
          .where(inArray(organisation.code, chunk));
      case 'zone':
        return db.select({ id: zone.id, code: zone.code }).from(zone).where(inArray(zone.code, chunk));
    }
  });
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** One zone to write: every importable column (ids resolved), and the version it will have. */
export type ZoneUpsert = {
  id: string;
  code: string;
  name: string;
  kind: string;
  ccnTypeCode: string | null;
  phaseOfId: string | null;
  phaseNo: number | null;
  communeId: string | null;
  formerDistrictId: string | null;
  formerCommuneId: string | null;
  location: { lat: number; lon: number } | null;
  declaredAreaHa: string | null;
  industrialLandHa: string | null;
  infrastructureCompleteHa: string | null;
  leasedHa: string | null;
  approvedHa: string | null;
  priorityReservedHa: string | null;
  developerId: string | null;
  managingAuthority: string | null;
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpStatus: string | null;
  wwtpCapacityM3Day: string | null;
  fireSafetyStatus: string | null;
  sourceStatusText: string | null;
  notes: string | null;
  sources: string[];
  searchText: string;
  /** 1 for a new zone; the version read + 1 for an update. */
  version: number;
};

/** The written columns with their SQL types, as `jsonb_to_recordset` reads them (JSON keys = column names). */
const writeColumns = {
  id: 'uuid',
  code: 'text',
  name: 'text',
  kind: 'text',
  ccn_type_code: 'text',
  phase_of_id: 'uuid',
  phase_no: 'integer',
  commune_id: 'uuid',
  former_district_id: 'uuid',
  former_commune_id: 'uuid',
  declared_area_ha: 'numeric',
  industrial_land_ha: 'numeric',
  infrastructure_complete_ha: 'numeric',
  leased_ha: 'numeric',
  approved_ha: 'numeric',
  priority_reserved_ha: 'numeric',
  developer_id: 'uuid',
  managing_authority: 'text',
  infra_investment_approved_vnd: 'numeric',
  infra_investment_paid_vnd: 'numeric',
  wwtp_status: 'text',
  wwtp_capacity_m3_day: 'numeric',
  fire_safety_status: 'text',
  source_status_text: 'text',
  notes: 'text',
  sources: 'jsonb',
  search_text: 'text',
  version: 'integer',
} as const;
const upsert = versionedUpsertByCode(zone, writeColumns, [
  {
    name: 'location',
    fields: ['lat float8', 'lon float8'],
    select:
      'case when r.lat is not null and r.lon is not null then st_setsrid(st_makepoint(r.lon, r.lat), 4326) end',
  },
]);

/** New and changed zones in one statement, version-checked (`versionedUpsertByCode`); returns how many were written. */
export async function upsertZones(db: Db, rows: readonly ZoneUpsert[]): Promise<number> {
  return upsert(
    db,
    rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      ccn_type_code: r.ccnTypeCode,
      phase_of_id: r.phaseOfId,
      phase_no: r.phaseNo,
      commune_id: r.communeId,
      former_district_id: r.formerDistrictId,
      former_commune_id: r.formerCommuneId,
      declared_area_ha: r.declaredAreaHa,
      industrial_land_ha: r.industrialLandHa,
      infrastructure_complete_ha: r.infrastructureCompleteHa,
      leased_ha: r.leasedHa,
      approved_ha: r.approvedHa,
      priority_reserved_ha: r.priorityReservedHa,
      developer_id: r.developerId,
      managing_authority: r.managingAuthority,
      infra_investment_approved_vnd: r.infraInvestmentApprovedVnd,
      infra_investment_paid_vnd: r.infraInvestmentPaidVnd,
      wwtp_status: r.wwtpStatus,
      wwtp_capacity_m3_day: r.wwtpCapacityM3Day,
      fire_safety_status: r.fireSafetyStatus,
      source_status_text: r.sourceStatusText,
      notes: r.notes,
      sources: r.sources,
      search_text: r.searchText,
      version: r.version,
      lat: r.location?.lat ?? null,
      lon: r.location?.lon ?? null,
    })),
  );
}
