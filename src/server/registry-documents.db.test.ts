import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { communes, makeUser, testPassword } from '../services/testing';
import { createDocumentStore } from '../services/document/document.store';
import { createTestApp, TestClient } from './testing';
import { buildZone } from '../services/testing/factories';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const uploadDir = mkdtempSync(join(tmpdir(), 'izis-http-docs-'));
const KB = 1024;
type Doc = { id: string; sha256: string };

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, {
    documents: createDocumentStore({ dir: uploadDir, maxBytes: 100 * KB }),
  }).app;
  await buildZone(database.db, {
    code: 'CCN-THUY-LAM',
    name: 'CCN Thụy Lâm',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-PHUNG-XA',
    name: 'CCN Phùng Xá',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
});
afterAll(() => database?.cleanup());

async function officerOf(commune: string) {
  const { user } = await makeUser(database.db, {
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: commune,
    family: 'CCN',
  });
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

/** A raw request as the browser sends it (cookie, CSRF token), for uploads and downloads. */
function raw(
  client: TestClient | null,
  method: string,
  path: string,
  init: { body?: FormData; headers?: Record<string, string> } = {},
) {
  return app.request(`http://127.0.0.1${path}`, {
    method,
    headers: {
      'accept-language': 'vi',
      ...(client?.cookie ? { cookie: client.cookie } : {}),
      ...(method !== 'GET' && client?.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: init.body } : {}),
  });
}

function form(name: string, content: string, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.append('file', new File([content], name));
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return body;
}

const pdf = (size = 0, marker = 'x') => `%PDF-1.4\n${marker}\n${'0'.repeat(size)}\n%%EOF`;

describe('documents over HTTP', () => {
  it('uploads with the Vietnamese file name and downloads the same bytes with type and name (RFC 5987)', async () => {
    const officer = await officerOf(communes.dongAnh);
    const up = await raw(officer, 'POST', '/api/zones/CCN-THUY-LAM/documents', {
      body: form('Quyết định thành lập CCN Thụy Lâm.pdf', pdf(10, 'tl'), {
        title: 'Quyết định thành lập',
        docNo: '1234/QĐ-UBND',
        docDate: '2021-06-01',
      }),
    });
    expect(up.status).toBe(201);
    const doc = (await up.json()) as Doc;
    expect(doc).toMatchObject({
      title: 'Quyết định thành lập',
      docNo: '1234/QĐ-UBND',
      docDate: '2021-06-01',
      fileName: 'Quyết định thành lập CCN Thụy Lâm.pdf',
      mimeType: 'application/pdf',
    });

    const down = await raw(officer, 'GET', `/api/documents/${doc.id}/file`);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    const disposition = down.headers.get('content-disposition')!;
    expect(disposition).toMatch(
      /^attachment; filename="Quyet dinh thanh lap CCN Thuy Lam\.pdf"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(
      'Quyết định thành lập CCN Thụy Lâm.pdf',
    );
    expect(await down.text()).toBe(pdf(10, 'tl'));
    expect(down.headers.get('etag')).toBe(`"${doc.sha256}"`);
    const again = await raw(officer, 'GET', `/api/documents/${doc.id}/file`, {
      headers: { 'if-none-match': `"${doc.sha256}"` },
    });
    expect(again.status).toBe(304);
    const inline = await raw(officer, 'GET', `/api/documents/${doc.id}/file?inline=true`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);

    const list = await officer.get('/api/zones/CCN-THUY-LAM/documents');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({
      canEdit: true,
      maxBytes: 100 * KB,
      items: [{ id: doc.id, entityLabel: 'CCN-THUY-LAM' }],
    });
    expect(readdirSync(join(uploadDir, 'sha256', doc.sha256.slice(0, 2)))).toEqual([doc.sha256]);
  });

  it('answers 404 to a commune officer of another commune — list, upload, record and file alike', async () => {
    const officer = await officerOf(communes.dongAnh);
    const doc = (await (
      await raw(officer, 'POST', '/api/zones/CCN-THUY-LAM/documents', {
        body: form('a.pdf', pdf(1, 'scope')),
      })
    ).json()) as Doc;
    const other = await officerOf(communes.thachThat);
    expect((await other.get('/api/zones/CCN-THUY-LAM/documents')).status).toBe(404);
    expect((await other.get('/api/documents?entityType=zone&entityRef=CCN-THUY-LAM')).status).toBe(404);
    expect((await other.get(`/api/documents/${doc.id}`)).status).toBe(404);
    expect((await raw(other, 'GET', `/api/documents/${doc.id}/file`)).status).toBe(404);
    expect(
      (await raw(other, 'POST', '/api/zones/CCN-THUY-LAM/documents', { body: form('b.pdf', pdf()) })).status,
    ).toBe(404);
    expect((await other.post(`/api/documents/${doc.id}/withdraw`, { reason: 'x' })).status).toBe(404);
    // Their own commune's zone is theirs.
    expect((await other.get('/api/zones/CCN-PHUNG-XA/documents')).body).toEqual({
      items: [],
      canEdit: true,
      maxBytes: 100 * KB,
    });
  });

  it('needs a session, and the CSRF token on an upload', async () => {
    expect((await raw(null, 'GET', '/api/zones/CCN-THUY-LAM/documents')).status).toBe(401);
    const officer = await officerOf(communes.dongAnh);
    const noToken = await app.request('http://127.0.0.1/api/zones/CCN-THUY-LAM/documents', {
      method: 'POST',
      headers: { cookie: officer.cookie! },
      body: form('a.pdf', pdf()),
    });
    expect(noToken.status).toBe(403);
  });

  it('names the problem with the file in Vietnamese: type, renamed content, size (twice: read and refused early)', async () => {
    const officer = await officerOf(communes.dongAnh);
    const post = (body: FormData) => raw(officer, 'POST', '/api/zones/CCN-THUY-LAM/documents', { body });
    const field = async (res: Response) => [
      res.status,
      ((await res.json()) as { details: { fields: unknown } }).details.fields,
    ];
    expect(await field(await post(form('bang-tinh.xls', 'x')))).toEqual([
      400,
      { file: expect.stringContaining('Không nhận loại tệp ".xls"') },
    ]);
    expect(await field(await post(form('anh.png', pdf())))).toEqual([
      400,
      { file: 'Nội dung tệp không phải PNG dù tên tệp có đuôi ".png" — tệp hỏng hoặc bị đổi tên.' },
    ]);
    expect(await field(await post(form('lon.pdf', pdf(150 * KB))))).toEqual([
      400,
      { file: 'Tệp quá lớn (150 KB); tối đa 100 KB.' },
    ]);
    expect(await field(await post(form('rat-lon.pdf', pdf(600 * KB))))).toEqual([
      400,
      { file: 'Tệp quá lớn; tối đa 100 KB.' },
    ]);
    expect(await field(await post(form('a.pdf', pdf(), { docDate: '31/12/2024' })))).toEqual([
      400,
      { docDate: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD).' },
    ]);
    const noFile = new FormData();
    noFile.append('title', 'x');
    expect((await field(await post(noFile)))[0]).toBe(400);
  });

  it('withdraws with a reason: still listed and downloadable, marked; a second withdrawal is a conflict', async () => {
    const officer = await officerOf(communes.dongAnh);
    const doc = (await (
      await raw(officer, 'POST', '/api/zones/CCN-THUY-LAM/documents', {
        body: form('nham.pdf', pdf(1, 'nham')),
      })
    ).json()) as Doc;
    expect((await officer.post(`/api/documents/${doc.id}/withdraw`, { reason: ' ' })).status).toBe(400);
    const res = await officer.post(`/api/documents/${doc.id}/withdraw`, { reason: 'Tải nhầm' });
    expect(res.status).toBe(200);
    expect(res.body.withdrawn).toMatchObject({ reason: 'Tải nhầm' });
    expect((await raw(officer, 'GET', `/api/documents/${doc.id}/file`)).status).toBe(200);
    const list = await officer.get('/api/zones/CCN-THUY-LAM/documents');
    expect(list.body.items.find((d: { id: string }) => d.id === doc.id).withdrawn).not.toBeNull();
    expect((await officer.post(`/api/documents/${doc.id}/withdraw`, { reason: 'Lần hai' })).status).toBe(409);
    const history = await officer.get('/api/zones/CCN-THUY-LAM/history');
    expect(history.body.items.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['document.upload', 'document.withdraw']),
    );
  });
});

describe('prices and master plans over HTTP', () => {
  it('adds prices, refuses an overlap by field, and shows the zone’s plan status', async () => {
    const officer = await officerOf(communes.dongAnh);
    const base = { kind: 'sublease', currency: 'VND', unit: 'm2_term', amount: '1500000' };
    const first = await officer.post('/api/zones/CCN-THUY-LAM/prices', { ...base, validFrom: '2024-01-01' });
    expect(first.status).toBe(201);
    const overlap = await officer.post('/api/zones/CCN-THUY-LAM/prices', {
      ...base,
      validFrom: '2023-01-01',
      validTo: '2024-02-01',
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.details.fields.validFrom).toContain(
      'trùng với giá cho thuê lại đất có hạ tầng đã có (từ 1/1/2024)',
    );
    const bad = await officer.post('/api/zones/CCN-THUY-LAM/prices', {
      ...base,
      amount: '1,5',
      validFrom: '2030-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields).toHaveProperty('amount');
    const prices = await officer.get('/api/zones/CCN-THUY-LAM/prices?at=2025-01-01');
    expect(prices.body.current.sublease).toMatchObject({ amount: '1500000' });
    expect((await officer.get('/api/zones/CCN-THUY-LAM/prices/history')).status).toBe(404);

    const plan = await officer.get('/api/zones/CCN-THUY-LAM/master-plan');
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({
      status: { status: 'not_in_plan' },
      entries: [],
      canEdit: true,
      canManagePlans: false,
    });
    expect(
      (
        await officer.post('/api/master-plans', {
          code: 'QH-1',
          name: 'x',
          family: 'CCN',
          validFrom: '2020-01-01',
        })
      ).status,
    ).toBe(403);
    const other = await officerOf(communes.thachThat);
    expect((await other.get('/api/zones/CCN-THUY-LAM/master-plan')).status).toBe(404);
    expect((await other.get('/api/zones/CCN-THUY-LAM/prices')).status).toBe(404);
  });

  it('are described in the OpenAPI document', async () => {
    const officer = await officerOf(communes.dongAnh);
    const doc = await officer.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/zones/{code}/documents',
        '/api/documents/{id}/file',
        '/api/documents/{id}/withdraw',
        '/api/zones/{code}/prices',
        '/api/master-plans',
        '/api/zones/{code}/master-plan',
        '/api/zones/{code}/master-plan/entries',
      ]),
    );
  });
});
