import type { AreaGeometry, Position, Ring } from './geo';
import type { MessageKey, TranslateParams } from '../lib/i18n';

/**
 * Reads a boundary file as officers get them: GeoJSON (a Polygon, a MultiPolygon, a Feature, or a
 * FeatureCollection with one area feature) or KML (every `<Polygon>` with its `outerBoundaryIs` and
 * `innerBoundaryIs` rings; several become a MultiPolygon). Coordinates must be longitude/latitude in WGS 84;
 * projected files (VN-2000, UTM) are refused with a message saying so, rather than drawn in the sea.
 */
export type ParseProblem = { key: MessageKey; params?: TranslateParams };

export type ParsedBoundary =
  { ok: true; geometry: AreaGeometry; format: 'geojson' | 'kml' } | { ok: false; problem: ParseProblem };

class BoundaryFileError extends Error {
  readonly problem: ParseProblem;
  constructor(key: MessageKey, params?: TranslateParams) {
    super(key);
    this.problem = params ? { key, params } : { key };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ACCEPTED_CRS = /^(EPSG:4326|urn:ogc:def:crs:OGC:1\.3:CRS84|urn:ogc:def:crs:EPSG::4326|CRS84)$/i;

function checkPosition(value: unknown, polygon: number, ring: number): Position {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'number' ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1])
  ) {
    throw new BoundaryFileError('geo.error.coordinate', {
      polygon,
      ring,
      value: JSON.stringify(value)?.slice(0, 60) ?? String(value),
    });
  }
  const lon = value[0];
  const lat = value[1];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    throw new BoundaryFileError('geo.error.projected', { value: `${lon}, ${lat}` });
  }
  return [lon, lat];
}

/** Validates a ring and closes it when the file left it open. */
function checkRing(value: unknown, polygon: number, ring: number): Ring {
  if (!Array.isArray(value)) throw new BoundaryFileError('geo.error.ring', { polygon, ring });
  const positions = value.map((position) => checkPosition(position, polygon, ring));
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) positions.push([first[0], first[1]]);
  if (positions.length < 4) throw new BoundaryFileError('geo.error.ring', { polygon, ring });
  return positions;
}

function checkPolygon(value: unknown, polygon: number): Ring[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new BoundaryFileError('geo.error.ring', { polygon, ring: 1 });
  return value.map((ring, index) => checkRing(ring, polygon, index + 1));
}

function geometryFromGeoJson(value: unknown): AreaGeometry {
  if (!isRecord(value)) throw new BoundaryFileError('geo.error.noPolygon');
  if (value['type'] === 'Polygon') {
    return { type: 'Polygon', coordinates: checkPolygon(value['coordinates'], 1) };
  }
  if (value['type'] === 'MultiPolygon') {
    const polygons = value['coordinates'];
    if (!Array.isArray(polygons) || polygons.length === 0) throw new BoundaryFileError('geo.error.noPolygon');
    return {
      type: 'MultiPolygon',
      coordinates: polygons.map((rings, index) => checkPolygon(rings, index + 1)),
    };
  }
  throw new BoundaryFileError('geo.error.geometryType', { type: String(value['type'] ?? '?') });
}

function checkCrs(value: Record<string, unknown>): void {
  const crs = value['crs'];
  if (!isRecord(crs)) return;
  const properties = crs['properties'];
  const name = isRecord(properties) && typeof properties['name'] === 'string' ? properties['name'] : null;
  if (name && !ACCEPTED_CRS.test(name)) throw new BoundaryFileError('geo.error.crs', { crs: name });
}

function isAreaGeometry(value: unknown): boolean {
  return isRecord(value) && (value['type'] === 'Polygon' || value['type'] === 'MultiPolygon');
}

function parseGeoJson(text: string): AreaGeometry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new BoundaryFileError('geo.error.json', { detail: cause instanceof Error ? cause.message : '' });
  }
  if (!isRecord(value)) throw new BoundaryFileError('geo.error.noPolygon');
  checkCrs(value);
  switch (value['type']) {
    case 'FeatureCollection': {
      const features = Array.isArray(value['features']) ? value['features'] : [];
      const areas = features.filter((feature) => isRecord(feature) && isAreaGeometry(feature['geometry']));
      if (areas.length === 0) throw new BoundaryFileError('geo.error.noPolygon');
      if (areas.length > 1) throw new BoundaryFileError('geo.error.manyFeatures', { count: areas.length });
      return geometryFromGeoJson((areas[0] as Record<string, unknown>)['geometry']);
    }
    case 'Feature':
      if (!isRecord(value['geometry'])) throw new BoundaryFileError('geo.error.noPolygon');
      return geometryFromGeoJson(value['geometry']);
    default:
      return geometryFromGeoJson(value);
  }
}

/** Child elements by local name, whatever KML namespace (2.2, 2.1, none) the file uses. */
function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((child) => child.localName === localName);
}

function kmlRing(boundary: Element, polygon: number, ring: number): Ring {
  const linearRing = children(boundary, 'LinearRing')[0];
  const coordinates = linearRing ? children(linearRing, 'coordinates')[0] : undefined;
  if (!coordinates) throw new BoundaryFileError('geo.error.ring', { polygon, ring });
  const tuples = (coordinates.textContent ?? '').trim().split(/\s+/).filter(Boolean);
  const positions = tuples.map((tuple) => {
    const parts = tuple.split(',').map((part) => Number(part));
    if (parts.length < 2 || parts.some((part) => !Number.isFinite(part))) {
      throw new BoundaryFileError('geo.error.coordinate', { polygon, ring, value: tuple.slice(0, 60) });
    }
    return parts;
  });
  return checkRing(positions, polygon, ring);
}

function parseKml(text: string): AreaGeometry {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) throw new BoundaryFileError('geo.error.xml');
  const polygons = Array.from(document.getElementsByTagNameNS('*', 'Polygon'));
  if (polygons.length === 0) throw new BoundaryFileError('geo.error.noPolygon');
  const coordinates = polygons.map((polygon, index) => {
    const outer = children(polygon, 'outerBoundaryIs')[0];
    if (!outer) throw new BoundaryFileError('geo.error.ring', { polygon: index + 1, ring: 1 });
    const inner = children(polygon, 'innerBoundaryIs');
    return [
      kmlRing(outer, index + 1, 1),
      ...inner.map((boundary, ring) => kmlRing(boundary, index + 1, ring + 2)),
    ];
  });
  if (coordinates.length === 1 && coordinates[0]) return { type: 'Polygon', coordinates: coordinates[0] };
  return { type: 'MultiPolygon', coordinates };
}

/** Which reader to use: by extension first, then by the first character of the content. */
function detectFormat(fileName: string, text: string): 'geojson' | 'kml' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.kml')) return 'kml';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  const start = text.trimStart()[0];
  if (start === '{') return 'geojson';
  if (start === '<') return 'kml';
  return null;
}

export function parseBoundaryFile(fileName: string, text: string): ParsedBoundary {
  const format = detectFormat(fileName, text);
  if (!format) return { ok: false, problem: { key: 'geo.error.format' } };
  try {
    const geometry = format === 'kml' ? parseKml(text) : parseGeoJson(text);
    return { ok: true, geometry, format };
  } catch (error) {
    if (error instanceof BoundaryFileError) return { ok: false, problem: error.problem };
    throw error;
  }
}
