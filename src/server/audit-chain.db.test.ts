import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { makeUser, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database).app;
});
afterAll(() => database?.cleanup());

describe('GET /api/audit/verify and /api/audit/head', () => {
  it('tell a province-wide reader the chain is intact, then name the row edited behind the application', async () => {
    const admin = await makeUser(database.db);
    const client = new TestClient(app);
    await client.signIn(admin.user.username, testPassword);

    const head = await client.get('/api/audit/head');
    expect(head.status).toBe(200);
    expect(head.body.hash).toMatch(/^[0-9a-f]{64}$/);
    const intact = await client.get('/api/audit/verify');
    expect(intact.status).toBe(200);
    expect(intact.body).toMatchObject({ ok: true, firstBreak: null, head: { seq: head.body.seq } });
    expect(intact.body.checked).toBeGreaterThanOrEqual(head.body.seq);

    const [row] = await database.query<{ id: string; seq: string }>(
      `select id::text, seq::text from audit_log where entity_type = 'user' order by audit_log.seq desc limit 1`,
    );
    await database.ownerQuery('alter table audit_log disable trigger audit_log_no_update_delete');
    await database.ownerQuery(`update audit_log set actor_name = 'người khác' where id = ${row!.id}`);
    await database.ownerQuery('alter table audit_log enable trigger audit_log_no_update_delete');

    const broken = await client.get('/api/audit/verify');
    expect(broken.body).toMatchObject({
      ok: false,
      firstBreak: { id: row!.id, seq: Number(row!.seq), reason: 'content' },
    });
    // A head exported before is checked too (here: still the same row and hash).
    const anchored = await client.get(`/api/audit/verify?seq=${head.body.seq}&hash=${head.body.hash}`);
    expect(anchored.status).toBe(200);
  });

  it('are refused to scoped users', async () => {
    const officer = await makeUser(database.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: '00454',
    });
    const client = new TestClient(app);
    await client.signIn(officer.user.username, testPassword);
    expect((await client.get('/api/audit/verify')).status).toBe(403);
    expect((await client.get('/api/audit/head')).status).toBe(403);
  });
});
