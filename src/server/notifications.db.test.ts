import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const users = {} as Record<'lan' | 'minh', { id: string; username: string }>;

async function notify(userId: string, key: string, title: string) {
  await database.db.execute(sql`
    insert into notification (user_id, kind, title_vi, title_en, body_vi, body_en, link, dedupe_key)
    values (${userId}, 'reminder.due', ${title}, ${`${title} (en)`}, 'Nội dung', 'Body', '/reports', ${key})`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
  for (const name of ['lan', 'minh'] as const) {
    const { user } = await makeUser(database.db, {
      role: 'enterprise',
      scopeKind: 'organisation',
      scopeRef: 'X',
    });
    users[name] = { id: user.id, username: user.username };
  }
  await notify(users.lan.id, 'k1', 'Nhắc thứ nhất');
  await notify(users.lan.id, 'k2', 'Nhắc thứ hai');
  await notify(users.minh.id, 'k1', 'Của Minh');
});
afterAll(() => database?.cleanup());

async function signedIn(name: 'lan' | 'minh') {
  const client = new TestClient(app);
  expect((await client.signIn(users[name].username, testPassword)).status).toBe(200);
  return client;
}

describe('notifications over HTTP', () => {
  it('needs a session', async () => {
    expect((await new TestClient(app).get('/api/notifications')).status).toBe(401);
  });

  it('lists only my own, newest first, with the unread count', async () => {
    const lan = await signedIn('lan');
    const res = await lan.get('/api/notifications');
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(2);
    expect(res.body.items.map((n: { title: { vi: string } }) => n.title.vi)).toEqual([
      'Nhắc thứ hai',
      'Nhắc thứ nhất',
    ]);
    expect(res.body.items[0]).toMatchObject({ link: '/reports', readAt: null, body: { vi: 'Nội dung' } });
  });

  it('marks one read; someone else’s is not found', async () => {
    const lan = await signedIn('lan');
    const minh = await signedIn('minh');
    const mine = (await minh.get('/api/notifications')).body.items[0].id as number;
    expect((await lan.post(`/api/notifications/${mine}/read`, {})).status).toBe(404);
    expect((await minh.get('/api/notifications')).body.unread).toBe(1);
    const first = (await lan.get('/api/notifications')).body.items[1].id as number;
    const read = await lan.post(`/api/notifications/${first}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    expect((await lan.get('/api/notifications')).body.unread).toBe(1);
    expect((await lan.post('/api/notifications/abc/read', {})).status).toBe(404);
  });

  it('marks all of mine read, and only mine', async () => {
    const lan = await signedIn('lan');
    const res = await lan.post('/api/notifications/read-all', {});
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(1);
    expect((await lan.get('/api/notifications')).body.unread).toBe(0);
    expect((await (await signedIn('minh')).get('/api/notifications')).body.unread).toBe(1);
  });
});
