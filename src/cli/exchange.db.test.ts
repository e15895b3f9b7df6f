import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDataDir, createTestDatabase, type TestDatabase } from '../db/testing';
import { exportExchangePackage } from '../services/exchange/exchange.service';
import { acceptTenantReport, clusterRegistry } from '../services/exchange/testing';
import { signCompilation } from '../services/reporting/compilation.service';
import { communes, makeUser, manualClock, testDeps } from '../services/testing';
import type { CliIo } from './io';
import { runCli } from './main';
import { rowsOf } from '../db/rows';

/** `izis exchange export` from one database and `izis exchange import` into a second, empty one. */
let sender: TestDatabase;
let receiver: TestDatabase | undefined;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const dir = mkdtempSync(join(tmpdir(), 'izis-exchange-'));
let compilationId: string;
/** The receiving IZIS: a second PostgreSQL database, or a fresh embedded data directory (migrated by the CLI). */
let target: Record<string, string>;

async function izis(args: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { IZIS_LOG_LEVEL: 'error', USER: 'tester', ...env },
    readSecret: async () => '',
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  sender = await createTestDatabase();
  await clusterRegistry(sender.db, clock);
  const made = (role: string, scopeKind: string, scopeRef: string | null, family: string | null = null) =>
    makeUser(sender.db, { role, scopeKind, scopeRef, family } as never).then((u) => u.actor);
  const tenant = await made('enterprise', 'organisation', 'DN-TD');
  const commune = await made('commune_officer', 'commune', communes.dongAnh);
  const department = await made('department_officer', 'family', 'CCN', 'CCN');
  await acceptTenantReport(sender.db, tenant, commune, clock);
  await signCompilation(
    testDeps(sender.db, department, clock),
    { formCode: 'B04', period: '2026-H1' },
    {
      docNo: '1/BC-SCT',
      signerName: 'Đỗ Văn G',
      signerTitle: 'Giám đốc',
      version: null,
    },
  );
  const rows = await sender.db.execute(sql`select id from report_compilation where state = 'signed'`);
  compilationId = rowsOf<{ id: string }>(rows)[0]!.id;
  if (process.env.DATABASE_URL) receiver = await createTestDatabase();
});
afterAll(async () => {
  await sender?.cleanup();
  await receiver?.cleanup();
});

describe('izis exchange', () => {
  it('exports a signed Biểu 04 named by its compilation id and imports it into an empty database; a second import adds nothing', async () => {
    const file = join(dir, 'goi.json');
    if (sender.url) {
      const exported = await izis(['exchange', 'export', compilationId, file], { DATABASE_URL: sender.url });
      expect(exported.err).toBe('');
      expect(exported.code).toBe(0);
      expect(exported.out).toContain('Đã ghi gói trao đổi');
    } else {
      // Embedded: the test database is in this process; the package is written by the same service.
      const out = await exportExchangePackage(
        testDeps(sender.db, (await makeUser(sender.db, {})).actor, clock),
        { period: '2026-H1' },
      );
      writeFileSync(file, out.body);
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'izis-bieu04-exchange',
      period: '2026-H1',
    });
    target = receiver?.url ? { DATABASE_URL: receiver.url } : { IZIS_DATA_DIR: await createTestDataDir() };
    const first = await izis(['exchange', 'import', file], target);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Đã nhận Biểu 04 kỳ 2026-H1 .* 35 dòng chỉ tiêu khớp/);
    const second = await izis(['exchange', 'import', file], target);
    expect(second.out).toMatch(/^Đã có từ trước/);
  });

  it('refuses a package with a figure changed (its checksum no longer holds) and exits 1', async () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'goi.json'), 'utf8')) as {
      items: { code: string; value: number }[];
    };
    pkg.items.find((i) => i.code === '1')!.value = 99;
    const file = join(dir, 'sua.json');
    writeFileSync(file, JSON.stringify(pkg));
    const result = await izis(['exchange', 'import', file], target);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Mã kiểm tra SHA-256 của gói không khớp');
  });

  it('says how to use it', async () => {
    const result = await izis(['exchange'], {});
    expect(result.code).toBe(2);
    expect(result.err).toContain('export <compilation-id | period>');
  });
});
