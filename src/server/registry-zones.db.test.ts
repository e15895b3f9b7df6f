import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { communes, makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildLifecycle, buildOrganisation, buildProject, buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

const square = (lon: number, lat: number, d = 0.005) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  await buildZone(database.db, {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    ccnTypeCode: 'general',
    communeCode: communes.dongAnh,
    formerDistrictCode: '017',
    declaredAreaHa: 17,
    industrialLandHa: 12,
    leasedHa: 3,
    approvedHa: 1.2,
    lat: 21.175,
    lon: 105.86,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN đồ mộc dân dụng Phùng Xá',
    kind: 'CCN',
    ccnTypeCode: 'craft_village',
    communeCode: communes.thachThat,
    formerDistrictCode: '276',
    declaredAreaHa: 4.2,
    industrialLandHa: 3,
    leasedHa: 3,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'KCN-THANG-LONG',
    name: 'KCN Thăng Long',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    formerDistrictCode: '017',
    declaredAreaHa: 274,
    industrialLandHa: 200,
    leasedHa: 198,
    developerCode: null,
  });
  await buildLifecycle(database.db, 'CCN-THUY-LAM', [
    {
      state: 'established',
      eventDate: '2021-06-01',
      decisionNo: '1234/QĐ-UBND',
    },
  ]);
  await buildOrganisation(database.db, {
    code: 'ORG-TENANT-1',
    name: 'Công ty TNHH Cơ khí Thụy Lâm',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
  await buildProject(database.db, {
    code: 'PRJ-TL-1',
    zoneCode: 'CCN-THUY-LAM',
    investorCode: 'ORG-TENANT-1',
    name: 'Xưởng cơ khí',
    status: 'operating',
  });
});
afterAll(() => database?.cleanup());

// The contract declares the map's features only as unknown[] (built in SQL; decision 0026): read them as the
// web's map does.
type MapFeature = { geometry: { type: string }; properties: Record<string, any> };
const mapFeatures = (map: { features: unknown[] }) => map.features as MapFeature[];

async function signedIn(overrides: Parameters<typeof makeUser>[1] = {}) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return { client, user };
}

describe('finding zones', () => {
  it('finds a cluster typed without diacritics: "thuy lam" finds CCN Thụy Lâm', async () => {
    const { client } = await signedIn();
    const res = await client.api.get('/api/zones', { query: { q: 'thuy lam' } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((z: { name: string }) => z.name)).toEqual(['CCN Thụy Lâm']);
    expect(res.body.items[0]).toMatchObject({
      communeName: 'Xã Đông Anh',
      formerDistrictName: 'Huyện Đông Anh',
      lifecycleState: 'established',
      family: 'CCN',
    });
    expect(res.body.items[0]!.occupancy).toBeCloseTo(4.2 / 12);
  });

  it('filters by family and former district, and sorts by occupancy', async () => {
    const { client } = await signedIn();
    const ccn = await client.api.get('/api/zones', {
      query: { family: 'CCN', sort: 'occupancy', order: 'desc' },
    });
    expect(ccn.body.items.map((z: { code: string }) => z.code)).toEqual(['CCN-PHUNG-XA', 'CCN-THUY-LAM']);
    const dongAnh = await client.api.get('/api/zones', { query: { formerDistrict: '017' } });
    expect(dongAnh.body.total).toBe(2);
  });

  it('computes area-weighted occupancy per family and city-wide', async () => {
    const { client } = await signedIn();
    const res = await client.api.get('/api/zones/occupancy', { query: { groupBy: 'family' } });
    const ccn = res.body.items.find((g: { key: string }) => g.key === 'CCN');
    expect(ccn).toMatchObject({ zones: 2, industrialLandHa: 15, label: 'Cụm công nghiệp' });
    expect(ccn!.rate).toBeCloseTo((3 + 1.2 + 3) / 15);
    const city = await client.api.get('/api/zones/occupancy', { query: { groupBy: 'city' } });
    expect(city.body.items[0]!.rate).toBeCloseTo((3 + 1.2 + 3 + 198) / 215);
  });

  it('serves the map as GeoJSON: a point while no boundary is drawn', async () => {
    const { client } = await signedIn();
    const res = await client.api.get('/api/zones/map', { query: { family: 'CCN' } });
    expect(res.body.type).toBe('FeatureCollection');
    const feature = mapFeatures(res.body).find((f) => f.properties.code === 'CCN-THUY-LAM')!;
    expect(feature.geometry).toEqual({ type: 'Point', coordinates: [105.86, 21.175] });
    expect(feature.properties.geometry).toBe('point');
  });
});

describe('editing a zone', () => {
  it('changes leased land, shows the new occupancy at once, and records it in the history', async () => {
    const { client, user } = await signedIn({
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
    });
    const before = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-PHUNG-XA' } });
    const res = await client.api.patch(
      '/api/zones/{code}',
      {
        leasedHa: 1.5,
        version: before.body.version,
      },
      { params: { code: 'CCN-PHUNG-XA' } },
    );
    expect(res.status).toBe(200);
    expect(res.body.occupancy).toBeCloseTo(0.5);
    expect(res.body.version).toBe(before.body.version + 1);
    const map = await client.api.get('/api/zones/map', { query: { q: 'phung xa' } });
    // No position on record: drawn approximately at its commune's rough centre, with the new occupancy.
    expect(map.body.features).toHaveLength(1);
    expect(mapFeatures(map.body)[0]!.properties).toMatchObject({ placement: 'commune' });
    expect(mapFeatures(map.body)[0]!.properties.occupancy).toBeCloseTo(0.5);
    const history = await client.api.get('/api/zones/{code}/history', { params: { code: 'CCN-PHUNG-XA' } });
    const edit = history.body.items[0];
    expect(edit).toMatchObject({ action: 'zone.update', actorId: user.id });
    expect(edit).toMatchObject({ before: { leasedHa: 3 }, after: { leasedHa: 1.5 } });
  });

  it('refuses a stale edit with 409, showing the other officer’s change, and overwrites nothing', async () => {
    const first = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
    const second = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
    const read = await second.client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    expect(
      (
        await first.client.api.patch(
          '/api/zones/{code}',
          { leasedHa: 5, version: read.body.version },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(200);
    const stale = await second.client.api.patch(
      '/api/zones/{code}',
      {
        leasedHa: 2,
        version: read.body.version,
      },
      { params: { code: 'CCN-THUY-LAM' } },
    );
    expect(stale.status).toBe(409);
    expect(stale.error.details.current.leasedHa).toBe(5);
    expect(stale.error.details.current.canEdit).toBe(true);
    expect(stale.error.details.changes[0]).toMatchObject({
      actorName: first.user.username,
      after: { leasedHa: 5 },
    });
    expect(
      (await second.client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } })).body.leasedHa,
    ).toBe(5);
  });

  it('saving a form that changes nothing writes no new version and no audit entry', async () => {
    const { client } = await signedIn();
    const zone = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    const history = await client.api.get('/api/zones/{code}/history', { params: { code: 'CCN-THUY-LAM' } });
    const res = await client.api.patch(
      '/api/zones/{code}',
      {
        name: zone.body.name,
        version: zone.body.version,
      },
      { params: { code: 'CCN-THUY-LAM' } },
    );
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(zone.body.version);
    expect(
      (await client.api.get('/api/zones/{code}/history', { params: { code: 'CCN-THUY-LAM' } })).body.items,
    ).toHaveLength(history.body.items.length);
  });

  it('names each bad field in Vietnamese', async () => {
    const { client } = await signedIn();
    const zone = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    const res = await client.api.patch(
      '/api/zones/{code}',
      {
        leasedHa: 50,
        communeCode: '99999',
        version: zone.body.version,
      },
      { params: { code: 'CCN-THUY-LAM' } },
    );
    expect(res.status).toBe(400);
    expect(res.error.details.fields.leasedHa).toContain('vượt diện tích đất công nghiệp');
    expect(res.error.details.fields.communeCode).toBe('Không có xã/phường đang hiệu lực mã 99999.');
  });

  it('refuses an invalid lifecycle step with the reason', async () => {
    const { client } = await signedIn();
    const res = await client.api.post(
      '/api/zones/{code}/lifecycle',
      {
        state: 'operating',
        eventDate: '2024-01-01',
      },
      { params: { code: 'CCN-PHUNG-XA' } },
    );
    expect(res.status).toBe(400);
    expect(res.error.details.fields.state).toContain('chưa có quyết định thành lập');
  });

  it('takes a GeoJSON boundary, computes its area and moves the marker inside it', async () => {
    const { client } = await signedIn();
    const zone = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-PHUNG-XA' } });
    const params = { code: 'CCN-PHUNG-XA' };
    const bad = await client.api.put(
      '/api/zones/{code}/boundary',
      { geometry: square(21.0, 105.5), version: zone.body.version },
      { params },
    );
    expect(bad.status).toBe(400);
    expect(bad.error.details.fields.geometry).toContain('ngoài Việt Nam');
    const ok = await client.api.put(
      '/api/zones/{code}/boundary',
      { geometry: square(105.55, 21.02), version: zone.body.version },
      { params },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.hasBoundary).toBe(true);
    expect(ok.body.boundaryAreaHa).toBeGreaterThan(28);
    expect(ok.body.boundaryAreaHa).toBeLessThan(32);
    const map = await client.api.get('/api/zones/map', { query: { q: 'phung xa' } });
    expect(mapFeatures(map.body)[0]!.geometry.type).toBe('MultiPolygon');
  });
});

describe('scope', () => {
  it('a commune officer sees and edits only the zones of its commune', async () => {
    const { client } = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const list = await client.api.get('/api/zones', { query: { pageSize: 100 } });
    expect(list.body.items.map((z: { code: string }) => z.code).sort()).toEqual([
      'CCN-THUY-LAM',
      'KCN-THANG-LONG',
    ]);
    expect((await client.api.get('/api/zones/{code}', { params: { code: 'CCN-PHUNG-XA' } })).status).toBe(
      404,
    );
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { leasedHa: 1, version: 1 },
          { params: { code: 'CCN-PHUNG-XA' } },
        )
      ).status,
    ).toBe(404);
    const own = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { notes: 'Đã kiểm tra', version: own.body.version },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(200);
    expect(own.body.canEdit).toBe(true);
    // The park on its territory is the Management Board's to edit — and the page knows it.
    const park = await client.api.get('/api/zones/{code}', { params: { code: 'KCN-THANG-LONG' } });
    expect(park.body.canEdit).toBe(false);
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { notes: 'x', version: park.body.version },
          { params: { code: 'KCN-THANG-LONG' } },
        )
      ).status,
    ).toBe(403);
  });

  it('a developer sees and edits only its own zone', async () => {
    const { client } = await signedIn({
      role: 'developer',
      scopeKind: 'zone',
      scopeRef: 'KCN-THANG-LONG',
      family: 'KCN',
    });
    const list = await client.api.get('/api/zones');
    expect(list.body.items.map((z: { code: string }) => z.code)).toEqual(['KCN-THANG-LONG']);
    expect((await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } })).status).toBe(
      404,
    );
    const own = await client.api.get('/api/zones/{code}', { params: { code: 'KCN-THANG-LONG' } });
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { leasedHa: 199, version: own.body.version },
          { params: { code: 'KCN-THANG-LONG' } },
        )
      ).status,
    ).toBe(200);
  });

  it('the park board does not see clusters, and may not create one', async () => {
    const { client } = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
    const list = await client.api.get('/api/zones');
    expect(list.body.items.every((z: { family: string }) => z.family === 'KCN')).toBe(true);
    const res = await client.api.post('/api/zones', { code: 'CCN-MOI', name: 'CCN Mới', kind: 'CCN' });
    expect(res.status).toBe(403);
  });

  it('an enterprise sees the zones where it has a project, and the zone’s tenants only as far as its own', async () => {
    const { client } = await signedIn({
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'ORG-TENANT-1',
      family: 'CCN',
    });
    const list = await client.api.get('/api/zones');
    expect(list.body.items.map((z: { code: string }) => z.code)).toEqual(['CCN-THUY-LAM']);
    const zone = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { notes: 'x', version: zone.body.version },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(403);
    const projects = await client.api.get('/api/zones/{code}/projects', { params: { code: 'CCN-THUY-LAM' } });
    expect(projects.body.items.map((p: { code: string }) => p.code)).toEqual(['PRJ-TL-1']);
  });

  it('a leader reads everything and edits nothing; the public reads nothing of the registry', async () => {
    const { client } = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    expect((await client.api.get('/api/zones')).body.total).toBe(3);
    const zone = await client.api.get('/api/zones/{code}', { params: { code: 'CCN-THUY-LAM' } });
    expect(
      (
        await client.api.patch(
          '/api/zones/{code}',
          { notes: 'x', version: zone.body.version },
          { params: { code: 'CCN-THUY-LAM' } },
        )
      ).status,
    ).toBe(403);
    const anonymous = new TestClient(app);
    for (const path of ['/api/zones', '/api/zones/CCN-THUY-LAM', '/api/zones/map', '/api/zones/occupancy']) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
  });
});
