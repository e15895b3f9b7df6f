import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/testing';
import { INQUIRY_CONSENT_VERSION } from '../domain/inquiry/inquiry';
import { solveChallenge } from '../services/inquiry/inquiry-proof';
import { communes, makeUser, manualClock, testPassword } from '../services/testing';
import { createTestApp, TestClient } from './testing';
import { buildOrganisation, buildZone } from '../services/testing/factories';

/**
 * Investor inquiries over HTTP: the public form with its spam defences (proof of work, single use, honeypot,
 * rate limit, Origin), routing to exactly the zone's officers and developer, and the scoped staff API.
 */
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>['app'];
const clock = manualClock(new Date('2026-06-20T03:00:00Z'));
const inquiry = { powBits: 4, rateLimit: { limit: 1000, windowMs: 60_000 } };

type Users = Record<
  'communeDA' | 'communeTT' | 'deptCCN' | 'deptKCN' | 'developer' | 'otherDev' | 'leader' | 'admin',
  string
>;
const users = {} as Users;

async function rows<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return database.query<T>(text, params);
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database, { clock }, { inquiry }).app;
  for (const [code, name] of [
    ['CDT-DA', 'Công ty Hạ tầng Đông Anh'],
    ['CDT-KHAC', 'Công ty Hạ tầng Khác'],
  ] as const) {
    await buildOrganisation(database.db, {
      code,
      name,
      country: 'VN',
      ownership: 'domestic_private',
      roles: ['developer'],
    });
  }
  await buildZone(database.db, {
    code: 'CCN-DA',
    name: 'CCN Đông Anh',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: 'CDT-DA',
  });
  await buildZone(database.db, {
    code: 'CCN-TT',
    name: 'CCN Thạch Thất',
    kind: 'CCN',
    communeCode: communes.thachThat,
    developerCode: null,
  });
  await buildZone(database.db, {
    code: 'CCN-AN',
    name: 'CCN Chưa công bố',
    kind: 'CCN',
    communeCode: communes.dongAnh,
    developerCode: null,
  });
  // Published: Đông Anh and Thạch Thất; CCN-AN is in the registry but not in the catalogue.
  await database.query(
    `insert into zone_publication (zone_id, published, published_at)
     select id, true, now() from zone where code in ('CCN-DA', 'CCN-TT')`,
  );
  const make = async (key: keyof Users, o: Parameters<typeof makeUser>[1]) => {
    users[key] = (
      await makeUser(database.db, { email: `${key.toLowerCase()}@example.vn`, ...o })
    ).user.username;
  };
  await make('communeDA', { role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.dongAnh });
  await make('communeTT', { role: 'commune_officer', scopeKind: 'commune', scopeRef: communes.thachThat });
  await make('deptCCN', { role: 'department_officer', scopeKind: 'family', scopeRef: 'CCN' });
  await make('deptKCN', { role: 'department_officer', scopeKind: 'family', scopeRef: 'KCN' });
  await make('developer', { role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-DA' });
  await make('otherDev', { role: 'developer', scopeKind: 'organisation', scopeRef: 'CDT-KHAC' });
  await make('leader', { role: 'leader', scopeKind: 'all', scopeRef: null });
  await make('admin', { role: 'system_admin', scopeKind: 'all', scopeRef: null });
});
afterAll(() => database?.cleanup());

async function signedIn(key: keyof Users) {
  const client = new TestClient(app);
  const res = await client.signIn(users[key], testPassword);
  expect(res.status).toBe(200);
  return client;
}

const form = {
  purpose: 'Nhà máy lắp ráp linh kiện điện tử',
  sector: 'Điện tử',
  landHa: 2.5,
  timeframe: 'within_1_year',
  message: 'Chúng tôi cần đất có sẵn hạ tầng điện 22 kV.',
  contact: {
    name: 'Kim Min-jun',
    organisation: 'Hanbit Electronics',
    email: 'minjun@hanbit.example',
    phone: '+82 2 555 0100',
    country: 'kr',
  },
  language: 'ko',
  consent: true,
  consentVersion: INQUIRY_CONSENT_VERSION,
  website: '',
};

async function solvedProof(client: TestClient) {
  const res = await client.get('/api/public/inquiry-challenge');
  expect(res.status).toBe(200);
  const { challenge, difficulty } = res.body as { challenge: string; difficulty: number };
  return { challenge, nonce: solveChallenge(challenge, difficulty) };
}

async function send(zone: string, overrides: Record<string, unknown> = {}, client = new TestClient(app)) {
  const proof = await solvedProof(client);
  return client.post(`/api/public/zones/${zone}/inquiries`, { ...form, proof, ...overrides });
}

async function inquiryByReference(reference: string) {
  const [row] = await rows<{ id: string; status: string; held_reason: string | null; email: string }>(
    'select id, status, held_reason, email from inquiry where reference = $1',
    [reference],
  );
  return row!;
}

async function notifiedUsernames(id: string): Promise<string[]> {
  return (
    await rows<{ username: string }>(
      `select u.username from notification n join app_user u on u.id = n.user_id where n.dedupe_key = $1 order by 1`,
      [`inquiry:${id}:new`],
    )
  ).map((r) => r.username);
}

describe('an investor sends an inquiry from a published zone', () => {
  it('is stored as new and told, in the app and by e-mail, to exactly the commune, the department and the developer', async () => {
    const challenge = await new TestClient(app).get('/api/public/inquiry-challenge');
    expect(challenge.body).toMatchObject({ difficulty: 4, algorithm: 'SHA-256' });
    expect(challenge.body.consent.text.vi).toContain('Nghị định 13/2023');
    expect(challenge.headers.get('cache-control')).toBe('no-store');

    const res = await send('ccn-da');
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(/^YC-[2-9A-Z]{8}$/);
    const stored = await inquiryByReference(res.body.reference);
    expect(stored).toMatchObject({ status: 'new', held_reason: null, email: 'minjun@hanbit.example' });
    const [consent] = await rows<{ consent_version: string; consent_text: string; country: string }>(
      'select consent_version, consent_text, country from inquiry where id = $1',
      [stored.id],
    );
    expect(consent).toMatchObject({ consent_version: INQUIRY_CONSENT_VERSION, country: 'KR' });
    expect(consent!.consent_text).toContain('24 tháng');

    const expected = [users.communeDA, users.deptCCN, users.developer].sort();
    expect(await notifiedUsernames(stored.id)).toEqual(expected);
    const mails = await rows<{ to_address: string; body: string }>(
      `select to_address, body from outbound_mail where dedupe_key = $1 order by 1`,
      [`inquiry:${stored.id}:new`],
    );
    expect(mails.map((m) => m.to_address)).toEqual(
      ['communeda@example.vn', 'deptccn@example.vn', 'developer@example.vn'].sort(),
    );
    // Notices carry no personal data (they outlive the inquiry's retention): the link leads to it.
    expect(mails[0]!.body).toContain(`/inquiries/${stored.id}`);
    expect(mails[0]!.body).not.toContain('Kim Min-jun');
    expect(mails[0]!.body).not.toContain('minjun@');
  });

  it('holds an inquiry whose hidden field a robot filled, answers it like any other, and tells no one', async () => {
    const res = await send('CCN-DA', { website: 'http://cheap.example' });
    expect(res.status).toBe(201);
    const stored = await inquiryByReference(res.body.reference);
    expect(stored).toMatchObject({ status: 'held', held_reason: 'honeypot' });
    expect(await notifiedUsernames(stored.id)).toEqual([]);
  });

  it('refuses a wrong answer, a forged or expired challenge, naming the proof field, and stores nothing', async () => {
    const before = (await rows('select id from inquiry')).length;
    const client = new TestClient(app);
    const { challenge, nonce } = await solvedProof(client);
    // Find a nonce that does not solve it.
    let wrong = Number(nonce) + 1;
    const { leadingZeroBits } = await import('../domain/inquiry/proof-of-work');
    const { createHash } = await import('node:crypto');
    while (leadingZeroBits(createHash('sha256').update(`${challenge}${wrong}`).digest()) >= 4) wrong += 1;
    const bad = await client.post('/api/public/zones/CCN-DA/inquiries', {
      ...form,
      proof: { challenge, nonce: String(wrong) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.proof).toMatch(/chống thư rác/);

    const parts = challenge.split('.');
    const forged = [parts[0], '1', parts[2], parts[3]].join('.');
    const forgedRes = await client.post('/api/public/zones/CCN-DA/inquiries', {
      ...form,
      proof: { challenge: forged, nonce: solveChallenge(forged, 1) },
    });
    expect(forgedRes.status).toBe(400);
    expect(forgedRes.body.details.fields.proof).toMatch(/không hợp lệ/);

    clock.advance(31 * 60_000);
    const expired = await client.post('/api/public/zones/CCN-DA/inquiries', {
      ...form,
      proof: { challenge, nonce },
    });
    expect(expired.status).toBe(400);
    expect(expired.body.details.fields.proof).toMatch(/hết hạn/);
    expect((await rows('select id from inquiry')).length).toBe(before);
  });

  it('refuses a challenge used once already', async () => {
    const client = new TestClient(app);
    const proof = await solvedProof(client);
    const first = await client.post('/api/public/zones/CCN-TT/inquiries', { ...form, proof });
    expect(first.status).toBe(201);
    const again = await client.post('/api/public/zones/CCN-TT/inquiries', { ...form, proof });
    expect(again.status).toBe(400);
    expect(again.body.details.fields.proof).toMatch(/đã được dùng/);
  });

  it('answers 404 for a zone not in the catalogue, and names the missing consent clearly', async () => {
    expect((await send('CCN-AN')).status).toBe(404);
    expect((await send('KHONG-CO')).status).toBe(404);
    const noConsent = await send('CCN-DA', { consent: false });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.details.fields.consent).toMatch(/đồng ý/);
    const english = await send(
      'CCN-DA',
      { contact: { ...form.contact, country: 'XX' } },
      new TestClient(app, 'en'),
    );
    expect(english.body.details.fields['contact.country']).toBe('Please choose a country.');
  });

  it('refuses a form posted from another site, and needs no session token from a signed-in officer', async () => {
    const client = new TestClient(app);
    const proof = await solvedProof(client);
    const foreign = await client.post(
      '/api/public/zones/CCN-DA/inquiries',
      { ...form, proof },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.status).toBe(403);
    const officer = await signedIn('communeTT');
    const ownSite = await officer.post(
      '/api/public/zones/CCN-DA/inquiries',
      { ...form, proof: await solvedProof(officer) },
      { csrf: false, headers: { origin: 'http://127.0.0.1' } },
    );
    expect(ownSite.status).toBe(201);
    // Sent by the public, not by the officer who happened to be signed in.
    const [audit] = await rows<{ actor_name: string | null }>(
      `select actor_name from audit_log where action = 'inquiry.submit' order by seq desc limit 1`,
    );
    expect(audit!.actor_name).toBeNull();
  });

  it('answers 429 with Retry-After once an address sends more than the limit', async () => {
    const limited = createTestApp(
      database,
      { clock },
      { inquiry: { powBits: 1, rateLimit: { limit: 2, windowMs: 600_000 } } },
    ).app;
    const client = new TestClient(limited);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const proof = await solvedProof(client);
      statuses.push((await client.post('/api/public/zones/CCN-TT/inquiries', { ...form, proof })).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    const last = await client.post('/api/public/zones/CCN-TT/inquiries', {
      ...form,
      proof: await solvedProof(client),
    });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('officers and the developer handle an inquiry', () => {
  it('shows it only within scope, lets the developer answer (stored and e-mailed), checks versions and closes it', async () => {
    const sent = await send('CCN-DA', { contact: { ...form.contact, email: 'investor@abc.example' } });
    const { id } = await inquiryByReference(sent.body.reference);

    const other = await signedIn('communeTT');
    expect((await other.get(`/api/inquiries/${id}`)).status).toBe(404);
    const otherList = await other.get('/api/inquiries?zone=CCN-DA');
    expect(otherList.body.items).toEqual([]);
    const otherDev = await signedIn('otherDev');
    expect((await otherDev.get(`/api/inquiries/${id}`)).status).toBe(404);

    const commune = await signedIn('communeDA');
    const list = await commune.get('/api/inquiries?status=new&pageSize=1');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect(list.body.counts.held).toBeGreaterThanOrEqual(1);

    const leader = await signedIn('leader');
    const read = await leader.get(`/api/inquiries/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.actions).toEqual([]);
    expect((await leader.post(`/api/inquiries/${id}/reply`, { text: 'x', version: 1 })).status).toBe(403);

    const developer = await signedIn('developer');
    const detail = await developer.get(`/api/inquiries/${id}`);
    expect(detail.body).toMatchObject({
      status: 'new',
      contactName: 'Kim Min-jun',
      email: 'investor@abc.example',
    });
    expect(detail.body.actions).toEqual(['reply', 'close']);
    const reply = 'Kính gửi Quý công ty, CCN Đông Anh còn 4 ha đất sạch, giá thuê 120 USD/m².';
    const answered = await developer.post(`/api/inquiries/${id}/reply`, {
      text: reply,
      version: detail.body.version,
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'reply']);
    expect(answered.body.history[1].text).toBe(reply);
    const mail = await rows<{ body: string; status: string }>(
      `select body, status from outbound_mail where to_address = 'investor@abc.example'`,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body).toContain(reply);
    expect(mail[0]!.body).toContain(sent.body.reference);

    const stale = await commune.post(`/api/inquiries/${id}/close`, { version: detail.body.version });
    expect(stale.status).toBe(409);
    const closed = await commune.post(`/api/inquiries/${id}/close`, { version: answered.body.version });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', actions: [] });
    expect(
      (await commune.post(`/api/inquiries/${id}/reply`, { text: 'x', version: closed.body.version })).status,
    ).toBe(400);
    const audit = await rows<{ action: string }>(
      `select action from audit_log where entity_type = 'inquiry' and entity_id = $1 order by seq`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['inquiry.submit', 'inquiry.reply', 'inquiry.close']);
  });

  it('lets only an officer release a held inquiry, which is then told to the responsible people', async () => {
    const sent = await send('CCN-DA', { website: 'filled' });
    const { id } = await inquiryByReference(sent.body.reference);
    const developer = await signedIn('developer');
    const seen = await developer.get(`/api/inquiries/${id}`);
    expect(seen.body.actions).toEqual([]);
    expect((await developer.post(`/api/inquiries/${id}/release`, { version: 1 })).status).toBe(403);
    const dept = await signedIn('deptCCN');
    const released = await dept.post(`/api/inquiries/${id}/release`, { version: 1, note: 'Nhà đầu tư thật' });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('new');
    expect(await notifiedUsernames(id)).toEqual([users.communeDA, users.deptCCN, users.developer].sort());
  });
});
