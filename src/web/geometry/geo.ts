/**
 * The few GeoJSON shapes the web app handles (boundaries of parks and clusters, and their markers), with
 * pure helpers: bounding boxes for fitting a map and a geodesic area estimate to compare with declared areas.
 * Coordinates are [longitude, latitude] in WGS 84 (EPSG:4326), as GeoJSON requires.
 */
export type Position = [number, number] | [number, number, number];
export type Ring = Position[];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Ring[] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Ring[][] };
export type PointGeometry = { type: 'Point'; coordinates: Position };
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;
export type MapGeometry = AreaGeometry | PointGeometry;

export type Feature<G, P> = { type: 'Feature'; id?: string | number; geometry: G; properties: P };
export type FeatureCollection<G, P> = { type: 'FeatureCollection'; features: Feature<G, P>[] };

/** [west, south, east, north]. */
export type BBox = [number, number, number, number];

function extend(box: BBox | null, position: Position): BBox {
  const [lon, lat] = position;
  if (!box) return [lon, lat, lon, lat];
  return [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)];
}

function positionsOf(geometry: MapGeometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** The box around all geometries, or null when there is nothing to show. */
export function bboxOf(geometries: Iterable<MapGeometry | null | undefined>): BBox | null {
  let box: BBox | null = null;
  for (const geometry of geometries) {
    if (!geometry) continue;
    for (const position of positionsOf(geometry)) {
      if (Number.isFinite(position[0]) && Number.isFinite(position[1])) box = extend(box, position);
    }
  }
  return box;
}

/** Equatorial radius of WGS 84, as used by common geodesic-area estimates (e.g. turf). */
const EARTH_RADIUS_M = 6_378_137;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Area of a ring on the sphere in m² (absolute), by the spherical-excess formula of Chamberlain & Duquette. */
function ringAreaM2(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const lower = ring[i]!;
    const middle = ring[(i + 1) % n]!;
    const upper = ring[(i + 2) % n]!;
    total += (rad(upper[0]) - rad(lower[0])) * Math.sin(rad(middle[1]));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

function polygonAreaM2(rings: Ring[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(0, ringAreaM2(outer) - holes.reduce((sum, hole) => sum + ringAreaM2(hole), 0));
}

/**
 * Approximate geodesic area in hectares (within a fraction of a per cent at Hanoi's latitude). Only an
 * estimate for the preview: the server computes the figure it stores.
 */
export function areaHa(geometry: AreaGeometry): number {
  const m2 =
    geometry.type === 'Polygon'
      ? polygonAreaM2(geometry.coordinates)
      : geometry.coordinates.reduce((sum, polygon) => sum + polygonAreaM2(polygon), 0);
  return m2 / 10_000;
}

/** Polygons and holes of an area geometry, for a one-line description. */
export function countParts(geometry: AreaGeometry): { polygons: number; holes: number } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return {
    polygons: polygons.length,
    holes: polygons.reduce((sum, rings) => sum + Math.max(0, rings.length - 1), 0),
  };
}

/** Rough box of Hanoi, to warn when an uploaded boundary lies elsewhere (swapped axes, wrong file). */
export const HANOI_BBOX: BBox = [105.25, 20.55, 106.05, 21.4];
export const HANOI_CENTER: [number, number] = [105.83, 21.02];

export function overlaps(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
