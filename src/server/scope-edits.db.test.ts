import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { systemActor } from '../domain/identity/roles';
import { createOrganisation } from '../services/organisation/organisation.service';
import { communes, makeUser, testDeps, testPassword } from '../services/testing';
import { createDocumentStore } from '../services/document/document.store';
import { createTestApp, TestClient } from './testing';
import { buildProject, buildZone } from '../services/testing/factories';

/**
 * Scope stays closed on edits: a change that would move a record to another commune, developer or investor
 * needs the right over the destination as well as the source (issue "Trust").
 */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

const organisation = (code: string, name: string, roles: string[]) =>
  ({ code, name, ownership: 'domestic_private', roles }) as never;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, {
    documents: createDocumentStore({
      dir: mkdtempSync(join(tmpdir(), 'izis-scope-docs-')),
      maxBytes: 1024 * 1024,
    }),
  }).app;
  const deps = testDeps(database.db, systemActor('test'));
  await createOrganisation(deps, organisation('DEV-A', 'Công ty hạ tầng A', ['developer']));
  await createOrganisation(deps, organisation('DEV-B', 'Công ty hạ tầng B', ['developer']));
  await createOrganisation(deps, organisation('TEN-A', 'Công ty thuê đất A', ['tenant']));
  await createOrganisation(deps, organisation('TEN-X', 'Công ty không liên quan X', ['tenant']));
  await buildZone(database.db, {
    code: 'CCN-A',
    name: 'CCN A',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'DEV-A',
  });
  await buildProject(database.db, {
    code: 'PRJ-A',
    zoneCode: 'CCN-A',
    investorCode: 'TEN-A',
    name: 'Xưởng A',
    status: 'operating',
  });
});
afterAll(() => database?.cleanup());

async function signedIn(overrides: Parameters<typeof makeUser>[1]) {
  const { user } = await makeUser(database.db, overrides);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

const communeOfficer = () =>
  signedIn({ role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh, family: 'CCN' });
const developer = () => signedIn({ role: 'developer', scopeKind: 'organisation', scopeRef: 'DEV-A' });
const zoneDeveloper = () => signedIn({ role: 'developer', scopeKind: 'zone', scopeRef: 'CCN-A' });
const department = () =>
  signedIn({ role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN', family: 'CCN' });

async function version(client: TestClient, path: string): Promise<number> {
  return (await client.get(path)).body.version as number;
}

describe('an edit that would move a record out of the editor’s scope', () => {
  it('refuses a commune officer who moves its cluster to another commune, naming the field', async () => {
    const officer = await communeOfficer();
    const res = await officer.api.patch(
      '/api/zones/{code}',
      {
        communeCode: communes.thachThat,
        version: await version(officer, '/api/zones/CCN-A'),
      },
      { params: { code: 'CCN-A' } },
    );
    expect(res.status).toBe(403);
    expect(res.error.details.fields.communeCode).toMatch(/phạm vi/);
    expect((await officer.api.get('/api/zones/{code}', { params: { code: 'CCN-A' } })).body.communeCode).toBe(
      communes.dongAnh,
    );
  });

  it('refuses a developer who hands its cluster to another developer — by organisation or zone scope', async () => {
    for (const client of [await developer(), await zoneDeveloper()]) {
      const res = await client.api.patch(
        '/api/zones/{code}',
        {
          developerCode: 'DEV-B',
          version: await version(client, '/api/zones/CCN-A'),
        },
        { params: { code: 'CCN-A' } },
      );
      expect(res.status).toBe(403);
      expect(res.error.details.fields.developerCode).toBeTruthy();
    }
    const admin = await signedIn({});
    expect((await admin.api.get('/api/zones/{code}', { params: { code: 'CCN-A' } })).body.developerCode).toBe(
      'DEV-A',
    );
  });

  it('refuses a developer who reassigns a tenant project to an unrelated enterprise, which gains nothing', async () => {
    const client = await developer();
    const res = await client.api.patch(
      '/api/projects/{code}',
      {
        investorCode: 'TEN-X',
        version: await version(client, '/api/projects/PRJ-A'),
      },
      { params: { code: 'PRJ-A' } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.error.details.fields.investorCode).toMatch(/nhà đầu tư/);
    const unrelated = await signedIn({ role: 'enterprise', scopeKind: 'organisation', scopeRef: 'TEN-X' });
    expect((await unrelated.api.get('/api/projects/{code}', { params: { code: 'PRJ-A' } })).status).toBe(404);
  });

  it('refuses the same reassignment through a project import, on its row and column', async () => {
    const client = await developer();
    const csv =
      'Mã dự án,Mã khu/cụm,Mã nhà đầu tư,Tên dự án,Trạng thái\nPRJ-A,CCN-A,TEN-X,Xưởng A,operating\n';
    const body = new FormData();
    body.append('file', new File([csv], 'du-an.csv'));
    const res = await app.request('http://127.0.0.1/api/import/projects?mode=dry-run', {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'accept-language': 'vi' },
      body,
    });
    const result = (await res.json()) as {
      toUpdate: number;
      errors: { row: number; field: string; text: string }[];
    };
    expect(result.toUpdate).toBe(0);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'Mã nhà đầu tư',
        text: expect.stringMatching(/nhà đầu tư khác/),
      }),
    ]);
  });

  it('lets the department move the cluster to another commune, and the commune officer then loses it', async () => {
    const officer = await communeOfficer();
    const dept = await department();
    const res = await dept.api.patch(
      '/api/zones/{code}',
      {
        communeCode: communes.thachThat,
        version: await version(dept, '/api/zones/CCN-A'),
      },
      { params: { code: 'CCN-A' } },
    );
    expect(res.status).toBe(200);
    expect((await officer.api.get('/api/zones/{code}', { params: { code: 'CCN-A' } })).status).toBe(404);
    await dept.api.patch(
      '/api/zones/{code}',
      {
        communeCode: communes.dongAnh,
        version: await version(dept, '/api/zones/CCN-A'),
      },
      { params: { code: 'CCN-A' } },
    );
  });
});

describe('documents of a project', () => {
  it('a developer who may edit the project attaches a document to it (zone scope and organisation scope)', async () => {
    for (const client of [await zoneDeveloper(), await developer()]) {
      const body = new FormData();
      body.append('file', new File(['%PDF-1.4\nx\n%%EOF'], 'Giấy chứng nhận đầu tư.pdf'));
      body.append('entityType', 'project');
      body.append('entityRef', 'PRJ-A');
      body.append('title', 'Giấy chứng nhận đăng ký đầu tư');
      const res = await app.request('http://127.0.0.1/api/documents', {
        method: 'POST',
        headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'accept-language': 'vi' },
        body,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const list = await client.api.get('/api/documents', {
        query: { entityType: 'project', entityRef: 'PRJ-A' },
      });
      expect(list.body.canEdit).toBe(true);
    }
  });
});
