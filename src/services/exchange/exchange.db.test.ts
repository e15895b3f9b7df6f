import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { checksumInput } from '../../domain/exchange/canonical';
import { exchangePackageSchema, type ExchangePackage } from '../../domain/exchange/exchange.schema';
import type { Actor } from '../../domain/identity/roles';
import { AppError } from '../../domain/shared/errors';
import { getCompilation, getSignedCompilation, signCompilation } from '../reporting/compilation.service';
import { communes, makeUser, manualClock, testDeps } from '../testing';
import {
  exportExchangePackage,
  getExchangeSubmission,
  importExchangePackage,
  listExchangeSubmissions,
} from './exchange.service';
import { acceptTenantReport, clusterRegistry } from './testing';
import { rowsOf } from '../../db/rows';

/**
 * The round trip of issue 14: a Biểu 04 signed in one IZIS database, exported as an exchange package and
 * imported into a second, empty one gives the same 27 items; a tampered package is refused.
 */
let sender: TestDatabase;
let receiver: TestDatabase;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const people = {} as Record<'tenant' | 'commune' | 'department' | 'leader' | 'receiverOfficer', Actor>;
const b04 = { formCode: 'B04' as const, period: '2026-H1' };

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
  await clusterRegistry(sender.db, clock);
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
  people.receiverOfficer = (await user(receiver, 'department_officer', 'family', 'CCN', 'CCN')).actor;

  await acceptTenantReport(sender.db, people.tenant, people.commune, clock);
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

  it('keeps the frozen inputs out of the signed version the report page reads', async () => {
    const signed = await getSignedCompilation(asSender('department'), b04, 1);
    expect(signed).not.toHaveProperty('inputs');
    expect(JSON.stringify(signed)).not.toContain('"planEntries"');
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
    expect(rowsOf<{ n: number }>(zones)[0]!.n).toBe(0);
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

  it('accepts the package as sent and gives the same 27 items; a second import changes nothing', async () => {
    const first = await importExchangePackage(asReceiver(), packageBytes);
    expect(first.created).toBe(true);
    const again = await importExchangePackage(asReceiver(), packageBytes);
    expect(again).toMatchObject({ created: false, submission: { id: first.submission.id } });
    const stored = await getExchangeSubmission(asReceiver(), first.submission.id);
    expect(stored.items.map((i) => ({ no: i.code, value: i.value }))).toEqual(signedItems);
    expect(stored).toMatchObject({
      period: '2026-H1',
      signedVersionNo: 1,
      checksum: pkg.checksum.value,
      zoneCount: 2,
      projectCount: 1,
      filingCount: 1,
    });
    expect((await listExchangeSubmissions(asReceiver())).items.map((i) => i.id)).toEqual([
      first.submission.id,
    ]);
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
        })
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

describe('a version signed before the inputs were kept', () => {
  it('is exported with today’s registry only while that still gives the signed figures, else 409', async () => {
    // A signed row as older IZIS wrote it: the report without its inputs (version 2 of the same figures).
    await sender.db.execute(sql`
      insert into report_compilation (form_code, period, scope_kind, scope_ref, version_no, state, annotations,
        snapshot, signer_name, signer_title, signed_at)
      select form_code, period, scope_kind, scope_ref, 2, 'signed', annotations, snapshot - 'inputs',
        signer_name, signer_title, signed_at + interval '1 day'
      from report_compilation where form_code = 'B04' and version_no = 1`);
    // The registry was changed after signing (industrial land 36 → 30 ha): the figures no longer follow.
    const refused = (await exportExchangePackage(asSender('department'), {
      period: '2026-H1',
      version: 2,
    }).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe('exchange.registry_changed');
    expect(refused.status).toBe(409);
    // Put back as signed, today's registry recomputes the signed items: the package carries it.
    await sender.db.execute(
      sql`update zone set leased_ha = 20, industrial_land_ha = 36 where code = 'CCN-TD1'`,
    );
    const file = await exportExchangePackage(asSender('department'), { period: '2026-H1', version: 2 });
    const legacy = exchangePackageSchema.parse(JSON.parse(file.body));
    expect(legacy.signed.versionNo).toBe(2);
    expect(legacy.items).toEqual(pkg.items);
    expect(legacy.registry.zones.find((z) => z.code === 'CCN-TD1')).toMatchObject({ industrialLandHa: 36 });
  });
});
