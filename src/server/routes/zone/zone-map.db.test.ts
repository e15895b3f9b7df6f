import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../db/testing';
import { systemActor } from '../../../domain/identity/roles';
import { communes, makeUser, testDeps, testPassword } from '../../../services/testing';
import { getZone, setBoundary, updateZone } from '../../../services/zone/zone.service';
import { createTestApp, TestClient } from '../../testing';
import { buildZone } from '../../../services/testing/factories';

/** GET /api/zones/map at the HTTP level: the GeoJSON contract, revalidation, bbox and simplification. */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

/** A closed ring of `n` points on a circle: a boundary with plenty of vertices to simplify. */
const circle = (lon: number, lat: number, radius: number, n = 64) => {
  const ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [Number((lon + radius * Math.cos(a)).toFixed(7)), Number((lat + radius * Math.sin(a)).toFixed(7))];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
};

type Feature = {
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  const deps = testDeps(database.db, systemActor('test'));
  await buildZone(database.db, {
    code: 'CCN-BAN-DO-1',
    name: 'Cụm công nghiệp "Bản đồ" 1',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    industrialLandHa: 10,
    leasedHa: 2.5,
    declaredAreaHa: 14,
    lat: 21.1,
    lon: 105.8,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-BAN-DO-2',
    name: 'Cụm công nghiệp Bản đồ 2',
    kind: 'CCN',
    communeCode: communes.thachThat,
    lat: 21.0,
    lon: 105.55,
    developerCode: null,
  });
  const drawn = await getZone(deps, 'CCN-BAN-DO-2');
  await setBoundary(deps, 'CCN-BAN-DO-2', circle(105.55, 21.0, 0.01), drawn.version);
  await buildZone(database.db, {
    code: 'CCN-BAN-DO-3',
    name: 'Cụm chưa có vị trí',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Parameters<typeof makeUser>[1] = {}) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

const features = (body: { features: Feature[] }) =>
  body.features.filter((f) => f.properties.code !== undefined);
const codes = (body: { features: Feature[] }) =>
  features(body)
    .map((f) => f.properties.code as string)
    .filter((c) => c.startsWith('CCN-BAN-DO'));

describe('the map', () => {
  it('is a FeatureCollection: markers and full boundaries, with the properties the web map reads', async () => {
    const client = await signedIn();
    const res = await client.get('/api/zones/map?q=ban%20do');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.body.type).toBe('FeatureCollection');
    expect(codes(res.body)).toEqual(['CCN-BAN-DO-1', 'CCN-BAN-DO-2']); // no location: not drawn
    const [marker, area] = res.body.features as Feature[];
    expect(marker).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [105.8, 21.1] },
      properties: {
        code: 'CCN-BAN-DO-1',
        name: 'Cụm công nghiệp "Bản đồ" 1',
        kind: 'CCN',
        family: 'CCN',
        lifecycleState: null,
        occupancy: 0.25,
        declaredAreaHa: 14,
        geometry: 'point',
        placement: 'exact',
      },
    });
    expect(area!.geometry.type).toBe('MultiPolygon');
    expect(area!.properties).toMatchObject({ geometry: 'boundary', occupancy: null, declaredAreaHa: null });
    const ring = (area!.geometry.coordinates as number[][][][])[0]![0]!;
    expect(ring).toHaveLength(65); // every vertex of the drawn boundary
  });

  it('answers 304 to a client that has the same map, and the new map once a zone changes', async () => {
    const client = await signedIn();
    const first = await client.get('/api/zones/map?q=ban%20do');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await client.get('/api/zones/map?q=ban%20do', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);

    const deps = testDeps(database.db, systemActor('test'));
    const zone = await getZone(deps, 'CCN-BAN-DO-1');
    await updateZone(deps, 'CCN-BAN-DO-1', { version: zone.version, leasedHa: 5 });
    const changed = await client.get('/api/zones/map?q=ban%20do', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((changed.body.features as Feature[])[0]!.properties.occupancy).toBe(0.5);
  });

  it('keeps the zones meeting a bbox, and refuses a malformed one naming bbox', async () => {
    const client = await signedIn();
    const west = await client.get('/api/zones/map?q=ban%20do&bbox=105.5,20.95,105.6,21.05');
    expect(codes(west.body)).toEqual(['CCN-BAN-DO-2']);
    const east = await client.get('/api/zones/map?q=ban%20do&bbox=105.79,21.09,105.81,21.11');
    expect(codes(east.body)).toEqual(['CCN-BAN-DO-1']);
    const bad = await client.get('/api/zones/map?bbox=105.5,21,abc');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.bbox).toContain('4 số');
    const inverted = await client.get('/api/zones/map?bbox=106,21,105,22');
    expect(inverted.status).toBe(400);
  });

  it('simplifies boundaries to a tolerance, never moving markers', async () => {
    const client = await signedIn();
    const res = await client.get('/api/zones/map?q=ban%20do&tolerance=0.002');
    const [marker, area] = res.body.features as Feature[];
    expect(marker!.geometry).toEqual({ type: 'Point', coordinates: [105.8, 21.1] });
    expect(area!.geometry.type).toBe('MultiPolygon');
    const ring = (area!.geometry.coordinates as number[][][][])[0]![0]!;
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring.length).toBeLessThan(30);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect((await client.get('/api/zones/map?tolerance=1')).status).toBe(400);
  });

  it('shows a commune officer only the zones of the commune', async () => {
    const client = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
    });
    const res = await client.get('/api/zones/map?q=ban%20do');
    expect(codes(res.body)).toEqual(['CCN-BAN-DO-2']);
  });
});
