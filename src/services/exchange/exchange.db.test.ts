import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { checksumInput } from '../../domain/exchange/canonical';
import { exchangePackageSchema, type ExchangePackage } from '../../domain/exchange/exchange.schema';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { createTestApp, TestClient } from '../../server/testing';
import { createOrganisation } from '../organisation/organisation.service';
import { createProject } from '../project/project.service';
import { acceptFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { getCompilation, signCompilation } from '../reporting/compilation.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import { addLifecycleEvent, createZone } from '../zone/zone.service';
import {
  exportExchangePackage,
  getExchangeSubmission,
  importExchangePackage,
  listExchangeSubmissions,
} from './exchange.service';

/**
 * The round trip of issue 14: a Biểu 04 signed in one IZIS database, exported as an exchange package and
 * imported into a second, empty one gives the same 27 items; a tampered package is refused.
 */
let sender: TestDatabase;
let receiver: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const people = {} as Record<'tenant' | 'commune' | 'department' | 'leader' | 'receiverOfficer', Actor>;
const b04 = { formCode: 'B04' as const, period: '2026-H1' };
let receiverLogin: { username: string; password: string };

const asSender = (who: 'tenant' | 'commune' | 'department' | 'leader') =>
  testDeps(sender.db, people[who], clock);
const asReceiver = () => testDeps(receiver.db, people.receiverOfficer, clock);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The package with a change, its checksum recomputed as a forger would. */
function resealed(pkg: ExchangePackage, change: (p: ExchangePackage) => void): Uint8Array {
  const copy = structuredClone(pkg);
  change(copy);
  copy.checksum.value = sha256(checksumInput(copy));
  return new TextEncoder().encode(JSON.stringify(copy));
}

beforeAll(async () => {
  [sender, receiver] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const admin = testDeps(sender.db, systemActor('test'), clock);
  await createOrganisation(admin, {
    code: 'CDT-TD',
    name: 'Công ty hạ tầng Trao Đổi',
    country: 'VN',
    ownership: 'domestic_private',
    roles: ['developer'],
  });
  await createOrganisation(admin, {
    code: 'DN-TD',
    name: 'Công ty điện tử',
    country: 'VN',
    ownership: 'fdi',
    roles: ['tenant'],
  });
  for (const [code, area, land, leased] of [
    ['CCN-TD1', 48.5, 36, 20],
    ['CCN-TD2', 30, 22.5, 5.25],
  ] as const) {
    await createZone(admin, {
      code,
      name: `Cụm công nghiệp ${code}`,
      kind: 'CCN',
      communeCode: communes.dongAnh,
      developerCode: 'CDT-TD',
      declaredAreaHa: area,
      industrialLandHa: land,
      leasedHa: leased,
    });
  }
  for (const [zone, state, eventDate] of [
    ['CCN-TD1', 'in_plan', '2019-05-01'],
    ['CCN-TD1', 'established', '2021-03-01'],
    ['CCN-TD1', 'operating', '2023-01-15'],
    ['CCN-TD2', 'in_plan', '2020-01-01'],
    ['CCN-TD2', 'established', '2026-02-01'],
  ] as const) {
    await addLifecycleEvent(admin, zone, { state, eventDate });
  }
  await createProject(admin, {
    code: 'DA-TD',
    zoneCode: 'CCN-TD1',
    investorCode: 'DN-TD',
    name: 'Nhà máy linh kiện',
    status: 'operating',
  });
  const user = async (
    db: TestDatabase,
    role: string,
    scopeKind: string,
    scopeRef: string | null,
    family: string | null = null,
  ) => makeUser(db.db, { role, scopeKind, scopeRef, family } as never);
  people.tenant = (await user(sender, 'enterprise', 'organisation', 'DN-TD')).actor;
  people.commune = (await user(sender, 'commune_officer', 'commune', communes.dongAnh)).actor;
  people.department = (await user(sender, 'department_officer', 'family', 'CCN', 'CCN')).actor;
  people.leader = (await user(sender, 'leader', 'all', null)).actor;
  const officer = await user(receiver, 'department_officer', 'family', 'CCN', 'CCN');
  people.receiverOfficer = officer.actor;
  receiverLogin = { username: officer.user.username, password: officer.password };

  // An accepted Biểu 01 of the tenant feeds items 23–25.
  let filing = await saveDraft(asSender('tenant'), {
    formCode: 'B01',
    period: '2026-H1',
    reporter: { kind: 'project', code: 'DA-TD' },
    values: { revenue_vnd: 12.5, state_budget_vnd: 1, workers: 40, avg_income_vnd: 9 },
  });
  filing = await submitFiling(asSender('tenant'), filing.id, { version: filing.version });
  await acceptFiling(asSender('commune'), filing.id, { version: filing.version });
});
afterAll(async () => {
  await sender?.cleanup();
  await receiver?.cleanup();
});

let signedItems: { no: string; value: number | null }[];
let pkg: ExchangePackage;
let packageBytes: Uint8Array;

describe('exporting the exchange package of a signed Biểu 04', () => {
  it('is refused while the period has no signed version (409)', async () => {
    const error = await exportExchangePackage(asSender('department'), { period: '2026-H1' }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe('report.not_signed');
    expect((error as AppError).status).toBe(409);
  });

  it('carries the items exactly as signed, the registry behind them, the XLSX and a checksum over the canonical form', async () => {
    const view = await signCompilation(asSender('department'), b04, {
      docNo: '88/BC-SCT',
      signerName: 'Trần Văn C',
      signerTitle: 'Giám đốc Sở Công Thương',
      version: null,
    });
    signedItems = view.report.items.map((i) => ({ no: i.no, value: i.value }));
    // The registry changes after signing: the package still carries what was signed, and what it came from.
    await sender.db.execute(
      sql`update zone set leased_ha = 15, industrial_land_ha = 30 where code = 'CCN-TD1'`,
    );
    const file = await exportExchangePackage(asSender('leader'), { period: '2026-H1' });
    expect(file.fileName).toMatch(/^bieu-04-2026-H1-\d+-ban-ky-1\.izis-exchange\.json$/);
    packageBytes = new TextEncoder().encode(file.body);
    pkg = exchangePackageSchema.parse(JSON.parse(file.body));
    expect(pkg).toMatchObject({
      format: 'izis-bieu04-exchange',
      version: 1,
      formCode: 'B04',
      period: '2026-H1',
    });
    expect(pkg.signed).toMatchObject({ versionNo: 1, docNo: '88/BC-SCT', signerName: 'Trần Văn C' });
    expect(pkg.items.map((i) => ({ no: i.code, value: i.value }))).toEqual(signedItems);
    expect(pkg.items).toHaveLength(35);
    expect(pkg.items.find((i) => i.code === '23')).toMatchObject({ value: 12.5 });
    expect(pkg.registry.zones.map((z) => z.code)).toEqual(['CCN-TD1', 'CCN-TD2']);
    // The zone as signed (36 ha), not as changed since (30 ha).
    expect(pkg.registry.zones[0]).toMatchObject({
      communeCode: communes.dongAnh,
      developerCode: 'CDT-TD',
      industrialLandHa: 36,
    });
    expect(pkg.registry.filings).toHaveLength(1);
    expect(pkg.checksum.value).toBe(sha256(checksumInput(pkg)));
    const xlsx = Buffer.from(pkg.xlsx.base64, 'base64');
    expect(xlsx.subarray(0, 2).toString()).toBe('PK'); // a zip: the workbook
  });

  it('is not given to someone who may not read the report', async () => {
    const error = await exportExchangePackage(asSender('tenant'), { period: '2026-H1' }).catch(
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe('not_found');
  });
});

describe('importing it into a second, empty IZIS database', () => {
  it('the empty database holds no cluster: the items come from the package alone', async () => {
    const zones = await receiver.db.execute(sql`select count(*)::int as n from zone`);
    expect((zones as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('refuses a figure changed even with the checksum recomputed, naming the item', async () => {
    const forged = resealed(pkg, (p) => {
      p.items.find((i) => i.code === '3')!.value = 5;
    });
    const error = (await importExchangePackage(asReceiver(), forged).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('exchange.figures_differ');
    expect(error.status).toBe(422);
    expect(error.details!.differences).toEqual([
      { code: '3', signed: 5, recomputed: signedItems.find((i) => i.no === '3')!.value },
    ]);
    expect(String(error.details!.summary)).toContain('chỉ tiêu 3: gói ghi 5');
  });

  it('refuses registry rows changed to fit other figures (the recomputation disagrees with the signed items)', async () => {
    const forged = resealed(pkg, (p) => {
      p.registry.zones[0]!.industrialLandHa = 50;
    });
    const error = (await importExchangePackage(asReceiver(), forged).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('exchange.figures_differ');
    expect((error.details!.differences as { code: string }[]).map((d) => d.code)).toContain('17');
  });

  it('refuses a package with one byte changed by its checksum', async () => {
    const text = new TextDecoder().decode(packageBytes).replace('Trần Văn C', 'Trần Văn D');
    const error = (await importExchangePackage(asReceiver(), new TextEncoder().encode(text)).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe('exchange.checksum_mismatch');
    expect(error.details).toMatchObject({ declared: pkg.checksum.value });
  });

  it('refuses a version it does not know', async () => {
    const error = (await importExchangePackage(
      asReceiver(),
      resealed(pkg, (p) => {
        p.version = 2;
      }),
    ).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('exchange.unsupported_version');
    expect(error.details).toMatchObject({ version: '2', supported: 1 });
  });

  it('refuses what is not JSON as a field error on the file', async () => {
    const error = (await importExchangePackage(asReceiver(), new TextEncoder().encode('PK not json')).catch(
      (e: unknown) => e,
    )) as AppError;
    expect(error.code).toBe('validation');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual(['file']);
  });

  it('accepts the package as sent, through the upload, and gives the same 27 items; a second import changes nothing', async () => {
    const { app } = createTestApp(receiver, { clock });
    const client = new TestClient(app);
    expect((await client.signIn(receiverLogin.username, receiverLogin.password)).status).toBe(200);
    const upload = async () => {
      const form = new FormData();
      form.append('file', new File([packageBytes as Uint8Array<ArrayBuffer>], 'goi.json'));
      const res = await app.request('http://127.0.0.1/api/exchange/packages', {
        method: 'POST',
        headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! },
        body: form,
      });
      return {
        status: res.status,
        body: (await res.json()) as { created: boolean; submission: { id: string } },
      };
    };
    const first = await upload();
    expect(first.status).toBe(200);
    expect(first.body.created).toBe(true);
    const again = await upload();
    expect(again.body).toMatchObject({ created: false, submission: { id: first.body.submission.id } });
    const stored = await getExchangeSubmission(asReceiver(), first.body.submission.id);
    expect(stored.items.map((i) => ({ no: i.code, value: i.value }))).toEqual(signedItems);
    expect(stored).toMatchObject({
      period: '2026-H1',
      signedVersionNo: 1,
      checksum: pkg.checksum.value,
      zoneCount: 2,
    });
    const list = await client.get('/api/exchange/submissions');
    expect(list.body.items).toHaveLength(1);
    const detail = await client.get(`/api/exchange/submissions/${first.body.submission.id}`);
    expect(detail.body.items).toHaveLength(35);
    // Append-only: the database refuses to change a received submission.
    await expect(receiver.db.execute(sql`update exchange_submission set period = 'x'`)).rejects.toThrow();
  });

  it('refuses a different package for the same signed version (409)', async () => {
    const other = resealed(pkg, (p) => {
      p.registry.zones[1]!.name = 'Tên khác';
    });
    const error = (await importExchangePackage(asReceiver(), other).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('exchange.conflicting_package');
  });

  it('is for department officers: a commune officer is refused and sees no submissions', async () => {
    const commune = testDeps(
      receiver.db,
      (
        await makeUser(receiver.db, {
          role: 'commune_officer',
          scopeKind: 'commune',
          scopeRef: communes.dongAnh,
        } as never)
      ).actor,
      clock,
    );
    expect(
      ((await importExchangePackage(commune, packageBytes).catch((e: unknown) => e)) as AppError).code,
    ).toBe('forbidden');
    expect(((await listExchangeSubmissions(commune).catch((e: unknown) => e)) as AppError).code).toBe(
      'forbidden',
    );
  });

  it('still holds the sender-side live figures (the compilation is untouched by the export)', async () => {
    expect((await getCompilation(asSender('department'), b04)).signed).toHaveLength(1);
  });
});
