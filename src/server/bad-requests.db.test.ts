import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

/** Every bad request is a 4xx in the one error shape, naming the field (issue 9). */

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { limits: { requestMaxBytes: 64 * 1024 } }).app;
});
afterAll(() => database?.cleanup());

async function admin() {
  const { user } = await makeUser(database.db);
  const client = new TestClient(app);
  await client.signIn(user.username, testPassword);
  return client;
}

const shape = { code: expect.any(String), message: expect.any(String), details: expect.any(Object) };

describe('framework refusals keep their status', () => {
  it('answers a wrong Content-Type on a JSON route and on an upload route with 415', async () => {
    const client = await admin();
    const headers = { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! };
    const json = await app.request('http://127.0.0.1/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"username":"a","password":"b"}',
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ ...shape, code: 'request.unsupported_media_type' });
    const upload = await app.request('http://127.0.0.1/api/import/zones?mode=dry-run', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(upload.status).toBe(415);
  });

  it('refuses a JSON body past IZIS_REQUEST_MAX_KB with 413 naming the setting, before reading it all', async () => {
    const res = await app.request('http://127.0.0.1/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a', password: 'x'.repeat(100 * 1024) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as any;
    expect(body.code).toBe('request.too_large');
    expect(body.details.fields.body).toContain('IZIS_REQUEST_MAX_KB');
  });
});

describe('characters PostgreSQL cannot store', () => {
  it('refuses NUL in a JSON field — sign-in without an account too — naming the field', async () => {
    const res = await new TestClient(app).post('/api/auth/sign-in', {
      username: 'ad\u0000min',
      password: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation' });
    expect(Object.keys(res.body.details.fields)).toEqual(['username']);
    const nested = await (await admin()).post('/api/zones', { name: 'CCN', sources: ['ok', 'x\u0000'] });
    expect(nested.status).toBe(400);
    expect(Object.keys(nested.body.details.fields)).toEqual(['sources.1']);
  });

  it('refuses a lone surrogate, and NUL in the query or the path, naming the field', async () => {
    const client = await admin();
    const surrogate = await new TestClient(app).post('/api/auth/sign-in', {
      username: 'a\ud800',
      password: 'x',
    });
    expect(surrogate.status).toBe(400);
    expect(Object.keys(surrogate.body.details.fields)).toEqual(['username']);
    const query = await client.get('/api/zones?q=th%00ang');
    expect(query.status).toBe(400);
    expect(Object.keys(query.body.details.fields)).toEqual(['q']);
    const path = await client.get('/api/zones/CCN%00X');
    expect(path.status).toBe(400);
    expect(Object.keys(path.body.details.fields)).toEqual(['code']);
  });
});

describe('values the database cannot compare or hold', () => {
  it('answers GET /api/audit?actorId=0000 with a field error, not a database error', async () => {
    const res = await (await admin()).get('/api/audit?actorId=0000');
    expect(res.status).toBe(400);
    expect(res.body.details.fields.actorId).toBe('Mã định danh không hợp lệ (cần dạng UUID).');
  });

  it('answers GET /api/capital with dates before year 1900 with a field error', async () => {
    const res = await (await admin()).get('/api/capital?from=0001-01-01&to=0001-01-01');
    expect(res.status).toBe(400);
    expect(res.body.details.fields.from).toBe('Ngày phải trong khoảng 01/01/1900 – 31/12/2999.');
    expect(res.body.details.fields.to).toBeDefined();
  });
});
