import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../db/client';
import { embeddedDatabasePaths } from '../../db/embedded-layout';
import { resolveHostUrl } from '../../db/multi-host';
import { applyMigrations, migrationJournal } from '../../db/migrate';
import {
  backupManifestSchema,
  type BackupFile,
  type BackupManifest,
} from '../../domain/backup/backup.schema';
import { systemActor } from '../../domain/identity/roles';
import type { AuditVerification } from '../../domain/audit/audit.schema';
import { verifyAuditChain } from '../audit/audit-chain.service';
import { systemClock, type Clock } from '../deps';
import type { Logger } from '../system/logger';
import {
  BackupError,
  describeFile,
  listFiles,
  packArchive,
  placeFile,
  sha256File,
  tool,
  unpackArchive,
} from './backup-archive';

export { BackupError } from './backup-archive';

type Query = <T>(text: string) => Promise<T[]>;

export type BackupSource = {
  /** The running database (the application's role may read every table). */
  database: Database;
  /** PostgreSQL: the owner's connection string, for pg_dump. */
  ownerUrl?: string | undefined;
  uploadDir: string;
  appVersion: string;
  clock?: Clock;
};

const pgliteFile = 'database.pglite.tar';
const postgresFile = 'database.pgdump';

/** Rows per table of the public and drizzle schemas, and what the manifest says of the database. */
async function describeDatabase(query: Query) {
  const tables = await query<{ name: string }>(
    `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
      where schemaname in ('public', 'drizzle') order by 1`,
  );
  const rowCounts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: string }>(`select count(*)::text as n from ${name}`);
    rowCounts[name] = Number(row?.n ?? 0);
  }
  const [head] = await query<{ seq: string; hash: string }>(
    `select seq::text as seq, hash from audit_chain_head where id`,
  );
  const [version] = await query<{ v: string }>('select version() as v');
  const applied = rowCounts['drizzle.__drizzle_migrations'] ?? 0;
  return {
    rowCounts,
    auditHead: { seq: Number(head?.seq ?? 0), hash: head?.hash ?? '0'.repeat(64) },
    serverVersion: version?.v ?? '',
    schemaVersion: migrationJournal().entries[applied - 1]?.tag ?? 'none',
  };
}

/** PostgreSQL: counts and pg_dump read one exported snapshot, so the manifest describes exactly the dump. */
async function dumpPostgres(url: string, file: string) {
  // A failover pair's multi-host URL (ADR 0024): the snapshot and pg_dump must both be on the primary.
  const ownerUrl = await resolveHostUrl(url);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const described = await describeDatabase(async (text) => (await client.query(text)).rows);
    await tool('pg_dump', [
      '--format=custom',
      `--snapshot=${snapshot}`,
      `--file=${file}`,
      `--dbname=${ownerUrl}`,
    ]);
    await client.query('commit');
    return described;
  } finally {
    await client.end();
  }
}

/** PGlite: one session, so a write may slip between the counts and the dump; count again until they agree. */
async function dumpPglite(database: Database, file: string) {
  const query: Query = (text) => database.query(text);
  for (let attempt = 0; ; attempt += 1) {
    const before = await describeDatabase(query);
    const dump = await database.dump!();
    const after = await describeDatabase(query);
    if (JSON.stringify(before) === JSON.stringify(after) || attempt === 4) {
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
      return after;
    }
  }
}

const manifestHash = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Writes one archive (tar.gz) holding the database, the uploaded documents and manifest.json (versions,
 * schema version, rows per table, audit head, every file with its SHA-256) with manifest.sha256. The
 * database is saved first and the documents after it: documents are never deleted, so every document the
 * saved database names is in the archive. Written beside `file` and renamed into place when complete.
 */
export async function createBackup(source: BackupSource, file: string): Promise<BackupManifest> {
  const target = resolve(file);
  await mkdir(dirname(target), { recursive: true });
  const work = await mkdtemp(join(dirname(target), '.izis-backup-'));
  try {
    const kind = source.database.kind;
    const dbFile = kind === 'postgres' ? postgresFile : pgliteFile;
    let described;
    if (kind === 'postgres') {
      if (!source.ownerUrl)
        throw new BackupError('PostgreSQL backup needs DATABASE_URL (or DATABASE_OWNER_URL)');
      described = await dumpPostgres(source.ownerUrl, join(work, dbFile));
    } else {
      described = await dumpPglite(source.database, join(work, dbFile));
    }
    const uploads: BackupFile[] = [];
    for (const path of await listFiles(source.uploadDir, ['.incoming'])) {
      await placeFile(join(source.uploadDir, path), join(work, 'uploads', path));
      uploads.push(await describeFile(join(work, 'uploads'), path));
    }
    const manifest: BackupManifest = {
      format: 'izis-backup',
      formatVersion: 1,
      createdAt: (source.clock ?? systemClock).now().toISOString(),
      app: { version: source.appVersion },
      database: {
        kind,
        serverVersion: described.serverVersion,
        schemaVersion: described.schemaVersion,
        file: await describeFile(work, dbFile),
      },
      rowCounts: described.rowCounts,
      auditHead: described.auditHead,
      uploads,
    };
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(join(work, 'manifest.json'), text);
    await writeFile(join(work, 'manifest.sha256'), `${manifestHash(text)}  manifest.json\n`);
    const partial = `${target}.partial`;
    await packArchive(work, partial);
    await rename(partial, target);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Reads and checks an unpacked archive: the manifest's own hash, then every file it lists. */
async function checkArchive(dir: string, file: string): Promise<BackupManifest> {
  const corrupt = (what: string) =>
    new BackupError(
      `Tệp sao lưu ${file} bị hỏng: ${what} không khớp mã kiểm tra SHA-256; không khôi phục gì (the archive is corrupt: checksum mismatch in ${what}).`,
    );
  const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => null);
  const recorded = await readFile(join(dir, 'manifest.sha256'), 'utf8').catch(() => null);
  if (text === null || recorded === null) {
    throw new BackupError(
      `${file} không phải bản sao lưu IZIS: thiếu manifest.json (not an IZIS backup: manifest missing).`,
    );
  }
  if (recorded.split(/\s+/)[0] !== manifestHash(text)) throw corrupt('manifest.json');
  const manifest = backupManifestSchema.parse(JSON.parse(text));
  const check = async (path: string, expected: BackupFile) => {
    const actual = existsSync(path) ? await sha256File(path) : null;
    if (actual !== expected.sha256) throw corrupt(expected.path);
  };
  await check(join(dir, manifest.database.file.path), manifest.database.file);
  for (const upload of manifest.uploads) await check(join(dir, 'uploads', upload.path), upload);
  return manifest;
}

export type RestoreTarget = { kind: 'postgres'; ownerUrl: string } | { kind: 'pglite'; dataDir: string };

export type RestoreResult = {
  manifest: BackupManifest;
  rowCounts: Record<string, number>;
  verification: AuditVerification;
};

async function restorePostgres(ownerUrl: string, dumpFile: string, replace: boolean): Promise<Database> {
  const owner = await openPostgres(ownerUrl, { max: 2 });
  try {
    const [state] = await owner.query<{ used: boolean }>(
      `select (to_regclass('public.audit_log') is not null
              or to_regclass('drizzle.__drizzle_migrations') is not null) as used`,
    );
    if (state?.used && !replace) {
      throw new BackupError(
        'Cơ sở dữ liệu đích đã có dữ liệu IZIS: hãy tạo một cơ sở dữ liệu trống (createdb) hoặc dùng --replace ' +
          '(the target database is not empty: create an empty one, or pass --replace to drop its contents).',
      );
    }
    if (state?.used) {
      await owner.query('drop schema if exists drizzle cascade');
      await owner.query('drop schema public cascade');
      await owner.query('create schema public');
    }
  } catch (error) {
    await owner.close();
    throw error;
  }
  await tool('pg_restore', [
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${ownerUrl}`,
    dumpFile,
  ]);
  return owner;
}

async function restorePglite(dataDir: string, dumpFile: string, replace: boolean): Promise<Database> {
  const { dir, lock, readyMarker } = embeddedDatabasePaths(dataDir);
  if (existsSync(lock)) {
    const pid = Number(await readFile(lock, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) {
      throw new BackupError(
        `Cơ sở dữ liệu nhúng trong ${dataDir} đang được tiến trình ${pid} sử dụng: hãy dừng máy chủ trước (stop the server first).`,
      );
    }
  }
  if (existsSync(dir)) {
    if (!replace) {
      throw new BackupError(
        `${dir} đã có cơ sở dữ liệu: dùng --replace để thay thế (giữ bản cũ ở pglite.before-restore-…) ` +
          '(the embedded database exists: pass --replace to replace it; the old one is kept aside).',
      );
    }
    await rename(dir, join(dataDir, `pglite.before-restore-${Date.now()}`));
  }
  await rm(readyMarker, { force: true });
  await mkdir(dataDir, { recursive: true });
  const dump = await readFile(dumpFile);
  return openPglite({ dataDir: dir, loadDataDir: new Blob([dump]) });
}

/**
 * Restores an archive written by `createBackup`: refuses a corrupt one (any checksum) before touching
 * anything, loads the database (PostgreSQL: pg_restore into an empty database, or one emptied with
 * `replace`; PGlite: the data directory, the old one kept aside with `replace`), puts the documents back
 * into `uploadDir`, checks the row counts against the manifest, applies this build's pending migrations
 * and verifies the audit chain. A count that differs or a broken chain is an error naming it.
 */
export async function restoreBackup(
  file: string,
  options: { target: RestoreTarget; uploadDir: string; replace?: boolean; log: Logger },
): Promise<RestoreResult> {
  const work = await mkdtemp(join(dirname(resolve(file)), '.izis-restore-'));
  try {
    await unpackArchive(resolve(file), work);
    const manifest = await checkArchive(work, file);
    if (manifest.database.kind !== options.target.kind) {
      throw new BackupError(
        `Bản sao lưu này của ${manifest.database.kind}, nhưng cấu hình đang dùng ${options.target.kind} (the archive holds a ${manifest.database.kind} database).`,
      );
    }
    const dumpFile = join(work, manifest.database.file.path);
    const database =
      options.target.kind === 'postgres'
        ? await restorePostgres(options.target.ownerUrl, dumpFile, options.replace ?? false)
        : await restorePglite(options.target.dataDir, dumpFile, options.replace ?? false);
    try {
      for (const upload of manifest.uploads) {
        const to = join(options.uploadDir, upload.path);
        if (existsSync(to) && (await sha256File(to)) === upload.sha256) continue;
        await rm(to, { force: true });
        await placeFile(join(work, 'uploads', upload.path), to);
      }
      const { rowCounts } = await describeDatabase((text) => database.query(text));
      const differing = Object.entries(manifest.rowCounts).filter(([t, n]) => rowCounts[t] !== n);
      if (differing.length) {
        throw new BackupError(
          `Số dòng sau khi khôi phục khác với bản kê (row counts differ from the manifest): ${differing
            .map(([t, n]) => `${t} ${rowCounts[t] ?? 0} ≠ ${n}`)
            .join(', ')}`,
        );
      }
      await applyMigrations(database);
      // The restored data version is the backup's: move it past any number this database has shown a running
      // process before (by the clock's milliseconds), so that no figure kept in memory is served for it.
      await database.query(
        `update data_version set version = version + (extract(epoch from clock_timestamp()) * 1000)::bigint`,
      );
      const verification = await verifyAuditChain({
        db: database.db,
        actor: systemActor('system:restore'),
        clock: systemClock,
        log: options.log,
        requestId: null,
      });
      if (!verification.ok) {
        const b = verification.firstBreak!;
        throw new BackupError(
          `Đã khôi phục nhưng chuỗi nhật ký bị gãy tại ${b.id ? `dòng id ${b.id} ` : ''}seq ${b.seq} (${b.reason}) — the restored audit chain is broken.`,
        );
      }
      if (options.target.kind === 'pglite') {
        await writeFile(embeddedDatabasePaths(options.target.dataDir).readyMarker, new Date().toISOString());
      }
      return { manifest, rowCounts, verification };
    } finally {
      await database.close();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
