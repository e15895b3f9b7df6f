import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

/** A buffer (m) around the communes' rough centres that makes the approximate outline cover the edge ones. */
const OUTLINE_BUFFER_M = 2500;

/**
 * The territory under the zones on the map, as one GeoJSON FeatureCollection text built in SQL: the
 * province's outline (layer "province"), each commune/ward in force (layer "commune") and a label point
 * per commune at its rough centre (layer "label"). A unit's imported boundary is used when it has one;
 * otherwise the shape is approximate (`approximate: true`): the outline is a concave hull of the communes'
 * centres widened by 2.5 km, a commune is its Voronoi cell around its centre clipped to that outline.
 */
export async function findTerritory(db: Db): Promise<string> {
  const rows = await db.execute(sql`
    with communes as (
      select id, code, kind || ' ' || name as name, approx_centre, boundary, boundary_source
      from admin_unit where level = 'commune' and valid_to is null
    ),
    province as (
      select code, kind || ' ' || name as name, boundary, boundary_source
      from admin_unit where level = 'province' and valid_to is null order by code limit 1
    ),
    outline as (
      select p.code, p.name, p.boundary_source, p.boundary is null as approximate,
        coalesce(p.boundary, (
          select st_multi(st_buffer(st_concavehull(st_collect(c.approx_centre), 0.4)::geography,
            ${OUTLINE_BUFFER_M})::geometry)
          from communes c where c.approx_centre is not null)) as g
      from province p
    ),
    cells as (
      select (st_dump(st_voronoipolygons(st_collect(approx_centre)))).geom as g
      from communes where approx_centre is not null
    ),
    shapes as (
      select c.code, c.name, c.approx_centre, c.boundary_source, c.boundary is null as approximate,
        coalesce(c.boundary, (
          select st_multi(st_collectionextract(st_intersection(cell.g, o.g), 3))
          from cells cell cross join outline o
          where c.approx_centre is not null and st_intersects(cell.g, c.approx_centre)
          limit 1)) as g
      from communes c
    ),
    features as (
      select 0 as ord, o.code, json_build_object('type', 'Feature',
          'geometry', st_asgeojson(o.g, 5, 0)::json,
          'properties', json_build_object('layer', 'province', 'code', o.code, 'name', o.name,
            'approximate', o.approximate, 'source', o.boundary_source)) as f
        from outline o where o.g is not null
      union all
      select 1, s.code, json_build_object('type', 'Feature',
          'geometry', st_asgeojson(s.g, 5, 0)::json,
          'properties', json_build_object('layer', 'commune', 'code', s.code, 'name', s.name,
            'approximate', s.approximate, 'source', s.boundary_source))
        from shapes s where s.g is not null and not st_isempty(s.g)
      union all
      select 2, s.code, json_build_object('type', 'Feature',
          'geometry', st_asgeojson(coalesce(s.approx_centre, st_pointonsurface(s.g)), 5, 0)::json,
          'properties', json_build_object('layer', 'label', 'code', s.code, 'name', s.name))
        from shapes s where s.approx_centre is not null or s.g is not null
    )
    select json_build_object('type', 'FeatureCollection',
      'features', coalesce(json_agg(f order by ord, code), '[]'::json))::text as collection
    from features`);
  const list = rowsOf<{ collection: string }>(rows);
  return list[0]!.collection;
}

/** The units in force with the given codes (province or commune level), by code. */
export async function findCurrentUnitsByCode(db: Db, codes: readonly string[]) {
  if (!codes.length) return [];
  const rows = await db.execute(sql`
    select id, code, level, kind || ' ' || name as name, boundary is not null as "hasBoundary"
    from admin_unit
    where valid_to is null and level in ('province', 'commune')
      and code in (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`);
  return rowsOf<{ id: string; code: string; level: string; name: string; hasBoundary: boolean }>(rows);
}

/** Checks a boundary in the database: valid, polygonal, inside Vietnam's rough extent. */
export async function inspectBoundary(db: Db, geojson: string) {
  const rows = await db.execute(sql`select st_isvalid(g) as valid, st_isvalidreason(g) as reason,
      st_xmin(g) as xmin, st_xmax(g) as xmax, st_ymin(g) as ymin, st_ymax(g) as ymax
    from (select st_setsrid(st_geomfromgeojson(${geojson}), 4326) as g) s`);
  return rowsOf<{
    valid: boolean;
    reason: string;
    xmin: number;
    xmax: number;
    ymin: number;
    ymax: number;
  }>(rows)[0]!;
}

export async function setUnitBoundary(db: Db, id: string, geojson: string, source: string): Promise<void> {
  await db.execute(sql`update admin_unit
    set boundary = st_multi(st_setsrid(st_geomfromgeojson(${geojson}), 4326)), boundary_source = ${source}
    where id = ${id}`);
}
