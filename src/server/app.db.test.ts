import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { communes, makeUser, manualClock, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const clock = manualClock();

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock }).app;
});
afterAll(() => database?.cleanup());

async function auditRows(entityId: string) {
  return database.query<{
    action: string;
    actor_id: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
  }>('select action, actor_id, before, after, request_id from audit_log where entity_id = $1 order by id', [
    entityId,
  ]);
}

describe('health and API description', () => {
  it('reports the database reachable and the schema version', async () => {
    const res = await new TestClient(app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { kind: database.kind, reachable: true } });
    expect(res.body.schemaVersion).toBe(res.body.expectedSchemaVersion);
  });

  it('publishes an OpenAPI document naming every endpoint, and a browsable reference', async () => {
    const client = new TestClient(app);
    const doc = await client.get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/sign-in',
        '/api/users',
        '/api/admin-units',
        '/api/audit',
      ]),
    );
    const page = await client.get('/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('swagger-ui');
  });

  it('answers an unknown API path with the one error shape and a request id', async () => {
    const res = await new TestClient(app).get('/api/khong-co');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', message: 'Không tìm thấy dữ liệu.' });
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the user with a CSRF token', async () => {
    const { user } = await makeUser(database.db, { displayName: 'Nguyễn Thị Lan' });
    const client = new TestClient(app);
    const res = await client.signIn(user.username, testPassword);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/izis_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(res.body.user.displayName).toBe('Nguyễn Thị Lan');
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const session = await client.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.id).toBe(user.id);
  });

  it('refuses a wrong password with a Vietnamese message (English on request) and records the attempt', async () => {
    const { user } = await makeUser(database.db);
    const vi = await new TestClient(app).signIn(user.username, 'sai-mat-khau-123');
    expect(vi.status).toBe(401);
    expect(vi.body).toMatchObject({
      code: 'auth.invalid_credentials',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    const en = await new TestClient(app, 'en').signIn(user.username, 'wrong-password-123');
    expect(en.error.message).toBe('The username or password is incorrect.');
    const attempts = await database.query<{ n: number }>(
      'select count(*)::int as n from login_attempt where username = $1 and not success',
      [user.username],
    );
    expect(attempts[0]!.n).toBe(2);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await new TestClient(app).signIn('khong-ton-tai', 'bat-ky-mat-khau-1');
    expect(res.status).toBe(401);
    expect(res.error.code).toBe('auth.invalid_credentials');
  });

  it('throttles a username after 5 failures, even for the right password, and says how long to wait', async () => {
    const { user } = await makeUser(database.db);
    const client = new TestClient(app);
    for (let i = 0; i < 5; i++)
      expect((await client.signIn(user.username, `wrong-${i}-password`)).status).toBe(401);
    const throttled = await client.signIn(user.username, testPassword);
    expect(throttled.status).toBe(429);
    expect(throttled.error.code).toBe('auth.throttled');
    expect(throttled.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.error.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(throttled.headers.get('retry-after')).toBe(String(throttled.error.details.retryAfterSeconds));
    expect(throttled.error.message).toContain('giây');
    clock.advance(16 * 60_000);
    expect((await client.signIn(user.username, testPassword)).status).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const { user } = await makeUser(database.db);
    const admin = new TestClient(app);
    const { user: adminUser } = await makeUser(database.db);
    await admin.signIn(adminUser.username, testPassword);
    expect(
      (await admin.patch(`/api/users/${user.id}/status`, { status: 'disabled', version: user.version }))
        .status,
    ).toBe(200);
    const res = await new TestClient(app).signIn(user.username, testPassword);
    expect(res.status).toBe(401);
    expect(res.error.code).toBe('auth.account_disabled');
  });
});

describe('sessions', () => {
  it('expire after their lifetime: the next request is told the session expired', async () => {
    const { user } = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username, testPassword);
    clock.advance(61 * 60_000);
    const res = await client.get('/api/auth/session');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.session_expired');
    expect(res.body.message).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  });

  it('end on sign-out; signing out everywhere ends the sessions on other devices too', async () => {
    const { user } = await makeUser(database.db);
    const laptop = new TestClient(app);
    const phone = new TestClient(app);
    const tablet = new TestClient(app);
    for (const c of [laptop, phone, tablet]) await c.signIn(user.username, testPassword);
    expect((await laptop.post('/api/auth/sign-out')).status).toBe(204);
    expect((await laptop.get('/api/auth/session')).status).toBe(401);
    expect((await phone.get('/api/auth/session')).status).toBe(200);
    expect((await phone.post('/api/auth/sign-out-everywhere')).status).toBe(204);
    expect((await tablet.get('/api/auth/session')).body.code).toBe('auth.session_expired');
  });

  it('changing one’s password keeps this session and ends the others', async () => {
    const { user } = await makeUser(database.db);
    const here = new TestClient(app);
    const elsewhere = new TestClient(app);
    await here.signIn(user.username, testPassword);
    await elsewhere.signIn(user.username, testPassword);
    const weak = await here.post('/api/me/password', { currentPassword: testPassword, newPassword: 'ngan1' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields.newPassword).toContain('ít nhất 10 ký tự');
    for (const newPassword of [testPassword, 'Qwerty123456', '          abc']) {
      const refused = await here.post('/api/me/password', { currentPassword: testPassword, newPassword });
      expect(refused.status, newPassword).toBe(400);
      expect(refused.body.details.fields.newPassword, newPassword).toBeTruthy();
    }
    expect(
      (await here.post('/api/me/password', { currentPassword: testPassword, newPassword: testPassword })).body
        .details.fields.newPassword,
    ).toBe('Mật khẩu mới phải khác mật khẩu hiện tại.');
    const ok = await here.post('/api/me/password', {
      currentPassword: testPassword,
      newPassword: 'Mat-khau-moi-2027',
    });
    expect(ok.status).toBe(204);
    expect((await here.get('/api/auth/session')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).status).toBe(401);
    expect((await new TestClient(app).signIn(user.username, 'Mat-khau-moi-2027')).status).toBe(200);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { user } = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username, testPassword);
    const res = await client.patch('/api/me', { locale: 'en' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf.failed');
  });

  it('refuses a forged POST from another site even if it guessed nothing else', async () => {
    const { user } = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(user.username, testPassword);
    const forged = await client.post(
      '/api/auth/sign-out-everywhere',
      {},
      {
        csrf: false,
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      },
    );
    expect(forged.status).toBe(403);
    // With a stolen token but the wrong origin, still refused.
    const wrongOrigin = await client.post(
      '/api/auth/sign-out',
      {},
      { headers: { origin: 'https://evil.example' } },
    );
    expect(wrongOrigin.status).toBe(403);
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const { user } = await makeUser(database.db);
    const res = await new TestClient(app).post(
      '/api/auth/sign-in',
      { username: user.username, password: testPassword },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(res.status).toBe(403);
  });
});

describe('scope', () => {
  it('a commune officer lists only the accounts of its commune, and another commune’s is "not found"', async () => {
    const dongAnh = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const colleague = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const thachThat = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
    });
    const client = new TestClient(app);
    await client.signIn(dongAnh.user.username, testPassword);
    const list = await client.get('/api/users?pageSize=500');
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(colleague.user.id);
    expect(ids).not.toContain(thachThat.user.id);
    expect(
      list.body.items.every(
        (u: { assignments: { scopeRef: string }[] }) => u.assignments[0]!.scopeRef === communes.dongAnh,
      ),
    ).toBe(true);
    const other = await client.get(`/api/users/${thachThat.user.id}`);
    expect(other.status).toBe(404);
    expect(
      list.body.items.find((u: { id: string }) => u.id === dongAnh.user.id).assignments[0].scopeLabel,
    ).toBe('Xã Đông Anh');
  });

  it('a commune officer cannot administer accounts, even in its own commune', async () => {
    const officer = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const colleague = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    const client = new TestClient(app);
    await client.signIn(officer.user.username, testPassword);
    const res = await client.post(`/api/users/${colleague.user.id}/password`, {
      newPassword: 'Mat-khau-chiem-2026',
    });
    expect(res.status).toBe(403);
    expect((await new TestClient(app).signIn(colleague.user.username, testPassword)).status).toBe(200);
  });

  it('the industrial-park board cannot create or change accounts of the cluster family', async () => {
    const bql = await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'KCN',
    });
    const ccnOfficer = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.thachThat,
    });
    const client = new TestClient(app);
    await client.signIn(bql.user.username, testPassword);
    const create = await client.post('/api/users', {
      username: 'xa-moi',
      displayName: 'Cán bộ xã',
      password: 'Mat-khau-dai-2026',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    });
    expect(create.status).toBe(403);
    expect((await client.get(`/api/users/${ccnOfficer.user.id}`)).status).toBe(404);
    const disable = await client.patch(`/api/users/${ccnOfficer.user.id}/status`, {
      status: 'disabled',
      version: 1,
    });
    expect(disable.status).toBe(404);
    // …but it can create an enterprise account of its own family.
    const own = await client.post('/api/users', {
      username: `dn-${Date.now()}`,
      displayName: 'Công ty TNHH Ví Dụ',
      password: 'Mat-khau-dai-2026',
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'ORG-123',
    });
    expect(own.status).toBe(201);
    expect(own.body.family).toBe('KCN');
  });

  it('an enterprise may not read the audit trail nor the user list', async () => {
    const tenant = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'ORG-1',
      family: 'CCN',
    });
    const client = new TestClient(app);
    await client.signIn(tenant.user.username, testPassword);
    expect((await client.get('/api/audit')).status).toBe(403);
    expect((await client.get('/api/users')).status).toBe(403);
  });

  it('nothing but health and the API description answers without signing in', async () => {
    const anonymous = new TestClient(app);
    for (const path of ['/api/users', '/api/admin-units', '/api/audit', '/api/roles', '/api/auth/session']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.code).toBe('auth.required');
    }
  });
});

describe('the audit trail', () => {
  it('records every write with actor, action, entity, before/after and request id — never a password hash', async () => {
    const admin = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);
    const created = await client.request('POST', '/api/users', {
      body: {
        username: `kiemtra-${Date.now()}`,
        displayName: 'Trần Văn Kiểm',
        password: 'Mat-khau-dai-2026',
        role: 'leader',
        scopeKind: 'all',
      },
      headers: { 'x-request-id': 'req-audit-1' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await client.post(`/api/users/${id}/password`, { newPassword: 'Mat-khau-khac-2027' });
    await client.patch(`/api/users/${id}/status`, { status: 'disabled', version: 2 });
    await client.patch('/api/me', { locale: 'en' });
    await client.post('/api/auth/sign-out');

    const rows = await auditRows(id);
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.password_reset', 'user.disable']);
    expect(rows.every((r) => r.actor_id === admin.user.id)).toBe(true);
    expect(rows[0]!.request_id).toBe('req-audit-1');
    expect(rows[0]!.after).toMatchObject({ displayName: 'Trần Văn Kiểm', status: 'active' });
    expect(rows[2]!.before).toMatchObject({ status: 'active' });
    expect(rows[2]!.after).toMatchObject({ status: 'disabled' });
    expect(JSON.stringify(rows)).not.toMatch(/argon2|passwordHash|Mat-khau/);
    const own = await auditRows(admin.user.id);
    expect(own.map((r) => r.action)).toEqual([
      'user.create',
      'auth.sign_in',
      'user.update_preferences',
      'auth.sign_out',
    ]);
    expect(own[2]).toMatchObject({ before: { locale: 'vi' }, after: { locale: 'en' } });
  });

  it('can be browsed by province-wide readers, newest first, filtered by entity', async () => {
    const admin = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);
    const res = await client.get(`/api/audit?entityType=user&entityId=${admin.user.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['auth.sign_in', 'user.create']);
  });

  it('refuses a stale status change with 409 instead of overwriting', async () => {
    const admin = await makeUser(database.db);
    const target = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);
    expect(
      (await client.patch(`/api/users/${target.user.id}/status`, { status: 'disabled', version: 1 })).status,
    ).toBe(200);
    const stale = await client.patch(`/api/users/${target.user.id}/status`, { status: 'active', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current).toMatchObject({ status: 'disabled', version: 2 });
  });
});

describe('input validation', () => {
  it('names each bad field in Vietnamese', async () => {
    const admin = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);
    const res = await client.post('/api/users', {
      username: 'Tên Có Dấu',
      displayName: 'X',
      password: 'ngan',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: '99999',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    expect(res.body.details.fields.username).toContain('Tên đăng nhập chỉ gồm');
    const second = await client.post('/api/users', {
      username: 'can-bo-xa',
      displayName: 'X',
      password: 'ngan',
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: '99999',
    });
    expect(second.body.details.fields).toEqual({
      scopeRef: 'Mã xã/phường "99999" không tồn tại hoặc đã hết hiệu lực.',
      password: 'Mật khẩu phải có ít nhất 10 ký tự (không tính khoảng trắng thừa).',
    });
  });

  it('refuses a username that is already taken, naming it', async () => {
    const admin = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);
    const res = await client.post('/api/users', {
      username: admin.user.username,
      displayName: 'Trùng tên',
      password: 'Mat-khau-dai-2026',
      role: 'leader',
      scopeKind: 'all',
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(admin.user.username);
  });
});
