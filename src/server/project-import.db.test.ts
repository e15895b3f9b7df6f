import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { BOM, parseCsv } from '../domain/import/csv';
import { communes, makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildOrganisation, buildZone } from '../services/testing/factories';

/** Projects and their capital through HTTP: templates, uploads, exports, and scope, as the browser sends them. */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  await buildOrganisation(database.db, {
    code: 'CDT-TL',
    name: 'Công ty Phát triển Thăng Long',
    country: 'JP',
    ownership: 'fdi',
    roles: ['developer'],
  });
  await buildOrganisation(database.db, {
    code: 'NDT-A',
    name: 'Công ty TNHH A',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['tenant'],
  });
  await buildZone(database.db, {
    code: 'KCN-TL',
    name: 'KCN Thăng Long',
    kind: 'KCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-TL',
  });
  await buildZone(database.db, {
    code: 'CCN-PX',
    name: 'CCN Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Parameters<typeof makeUser>[1] = {}, locale: 'vi' | 'en' = 'vi') {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app, locale);
  await client.signIn(user.username, testPassword);
  return client;
}

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

function upload(client: TestClient, path: string, name: string, content: string, headers = {}) {
  const form = new FormData();
  form.append('file', new File([content], name));
  return raw(client, 'POST', path, { body: form, headers });
}

const projectCsv = (rows: string[]) =>
  `${BOM}Mã dự án,Tên dự án,Mã khu/cụm,Mã nhà đầu tư,Diện tích đất thuê (ha),Trạng thái\r\n${rows.join('\r\n')}\r\n`;

describe('templates', () => {
  it('serves one workbook per list, with the Vietnamese headers and a guide', async () => {
    const client = await signedIn();
    for (const [entity, fileName, first] of [
      ['organisations', 'mau-nhap-to-chuc.xlsx', 'Mã tổ chức'],
      ['projects', 'mau-nhap-du-an.xlsx', 'Mã dự án'],
      ['investment-events', 'mau-nhap-von-dau-tu.xlsx', 'Mã dự án'],
    ] as const) {
      const res = await raw(client, 'GET', `/api/import/templates/${entity}.xlsx`);
      expect(res.status, entity).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [data, guide] = book.worksheets;
      expect((data!.getRow(1).values as unknown[])[1]).toBe(first);
      expect(guide!.name).toBe('Hướng dẫn');
    }
    expect((await app.request('http://127.0.0.1/api/import/templates/projects.xlsx')).status).toBe(401);
  });

  it('are described in the OpenAPI document with the other import and export endpoints', async () => {
    const doc = (await new TestClient(app).get('/api/openapi.json')).body;
    for (const entity of ['organisations', 'projects', 'investment-events']) {
      expect(doc.paths, entity).toHaveProperty([`/api/import/templates/${entity}.xlsx`]);
      expect(doc.paths[`/api/import/${entity}`].post.requestBody.content).toHaveProperty([
        'multipart/form-data',
      ]);
      expect(doc.paths, entity).toHaveProperty([`/api/${entity}/export.xlsx`]);
      expect(doc.paths, entity).toHaveProperty([`/api/${entity}/export.csv`]);
    }
    const filters = doc.paths['/api/projects/export.csv'].get.parameters.map((p: { name: string }) => p.name);
    expect(filters).toEqual(expect.arrayContaining(['q', 'zone', 'investor', 'status']));
    expect(filters).not.toContain('page');
  });
});

describe('POST /api/import/projects', () => {
  it('dry-runs with every bad row and column named, then commits; a second commit changes nothing', async () => {
    const client = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
    const bad = await upload(
      client,
      '/api/import/projects?mode=commit',
      'du-an.csv',
      projectCsv(['DA-1,Nhà máy A,KCN-TL,NDT-A,"2,5",Đang hoạt động', 'DA-2,Nhà máy B,CCN-PX,NDT-B,abc,']),
    );
    expect(bad.status).toBe(200);
    const body = (await bad.json()) as any;
    expect(body).toMatchObject({ entity: 'projects', committed: false, toCreate: 1 });
    expect(body.errors).toMatchObject([
      {
        row: 3,
        field: 'Mã khu/cụm',
        // The clusters are not the park department's to see: reported like a zone that does not exist.
        message: { vi: 'Không có khu/cụm công nghiệp mã CCN-PX.', en: 'No park or cluster has code CCN-PX.' },
      },
      {
        row: 3,
        field: 'Mã nhà đầu tư',
        message: {
          vi: 'Không có tổ chức (nhà đầu tư) mã NDT-B; hãy nhập danh mục tổ chức trước.',
          en: 'No organisation (investor) has code NDT-B; import the organisations first.',
        },
      },
      {
        row: 3,
        field: 'Diện tích đất thuê (ha)',
        message: { vi: '"abc" không phải là số.', en: '"abc" is not a number.' },
      },
    ]);
    expect(body.errors.map((e: any) => e.text)).toEqual(body.errors.map((e: any) => e.message.vi));
    expect((await client.get('/api/projects/DA-1')).status).toBe(404);
    // In English for a client that asks for it.
    const english = await signedIn(
      { role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' },
      'en',
    );
    const inEnglish = (await (
      await upload(
        english,
        '/api/import/projects?mode=dry-run',
        'du-an.csv',
        projectCsv(['DA-2,B,KCN-TL,NDT-A,abc,']),
        {
          'accept-language': 'en',
        },
      )
    ).json()) as any;
    expect(inEnglish.errors).toMatchObject([
      { row: 2, field: 'Diện tích đất thuê (ha)', text: '"abc" is not a number.' },
    ]);

    const file = projectCsv(['DA-1,Nhà máy A,KCN-TL,NDT-A,"2,5",Đang hoạt động']);
    const dry = await (await upload(client, '/api/import/projects?mode=dry-run', 'du-an.csv', file)).json();
    expect(dry).toMatchObject({ mode: 'dry-run', committed: false, toCreate: 1, errors: [] });
    const commit = await (await upload(client, '/api/import/projects?mode=commit', 'du-an.csv', file)).json();
    expect(commit).toMatchObject({ committed: true, changes: [{ row: 2, key: 'DA-1', action: 'create' }] });
    expect((await client.get('/api/projects/DA-1')).body).toMatchObject({
      leasedHa: 2.5,
      status: 'operating',
    });
    const again = await (await upload(client, '/api/import/projects?mode=commit', 'du-an.csv', file)).json();
    expect(again).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 1 });
  });

  it('streams progress as NDJSON, and refuses a leader', async () => {
    const client = await signedIn();
    const rows = Array.from({ length: 1100 }, (_, i) => `DA-LUONG-${i},Dự án ${i},KCN-TL,NDT-A,1,`);
    const res = await upload(client, '/api/import/projects?mode=commit', 'nhieu.csv', projectCsv(rows), {
      accept: 'application/x-ndjson',
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'progress', phase: 'validate', total: 2200 });
    expect(lines.at(-1)).toMatchObject({ type: 'result', committed: true, toCreate: 1100 });
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    expect((await upload(leader, '/api/import/projects', 'a.csv', projectCsv([]))).status).toBe(403);
  });
});

describe('POST /api/import/investment-events', () => {
  it('appends a developer’s ledger rows in their zone, and refuses a row outside it', async () => {
    const developer = await signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-TL' });
    const admin = await signedIn();
    await upload(
      admin,
      '/api/import/projects?mode=commit',
      'du-an.csv',
      projectCsv(['DA-PX-1,Xưởng Phùng Xá,CCN-PX,NDT-A,,']),
    );
    const csv =
      'Mã dự án,Loại sự kiện,Ngày,Số vốn,Loại tiền,Ghi chú\n' +
      'DA-1,Đăng ký mới,15/03/2022,1.000.000,USD,GCN lần đầu\n' +
      'DA-1,Tăng vốn,20/05/2022,"60.000.000",USD,\n' +
      'DA-PX-1,Đăng ký mới,15/03/2022,450.000.000.000,VND,\n';
    const refused = (await (
      await upload(developer, '/api/import/investment-events?mode=commit', 'von.csv', csv)
    ).json()) as any;
    expect(refused.committed).toBe(false);
    expect(refused.errors).toMatchObject([
      {
        row: 4,
        field: 'Mã dự án',
        message: { vi: 'Không có dự án mã DA-PX-1.', en: 'No project has code DA-PX-1.' },
      },
    ]);
    const ok = (await (
      await upload(
        developer,
        '/api/import/investment-events?mode=commit',
        'von.csv',
        csv.split('\n').slice(0, 3).join('\n'),
      )
    ).json()) as any;
    expect(ok).toMatchObject({ committed: true, toCreate: 2 });
    const ledger = await developer.get('/api/projects/DA-1/investment-events');
    expect(ledger.body.registeredCapital).toEqual([{ currency: 'USD', amount: '61000000.00' }]);
  });
});

describe('exports', () => {
  it('exports the lists as XLSX and CSV with the list filters, within scope, and they import back unchanged', async () => {
    const admin = await signedIn();
    const xlsx = await raw(admin, 'GET', '/api/projects/export.xlsx?zone=KCN-TL&status=operating');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toMatch(
      /^attachment; filename="du-an-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''du-an-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets[0]!.rowCount).toBe(2);
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe('DA-1');

    const csv = await raw(admin, 'GET', '/api/projects/export.csv?q=nha may');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(parseCsv(text).map((r) => r[0])).toEqual(['Mã dự án', 'DA-1']);
    const back = (await (
      await upload(admin, '/api/import/projects?mode=dry-run', 'du-an.csv', text)
    ).json()) as any;
    expect(back).toMatchObject({ errors: [], toCreate: 0, toUpdate: 0, unchanged: 1 });

    const ledger = await raw(admin, 'GET', '/api/investment-events/export.csv?project=DA-1');
    const ledgerText = await ledger.text();
    expect(parseCsv(ledgerText).slice(1)).toEqual([
      ['DA-1', 'Đăng ký mới', '15/03/2022', '1000000', 'USD', 'GCN lần đầu'],
      ['DA-1', 'Tăng vốn', '20/05/2022', '60000000', 'USD', ''],
    ]);
    const ledgerBack = (await (
      await upload(admin, '/api/import/investment-events?mode=dry-run', 'von.csv', ledgerText)
    ).json()) as any;
    expect(ledgerBack).toMatchObject({ errors: [], toCreate: 0, unchanged: 2 });

    const organisations = await raw(admin, 'GET', '/api/organisations/export.csv?role=developer');
    expect(parseCsv(await organisations.text()).map((r) => r[0])).toEqual(['Mã tổ chức', 'CDT-TL']);

    const bad = await raw(admin, 'GET', '/api/investment-events/export.csv?from=15-03-2022');
    expect(bad.status).toBe(400);
    const developer = await signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-TL' });
    const scoped = await raw(developer, 'GET', '/api/projects/export.csv');
    expect(parseCsv(await scoped.text()).some((r) => r[0] === 'DA-PX-1')).toBe(false);
    expect((await app.request('http://127.0.0.1/api/projects/export.csv')).status).toBe(401);
  });
});
