import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import type { Actor } from '../domain/identity/roles';
import { signCompilation } from '../services/reporting/compilation.service';
import { acceptTenantReport, clusterRegistry } from '../services/exchange/testing';
import { communes, makeUser, manualClock, testDeps } from '../services/testing';
import { createTestApp, TestClient } from './testing';

/** The exchange over HTTP: download from one IZIS, upload to a second, empty one. */
let sender: TestDatabase;
let receiver: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
let department: Actor;
let senderClient: TestClient;
let receiverClient: TestClient;
let receiverApp: ReturnType<typeof createTestApp>['app'];

async function signedInClient(
  database: TestDatabase,
  role: string,
  scopeKind: string,
  scopeRef: string | null,
) {
  const made = await makeUser(database.db, {
    role,
    scopeKind,
    scopeRef,
    family: role === 'department_officer' ? 'CCN' : null,
  } as never);
  const { app } = createTestApp(database, { clock });
  const client = new TestClient(app, 'en');
  expect((await client.signIn(made.user.username, made.password)).status).toBe(200);
  return { client, app, actor: made.actor };
}

function upload(client: TestClient, body: string) {
  const form = new FormData();
  form.append('file', new File([body], 'bieu-04.izis-exchange.json'));
  return receiverApp.request('http://127.0.0.1/api/exchange/packages', {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'accept-language': 'en' },
    body: form,
  });
}

beforeAll(async () => {
  [sender, receiver] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await clusterRegistry(sender.db, clock);
  const tenant = (
    await makeUser(sender.db, { role: 'enterprise', scopeKind: 'organisation', scopeRef: 'DN-TD' })
  ).actor;
  const commune = (
    await makeUser(sender.db, {
      role: 'commune_officer',
      scopeKind: 'commune',
      scopeRef: communes.dongAnh,
    })
  ).actor;
  await acceptTenantReport(sender.db, tenant, commune, clock);
  const s = await signedInClient(sender, 'department_officer', 'family', 'CCN');
  senderClient = s.client;
  department = s.actor;
  const r = await signedInClient(receiver, 'department_officer', 'family', 'CCN');
  receiverClient = r.client;
  receiverApp = r.app;
});
afterAll(async () => {
  await sender?.cleanup();
  await receiver?.cleanup();
});

describe('the exchange over HTTP', () => {
  it('publishes the JSON Schema without sign-in', async () => {
    const res = await new TestClient(createTestApp(receiver, { clock }).app).get(
      '/api/exchange/schema/v1.json',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/schema+json');
    expect(res.body).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
    });
  });

  it('answers 409 for a period with no signed Biểu 04', async () => {
    const res = await senderClient.get('/api/compilations/exchange-package?period=2026-H1');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('report.not_signed');
  });

  it('downloads the signed package from one IZIS and a second, empty one takes it in with the same items', async () => {
    const signed = await signCompilation(
      testDeps(sender.db, department, clock),
      { formCode: 'B04', period: '2026-H1' },
      {
        docNo: '7/BC-SCT',
        signerName: 'Lê Thị E',
        signerTitle: 'Phó Giám đốc',
        version: null,
      },
    );
    const res = await senderClient.get('/api/compilations/exchange-package?period=2026-H1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.izis-exchange.json');
    const text = JSON.stringify(res.body);
    const stored = await upload(receiverClient, text);
    expect(stored.status).toBe(200);
    const result = (await stored.json()) as { created: boolean; submission: { id: string } };
    expect(result.created).toBe(true);
    const detail = await receiverClient.get(`/api/exchange/submissions/${result.submission.id}`);
    expect(detail.body.items.map((i: { code: string; value: number | null }) => [i.code, i.value])).toEqual(
      signed.report.items.map((i) => [i.no, i.value]),
    );
    const list = await receiverClient.get('/api/exchange/submissions');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: result.submission.id, period: '2026-H1' }),
    ]);

    // The same package with a figure changed (checksum left as it was): 422, naming the checksum.
    const tampered = text
      .replace('"code":"2","indicator"', '"code":"2","indicator"')
      .replace(/"value":48\.5/, '"value":49.5');
    expect(tampered).not.toBe(text);
    const refused = await upload(receiverClient, tampered);
    expect(refused.status).toBe(422);
    const error = (await refused.json()) as { code: string; message: string };
    expect(error.code).toBe('exchange.checksum_mismatch');
    expect(error.message).toContain('checksum does not match');
  });

  it('refuses an upload without a file as a field error', async () => {
    const res = await receiverApp.request('http://127.0.0.1/api/exchange/packages', {
      method: 'POST',
      headers: { cookie: receiverClient.cookie!, 'x-csrf-token': receiverClient.csrfToken! },
      body: new FormData(),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: { fields: object } }).details.fields).toHaveProperty('file');
  });
});
