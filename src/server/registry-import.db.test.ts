import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { BOM, parseCsv } from '../domain/import/csv';
import { communes, makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  await buildZone(database.db, {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    ccnTypeCode: 'general',
    communeCode: communes.dongAnh,
    declaredAreaHa: 17,
    industrialLandHa: 12,
    leasedHa: 3,
    lat: 21.175,
    lon: 105.86,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN đồ mộc dân dụng Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
    declaredAreaHa: 4.2,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'KCN-THANG-LONG',
    name: 'KCN Thăng Long',
    kind: 'KCN',
    declaredAreaHa: 274,
    communeCode: null,
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

/** A raw request as the browser sends it (cookie, CSRF token), for uploads and file downloads. */
function raw(
  client: TestClient,
  method: string,
  path: string,
  init: { body?: FormData; headers?: Record<string, string> } = {},
) {
  return app.request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(method !== 'GET' && client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: init.body } : {}),
  });
}

function upload(
  client: TestClient,
  path: string,
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new File([content], name));
  return raw(client, 'POST', path, { body: form, headers });
}

async function workbook(response: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return book;
}

describe('the import template', () => {
  it('is a workbook with the Vietnamese header row frozen, sized columns and a "Hướng dẫn" sheet', async () => {
    const client = await signedIn();
    const res = await raw(client, 'GET', '/api/import/templates/zones.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mau-nhap-khu-cum-cong-nghiep.xlsx"; filename*=UTF-8''mau-nhap-khu-cum-cong-nghiep.xlsx`,
    );
    const book = await workbook(res);
    const [data, guide] = book.worksheets;
    expect(data!.name).toBe('Khu cụm công nghiệp');
    const headers = (data!.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['Mã khu/cụm', 'Tên khu/cụm', 'Loại hình']);
    expect(headers).toContain('Diện tích đất công nghiệp (ha)');
    expect(data!.rowCount).toBe(1);
    expect(data!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data!.getColumn(2).width).toBe(40);
    expect(guide!.name).toBe('Hướng dẫn');
    const rows: unknown[][] = [];
    guide!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const land = rows.find((r) => r[0] === 'Diện tích đất công nghiệp (ha)')!;
    expect(land).toEqual([
      'Diện tích đất công nghiệp (ha)',
      'industrialLandHa',
      expect.stringContaining('Đất công nghiệp'),
      'ha',
      expect.stringContaining('1.347,4'),
      'Không',
      '12',
    ]);
    const kind = rows.find((r) => r[0] === 'Loại hình')!;
    expect(kind[4]).toBe(
      'Khu công nghiệp (KCN); Khu chế xuất (KCX); Khu công nghệ cao (KCNC); Cụm công nghiệp (CCN)',
    );
    expect(rows.find((r) => r[0] === 'Loại cụm công nghiệp')![4]).toContain(
      'Cụm công nghiệp làng nghề (craft_village)',
    );
  });

  it('needs a signed-in user', async () => {
    const res = await app.request('http://127.0.0.1/api/import/templates/zones.xlsx');
    expect(res.status).toBe(401);
  });
});

describe('POST /api/import/zones', () => {
  const csv = (rows: string[]) =>
    `${BOM}Mã khu/cụm,Tên khu/cụm,Loại hình,Mã xã/phường,Tổng diện tích (ha)\r\n${rows.join('\r\n')}\r\n`;

  it('dry-runs, then commits, an uploaded file; the result names bad rows and columns', async () => {
    const client = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
    const bad = await upload(
      client,
      '/api/import/zones?mode=commit',
      'khu-cum.csv',
      csv(['CCN-MOI,Cụm mới,CCN,00454,abc']),
    );
    expect(bad.status).toBe(200);
    const badBody = (await bad.json()) as any;
    expect(badBody).toMatchObject({ committed: false, errors: [{ row: 2, field: 'Tổng diện tích (ha)' }] });
    expect(badBody.errors[0].message).toEqual({
      vi: '"abc" không phải là số.',
      en: '"abc" is not a number.',
    });

    const file = csv(['CCN-MOI,Cụm công nghiệp Mới,CCN,00454,"12,5"']);
    const dry = await (await upload(client, '/api/import/zones?mode=dry-run', 'khu-cum.csv', file)).json();
    expect(dry).toMatchObject({ mode: 'dry-run', committed: false, toCreate: 1, errors: [] });
    expect((await client.get('/api/zones/CCN-MOI')).status).toBe(404);
    const commit = await (await upload(client, '/api/import/zones?mode=commit', 'khu-cum.csv', file)).json();
    expect(commit).toMatchObject({
      committed: true,
      toCreate: 1,
      changes: [{ row: 2, key: 'CCN-MOI', action: 'create' }],
    });
    expect((await client.get('/api/zones/CCN-MOI')).body.declaredAreaHa).toBe(12.5);
    // A park in the same file is outside the cluster department's remit.
    const park: any = await (
      await upload(
        client,
        '/api/import/zones?mode=dry-run',
        'khu-cum.csv',
        csv(['KCN-MOI,KCN Mới,KCN,00454,10']),
      )
    ).json();
    expect(park.errors[0]).toMatchObject({ row: 2, field: 'Mã khu/cụm' });
  });

  it('streams progress as NDJSON when asked, then the result', async () => {
    const client = await signedIn();
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `CCN-LUONG-${i},Cụm công nghiệp luồng ${i},CCN,00454,${i + 1}`,
    );
    const res = await upload(client, '/api/import/zones?mode=commit', 'nhieu.csv', csv(rows), {
      accept: 'application/x-ndjson',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress[0]).toMatchObject({ phase: 'validate', total: 2400 });
    expect(progress.at(-1)).toMatchObject({ phase: 'write', done: 2400, total: 2400 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', committed: true, toCreate: 1200 });
  });

  it('streams an error line when the file cannot be read after the stream started', async () => {
    const client = await signedIn();
    const res = await upload(client, '/api/import/zones?mode=dry-run', 'hong.xlsx', 'PK not really a zip', {
      accept: 'application/x-ndjson',
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      type: 'error',
      code: 'validation',
      details: { fields: { file: expect.any(String) } },
    });
  });

  it('refuses a missing file, another file type, more than 20 MB, a missing CSRF token and a leader', async () => {
    const client = await signedIn();
    const none = await raw(client, 'POST', '/api/import/zones?mode=dry-run', { body: new FormData() });
    expect(none.status).toBe(400);
    expect(((await none.json()) as any).details.fields.file).toMatch(
      /^Chưa chọn tệp: gửi tệp .xlsx hoặc .csv/,
    );
    const pdf = await upload(client, '/api/import/zones', 'bao-cao.pdf', 'x');
    expect(((await pdf.json()) as any).details.fields.file).toBe('Chỉ nhận tệp .xlsx hoặc .csv.');
    const huge = await upload(client, '/api/import/zones', 'lon.csv', new Uint8Array(21 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).details.fields.file).toBe(
      'Tệp quá lớn: tối đa 20 MB (giới hạn IZIS_IMPORT_MAX_MB).',
    );
    const form = new FormData();
    form.append('file', new File([csv([])], 'a.csv'));
    const noCsrf = await app.request('http://127.0.0.1/api/import/zones', {
      method: 'POST',
      headers: { cookie: client.cookie! },
      body: form,
    });
    expect(noCsrf.status).toBe(403);
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    expect((await upload(leader, '/api/import/zones', 'a.csv', csv([]))).status).toBe(403);
  });
});

describe('exports', () => {
  it('downloads the filtered list as XLSX, CSV and GeoJSON, named with the date', async () => {
    const client = await signedIn();
    const xlsx = await raw(client, 'GET', '/api/zones/export.xlsx?family=CCN&sort=name');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe(
      `attachment; filename="khu-cum-cong-nghiep-2026-06-20.xlsx"; filename*=UTF-8''khu-cum-cong-nghiep-2026-06-20.xlsx`,
    );
    const sheet = (await workbook(xlsx)).worksheets[0]!;
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && codes.push(row.getCell(1).value));
    expect(codes).toContain('CCN-THUY-LAM');
    expect(codes).not.toContain('KCN-THANG-LONG');

    const csv = await raw(client, 'GET', '/api/zones/export.csv?q=thuy%20lam');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="khu-cum-cong-nghiep-2026-06-20.csv"; filename*=UTF-8''khu-cum-cong-nghiep-2026-06-20.csv`,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [head, row] = parseCsv(text);
    expect(row![head!.indexOf('Tên khu/cụm')]).toBe('CCN Thụy Lâm');
    expect(row![head!.indexOf('Loại cụm công nghiệp')]).toBe('Cụm công nghiệp đa ngành');

    const geo = await raw(client, 'GET', '/api/zones/export.geojson?kind=CCN');
    expect(geo.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    const collection = (await geo.json()) as any;
    const thuyLam = collection.features.find((f: { id: string }) => f.id === 'CCN-THUY-LAM');
    expect(thuyLam.geometry).toEqual({ type: 'Point', coordinates: [105.86, 21.175] });
    expect(thuyLam.properties).toMatchObject({
      name: 'CCN Thụy Lâm',
      occupancy: 0.25,
      communeName: 'Xã Đông Anh',
    });

    // The fixed paths are not read as zone codes; the zone routes still work.
    expect((await client.get('/api/zones/CCN-THUY-LAM')).status).toBe(200);
  });

  it('exports only the zones in the actor’s scope, and an edited export imports back', async () => {
    const client = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const csv = await (await raw(client, 'GET', '/api/zones/export.csv')).text();
    const records = parseCsv(csv);
    const codes = records.slice(1).map((r) => r[0]);
    expect(codes).toContain('CCN-THUY-LAM');
    expect(codes).not.toContain('CCN-PHUNG-XA');
    // Edit one cell of the export and import it back: only that zone changes.
    const head = records[0]!;
    const i = records.findIndex((r) => r[0] === 'CCN-THUY-LAM');
    records[i]![head.indexOf('Đất công nghiệp đã cho thuê (ha)')] = '4,5';
    const edited = records
      .map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))
      .join('\r\n');
    const result = (await (
      await upload(client, '/api/import/zones?mode=commit', 'sua.csv', edited)
    ).json()) as any;
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({
      committed: true,
      toUpdate: 1,
      changes: [{ key: 'CCN-THUY-LAM', fields: ['leasedHa'] }],
    });
    expect((await client.get('/api/zones/CCN-THUY-LAM')).body.leasedHa).toBe(4.5);
  });

  it('are documented in the OpenAPI document', async () => {
    const doc = (await new TestClient(app).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/import/templates/zones.xlsx',
        '/api/import/zones',
        '/api/zones/export.xlsx',
        '/api/zones/export.csv',
        '/api/zones/export.geojson',
      ]),
    );
    expect(Object.keys(doc.paths['/api/import/zones'].post.requestBody.content)).toEqual([
      'multipart/form-data',
    ]);
  });
});
