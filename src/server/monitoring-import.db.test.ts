import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { parseCsv } from '../domain/import/csv';
import { communes, makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

/** Obstacles and planned schedules through HTTP: templates, uploads (dry run, commit), exports and rights. */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  await buildZone(database.db, {
    code: 'CCN-DA',
    name: 'CCN Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
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

async function signedIn(overrides: Parameters<typeof makeUser>[1] = {}) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app, 'vi');
  await client.signIn(user.username, testPassword);
  return client;
}

function request(client: TestClient, method: string, path: string, body?: FormData) {
  return app.request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      ...(client.cookie ? { cookie: client.cookie } : {}),
      ...(method !== 'GET' && client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
    ...(body ? { body } : {}),
  });
}

function upload(client: TestClient, path: string, content: string) {
  const form = new FormData();
  form.append('file', new File([content], 'tep.csv'));
  return request(client, 'POST', path, form);
}

const obstacles =
  'Mã khu/cụm,Nhóm vướng mắc,Nội dung vướng mắc,Cơ quan chịu trách nhiệm,Ngày phát sinh,Hạn xử lý\n' +
  'CCN-DA,Giải phóng mặt bằng,Còn 2 hộ chưa bàn giao đất,UBND xã Đông Anh,01/06/2026,30/09/2026\n';
const schedule =
  'Mã khu/cụm,Bước,Ngày kế hoạch,Cơ quan chịu trách nhiệm,Loại văn bản căn cứ,"Số, ngày văn bản"\n' +
  'CCN-DA,Đi vào hoạt động,31/12/2027,UBND xã Đông Anh,Kế hoạch của Thành phố,KH 12/KH-UBND\n';

describe('obstacle and schedule imports over HTTP', () => {
  it('answers 403 to a read-only leader, for both imports', async () => {
    const leader = await signedIn({ role: 'leader', scopeKind: 'all', scopeRef: null });
    expect((await upload(leader, '/api/import/obstacles?mode=commit', obstacles)).status).toBe(403);
    expect((await upload(leader, '/api/import/schedule-steps?mode=commit', schedule)).status).toBe(403);
    // Reading is still theirs: the exports.
    expect((await request(leader, 'GET', '/api/obstacles/export.csv')).status).toBe(200);
    expect((await request(leader, 'GET', '/api/schedule-steps/export.csv')).status).toBe(200);
  });

  it('checks, commits, and names an out-of-scope row by row and column', async () => {
    const commune = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    for (const [path, text] of [
      ['/api/import/obstacles', obstacles],
      ['/api/import/schedule-steps', schedule],
    ] as const) {
      const outside = await upload(
        commune,
        `${path}?mode=commit`,
        `${text}${text.split('\n')[1]!.replace('CCN-DA', 'CCN-PX')}\n`,
      );
      expect(outside.status).toBe(200);
      const refused = (await outside.json()) as {
        committed: boolean;
        errors: { row: number; field: string; text: string }[];
      };
      expect(refused.committed).toBe(false);
      expect(refused.errors).toEqual([
        expect.objectContaining({
          row: 3,
          field: 'Mã khu/cụm',
          text: 'Không có khu/cụm công nghiệp mã CCN-PX.',
        }),
      ]);

      const dry = await upload(commune, `${path}?mode=dry-run`, text);
      expect(await dry.json()).toMatchObject({ committed: false, toCreate: 1, errors: [] });
      const commit = await upload(commune, `${path}?mode=commit`, text);
      expect(await commit.json()).toMatchObject({ committed: true, toCreate: 1 });
      const again = await upload(commune, `${path}?mode=commit`, text);
      expect(await again.json()).toMatchObject({ committed: true, toCreate: 0, toUpdate: 0, unchanged: 1 });
    }
  });

  it('serves the templates and exports with the template’s columns', async () => {
    const commune = await signedIn({
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    for (const entity of ['obstacles', 'schedule-steps']) {
      const template = await request(commune, 'GET', `/api/import/templates/${entity}.xlsx`);
      expect(template.status).toBe(200);
      expect(template.headers.get('content-type')).toContain('spreadsheetml');
    }
    const exported = parseCsv(
      await (await request(commune, 'GET', '/api/schedule-steps/export.csv?zone=CCN-DA')).text(),
    );
    expect(exported[0]!.slice(0, 3)).toEqual(['Mã khu/cụm', 'Bước', 'Ngày kế hoạch']);
    expect(exported[1]!.slice(0, 3)).toEqual(['CCN-DA', 'Đi vào hoạt động', '31/12/2027']);
    const obstacleCsv = parseCsv(
      await (await request(commune, 'GET', '/api/obstacles/export.csv?status=active')).text(),
    );
    expect(obstacleCsv[1]!.slice(0, 3)).toEqual(['CCN-DA', '', 'Giải phóng mặt bằng']);
  });
});

describe('the lists the import page offers', () => {
  it('are exactly those whose upload the server accepts, for each role', async () => {
    const roles = [
      { role: 'system_admin', scopeKind: 'all', scopeRef: null },
      { role: 'leader', scopeKind: 'all', scopeRef: null },
      { role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' },
      { role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh },
    ] as const;
    const all = [
      'zones',
      'organisations',
      'projects',
      'investment-events',
      'obstacles',
      'schedule-steps',
      'inspections',
      'plan-targets',
    ];
    for (const assignment of roles) {
      const client = await signedIn(assignment as never);
      const res = await request(client, 'GET', '/api/import/lists');
      expect(res.status).toBe(200);
      const { entities } = (await res.json()) as { entities: string[] };
      for (const entity of all) {
        // An empty file: refused for its content (400) where the list is offered, for the right (403) where not.
        const status = (await upload(client, `/api/import/${entity}?mode=dry-run`, '')).status;
        expect({ role: assignment.role, entity, forbidden: status === 403 }).toEqual({
          role: assignment.role,
          entity,
          forbidden: !entities.includes(entity),
        });
      }
    }
    const anonymous = await app.request('http://127.0.0.1/api/import/lists');
    expect(anonymous.status).toBe(401);
  });
});
