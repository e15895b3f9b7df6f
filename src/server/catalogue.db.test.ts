import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { hiddenKeys } from '../domain/catalogue/public-zone';
import { systemActor } from '../domain/identity/roles';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { signCompilation } from '../services/reporting/compilation.service';
import { addPrice } from '../services/zone/price.service';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

/**
 * Publication is enforced on every public route: the routes are taken from the served OpenAPI document (every
 * path under /api/public/, /api/open-data/ and outside /api/), so a new public route is checked without being
 * named here. Each response is searched for the unpublished zone and for the values and keys of every
 * unpublished field; then a field and the zone are unpublished and the very next request of every route is
 * searched again.
 */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
let officer: TestClient;
const anonymous = () => new TestClient(app);

const SHOWN = 'CCN-CONG-KHAI';
const HIDDEN = 'CCN-AN-DANH';
/** Values of fields left unpublished: none may appear in any public response. */
const secrets = {
  hiddenZoneName: 'Cụm Bí Mật Tuyệt Đối',
  infrastructureCompleteHa: '12.3456',
  price: '987654',
  phone: '0912 345 678',
  description: 'Mô tả nội bộ XYZZY',
  lat: '21.123456',
};
/** The value of `wwtp`, published first, then withdrawn. */
const wwtpCapacity = '4321.5';

let publicDocId = '';
let privateDocId = '';
let version = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, {}, { publicRateLimitPerMinute: 0 }).app;
  const deps = testDeps(database.db, systemActor('test'));
  await buildZone(database.db, {
    code: SHOWN,
    name: 'Cụm công nghiệp Thụy Lâm Công Khai',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    declaredAreaHa: 50,
    industrialLandHa: 40,
    leasedHa: 20,
    approvedHa: 10,
    infrastructureCompleteHa: 12.3456,
    wwtpStatus: 'operating',
    wwtpCapacityM3Day: 4321.5,
    fireSafetyStatus: 'accepted',
    lat: 21.123456,
    lon: 105.654321,
    developerCode: null,
  });
  await addPrice(deps, SHOWN, {
    kind: 'sublease',
    amount: '987654',
    currency: 'VND',
    unit: 'm2_year',
    validFrom: '2026-01-01',
  });
  await buildZone(database.db, {
    code: HIDDEN,
    name: secrets.hiddenZoneName,
    kind: 'CCN',
    communeCode: communes.dongAnh,
    industrialLandHa: 30,
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
  // A signed Biểu 04, so that its open data (/api/open-data/compilations/B04/2026-H1.json) answers too.
  const signer = await makeUser(database.db, {
    role: 'department_officer',
    scopeKind: 'family',
    scopeRef: 'CCN',
    family: 'CCN',
  });
  await signCompilation(
    testDeps(database.db, signer.actor),
    { formCode: 'B04', period: '2026-H1' },
    {
      docNo: null,
      signerName: 'Người ký',
      signerTitle: 'Giám đốc',
      version: null,
    },
  );
  const upload = async (name: string, content: string, type: string) => {
    const body = new FormData();
    body.append('file', new File([content], name, { type }));
    body.append('title', name);
    const res = await app.request(`http://127.0.0.1/api/zones/${SHOWN}/documents`, {
      method: 'POST',
      headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrfToken! },
      body,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  publicDocId = await upload('Quy hoạch.pdf', '%PDF-1.4\npublic\n%%EOF', 'application/pdf');
  privateDocId = await upload('Nội bộ.pdf', '%PDF-1.4\nprivate\n%%EOF', 'application/pdf');
  expect(
    (await officer.request('PUT', `/api/catalogue/documents/${publicDocId}`, { body: { public: true } }))
      .status,
  ).toBe(200);
  for (const [lang, text] of [
    ['vi', secrets.description],
    ['en', 'Internal description XYZZY'],
  ] as const) {
    const res = await officer.request('PUT', `/api/catalogue/zones/${SHOWN}/descriptions/${lang}`, {
      body: { text, version: 0 },
    });
    expect(res.status).toBe(200);
  }
  const res = await officer.request('PUT', `/api/catalogue/zones/${SHOWN}`, {
    body: {
      published: true,
      fields: ['area', 'wwtp'],
      sectors: ['26'],
      contactPhone: secrets.phone,
      version: 0,
    },
  });
  expect(res.status).toBe(200);
  version = res.body.version;
});
afterAll(() => database?.cleanup());

/** Public GETs whose answer is different on every request (and so carries no ETag). */
const NEVER_CACHED = new Set(['/api/public/inquiry-challenge']);

/** Every public GET of the served OpenAPI document, with its path parameters filled in. */
async function publicRoutes(): Promise<string[]> {
  const doc = (await anonymous().get('/api/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const samples: Record<string, string> = { code: SHOWN, id: publicDocId, form: 'B04', file: '2026-H1.json' };
  return Object.entries(doc.paths)
    .filter(
      ([path, ops]) =>
        'get' in ops &&
        (path.startsWith('/api/public/') || path.startsWith('/api/open-data/') || !path.startsWith('/api/')),
    )
    .map(([path]) =>
      path.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in samples))
          throw new Error(`No sample value for the path parameter {${name}} of ${path}`);
        return samples[name]!;
      }),
    );
}

/** The response as text to search: XLSX cells are read out of the workbook. */
async function fetchText(path: string): Promise<{ status: number; text: string; json: unknown }> {
  const res = await app.request(`http://127.0.0.1${path}`);
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    return { status: res.status, text: cells.join('\n'), json: null };
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, text, json };
}

/** The keys of every object that stands for the zone (a card, a profile, an open-data row, a feature's properties). */
function zoneKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) zoneKeys(v, into);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.code === SHOWN) for (const k of Object.keys(record)) into.add(k);
    for (const v of Object.values(record)) zoneKeys(v, into);
  }
  return into;
}

/** CSV header names. */
function csvKeys(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0]!
    .split(',');
}

async function expectNothingUnpublished(fields: string[], extraSecrets: string[] = [], zoneShown = true) {
  const routes = await publicRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(11);
  const forbiddenKeys = new Set(hiddenKeys({ fields }));
  let sawZone = 0;
  for (const path of routes) {
    const { status, text, json } = await fetchText(path);
    expect([200, 404], path).toContain(status);
    for (const secret of [...Object.values(secrets), ...extraSecrets]) {
      expect(text.includes(secret), `${path} leaks "${secret}"`).toBe(false);
    }
    expect(text.includes(HIDDEN), `${path} names the unpublished zone`).toBe(false);
    if (text.includes(SHOWN)) sawZone += 1;
    if (json) {
      for (const key of zoneKeys(json)) {
        expect(forbiddenKeys.has(key), `${path} has the unpublished key "${key}"`).toBe(false);
      }
    }
    if (path.endsWith('.csv')) {
      // CSV has fixed columns: a hidden field's cell is empty (its values are among the secrets searched above).
      expect(csvKeys(text)).toContain('code');
    }
  }
  if (zoneShown) expect(sawZone).toBeGreaterThanOrEqual(7);
  else expect(sawZone).toBe(0);
}

describe('public catalogue: nothing unpublished leaves', () => {
  it('shows the published zone with its published fields on every public route, and nothing else', async () => {
    await expectNothingUnpublished(['area', 'wwtp']);
    const zone = (await anonymous().api.get('/api/public/zones/{code}', { params: { code: SHOWN } })).body;
    expect(zone).toMatchObject({
      code: SHOWN,
      freeLandHa: 10,
      declaredAreaHa: 50,
      wwtpStatus: 'operating',
      wwtpCapacityM3Day: 4321.5,
    });
    expect(zone.publishedFields).toEqual(['freeLand', 'area', 'wwtp']);
    expect(zone.scorecard.scores.map((s: { key: string }) => s.key)).toEqual(['wwtp']);
    expect(zone.documents).toHaveLength(1);
    expect(zone.documents[0]!.url).toBe(`/api/public/documents/${publicDocId}/file`);
    expect(
      (await anonymous().api.get('/api/public/documents/{id}/file', { params: { id: privateDocId } })).status,
    ).toBe(404);
    expect((await anonymous().api.get('/api/public/zones/{code}', { params: { code: HIDDEN } })).status).toBe(
      404,
    );
  });

  it('gives every public route an ETag and Cache-Control, and answers 304 to a client holding it', async () => {
    for (const path of await publicRoutes()) {
      const first = await app.request(`http://127.0.0.1${path}`);
      await first.arrayBuffer();
      // The inquiry form's proof-of-work challenge is new on every request: never cached, by design.
      if (NEVER_CACHED.has(path)) {
        expect(first.headers.get('cache-control'), path).toMatch(/no-store/);
        continue;
      }
      const etag = first.headers.get('etag');
      expect(etag, path).toBeTruthy();
      expect(first.headers.get('cache-control'), path).toMatch(/public/);
      const again = await app.request(`http://127.0.0.1${path}`, { headers: { 'if-none-match': etag! } });
      expect(again.status, path).toBe(304);
    }
  });

  it('removes an unpublished field from every route in the very next request', async () => {
    const res = await officer.request('PUT', `/api/catalogue/zones/${SHOWN}`, {
      body: { published: true, fields: ['area'], sectors: ['26'], contactPhone: secrets.phone, version },
    });
    expect(res.status).toBe(200);
    version = res.body.version;
    await expectNothingUnpublished(['area'], [wwtpCapacity]);
  });

  it('removes an unpublished zone from every route in the very next request', async () => {
    const res = await officer.request('PUT', `/api/catalogue/zones/${SHOWN}`, {
      body: { published: false, fields: ['area'], version },
    });
    expect(res.status).toBe(200);
    version = res.body.version;
    await expectNothingUnpublished(['area'], [wwtpCapacity], false);
    expect(
      (await anonymous().api.get('/api/public/documents/{id}/file', { params: { id: publicDocId } })).status,
    ).toBe(404);
  });
});
