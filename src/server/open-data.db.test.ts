import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { Actor } from '../domain/identity/roles';
import { acceptTenantReport, clusterRegistry } from '../services/exchange/testing';
import { signCompilation } from '../services/reporting/compilation.service';
import { communes, makeUser, manualClock, testDeps } from '../services/testing';
import { createTestApp, TestClient } from './testing';

/** Open data of the signed aggregates and the DCAT catalogue, read by someone who is not signed in. */
let database: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
let department: Actor;
let commune: Actor;
let app: ReturnType<typeof createTestApp>['app'];
let anonymous: TestClient;

const sign = (
  who: Actor,
  query: { formCode: 'B03' | 'B04'; period: string; commune?: string },
  docNo: string,
) =>
  signCompilation(testDeps(database.db, who, clock), query, {
    docNo,
    signerName: 'Phạm Văn F',
    signerTitle: 'Phó Giám đốc',
    version: null,
  });

beforeAll(async () => {
  database = await createTestDatabase();
  await clusterRegistry(database.db, clock);
  const tenant = (
    await makeUser(database.db, { role: 'enterprise', scopeKind: 'organisation', scopeRef: 'DN-TD' })
  ).actor;
  commune = (
    await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    })
  ).actor;
  department = (
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    })
  ).actor;
  await acceptTenantReport(database.db, tenant, commune, clock);
  app = createTestApp(database, { clock }).app;
  anonymous = new TestClient(app);
});
afterAll(() => database?.cleanup());

describe('open data of the signed aggregates', () => {
  it('has nothing for a period that is not signed yet (404), and lists only the registry', async () => {
    expect((await anonymous.get('/api/open-data/compilations/B04/2026-H1.json')).status).toBe(404);
    const index = await anonymous.get('/api/open-data');
    expect(index.status).toBe(200);
    expect(index.body.datasets.map((d: { id: string }) => d.id)).toEqual(['zones']);
  });

  it('publishes a signed Biểu 04 as JSON with its licence and as-of instant, the items only', async () => {
    await sign(department, { formCode: 'B04', period: '2026-H1' }, '9/BC-SCT');
    const res = await anonymous.get('/api/open-data/compilations/B04/2026-H1.json');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      form: 'B04',
      period: '2026-H1',
      asOf: '2026-06-10T02:00:00.000Z',
      licence: { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    });
    expect(res.headers.get('x-as-of')).toBe('2026-06-10T02:00:00.000Z');
    expect(res.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
    expect(res.body.reports).toHaveLength(1);
    const [report] = res.body.reports;
    expect(report).toMatchObject({ scope: { kind: 'city' }, versionNo: 1, docNo: '9/BC-SCT' });
    expect(report.items).toHaveLength(35);
    expect(report.items.find((i: { code: string }) => i.code === '23')).toMatchObject({ value: 12.5 });
    // No drill-down leaves: no sources, no enterprise, no project.
    const text = JSON.stringify(res.body);
    for (const hidden of ['sources', 'gaps', 'DA-TD', 'DN-TD', 'Công ty điện tử'])
      expect(text).not.toContain(hidden);
  });

  it('serves the same figures as CSV and XLSX, with a strong ETag answered by 304', async () => {
    const csv = await anonymous.get('/api/open-data/compilations/B04/2026-H1.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(36);
    expect(lines.find((l) => l.includes(',23,'))).toMatch(/,12\.5$/);
    const etag = csv.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(csv.headers.get('cache-control')).toContain('public');
    const again = await anonymous.get('/api/open-data/compilations/B04/2026-H1.csv', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();

    const res = await app.request('http://127.0.0.1/api/open-data/compilations/B04/2026-H1.xlsx');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Dữ liệu')!;
    expect(sheet.rowCount).toBe(36);
    expect(String(book.getWorksheet('Giấy phép')!.getCell('B5').value)).toContain('CC-BY-4.0');
  });

  it('a correction signed as version 2 replaces the figures and changes the ETag', async () => {
    const before = await anonymous.get('/api/open-data/compilations/B04/2026-H1.json');
    clock.advance(86_400_000);
    await sign(department, { formCode: 'B04', period: '2026-H1' }, '10/BC-SCT');
    const after = await anonymous.get('/api/open-data/compilations/B04/2026-H1.json', {
      headers: { 'if-none-match': before.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    expect(after.body.reports[0]).toMatchObject({ versionNo: 2, docNo: '10/BC-SCT' });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('publishes the communes’ signed Biểu 03 of the period together, one report per commune', async () => {
    await sign(commune, { formCode: 'B03', period: '2026-H1', commune: communes.dongAnh }, '3/BC-UBND');
    const res = await anonymous.get('/api/open-data/compilations/B03/2026-H1.json');
    expect(res.status).toBe(200);
    expect(res.body.reports).toEqual([
      expect.objectContaining({
        scope: expect.objectContaining({ kind: 'commune', code: communes.dongAnh }),
      }),
    ]);
  });

  it('refuses an address that is not period.format (400) and a period never signed (404)', async () => {
    expect((await anonymous.get('/api/open-data/compilations/B04/2026-H1.exe')).status).toBe(400);
    expect((await anonymous.get('/api/open-data/compilations/B05/2026-H1.csv')).status).toBe(400);
    expect((await anonymous.get('/api/open-data/compilations/B04/2031.csv')).status).toBe(404);
  });
});

describe('the catalogue of the open data', () => {
  it('is a DCAT-AP catalogue (JSON-LD) with the registry and every signed aggregate, licence and publisher', async () => {
    const res = await anonymous.get('/api/open-data/catalog.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    const catalog = res.body;
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    expect(catalog['dct:publisher']['foaf:name']).toMatch(/Hà Nội/);
    const datasets = catalog['dcat:dataset'] as {
      'dct:identifier': string;
      'dcat:distribution': { 'dcat:downloadURL': { '@id': string } }[];
    }[];
    expect(datasets.map((d) => d['dct:identifier']).sort()).toEqual(['b03-2026-H1', 'b04-2026-H1', 'zones']);
    const b04 = datasets.find((d) => d['dct:identifier'] === 'b04-2026-H1')!;
    expect(b04['dcat:distribution'].map((x) => x['dcat:downloadURL']['@id'])).toEqual([
      'http://127.0.0.1/api/open-data/compilations/B04/2026-H1.csv',
      'http://127.0.0.1/api/open-data/compilations/B04/2026-H1.xlsx',
      'http://127.0.0.1/api/open-data/compilations/B04/2026-H1.json',
    ]);
    const zones = datasets.find((d) => d['dct:identifier'] === 'zones')!;
    expect(zones['dcat:distribution'].map((x) => x['dcat:downloadURL']['@id'].split('/').pop())).toEqual([
      'zones.csv',
      'zones.xlsx',
      'zones.geojson',
      'zones.json',
    ]);
    // Every address the catalogue gives for an aggregate answers.
    for (const d of datasets.filter((x) => x['dct:identifier'] !== 'zones')) {
      for (const x of d['dcat:distribution']) {
        expect((await app.request(x['dcat:downloadURL']['@id'])).status).toBe(200);
      }
    }
    const etag = res.headers.get('etag')!;
    expect(
      (await anonymous.get('/api/open-data/catalog.jsonld', { headers: { 'if-none-match': etag } })).status,
    ).toBe(304);
  });
});

describe('the OpenAPI document', () => {
  it('declares the open data, its catalogue and the exchange schema as public (never 401)', async () => {
    const doc = (await anonymous.get('/api/openapi.json')).body as {
      paths: Record<string, { get: { responses: Record<string, unknown> } }>;
    };
    for (const path of [
      '/api/open-data',
      '/api/open-data/catalog.jsonld',
      '/api/open-data/compilations/{form}/{file}',
      '/api/exchange/schema/v1.json',
    ]) {
      expect(doc.paths[path]?.get.responses, path).toBeDefined();
      expect(doc.paths[path]!.get.responses, path).not.toHaveProperty('401');
    }
    expect(doc.paths['/api/exchange/submissions']!.get.responses).toHaveProperty('401');
  });
});
