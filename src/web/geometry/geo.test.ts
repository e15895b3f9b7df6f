import { describe, expect, it } from 'vitest';
import { areaHa, bboxOf, countParts, HANOI_BBOX, overlaps, type PolygonGeometry } from './geo';
import { parseBoundaryFile } from './geo-file';

/** A square of `side` degrees with its south-west corner at (lon, lat). */
function square(lon: number, lat: number, side: number): PolygonGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  };
}

describe('areaHa', () => {
  it('estimates a square of 0.01° near Hanoi at about 115 ha', () => {
    // 0.01° of longitude at 21° N ≈ 1.039 km, 0.01° of latitude ≈ 1.113 km (spherical: 1.113 × 1.039).
    expect(areaHa(square(105.8, 21.0, 0.01))).toBeCloseTo(115.5, 0);
  });

  it('subtracts holes and adds the polygons of a multipolygon', () => {
    const outer = square(105.8, 21.0, 0.02).coordinates[0]!;
    const hole = square(105.805, 21.005, 0.01).coordinates[0]!;
    const withHole = areaHa({ type: 'Polygon', coordinates: [outer, hole] });
    expect(withHole).toBeCloseTo(
      areaHa(square(105.8, 21.0, 0.02)) - areaHa(square(105.805, 21.005, 0.01)),
      6,
    );
    const multi = areaHa({
      type: 'MultiPolygon',
      coordinates: [square(105.8, 21.0, 0.01).coordinates, square(105.9, 21.0, 0.01).coordinates],
    });
    expect(multi).toBeCloseTo(2 * areaHa(square(105.8, 21.0, 0.01)), 3);
    expect(countParts({ type: 'Polygon', coordinates: [outer, hole] })).toEqual({ polygons: 1, holes: 1 });
  });
});

describe('bboxOf', () => {
  it('spans points and polygons, ignoring missing geometries', () => {
    expect(
      bboxOf([square(105.8, 21.0, 0.1), { type: 'Point', coordinates: [106.0, 20.9] }, null, undefined]),
    ).toEqual([105.8, 20.9, 106.0, 21.1]);
    expect(bboxOf([])).toBeNull();
    expect(overlaps([105.8, 21.0, 105.9, 21.1], HANOI_BBOX)).toBe(true);
    expect(overlaps([21.0, 105.8, 21.1, 105.9], HANOI_BBOX)).toBe(false);
  });
});

describe('parseBoundaryFile (GeoJSON)', () => {
  const polygon = square(105.8, 21.0, 0.01);

  it('accepts a Polygon, a Feature and a FeatureCollection with one area', () => {
    for (const value of [
      polygon,
      { type: 'Feature', properties: {}, geometry: polygon },
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105.8, 21] } },
          { type: 'Feature', properties: {}, geometry: polygon },
        ],
      },
    ]) {
      const parsed = parseBoundaryFile('ranh-gioi.geojson', JSON.stringify(value));
      expect(parsed).toEqual({ ok: true, format: 'geojson', geometry: polygon });
    }
  });

  it('closes an open ring', () => {
    const open = { type: 'Polygon', coordinates: [polygon.coordinates[0]!.slice(0, 4)] };
    const parsed = parseBoundaryFile('open.json', JSON.stringify(open));
    expect(parsed.ok && parsed.geometry).toEqual(polygon);
  });

  it('names the problem: projected coordinates, several areas, a line, broken JSON, another CRS', () => {
    const problem = (name: string, text: string) => {
      const parsed = parseBoundaryFile(name, text);
      return parsed.ok ? null : parsed.problem.key;
    };
    const vn2000 = {
      type: 'Polygon',
      coordinates: [
        [
          [588000, 2330000],
          [589000, 2330000],
          [589000, 2331000],
          [588000, 2330000],
        ],
      ],
    };
    expect(problem('a.geojson', JSON.stringify(vn2000))).toBe('geo.error.projected');
    const two = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: polygon },
        { type: 'Feature', geometry: polygon },
      ],
    };
    expect(problem('a.geojson', JSON.stringify(two))).toBe('geo.error.manyFeatures');
    expect(problem('a.geojson', JSON.stringify({ type: 'LineString', coordinates: [] }))).toBe(
      'geo.error.geometryType',
    );
    expect(problem('a.geojson', '{"type":')).toBe('geo.error.json');
    expect(
      problem('a.geojson', JSON.stringify({ ...polygon, crs: { properties: { name: 'EPSG:3405' } } })),
    ).toBe('geo.error.crs');
    expect(problem('ranh-gioi.txt', 'hello')).toBe('geo.error.format');
  });
});
