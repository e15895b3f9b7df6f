import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documentPublication, zoneDescription, zonePublication } from '../../db/schema/catalogue';
import { zone } from '../../db/schema/zone';
import { rowsOf } from '../../db/rows';
import {
  approximatePointOf,
  formerDistrictCentreOf,
  lifecycleStateSql,
  placementOf,
  zoneVisibilityFilter,
  type PlacementInputs,
} from '../zone/zone.repository';
import type { ZoneVisibility } from '../zone/zone.policy';
import type { CatalogueRecord } from '../../domain/catalogue/public-zone';

/**
 * All SQL of the public catalogue. The public side reads only zones whose `zone_publication.published` is
 * true; which of their fields leave the server is decided afterwards, by the service, from the publication's
 * field list (domain/catalogue/catalogue.schema.ts).
 */

/** The id of a published zone with this code, or null (unknown or unpublished alike). */
export async function findPublishedZoneId(db: Db, code: string): Promise<string | null> {
  const rows = await db
    .select({ id: zone.id })
    .from(zone)
    .innerJoin(zonePublication, eq(zonePublication.zoneId, zone.id))
    .where(and(eq(zone.code, code), eq(zonePublication.published, true)))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** A published zone with everything any public response may need (the service picks the published part). */
export type PublishedZoneRow = CatalogueRecord;

/**
 * A published zone's placement, by the registry map's rule (`placementOf`) without its city tier: a zone
 * known by name only is not given a made-up public location.
 */
const publicPlacement: PlacementInputs = {
  located: sql`coalesce(z.location, z.boundary)`,
  communeCentre: sql`z.commune_centre`,
  formerDistrictCentre: sql`z.district_centre`,
};

/**
 * Every published zone in one query, as one JSON text (one row to transfer, parsed once): the registry's
 * figures, the lifecycle state derived as zone.repository.ts derives it, the point to draw it at (its marker
 * or its boundary's centroid; else, approximate, as `placementOf` places zones), descriptions, prices and the
 * public, not withdrawn documents.
 */
export async function loadPublishedZones(db: Db): Promise<PublishedZoneRow[]> {
  const result = rowsOf<{ rows: string }>(
    await db.execute(sql`
      with z as (
        select zone.*, p.fields, p.sectors, p.contact_name, p.contact_phone, p.contact_email, p.contact_website,
          c.code as commune_code, c.kind || ' ' || c.name as commune_name, c.search_text as commune_search,
          c.approx_centre as commune_centre,
          d.code as district_code, d.kind || ' ' || d.name as district_name, d.search_text as district_search,
          ${formerDistrictCentreOf(sql`zone.former_district_id`)} as district_centre,
          ${lifecycleStateSql} as lifecycle_state
        from ${zone}
        join ${zonePublication} p on p.zone_id = zone.id and p.published
        left join admin_unit c on c.id = zone.commune_id
        left join admin_unit d on d.id = zone.former_district_id
      ), placed as (
        select z.*,
          ${placementOf(publicPlacement)} as placement,
          coalesce(z.location, st_centroid(z.boundary), ${approximatePointOf(publicPlacement)}) as point
        from z
      )
      select coalesce(json_agg(json_build_object(
        'id', z.id, 'code', z.code, 'name', z.name, 'kind', z.kind, 'searchText', z.search_text,
        'communeCode', z.commune_code, 'communeName', z.commune_name, 'communeSearch', z.commune_search,
        'formerDistrictCode', z.district_code, 'formerDistrictName', z.district_name,
        'formerDistrictSearch', z.district_search,
        'declaredAreaHa', z.declared_area_ha::float8, 'industrialLandHa', z.industrial_land_ha::float8,
        'leasedHa', z.leased_ha::float8, 'approvedHa', z.approved_ha::float8,
        'infrastructureCompleteHa', z.infrastructure_complete_ha::float8,
        'lifecycleState', z.lifecycle_state, 'wwtpStatus', z.wwtp_status,
        'wwtpCapacityM3Day', z.wwtp_capacity_m3_day::float8, 'fireSafetyStatus', z.fire_safety_status,
        'lat', round(st_y(z.point)::numeric, 6)::float8, 'lon', round(st_x(z.point)::numeric, 6)::float8,
        'placement', z.placement,
        'fields', to_json(z.fields), 'sectors', to_json(z.sectors),
        'contactName', z.contact_name, 'contactPhone', z.contact_phone, 'contactEmail', z.contact_email,
        'contactWebsite', z.contact_website,
        'developerName', o.name, 'developerNameEn', o.name_en, 'developerAddress', o.address,
        'descriptions', coalesce((select json_agg(json_build_object('lang', d.lang, 'text', d.text) order by d.lang)
           from ${zoneDescription} d where d.zone_id = z.id), '[]'),
        'prices', coalesce((select json_agg(json_build_object('kind', pr.kind, 'amount', pr.amount::text,
             'currency', pr.currency, 'unit', pr.unit, 'validFrom', pr.valid_from, 'validTo', pr.valid_to)
             order by pr.kind, pr.valid_from desc)
           from zone_price pr where pr.zone_id = z.id), '[]'),
        'documents', coalesce((select json_agg(json_build_object('id', doc.id, 'title', doc.title,
             'fileName', doc.file_name, 'mimeType', doc.mime_type, 'sizeBytes', doc.size_bytes,
             'docDate', doc.doc_date) order by doc.doc_date desc nulls last, doc.uploaded_at desc)
           from document doc join ${documentPublication} dp on dp.document_id = doc.id
           where doc.entity_type = 'zone' and doc.entity_id = z.id and doc.withdrawn_at is null), '[]')
      ) order by z.code), '[]')::text as rows
      from placed z left join organisation o on o.id = z.developer_id`),
  );
  return JSON.parse(result[0]!.rows) as PublishedZoneRow[];
}

/** The rough centres of the current communes, by code (for "near a commune"). */
export async function loadCommuneCentres(db: Db): Promise<Map<string, { lat: number; lon: number }>> {
  const rows = rowsOf<{ code: string; lat: number; lon: number }>(
    await db.execute(sql`select code, st_y(approx_centre)::float8 as lat, st_x(approx_centre)::float8 as lon
      from admin_unit where level = 'commune' and valid_to is null and approx_centre is not null`),
  );
  return new Map(rows.map((r) => [r.code, { lat: Number(r.lat), lon: Number(r.lon) }]));
}

/** A public, not withdrawn document of a published zone: its file's address in the store. */
export async function findPublicDocument(db: Db, id: string) {
  const rows = rowsOf<{ fileName: string; mimeType: string; sha256: string; sizeBytes: number }>(
    await db.execute(sql`select doc.file_name as "fileName", doc.mime_type as "mimeType", doc.sha256,
        doc.size_bytes as "sizeBytes"
      from document doc
      join ${documentPublication} dp on dp.document_id = doc.id
      join ${zonePublication} p on p.zone_id = doc.entity_id and p.published
      where doc.id = ${id} and doc.entity_type = 'zone' and doc.withdrawn_at is null`),
  );
  return rows[0] ?? null;
}

// ---- Officers ---------------------------------------------------------------------------------------------

/** The zones an officer may see, with their publication state. */
export async function findPublications(db: Db, visibility: ZoneVisibility) {
  const rows = rowsOf<{
    zoneCode: string;
    zoneName: string;
    kind: string;
    communeName: string | null;
    published: boolean | null;
    fields: string[] | null;
    descriptionLangs: string[];
    publicDocuments: number;
    version: number | null;
  }>(
    await db.execute(sql`select ${zone.code} as "zoneCode", ${zone.name} as "zoneName", ${zone.kind} as kind,
        (select c.kind || ' ' || c.name from admin_unit c where c.id = ${zone.communeId}) as "communeName",
        p.published, p.fields, p.version,
        coalesce((select array_agg(d.lang order by d.lang) from ${zoneDescription} d where d.zone_id = ${zone.id}),
          '{}') as "descriptionLangs",
        (select count(*)::int from document doc join ${documentPublication} dp on dp.document_id = doc.id
          where doc.entity_type = 'zone' and doc.entity_id = ${zone.id} and doc.withdrawn_at is null)
          as "publicDocuments"
      from ${zone} left join ${zonePublication} p on p.zone_id = ${zone.id}
      where ${zoneVisibilityFilter(visibility) ?? sql`true`}
      order by p.published is not true, ${zone.code}`),
  );
  return rows;
}

/** The zone (for the policy) and its publication, descriptions and documents. */
export async function findZoneForPublication(db: Db, code: string) {
  const rows = rowsOf<{
    id: string;
    code: string;
    name: string;
    kind: string;
    communeCode: string | null;
  }>(
    await db.execute(sql`select ${zone.id} as id, ${zone.code} as code, ${zone.name} as name, ${zone.kind} as kind,
        (select c.code from admin_unit c where c.id = ${zone.communeId}) as "communeCode"
      from ${zone} where ${zone.code} = ${code}`),
  );
  return rows[0] ?? null;
}

export async function findPublicationRow(db: Db, zoneId: string, lock = false) {
  const query = db.select().from(zonePublication).where(eq(zonePublication.zoneId, zoneId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findDescriptions(db: Db, zoneId: string) {
  return db
    .select()
    .from(zoneDescription)
    .where(eq(zoneDescription.zoneId, zoneId))
    .orderBy(zoneDescription.lang);
}

export async function findZoneDocuments(db: Db, zoneId: string) {
  const rows = rowsOf<{ id: string; title: string; fileName: string; mimeType: string; public: boolean }>(
    await db.execute(sql`select doc.id, doc.title, doc.file_name as "fileName", doc.mime_type as "mimeType",
        exists (select 1 from ${documentPublication} dp where dp.document_id = doc.id) as public
      from document doc
      where doc.entity_type = 'zone' and doc.entity_id = ${zoneId} and doc.withdrawn_at is null
      order by doc.uploaded_at desc`),
  );
  return rows;
}

export type PublicationWrite = {
  published: boolean;
  fields: string[];
  sectors: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  contactWebsite: string | null;
};

/** Writes the publication if its version is still `version` (0: none yet); false when it changed meanwhile. */
export async function savePublication(
  db: Db,
  zoneId: string,
  version: number,
  values: PublicationWrite,
  by: string | null,
  now: Date,
): Promise<boolean> {
  const publishedAt = values.published
    ? sql`coalesce(${zonePublication.publishedAt}, ${now.toISOString()}::timestamptz)`
    : null;
  if (version === 0) {
    const rows = await db
      .insert(zonePublication)
      .values({
        zoneId,
        ...values,
        publishedAt: values.published ? now : null,
        updatedBy: by,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ zoneId: zonePublication.zoneId });
    return rows.length === 1;
  }
  const rows = await db
    .update(zonePublication)
    .set({
      ...values,
      publishedAt: publishedAt as never,
      updatedBy: by,
      updatedAt: now,
      version: sql`${zonePublication.version} + 1`,
    })
    .where(and(eq(zonePublication.zoneId, zoneId), eq(zonePublication.version, version)))
    .returning({ zoneId: zonePublication.zoneId });
  return rows.length === 1;
}

/** Writes a description if its version is still `version` (0: a new language); false otherwise. */
export async function saveDescription(
  db: Db,
  zoneId: string,
  lang: string,
  text: string,
  version: number,
  by: string | null,
  now: Date,
): Promise<boolean> {
  if (version === 0) {
    const rows = await db
      .insert(zoneDescription)
      .values({ zoneId, lang, text, writtenBy: by, writtenAt: now })
      .onConflictDoNothing()
      .returning({ id: zoneDescription.id });
    return rows.length === 1;
  }
  const rows = await db
    .update(zoneDescription)
    .set({ text, writtenBy: by, writtenAt: now, version: sql`${zoneDescription.version} + 1` })
    .where(
      and(
        eq(zoneDescription.zoneId, zoneId),
        eq(zoneDescription.lang, lang),
        eq(zoneDescription.version, version),
      ),
    )
    .returning({ id: zoneDescription.id });
  return rows.length === 1;
}

export async function deleteDescription(db: Db, zoneId: string, lang: string, version: number) {
  const rows = await db
    .delete(zoneDescription)
    .where(
      and(
        eq(zoneDescription.zoneId, zoneId),
        eq(zoneDescription.lang, lang),
        eq(zoneDescription.version, version),
      ),
    )
    .returning({ id: zoneDescription.id });
  return rows.length === 1;
}

/** A zone document (not withdrawn) and the zone it belongs to, for the policy. */
export async function findZoneDocument(db: Db, id: string) {
  const rows = rowsOf<{ id: string; zoneId: string; zoneCode: string; public: boolean; title: string }>(
    await db.execute(sql`select doc.id, z.id as "zoneId", z.code as "zoneCode", doc.title,
        exists (select 1 from ${documentPublication} dp where dp.document_id = doc.id) as public
      from document doc join ${zone} z on z.id = doc.entity_id
      where doc.id = ${id} and doc.entity_type = 'zone' and doc.withdrawn_at is null`),
  );
  return rows[0] ?? null;
}

export async function setDocumentPublic(db: Db, id: string, isPublic: boolean, by: string | null) {
  if (isPublic) {
    await db.insert(documentPublication).values({ documentId: id, publishedBy: by }).onConflictDoNothing();
  } else {
    await db.delete(documentPublication).where(eq(documentPublication.documentId, id));
  }
}

/**
 * The zones the demo publishes: operating ones, those with the most unleased land first (then by code), with
 * what their description is written from. Deterministic: the same zones on every installation.
 */
export async function findDemoCatalogueZones(db: Db, limit: number) {
  return rowsOf<{
    code: string;
    name: string;
    kind: string;
    communeName: string | null;
    declaredAreaHa: number | null;
    freeHa: number | null;
  }>(
    await db.execute(sql`select ${zone.code} as code, ${zone.name} as name, ${zone.kind} as kind,
        (select c.kind || ' ' || c.name from admin_unit c where c.id = ${zone.communeId}) as "communeName",
        ${zone.declaredAreaHa}::float8 as "declaredAreaHa",
        greatest(0, ${zone.industrialLandHa} - coalesce(${zone.leasedHa}, 0) - coalesce(${zone.approvedHa}, 0))::float8
          as "freeHa"
      from ${zone}
      where ${lifecycleStateSql} in ('operating', 'operating_without_establishment')
      order by "freeHa" desc nulls last, ${zone.code}
      limit ${limit}`),
  );
}
