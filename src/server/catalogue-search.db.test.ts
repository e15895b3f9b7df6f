import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { rowsOf } from '../db/rows';
import { publishableFieldKeys } from '../domain/catalogue/catalogue.schema';
import { findPublishedZone } from '../services/catalogue/catalogue.service';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
let officer: TestClient;
const anonymous = () => new TestClient(app);
const versions: Record<string, number> = {};

const DONG_ANH = '00454';
const THU_LAM = '00475';
const THACH_THAT = '09955';

async function publish(code: string, fields: string[] = [...publishableFieldKeys]) {
  const res = await officer.request('PUT', `/api/catalogue/zones/${code}`, {
    body: { published: true, fields, sectors: ['26'], version: versions[code] ?? 0 },
  });
  expect(res.status).toBe(200);
  versions[code] = res.body.version;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, {}, { publicRateLimitPerMinute: 0 }).app;
  // No coordinates: placed at the commune's centre.
  await buildZone(database.db, {
    code: 'CCN-S-A',
    name: 'Cụm Đông Anh Một',
    kind: 'CCN',
    communeCode: DONG_ANH,
    industrialLandHa: 20,
    leasedHa: 5,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-S-B',
    name: 'Cụm Thư Lâm',
    kind: 'CCN',
    communeCode: THU_LAM,
    industrialLandHa: 10,
    leasedHa: 7,
    lat: 21.156,
    lon: 105.878,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-S-C',
    name: 'Cụm Thạch Thất',
    kind: 'CCN',
    communeCode: THACH_THAT,
    industrialLandHa: 40,
    leasedHa: 10,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-S-D',
    name: 'Cụm chưa công bố Đông Anh',
    kind: 'CCN',
    communeCode: DONG_ANH,
    industrialLandHa: 90,
    developerCode: null,
  });
  const { user } = await makeUser(database.db, {
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'CCN',
    family: 'CCN',
  });
  officer = new TestClient(app);
  await officer.signIn(user.username, testPassword);
  for (const code of ['CCN-S-A', 'CCN-S-B', 'CCN-S-C']) await publish(code);
  const res = await officer.request('PUT', '/api/catalogue/zones/CCN-S-A/descriptions/vi', {
    body: { text: 'Cụm công nghiệp gần sân bay Nội Bài.', version: 0 },
  });
  expect(res.status).toBe(200);
});
afterAll(() => database?.cleanup());

const codes = (body: { items: { code: string }[] }) => body.items.map((i) => i.code);

describe('public catalogue search', () => {
  it('finds clusters by their commune typed without diacritics, never an unpublished one', async () => {
    const res = await anonymous().get('/api/public/zones?q=dong%20anh');
    expect(res.status).toBe(200);
    expect(codes(res.body)).toEqual(['CCN-S-A']);
    expect(codes((await anonymous().get('/api/public/zones?q=THU+LAM')).body)).toEqual(['CCN-S-B']);
  });

  it('finds the clusters with enough free land near a named commune, nearest first, with their distance', async () => {
    const near = (await anonymous().get(`/api/public/zones?near=${DONG_ANH}&radiusKm=10`)).body;
    expect(codes(near)).toEqual(['CCN-S-A', 'CCN-S-B']);
    expect(near.items[0].distanceKm).toBe(0);
    expect(near.items[1].distanceKm).toBeGreaterThan(3);
    expect(near.items[1].distanceKm).toBeLessThan(10);
    const roomy = (await anonymous().get(`/api/public/zones?near=${DONG_ANH}&radiusKm=50&freeLandMinHa=5`))
      .body;
    expect(codes(roomy)).toEqual(['CCN-S-A', 'CCN-S-C']);
    expect(roomy.items.map((i: { freeLandHa: number }) => i.freeLandHa)).toEqual([15, 30]);
  });

  it('refuses an unknown commune to search near, naming the field', async () => {
    const res = await anonymous().get('/api/public/zones?near=99999');
    expect(res.status).toBe(400);
    expect(res.body.details.fields.near).toBeTruthy();
    expect((await anonymous().get('/api/public/zones?pageSize=101')).status).toBe(400);
  });

  it('shows the description in the language asked, or Vietnamese marked as a missing translation', async () => {
    const ja = (await anonymous().get('/api/public/zones/CCN-S-A?lang=ja')).body;
    expect(ja).toMatchObject({ descriptionLang: 'vi', translationMissing: true, descriptionLangs: ['vi'] });
    const vi = (await anonymous().get('/api/public/zones/CCN-S-A?lang=vi')).body;
    expect(vi).toMatchObject({
      description: 'Cụm công nghiệp gần sân bay Nội Bài.',
      translationMissing: false,
    });
  });

  it('answers 304 to a client holding the current ETag, and a new body once anything public changes', async () => {
    const first = await anonymous().get('/api/public/zones?family=CCN');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect(first.headers.get('cache-control')).toContain('public');
    expect(
      (await anonymous().get('/api/public/zones?family=CCN', { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
    await publish('CCN-S-C', ['area']);
    const after = await anonymous().get('/api/public/zones?family=CCN', {
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const c = after.body.items.find((i: { code: string }) => i.code === 'CCN-S-C');
    expect(c).not.toHaveProperty('occupancy');
  });

  it('serves open data with its licence, as-of time and ETag', async () => {
    const res = await anonymous().get('/api/open-data/zones.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
    expect(res.body.licence.id).toBe('CC-BY-4.0');
    expect(res.headers.get('x-data-as-of')).toBe(res.body.asOf);
    expect(res.body.asOf).toMatch(/^\d{4}-/);
    expect(res.body.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'CCN-S-A',
      'CCN-S-B',
      'CCN-S-C',
    ]);
    const again = await anonymous().get('/api/open-data/zones.json', {
      headers: { 'if-none-match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('lists the published zones in the sitemap', async () => {
    const res = await app.request('http://127.0.0.1/sitemap.xml');
    const xml = await res.text();
    expect(xml).toContain('/catalogue/zones/CCN-S-A');
    expect(xml).not.toContain('CCN-S-D');
    expect(await (await app.request('http://127.0.0.1/robots.txt')).text()).toContain(
      'Sitemap: http://127.0.0.1/sitemap.xml',
    );
  });
});

describe('publishing', () => {
  it('tells other modules whether a zone is published, without telling an unpublished one from an unknown one', async () => {
    expect(await findPublishedZone(database.db, 'CCN-S-A')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await findPublishedZone(database.db, 'CCN-S-D')).toBeNull();
    expect(await findPublishedZone(database.db, 'NO-SUCH-ZONE')).toBeNull();
  });

  it('refuses a stale version with 409 and the current state, and audits every change', async () => {
    const stale = await officer.request('PUT', '/api/catalogue/zones/CCN-S-B', {
      body: { published: false, fields: [], version: versions['CCN-S-B']! - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.published).toBe(true);
    const rows = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'catalogue.publish'`,
      ),
    );
    expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('keeps developers and officers of other communes out', async () => {
    const { user } = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: THACH_THAT,
      family: 'CCN',
    });
    const commune = new TestClient(app);
    await commune.signIn(user.username, testPassword);
    expect((await commune.get('/api/catalogue/zones/CCN-S-C')).status).toBe(200);
    expect((await commune.get('/api/catalogue/zones/CCN-S-A')).status).toBe(404);
    const list = (await commune.get('/api/catalogue/zones')).body.items.map(
      (i: { zoneCode: string }) => i.zoneCode,
    );
    expect(list).toEqual(['CCN-S-C']);
    expect((await anonymous().get('/api/catalogue/zones')).status).toBe(401);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and the standard error body past the limit per address', async () => {
    const limited = createTestApp(database, {}, { publicRateLimitPerMinute: 3 }).app;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.request('http://127.0.0.1/api/public/facets');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last!.json()) as { code: string; message: string };
    expect(body.code).toBe('rate_limited');
    expect(body.message).toMatch(/giây/);
  });
});
