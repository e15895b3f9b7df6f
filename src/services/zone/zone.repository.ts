import { aliasedTable, and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { adminUnit } from '../../db/schema/admin-unit';
import { organisation } from '../../db/schema/organisation';
import { project } from '../../db/schema/project';
import { ccnType, zone, zoneLifecycleEvent } from '../../db/schema/zone';
import type { ZoneListQuery } from '../../domain/zone/zone.schema';
import type { ZoneVisibility } from './zone.policy';

/** The zone's family as SQL (CCN → CCN; KCN, KCX, KCNC → KCN). */
export const zoneFamilySql = sql<string>`case when ${zone.kind} = 'CCN' then 'CCN' else 'KCN' end`;

/**
 * The current lifecycle state, derived in SQL exactly as domain/zone/lifecycle.ts derives it: the latest
 * event that moves the zone (annotations and resumptions excluded; a suspension that was later resumed
 * no longer counts). The zone's id is named with its table: Drizzle leaves columns unqualified in a query
 * without joins, where a bare "id" would be the event's.
 */
export const lifecycleStateSql = sql<string | null>`(
  select e.state from ${zoneLifecycleEvent} e
  where e.zone_id = ${zone}.id
    and e.state not in ('expanded', 'adjusted', 'resumed')
    and not (e.state = 'suspended' and exists (
      select 1 from ${zoneLifecycleEvent} r
      where r.zone_id = e.zone_id and r.state = 'resumed' and (r.event_date, r.seq) > (e.event_date, e.seq)))
  order by e.event_date desc, e.seq desc limit 1)`;

/**
 * Decree 32 occupancy as SQL, for sorting the list and the map's properties only: every other reader computes
 * it with domain/zone/occupancy.ts (`zone.occupancy.db.test.ts` proves the two agree).
 */
export const occupancySql = sql<string | null>`case when ${zone.industrialLandHa} > 0
  then (coalesce(${zone.leasedHa}, 0) + coalesce(${zone.approvedHa}, 0)) / ${zone.industrialLandHa} end`;

const communeUnit = aliasedTable(adminUnit, 'commune_unit');
const districtUnit = aliasedTable(adminUnit, 'district_unit');

/** The visibility of zone.policy.ts as SQL: applied in every query, so a forgotten check returns nothing. */
export function zoneVisibilityFilter(visibility: ZoneVisibility): SQL | undefined {
  if (visibility.kind === 'all') return undefined;
  const clauses: SQL[] = [sql`false`];
  if (visibility.families.length) clauses.push(inArray(zoneFamilySql, visibility.families));
  if (visibility.communeCodes.length) {
    clauses.push(
      sql`${zone.communeId} in (select id from ${adminUnit} where level = 'commune' and valid_to is null and ${inArray(adminUnit.code, visibility.communeCodes)})`,
    );
  }
  if (visibility.zoneCodes.length) clauses.push(inArray(zone.code, visibility.zoneCodes));
  if (visibility.developerOrgCodes.length) {
    clauses.push(
      sql`${zone.developerId} in (select id from ${organisation} where ${inArray(organisation.code, visibility.developerOrgCodes)})`,
    );
  }
  if (visibility.investorOrgCodes.length) {
    clauses.push(
      sql`${zone.id} in (select p.zone_id from ${project} p join ${organisation} o on o.id = p.investor_id
            where o.code in (${sql.join(
              visibility.investorOrgCodes.map((c) => sql`${c}`),
              sql`, `,
            )}))`,
    );
  }
  return or(...clauses);
}

const summaryColumns = {
  id: zone.id,
  code: zone.code,
  name: zone.name,
  kind: zone.kind,
  family: zoneFamilySql,
  ccnTypeCode: zone.ccnTypeCode,
  communeCode: sql<string | null>`${communeUnit.code}`,
  communeName: sql<string | null>`${communeUnit.kind} || ' ' || ${communeUnit.name}`,
  formerDistrictName: sql<string | null>`${districtUnit.kind} || ' ' || ${districtUnit.name}`,
  developerName: sql<string | null>`${organisation.name}`,
  declaredAreaHa: zone.declaredAreaHa,
  industrialLandHa: zone.industrialLandHa,
  leasedHa: zone.leasedHa,
  approvedHa: zone.approvedHa,
  lifecycleState: lifecycleStateSql,
  wwtpStatus: zone.wwtpStatus,
  projects: sql<number>`(select count(*)::int from ${project} where ${project.zoneId} = ${zone.id})`,
  isSynthetic: zone.isSynthetic,
  version: zone.version,
};

export type ZoneSummaryRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  family: string;
  ccnTypeCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  formerDistrictName: string | null;
  developerName: string | null;
  declaredAreaHa: string | null;
  industrialLandHa: string | null;
  leasedHa: string | null;
  approvedHa: string | null;
  lifecycleState: string | null;
  wwtpStatus: string | null;
  projects: number;
  isSynthetic: boolean;
  version: number;
};

function listFilters(visibility: ZoneVisibility, query: Partial<ZoneListQuery> & { searchPattern?: string }) {
  const filters: (SQL | undefined)[] = [zoneVisibilityFilter(visibility)];
  if (query.searchPattern) filters.push(like(zone.searchText, query.searchPattern));
  if (query.family) filters.push(eq(zoneFamilySql, query.family));
  if (query.kind) filters.push(eq(zone.kind, query.kind));
  if (query.ccnType) filters.push(eq(zone.ccnTypeCode, query.ccnType));
  if (query.state === 'none') filters.push(sql`${lifecycleStateSql} is null`);
  else if (query.state) filters.push(sql`${lifecycleStateSql} = ${query.state}`);
  if (query.commune) filters.push(sql`${communeUnit.code} = ${query.commune}`);
  if (query.formerDistrict) filters.push(sql`${districtUnit.code} = ${query.formerDistrict}`);
  if (query.developer) filters.push(eq(organisation.code, query.developer));
  return and(...filters);
}

/**
 * The zones with their commune, former district and developer joined:
 * `withZoneJoins(db.select(columns).from(zone).$dynamic())`. A dynamic query's joins do not change its row
 * type, so every column of the left-joined tables is selected as a nullable `sql<… | null>` fragment.
 */
function withZoneJoins<Q extends PgSelect>(query: Q) {
  return query
    .leftJoin(communeUnit, eq(communeUnit.id, zone.communeId))
    .leftJoin(districtUnit, eq(districtUnit.id, zone.formerDistrictId))
    .leftJoin(organisation, eq(organisation.id, zone.developerId));
}

const sortColumns = {
  code: zone.code,
  name: zone.searchText,
  area: zone.declaredAreaHa,
  occupancy: occupancySql,
  commune: sql`${communeUnit.name}`,
} as const;

export async function findZones(
  db: Db,
  visibility: ZoneVisibility,
  query: ZoneListQuery & { searchPattern?: string },
): Promise<{ rows: ZoneSummaryRow[]; total: number }> {
  const where = listFilters(visibility, query);
  const sortBy = sortColumns[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, totals] = await Promise.all([
    withZoneJoins(db.select(summaryColumns).from(zone).$dynamic())
      .where(where)
      .orderBy(sql`${direction(sortBy)} nulls last`, asc(zone.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    withZoneJoins(
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(zone)
        .$dynamic(),
    ).where(where),
  ]);
  return {
    rows,
    total: Number(totals[0]?.n ?? 0),
  };
}

const detailColumns = {
  ...summaryColumns,
  phaseOfId: zone.phaseOfId,
  phaseNo: zone.phaseNo,
  formerDistrictCode: sql<string | null>`${districtUnit.code}`,
  formerCommuneId: zone.formerCommuneId,
  developerId: zone.developerId,
  developerCode: sql<string | null>`${organisation.code}`,
  infrastructureCompleteHa: zone.infrastructureCompleteHa,
  priorityReservedHa: zone.priorityReservedHa,
  managingAuthority: zone.managingAuthority,
  infraInvestmentApprovedVnd: zone.infraInvestmentApprovedVnd,
  infraInvestmentPaidVnd: zone.infraInvestmentPaidVnd,
  wwtpCapacityM3Day: zone.wwtpCapacityM3Day,
  fireSafetyStatus: zone.fireSafetyStatus,
  boundaryAreaHa: sql<string | null>`round((st_area(${zone.boundary}::geography) / 10000)::numeric, 4)`,
  hasBoundary: sql<boolean>`${zone.boundary} is not null`,
  lat: sql<number | null>`st_y(${zone.location})`,
  lon: sql<number | null>`st_x(${zone.location})`,
  sourceStatusText: zone.sourceStatusText,
  notes: zone.notes,
  sources: zone.sources,
  updatedAt: zone.updatedAt,
  communeId: zone.communeId,
  formerDistrictId: zone.formerDistrictId,
};

export type ZoneDetailRow = ZoneSummaryRow & {
  phaseOfId: string | null;
  phaseNo: number | null;
  formerDistrictCode: string | null;
  formerCommuneId: string | null;
  developerId: string | null;
  developerCode: string | null;
  infrastructureCompleteHa: string | null;
  priorityReservedHa: string | null;
  managingAuthority: string | null;
  infraInvestmentApprovedVnd: string | null;
  infraInvestmentPaidVnd: string | null;
  wwtpCapacityM3Day: string | null;
  fireSafetyStatus: string | null;
  boundaryAreaHa: string | null;
  hasBoundary: boolean;
  lat: number | null;
  lon: number | null;
  sourceStatusText: string | null;
  notes: string | null;
  sources: string[];
  updatedAt: Date;
  communeId: string | null;
  formerDistrictId: string | null;
};

/** One zone by code, within the visibility (undefined when absent or outside it). */
export async function findZoneByCode(
  db: Db,
  visibility: ZoneVisibility,
  code: string,
): Promise<ZoneDetailRow | undefined> {
  const rows = await withZoneJoins(db.select(detailColumns).from(zone).$dynamic())
    .where(and(eq(zone.code, code), zoneVisibilityFilter(visibility)))
    .limit(1);
  return rows[0];
}

export async function findZoneRefs(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: zone.id,
      code: zone.code,
      name: zone.name,
      phaseNo: zone.phaseNo,
      phaseOfId: zone.phaseOfId,
    })
    .from(zone)
    .where(inArray(zone.id, ids));
}

export async function findPhases(db: Db, zoneId: string) {
  return db
    .select({ id: zone.id, code: zone.code, name: zone.name, phaseNo: zone.phaseNo })
    .from(zone)
    .where(eq(zone.phaseOfId, zoneId))
    .orderBy(asc(zone.phaseNo), asc(zone.code));
}

export async function findZoneIdByCode(db: Db, code: string): Promise<string | undefined> {
  const rows = await db.select({ id: zone.id }).from(zone).where(eq(zone.code, code)).limit(1);
  return rows[0]?.id;
}

export async function findCcnTypes(db: Db) {
  return db.select().from(ccnType).where(eq(ccnType.active, true)).orderBy(asc(ccnType.sortOrder));
}

/** Column values of a zone to write: plain values, or SQL (a geometry built in the database). */
export type ZoneWrite = { [K in keyof ZoneInsert]?: ZoneInsert[K] | SQL };
type ZoneInsert = typeof zone.$inferInsert;

export async function insertZone(
  db: Db,
  values: ZoneWrite & Pick<ZoneInsert, 'code' | 'name' | 'kind' | 'searchText'>,
): Promise<string> {
  const rows = await db.insert(zone).values(values).returning({ id: zone.id });
  return rows[0]!.id;
}

/** Updates only if the zone is still at `expectedVersion`; returns false when someone got there first. */
export async function updateZone(
  db: Db,
  id: string,
  expectedVersion: number,
  values: ZoneWrite,
): Promise<boolean> {
  const rows = await db
    .update(zone)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(zone.id, id), eq(zone.version, expectedVersion)))
    .returning({ id: zone.id });
  return rows.length === 1;
}

export async function findLifecycleEvents(db: Db, zoneId: string) {
  return db
    .select()
    .from(zoneLifecycleEvent)
    .where(eq(zoneLifecycleEvent.zoneId, zoneId))
    .orderBy(asc(zoneLifecycleEvent.eventDate), asc(zoneLifecycleEvent.seq));
}

export async function insertLifecycleEvent(db: Db, values: typeof zoneLifecycleEvent.$inferInsert) {
  const rows = await db.insert(zoneLifecycleEvent).values(values).returning();
  return rows[0]!;
}

/** Area-weighted occupancy per group, over the zones the actor may see. */
export async function occupancyByGroup(
  db: Db,
  visibility: ZoneVisibility,
  groupBy: 'commune' | 'formerDistrict' | 'family' | 'city',
  family: 'KCN' | 'CCN' | undefined,
) {
  const key =
    groupBy === 'commune'
      ? sql<string>`coalesce(${communeUnit.code}, '')`
      : groupBy === 'formerDistrict'
        ? sql<string>`coalesce(${districtUnit.code}, '')`
        : groupBy === 'family'
          ? zoneFamilySql
          : sql<string>`${sql.raw("'city'")}`;
  const label =
    groupBy === 'commune'
      ? sql<string | null>`min(${communeUnit.kind} || ' ' || ${communeUnit.name})`
      : groupBy === 'formerDistrict'
        ? sql<string | null>`min(${districtUnit.kind} || ' ' || ${districtUnit.name})`
        : sql<string | null>`null`;
  const query = withZoneJoins(
    db
      .select({
        key,
        label,
        // `zones` counts what the rate is over (hasIndustrialLand); `allZones` every visible record of the group.
        zones: sql<number>`count(*) filter (where ${zone.industrialLandHa} > 0)::int`,
        allZones: sql<number>`count(*)::int`,
        industrialLandHa: sql<string>`coalesce(sum(${zone.industrialLandHa}) filter (where ${zone.industrialLandHa} > 0), 0)`,
        occupiedHa: sql<string>`coalesce(sum(coalesce(${zone.leasedHa}, 0) + coalesce(${zone.approvedHa}, 0)) filter (where ${zone.industrialLandHa} > 0), 0)`,
      })
      .from(zone)
      .$dynamic(),
  ).where(and(zoneVisibilityFilter(visibility), family ? eq(zoneFamilySql, family) : undefined));
  // City-wide is one group over everything (PostgreSQL refuses GROUP/ORDER BY a constant).
  const rows = groupBy === 'city' ? await query : await query.groupBy(key).orderBy(key);
  return rows;
}

/**
 * The rough centre of a zone's former district: the centroid of the rough centres of the communes that
 * succeeded its former communes (districts have no centre of their own in the reference data); null for a
 * zone with no former district. `formerDistrictId` is the column as the caller's query names it.
 */
export const formerDistrictCentreOf = (
  formerDistrictId: SQL,
) => sql`case when ${formerDistrictId} is not null then
  (select st_centroid(st_collect(s.approx_centre))
   from ${adminUnit} old
   join admin_unit_succession l on l.predecessor_id = old.id
   join ${adminUnit} s on s.id = l.successor_id
   where old.parent_id = ${formerDistrictId} and s.approx_centre is not null) end`;

/**
 * The rough centre of the city: the centroid of its current communes' rough centres (an uncorrelated
 * subquery, computed once per query).
 */
const cityCentreSql = sql`(select st_centroid(st_collect(c.approx_centre)) from ${adminUnit} c
  where c.approx_centre is not null and c.valid_to is null)`;

/**
 * A zone known by nothing but its name is drawn on a small ring around the city's centre, at an angle and
 * distance (0.02–0.04°, ~2–4 km) taken from a hash of its code — stable between loads, and spread so that
 * each marker can be clicked.
 */
const cityRingPointOf = (code: SQL) => sql`st_translate(${cityCentreSql},
  (0.02 + 0.02 * ((hashtext(${code} || ':r') & 1023) / 1023.0)) * cos(hashtext(${code})::float8),
  (0.02 + 0.02 * ((hashtext(${code} || ':r') & 1023) / 1023.0)) * sin(hashtext(${code})::float8))`;

/**
 * What decides where a zone is drawn, as the caller's query names it: whether it has a boundary or marker,
 * its commune's rough centre, its former district's (`formerDistrictCentreOf`), and — for the registry's map
 * only — its code, which places a zone known by name only near the city's centre. The public catalogue gives
 * no code: a zone with no commune or district has no public location.
 */
export type PlacementInputs = { located: SQL; communeCentre: SQL; formerDistrictCentre: SQL; cityCode?: SQL };

/**
 * Where a zone is drawn: its boundary or marker ("exact"); else the rough centre of its commune
 * ("commune") or of its former district ("former_district"); else, with no location at all, near the city's
 * centre ("city", with `cityCode`) — all approximate and marked so, so that every zone of the registry can be
 * found on the map; null when none applies. The one statement of the rule: the map and the public catalogue
 * both use it.
 */
export const placementOf = (at: PlacementInputs) => sql<string | null>`case
  when ${at.located} is not null then 'exact'
  when ${at.communeCentre} is not null then 'commune'
  when ${at.formerDistrictCentre} is not null then 'former_district'
  ${at.cityCode ? sql`when ${cityCentreSql} is not null then 'city'` : sql``}
  end`;

/** The approximate point of a zone that is not placed exactly, by the tiers of `placementOf`. */
export const approximatePointOf = (at: PlacementInputs) =>
  at.cityCode
    ? sql`coalesce(${at.communeCentre}, ${at.formerDistrictCentre}, ${cityRingPointOf(at.cityCode)})`
    : sql`coalesce(${at.communeCentre}, ${at.formerDistrictCentre})`;

const registryPlacement: PlacementInputs = {
  located: sql`coalesce(${zone.boundary}, ${zone.location})`,
  communeCentre: sql`${communeUnit.approxCentre}`,
  formerDistrictCentre: formerDistrictCentreOf(sql`${zone.formerDistrictId}`),
  cityCode: sql`${zone.code}`,
};
const placementSql = placementOf(registryPlacement);

/**
 * The map as one GeoJSON FeatureCollection text, built in SQL and sent as is (no parsing and re-serialising
 * 2,000 geometries in Node): each visible zone's boundary when drawn — simplified to `tolerance` degrees
 * when asked, keeping it valid — else its marker point, else (marked `placement` "commune",
 * "former_district" or "city") the rough centre of its commune or former district or a point near the city's; coordinates to 6 decimals
 * (~0.1 m), in code order; numbers as float8, printed shortest (as JSON.stringify would). Zones with no
 * location at all are left out (`findUnplacedZones` names them).
 * `bbox` keeps the zones whose boundary's bounding box (or, without one, marker) meets the box — the GiST
 * indexes' `&&`.
 */
export async function findZoneFeatures(
  db: Db,
  visibility: ZoneVisibility,
  query: Partial<ZoneListQuery> & {
    searchPattern?: string;
    bbox?: [number, number, number, number];
    tolerance?: number;
  },
): Promise<string> {
  const boundary = query.tolerance
    ? sql`st_multi(st_simplifypreservetopology(${zone.boundary}, ${query.tolerance}::float8))`
    : sql`${zone.boundary}`;
  const approximatePoint = approximatePointOf(registryPlacement);
  const properties = sql`json_build_object('code', ${zone.code}, 'name', ${zone.name}, 'kind', ${zone.kind},
    'family', ${zoneFamilySql}, 'lifecycleState', ${lifecycleStateSql}, 'occupancy', (${occupancySql})::float8,
    'declaredAreaHa', ${zone.declaredAreaHa}::float8,
    'geometry', case when ${zone.boundary} is not null then 'boundary' else 'point' end,
    'placement', ${placementSql})::text`;
  // Options 0: no CRS member — the default (8) adds none for EPSG:4326 either, but looks the SRID up in
  // spatial_ref_sys for every geometry, which was most of this query's time (~20 of ~30 ms for 2,000 zones).
  const feature = sql`'{"type":"Feature","geometry":' || st_asgeojson(coalesce(${boundary}, ${zone.location}, ${approximatePoint}), 6, 0)
    || ',"properties":' || ${properties} || '}'`;
  const filters = [listFilters(visibility, query), sql`${placementSql} is not null`];
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox;
    const box = sql`st_makeenvelope(${minLon}::float8, ${minLat}::float8, ${maxLon}::float8, ${maxLat}::float8, 4326)`;
    filters.push(
      sql`(${zone.boundary} && ${box} or (${zone.boundary} is null and ${zone.location} && ${box})
        or (coalesce(${zone.boundary}, ${zone.location}) is null and ${approximatePoint} && ${box}))`,
    );
  }
  const rows = await withZoneJoins(
    db
      .select({
        collection: sql<string>`'{"type":"FeatureCollection","features":['
      || coalesce(string_agg(${feature}, ',' order by ${zone.code}), '') || ']}'`,
      })
      .from(zone)
      .$dynamic(),
  ).where(and(...filters));
  return rows[0]!.collection;
}

/** The visible zones matching the filters that have no location at all (nothing to place them by). */
export async function findUnplacedZones(
  db: Db,
  visibility: ZoneVisibility,
  query: Partial<ZoneListQuery> & { searchPattern?: string },
): Promise<{ code: string; name: string }[]> {
  const rows = await withZoneJoins(db.select({ code: zone.code, name: zone.name }).from(zone).$dynamic())
    .where(and(listFilters(visibility, query), sql`${placementSql} is null`))
    .orderBy(asc(zone.code));
  return rows;
}

/** Sets the boundary from GeoJSON (Polygon or MultiPolygon), moving the marker to its centroid. */
export async function setZoneBoundary(
  db: Db,
  id: string,
  expectedVersion: number,
  geojson: string | null,
): Promise<boolean> {
  const boundary = geojson ? sql`st_multi(st_setsrid(st_geomfromgeojson(${geojson}), 4326))` : sql`null`;
  const rows = await db
    .update(zone)
    .set({
      boundary,
      ...(geojson
        ? {
            location: sql`st_pointonsurface(st_multi(st_setsrid(st_geomfromgeojson(${geojson}), 4326)))`,
          }
        : {}),
      version: expectedVersion + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(zone.id, id), eq(zone.version, expectedVersion)))
    .returning({ id: zone.id });
  return rows.length === 1;
}

/** Checks a GeoJSON geometry in the database: valid polygonal, within Vietnam's rough extent. */
export async function inspectGeometry(db: Db, geojson: string) {
  const rows = await db.execute(sql`select
      st_isvalid(g) as valid, st_isvalidreason(g) as reason, geometrytype(g) as type,
      round((st_area(g::geography) / 10000)::numeric, 4)::text as area_ha,
      st_xmin(g) as xmin, st_xmax(g) as xmax, st_ymin(g) as ymin, st_ymax(g) as ymax
    from (select st_setsrid(st_geomfromgeojson(${geojson}), 4326) as g) s`);
  return rowsOf<{
    valid: boolean;
    reason: string;
    type: string;
    area_ha: string;
    xmin: number;
    xmax: number;
    ymin: number;
    ymax: number;
  }>(rows)[0]!;
}

/** A marker position as a column value (EPSG:4326; GeoJSON order lon, lat). */
export function pointValue(point: { lat: number; lon: number } | null): SQL | null {
  return point ? sql`st_setsrid(st_makepoint(${point.lon}, ${point.lat}), 4326)` : null;
}

/**
 * Every zone matching the list filters within the visibility, unpaged, in the list's order, with its
 * geometry as GeoJSON (boundary, else marker, else null): for exports.
 */
export async function findAllZones(
  db: Db,
  visibility: ZoneVisibility,
  query: Partial<ZoneListQuery> & { searchPattern?: string },
): Promise<(ZoneSummaryRow & { geometryKind: 'boundary' | 'point' | null; geometry: string | null })[]> {
  const sortBy = sortColumns[query.sort ?? 'code'];
  const direction = query.order === 'desc' ? desc : asc;
  const rows = await withZoneJoins(
    db
      .select({
        ...summaryColumns,
        geometryKind: sql<'boundary' | 'point' | null>`case when ${zone.boundary} is not null then 'boundary'
      when ${zone.location} is not null then 'point' end`,
        geometry: sql<string | null>`st_asgeojson(coalesce(${zone.boundary}, ${zone.location}), 6)`,
      })
      .from(zone)
      .$dynamic(),
  )
    .where(listFilters(visibility, query))
    .orderBy(sql`${direction(sortBy)} nulls last`, asc(zone.code));
  return rows;
}
