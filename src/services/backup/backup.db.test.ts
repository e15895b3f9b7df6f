import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { silentLogger } from '../system/logger';
import { makeUser, manualClock } from '../testing';
import { runScheduledBackup } from './backup.scheduler';
import { listFiles, tool } from './backup-archive';
import { createBackup, restoreBackup, type RestoreTarget } from './backup.service';

let database: TestDatabase;
let root: string;
let uploadDir: string;

function putDocument(dir: string, text: string): string {
  const body = Buffer.from(text, 'utf8');
  const sha = createHash('sha256').update(body).digest('hex');
  mkdirSync(join(dir, 'sha256', sha.slice(0, 2)), { recursive: true });
  writeFileSync(join(dir, 'sha256', sha.slice(0, 2), sha), body);
  return sha;
}

async function rowCounts(query: (text: string) => Promise<{ name: string; n: string }[]>) {
  const tables = await query(
    `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name, '0' as n from pg_tables
      where schemaname in ('public', 'drizzle') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await query(`select '' as name, count(*)::text as n from ${name}`))[0]!.n);
  return counts;
}

const documents = (dir: string) =>
  listFiles(dir, ['.incoming']).then((paths) => paths.map((p) => [p, readFileSync(join(dir, p), 'utf8')]));

beforeAll(async () => {
  database = await createTestDatabase();
  root = mkdtempSync(join(tmpdir(), 'izis-backup-'));
  uploadDir = join(root, 'uploads');
  putDocument(uploadDir, 'Quyết định thành lập KCN Thăng Long');
  putDocument(uploadDir, 'Quy hoạch chi tiết 1/500');
  mkdirSync(join(uploadDir, '.incoming'), { recursive: true });
  writeFileSync(join(uploadDir, '.incoming', 'half-written'), 'x');
  await makeUser(database.db, { displayName: 'Nguyễn Văn Sao Lưu' });
});
afterAll(async () => {
  await database?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backup → drop → restore gives the same row counts, the same documents and a valid audit chain', async () => {
    const archive = join(root, 'izis.tar.gz');
    const before = await rowCounts((text) => database.query(text));
    const manifest = await createBackup(
      { database, ownerUrl: database.url, uploadDir, appVersion: 'test' },
      archive,
    );
    expect(manifest.rowCounts).toEqual(before);
    expect(manifest.rowCounts['public.app_user']).toBeGreaterThan(0);
    expect(manifest.uploads.map((u) => u.path)).toHaveLength(2);
    expect(manifest.auditHead.seq).toBeGreaterThan(0);

    // Drop: the database and the documents are gone.
    let target: RestoreTarget;
    if (database.kind === 'postgres') {
      const url = new URL(database.url!);
      const name = url.pathname.slice(1);
      // The pool's connections die with the database (FORCE); cleanup() ends the pool afterwards.
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      target = { kind: 'postgres', ownerUrl: database.url! };
    } else {
      target = { kind: 'pglite', dataDir: join(root, 'data') };
    }
    const restoredUploads = join(root, 'restored-uploads');

    const result = await restoreBackup(archive, { target, uploadDir: restoredUploads, log: silentLogger });
    expect(result.rowCounts).toEqual(before);
    expect(result.verification.ok).toBe(true);
    expect(result.verification.head).toEqual(manifest.auditHead);
    expect(await documents(restoredUploads)).toEqual(await documents(uploadDir));

    // Restoring again over the restored database needs --replace.
    await expect(
      restoreBackup(archive, { target, uploadDir: restoredUploads, log: silentLogger }),
    ).rejects.toThrow(/replace/);
    const again = await restoreBackup(archive, {
      target,
      uploadDir: restoredUploads,
      replace: true,
      log: silentLogger,
    });
    expect(again.rowCounts).toEqual(before);
  }, 600_000);

  it('refuses a corrupt archive before touching anything, naming the damaged file', async () => {
    const source = await createTestDatabase();
    try {
      const archive = join(root, 'to-corrupt.tar.gz');
      const manifest = await createBackup(
        { database: source, ownerUrl: source.url, uploadDir, appVersion: 'test' },
        archive,
      );
      const unpacked = join(root, 'unpacked');
      mkdirSync(unpacked);
      await tool('tar', ['-xzf', archive, '-C', unpacked]);
      writeFileSync(join(unpacked, 'uploads', manifest.uploads[0]!.path), 'Quyết định đã bị sửa');
      const tampered = join(root, 'tampered.tar.gz');
      await tool('tar', ['-czf', tampered, '-C', unpacked, '.']);
      const target: RestoreTarget =
        source.kind === 'postgres'
          ? { kind: 'postgres', ownerUrl: source.url! }
          : { kind: 'pglite', dataDir: join(root, 'never') };
      const options = { target, uploadDir: join(root, 'never-uploads'), log: silentLogger };
      await expect(restoreBackup(tampered, options)).rejects.toThrow(
        new RegExp(`bị hỏng.*${manifest.uploads[0]!.path}.*checksum`),
      );

      const truncated = join(root, 'truncated.tar.gz');
      writeFileSync(truncated, readFileSync(archive).subarray(0, 2000));
      await expect(restoreBackup(truncated, options)).rejects.toThrow(/bị hỏng|không phải/);
      expect(await listFiles(join(root, 'never-uploads'))).toEqual([]);
    } finally {
      await source.cleanup();
    }
  }, 600_000);

  it('scheduled backups keep only the newest IZIS_BACKUP_KEEP archives', async () => {
    const source = await createTestDatabase();
    try {
      const clock = manualClock(new Date('2026-12-06T01:00:00Z'));
      const dir = join(root, 'scheduled');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'operator-notes.txt'), 'giữ lại');
      const written: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        written.push(
          await runScheduledBackup({
            source: { database: source, ownerUrl: source.url, uploadDir, appVersion: 'test', clock },
            log: silentLogger,
            clock,
            dir,
            keep: 2,
          }),
        );
        clock.advance(24 * 3_600_000);
      }
      expect(await listFiles(dir)).toEqual([
        'izis-backup-20261207-010000.tar.gz',
        'izis-backup-20261208-010000.tar.gz',
        'operator-notes.txt',
      ]);
      expect(written[2]).toBe(join(dir, 'izis-backup-20261208-010000.tar.gz'));
    } finally {
      await source.cleanup();
    }
  }, 600_000);
});
