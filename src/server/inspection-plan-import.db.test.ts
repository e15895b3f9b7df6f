import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { BOM, parseCsv } from '../domain/import/csv';
import { communes, makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

/**
 * Inspections and plan targets over HTTP, as the import page sends them: the templates (the catalogue's kinds,
 * the guide), an upload refused with 403 for a role without the right (before the file is read), a commit,
 * and the export the list downloads.
 */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  await buildZone(database.db, {
    code: 'CCN-DA',
    name: 'Cụm công nghiệp Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Parameters<typeof makeUser>[1]) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

function raw(client: TestClient, method: 'GET' | 'POST', path: string, body?: FormData) {
  return app.request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(method !== 'GET' && client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
    ...(body ? { body } : {}),
  });
}

function upload(client: TestClient, path: string, name: string, content: string) {
  const form = new FormData();
  form.append('file', new File([content], name));
  return raw(client, 'POST', path, form);
}

describe('templates', () => {
  it('serves the inspection and plan-target templates with their guide', async () => {
    const client = await signedIn({ role: 'leader', scopeKind: 'all' });
    for (const [entity, fileName, first, needle] of [
      [
        'inspections',
        'mau-nhap-kiem-tra.xlsx',
        'Mã khu/cụm',
        'Phòng cháy, chữa cháy ("4 tại chỗ") (fire_safety)',
      ],
      ['plan-targets', 'mau-nhap-chi-tieu-ke-hoach.xlsx', 'Khối', 'Theo danh sách khu/cụm (count)'],
    ] as const) {
      const res = await raw(client, 'GET', `/api/import/templates/${entity}.xlsx`);
      expect(res.status, entity).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`filename="${fileName}"`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [data, guide] = book.worksheets;
      expect((data!.getRow(1).values as unknown[])[1]).toBe(first);
      expect(guide!.name).toBe('Hướng dẫn');
      const text: string[] = [];
      guide!.eachRow((row) => text.push(JSON.stringify(row.values)));
      expect(text.join('\n')).toContain(needle.replace(/"/g, '\\"'));
    }
  });
});

describe('uploads and exports', () => {
  const inspections =
    `${BOM}Mã khu/cụm,Loại kiểm tra,Ngày kiểm tra,Cơ quan kiểm tra,Hạng mục không đạt,Thời hạn khắc phục\r\n` +
    'CCN-DA,fire_safety,05/05/2020,PC07,Chỉ huy tại chỗ,30/06/2020\r\n';

  it('refuses a role without the right with 403, and writes for the commune keeping the cluster', async () => {
    const developer = await signedIn({ role: 'developer', scopeKind: 'zone', scopeRef: 'CCN-DA' });
    const refused = await upload(developer, '/api/import/inspections?mode=commit', 'k.csv', inspections);
    expect(refused.status).toBe(403);
    const department = await signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
    const targets = await upload(
      department,
      '/api/import/plan-targets?mode=dry-run',
      't.csv',
      `${BOM}Khối,Năm kế hoạch,Số kế hoạch,Loại chỉ tiêu,Tên chỉ tiêu,Giá trị\r\nCCN,2026,1/KH,task,A,1\r\n`,
    );
    expect(targets.status).toBe(200);
    expect(((await targets.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
      row: 2,
      field: 'Khối',
    });
    const [before] = await database.query<{ n: number }>('select count(*)::int as n from inspection');
    expect(before!.n).toBe(0);

    const officer = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
      family: 'CCN',
    });
    const ok = await upload(officer, '/api/import/inspections?mode=commit', 'k.csv', inspections);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ entity: 'inspections', committed: true, toCreate: 1 });
    const exported = await raw(officer, 'GET', '/api/inspections/export.csv?year=2020');
    expect(exported.status).toBe(200);
    const rows = parseCsv(await exported.text());
    expect(rows[1]!.slice(0, 8)).toEqual([
      'CCN-DA',
      '',
      'Phòng cháy, chữa cháy ("4 tại chỗ")',
      '05/05/2020',
      'PC07',
      '',
      'Chỉ huy tại chỗ',
      '30/06/2020',
    ]);
    expect((await raw(officer, 'GET', '/api/plan-targets/export.xlsx?year=2026')).status).toBe(200);
  });
});
