import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { seedDemoZones } from '../system/demo-zones';
import { testDeps } from '../testing';
import { listZones, zoneMap } from '../zone/zone.service';
import { importBoundaries, territoryMap } from './territory.service';

type Feature = { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };
type Collection = { features: Feature[]; unplaced?: { code: string; name: string }[] };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoZones(testDeps(database.db, systemActor('test')));
});
afterAll(() => database?.cleanup());

const deps = () => testDeps(database.db, systemActor('test'));
const all = { sort: 'code', order: 'asc', page: 1, pageSize: 500 } as const;

describe('the map of the demo registry (issue 10: every registry zone can be found)', () => {
  it('places every zone: exactly where drawn or marked, approximately at its commune, former district or near the city centre', async () => {
    const registry = await listZones(deps(), all);
    const map = JSON.parse(await zoneMap(deps(), all)) as Collection;
    const placements = map.features.map((f) => f.properties.placement);
    const exact = placements.filter((p) => p === 'exact').length;
    const approximate = placements.filter((p) => p === 'commune' || p === 'former_district').length;
    const nearCentre = placements.filter((p) => p === 'city').length;
    // The counts the map page states, and that they add up to the registry's: every zone is on the map.
    expect(exact + approximate + nearCentre).toBe(registry.total);
    expect(map.unplaced ?? []).toEqual([]);
    expect(new Set(map.features.map((f) => f.properties.code))).toEqual(
      new Set(registry.items.map((z) => z.code)),
    );
    expect(exact).toBe(40);
    expect(approximate).toBe(10);
    // Eleven zones of the source data name neither a place, a commune nor a district: near the city centre,
    // marked so (the map lists them by name), not guessed into a commune.
    expect(nearCentre).toBe(11);
    expect(map.features.find((f) => f.properties.code === 'KCN-NOI-BAI')?.properties.placement).toBe('city');
    const thangLong = map.features.find((f) => f.properties.code === 'KCN-THANG-LONG')!;
    expect(thangLong.properties.placement).toBe('former_district');
    expect(thangLong.geometry.type).toBe('Point');
    const [lon, lat] = thangLong.geometry.coordinates as [number, number];
    // Đông Anh lies north of the Red River, 105.7–106.0 E, 21.05–21.25 N.
    expect(lon).toBeGreaterThan(105.7);
    expect(lon).toBeLessThan(106.0);
    expect(lat).toBeGreaterThan(21.05);
    expect(lat).toBeLessThan(21.25);
  });

  it('keeps the list’s filters: the map of clusters is the clusters', async () => {
    const clusters = await listZones(deps(), { ...all, family: 'CCN' });
    const map = JSON.parse(await zoneMap(deps(), { ...all, family: 'CCN' })) as Collection;
    expect(map.features.length + (map.unplaced ?? []).length).toBe(clusters.total);
  });
});

describe('the territory under the map', () => {
  it('draws Hà Nội’s outline and its 126 communes and wards with labels, marked approximate until imported', async () => {
    const territory = JSON.parse(await territoryMap(deps())) as Collection;
    const layer = (name: string) => territory.features.filter((f) => f.properties.layer === name);
    expect(layer('province')).toHaveLength(1);
    expect(layer('province')[0]!.properties).toMatchObject({ name: 'Thành phố Hà Nội', approximate: true });
    expect(layer('province')[0]!.geometry.type).toBe('MultiPolygon');
    expect(layer('commune')).toHaveLength(126);
    expect(layer('commune').every((f) => f.properties.approximate === true)).toBe(true);
    expect(layer('label')).toHaveLength(126);
    expect(layer('label').map((f) => f.properties.name)).toContain('Xã Đông Anh');
  });

  it('imports an officer’s GeoJSON boundary for a commune, which then replaces the approximation', async () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [105.8, 21.1],
          [105.9, 21.1],
          [105.9, 21.2],
          [105.8, 21.2],
          [105.8, 21.1],
        ],
      ],
    };
    const territory = JSON.parse(await territoryMap(deps())) as Collection;
    const dongAnh = territory.features.find(
      (f) => f.properties.layer === 'label' && f.properties.name === 'Xã Đông Anh',
    )!;
    const code = dongAnh.properties.code as string;
    const result = await importBoundaries(
      deps(),
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code }, geometry: square }] },
      { source: 'dong-anh.geojson' },
    );
    expect(result).toEqual({ updated: 1 });
    const after = JSON.parse(await territoryMap(deps())) as Collection;
    const commune = after.features.find(
      (f) => f.properties.layer === 'commune' && f.properties.code === code,
    )!;
    expect(commune.properties.approximate).toBe(false);
    expect(String(commune.properties.source)).toContain('dong-anh.geojson');
  });

  it('refuses a file with an unknown code, a bowtie or a point, naming each feature, and writes nothing', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [105.8, 21.0],
          [105.9, 21.1],
          [105.9, 21.0],
          [105.8, 21.1],
          [105.8, 21.0],
        ],
      ],
    };
    const before = await territoryMap(deps());
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '99999' }, geometry: bowtie },
        { type: 'Feature', properties: { code: '01' }, geometry: bowtie },
        {
          type: 'Feature',
          properties: { code: '00004' },
          geometry: { type: 'Point', coordinates: [105, 21] },
        },
      ],
    };
    const error = await importBoundaries(deps(), file, { source: 'bad.geojson' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const problems = (error as AppError).details!.problems as { path: string }[];
    expect(problems.map((p) => p.path)).toEqual(['features[3] (00004)']);
    const second = await importBoundaries(
      deps(),
      { ...file, features: file.features.slice(0, 2) },
      {
        source: 'bad.geojson',
      },
    ).catch((e: unknown) => e);
    const paths = ((second as AppError).details!.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(['features[1] (99999)', 'features[2] (01)']);
    expect(await territoryMap(deps())).toBe(before);
  });
});
