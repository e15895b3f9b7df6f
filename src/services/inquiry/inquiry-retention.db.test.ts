import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { INQUIRY_CONSENT_VERSION } from '../../domain/inquiry/inquiry';
import { inquiryInputSchema } from '../../domain/inquiry/inquiry.schema';
import { systemActor } from '../../domain/identity/roles';
import { createZone } from '../zone/zone.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { eraseExpiredInquiryData } from './inquiry-retention.service';
import { issueChallenge, solveChallenge } from './inquiry-proof';
import { closeInquiry, replyToInquiry, submitInquiry, type InquirySettings } from './inquiry.service';

/** Personal data of closed inquiries is erased after the retention period; the anonymous statistic stays. */
let database: TestDatabase;
const clock = manualClock(new Date('2026-01-31T03:00:00Z'));
const settings: InquirySettings = {
  secret: 'retention-test-secret-0123456789abcdef',
  powBits: 2,
  retentionMonths: 24,
};
const MONTH = 31 * 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = testDeps(database.db, systemActor('test'), clock);
  await createZone(deps, { code: 'CCN-RT', name: 'CCN Lưu trữ', kind: 'CCN', communeCode: communes.dongAnh });
  await database.query(
    `insert into zone_publication (zone_id, published, published_at) select id, true, now() from zone where code = 'CCN-RT'`,
  );
});
afterAll(() => database?.cleanup());

async function sendAndClose(name: string): Promise<string> {
  const deps = testDeps(database.db, null, clock);
  const { challenge } = issueChallenge(settings, clock.now());
  const input = inquiryInputSchema.parse({
    purpose: 'Kho lạnh',
    landHa: 1.2,
    timeframe: 'now',
    message: `Tôi là ${name}, gọi cho tôi.`,
    contact: {
      name,
      organisation: 'Công ty Lạnh',
      email: `${name.toLowerCase()}@cold.example`,
      phone: '0901234567',
      country: 'VN',
    },
    consent: true,
    consentVersion: INQUIRY_CONSENT_VERSION,
    proof: { challenge, nonce: solveChallenge(challenge, settings.powBits) },
  });
  const { reference } = await submitInquiry(deps, settings, 'CCN-RT', input);
  const [row] = await database.query<{ id: string }>('select id from inquiry where reference = $1', [
    reference,
  ]);
  const { actor } = await makeUser(database.db, {
    role: 'commune_officer',
    scopeKind: 'commune',
    scopeRef: communes.dongAnh,
  });
  const officer = testDeps(database.db, actor, clock);
  const answered = await replyToInquiry(officer, row!.id, {
    text: `Chào ${name}, mời anh đến khảo sát.`,
    version: 1,
  });
  await closeInquiry(officer, row!.id, { version: answered.version });
  return row!.id;
}

describe('erasing personal data after the retention period', () => {
  it('erases the contact, message, history texts and reply e-mail of inquiries closed 24 months ago, and keeps the rest', async () => {
    const old = await sendAndClose('Lan');
    clock.advance(12 * MONTH);
    const recent = await sendAndClose('Minh');
    clock.advance(12 * MONTH); // the first closed a little over 24 months ago, the second 12

    const deps = testDeps(database.db, systemActor('test:retention'), clock);
    expect(await eraseExpiredInquiryData(deps, { months: 24 })).toMatchObject({ erased: 1 });
    const [erased] = await database.query<Record<string, unknown>>('select * from inquiry where id = $1', [
      old,
    ]);
    expect(erased).toMatchObject({
      contact_name: null,
      organisation: null,
      email: null,
      phone: null,
      message: null,
      status: 'closed',
      purpose: 'Kho lạnh',
      country: 'VN',
      timeframe: 'now',
    });
    expect(erased!.erased_at).not.toBeNull();
    expect(Number(erased!.land_ha)).toBe(1.2);
    const texts = await database.query<{ text: string | null }>(
      'select text from inquiry_event where inquiry_id = $1',
      [old],
    );
    expect(texts.every((t) => t.text === null)).toBe(true);
    const mails = await database.query<{ to_address: string; body: string | null }>(
      `select to_address, body from outbound_mail where dedupe_key like $1`,
      [`inquiry-reply:${old}:%`],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).not.toContain('lan@');
    expect(mails[0]!.body).toBeNull();
    const audit = await database.query<{ after: unknown }>(
      `select after from audit_log where action = 'inquiry.erase_personal_data' and entity_id = $1`,
      [old],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('Lan');

    const [kept] = await database.query<{ contact_name: string | null; email: string | null }>(
      'select contact_name, email from inquiry where id = $1',
      [recent],
    );
    expect(kept).toEqual({ contact_name: 'Minh', email: 'minh@cold.example' });
    // A second run finds nothing more to do.
    expect(await eraseExpiredInquiryData(deps, { months: 24 })).toMatchObject({ erased: 0 });
  });

  it('deletes used challenges once they have expired', async () => {
    const deps = testDeps(database.db, systemActor('test:retention'), clock);
    await database.query(
      `insert into inquiry_challenge_used (id, expires_at) values ('old-one-0123456789', $1), ('new-one-0123456789', $2)`,
      [
        new Date(clock.now().getTime() - 60_000).toISOString(),
        new Date(clock.now().getTime() + 60_000).toISOString(),
      ],
    );
    await eraseExpiredInquiryData(deps, { months: 24 });
    const left = await database.query<{ id: string }>(
      `select id from inquiry_challenge_used where id like '%-one-%'`,
    );
    expect(left.map((r) => r.id)).toEqual(['new-one-0123456789']);
  });
});
