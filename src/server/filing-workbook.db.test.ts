import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { CreateUserInput } from '../domain/identity/identity.schema';
import { KEY_SHEET, SINGLE_COLUMNS } from '../domain/reporting/filing-workbook';
import { communes, makeUser, manualClock, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildOrganisation, buildProject, buildZone } from '../services/testing/factories';

/** Filing by Excel over HTTP: download, multipart upload, the common error shape naming row and item. */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock: manualClock(new Date('2026-06-10T02:00:00Z')) }).app;
  for (const [code, role] of [
    ['DEV-X', 'developer'],
    ['ORG-X1', 'tenant'],
    ['ORG-X2', 'tenant'],
  ] as const) {
    await buildOrganisation(database.db, {
      code,
      name: `Công ty ${code}`,
      country: 'VN',
      ownership: 'domestic_private',
      roles: [role],
    });
  }
  await buildZone(database.db, {
    code: 'CCN-X',
    name: 'Cụm công nghiệp X',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'DEV-X',
    declaredAreaHa: 30,
    industrialLandHa: 22,
  });
  for (const [code, investorCode] of [
    ['P-X1', 'ORG-X1'],
    ['P-X2', 'ORG-X2'],
  ] as const) {
    await buildProject(database.db, {
      code,
      zoneCode: 'CCN-X',
      investorCode,
      name: `Xưởng ${code}`,
      status: 'operating',
    });
  }
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Partial<CreateUserInput>) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  return client;
}

function raw(client: TestClient, method: string, path: string, body?: FormData) {
  return app.request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      'accept-language': 'vi',
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(method !== 'GET' && client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
    ...(body ? { body } : {}),
  });
}

async function upload(client: TestClient, path: string, data: Uint8Array, name = 'bieu-01.xlsx') {
  const form = new FormData();
  form.append('file', new File([data as Uint8Array<ArrayBuffer>], name));
  const res = await raw(client, 'POST', path, form);
  return { status: res.status, body: (await res.json()) as any };
}

async function fill(data: Uint8Array, at: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as never);
  at(workbook.worksheets.find((w) => w.name !== KEY_SHEET)!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const b01 = { revenue_vnd: 5, state_budget_vnd: 0.4, workers: 20, avg_income_vnd: 7.5 };

describe('a tenant files Biểu 01 with its Excel workbook', () => {
  it('downloads, uploads a bad file (400 naming row and item), then a good one (the draft)', async () => {
    const tenant = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-X1' });
    const query = 'formCode=B01&period=2026-H1&kind=project&code=P-X1';
    const res = await raw(tenant, 'GET', `/api/filings/workbook.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('Bieu-01_2026-H1_P-X1.xlsx');
    const template = new Uint8Array(await res.arrayBuffer());

    const values = (v: Record<string, unknown>) => (sheet: ExcelJS.Worksheet) =>
      sheet.eachRow((row) => {
        const key = row.getCell(SINGLE_COLUMNS.key).value as string;
        if (key in v) row.getCell(SINGLE_COLUMNS.value).value = v[key] as number;
      });
    let out = await upload(
      tenant,
      `/api/filings/workbook?${query}`,
      await fill(template, values({ ...b01, workers: 20.5 })),
    );
    expect(out.status).toBe(400);
    expect(out.body.code).toBe('validation');
    expect(out.body.details.fields.workers).toContain('Dòng 13');
    expect(out.body.details.errors).toEqual([
      expect.objectContaining({
        row: 13,
        field: 'workers',
        item: '3',
        message: 'Dòng 13: Mục 3 (Số lao động có hợp đồng lao động): phải là số nguyên.',
      }),
    ]);

    out = await upload(
      tenant,
      `/api/filings/workbook?${query}&submit=true`,
      await fill(template, values(b01)),
    );
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ changed: true, submitted: true, filing: { status: 'submitted' } });
    expect(out.body.filing.revisions[0]).toMatchObject({ values: b01, channel: 'excel' });

    // Not a workbook at all, and another tenant's workbook.
    out = await upload(tenant, '/api/filings/workbook', new TextEncoder().encode('a,b'), 'x.csv');
    expect(out.status).toBe(400);
    expect(out.body.details.fields.file).toContain('.xlsx');
    const other = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'ORG-X2' });
    out = await upload(other, '/api/filings/workbook', await fill(template, values(b01)));
    expect(out.status).toBe(403);
    expect(out.body.details.fields.file).toContain('P-X1');
    expect((await raw(other, 'GET', `/api/filings/workbook.xlsx?${query}`)).status).toBe(404);
  });
});

describe('the developer files for its tenants in bulk', () => {
  it('downloads the cluster’s workbook, dry-runs it, commits it', async () => {
    const developer = await signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-X' });
    const res = await raw(developer, 'GET', '/api/filings/bulk/workbook.xlsx?period=2026-H1&zone=CCN-X');
    expect(res.status).toBe(200);
    const template = new Uint8Array(await res.arrayBuffer());
    const filled = await fill(template, (sheet) => {
      let keys: unknown[] = [];
      sheet.eachRow((row) => {
        const cells = (row.values as unknown[]).slice(1);
        if (cells.includes('project')) keys = cells;
        else if (keys.length && row.getCell(keys.indexOf('project') + 1).value === 'P-X2') {
          for (const [k, v] of Object.entries(b01)) row.getCell(keys.indexOf(`v:${k}`) + 1).value = v;
        }
      });
    });
    let out = await upload(developer, '/api/filings/bulk?dryRun=true', filled, 'nop-ho.xlsx');
    expect(out.status).toBe(200);
    expect(out.body.committed).toBe(false);
    expect(
      out.body.rows.map((r: { projectCode: string; action: string }) => [r.projectCode, r.action]),
    ).toEqual([
      ['P-X1', 'skipped'],
      ['P-X2', 'save'],
    ]);
    out = await upload(developer, '/api/filings/bulk?dryRun=false', filled, 'nop-ho.xlsx');
    expect(out.body).toMatchObject({ committed: true, counts: { save: 1, skipped: 1 } });
    out = await upload(developer, '/api/filings/bulk?dryRun=false', filled, 'nop-ho.xlsx');
    expect(out.body.counts).toMatchObject({ save: 0, unchanged: 1 });
    // Too large: refused before it is read.
    out = await upload(
      developer,
      '/api/filings/bulk?dryRun=true',
      new Uint8Array(6 * 1024 * 1024),
      'big.xlsx',
    );
    expect(out.status).toBe(400);
    expect(out.body.details.fields.file).toContain('Tệp quá lớn');
    // Without a session: 401 in the common shape.
    const anonymous = new TestClient(app);
    const res401 = await raw(anonymous, 'GET', '/api/filings/bulk/workbook.xlsx?period=2026-H1');
    expect(res401.status).toBe(401);
  });
});
