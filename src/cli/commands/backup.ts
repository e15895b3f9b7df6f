import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber } from '../../domain/format/format';
import { BackupError, createBackup, restoreBackup } from '../../services/backup/backup.service';
import { parseConfig } from '../../services/system/config';
import { createLogger } from '../../services/system/logger';
import type { CliIo } from '../io';
import { withRuntime } from './runtime';

function appVersion(): string {
  const file = new URL('../../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * `izis backup <file>`: the database and the uploaded documents in one archive with a manifest and
 * SHA-256 checksums. PostgreSQL is dumped with pg_dump while IZIS runs; the embedded database is opened
 * by this command, so stop the server first (or let the server's scheduled backups do it).
 */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = positionals[0];
  if (!file) {
    io.err('izis backup: expected the archive file, e.g. izis backup izis-2026-12-06.tar.gz');
    return 2;
  }
  try {
    const manifest = await withRuntime(io, (runtime) =>
      createBackup(
        {
          database: runtime.database,
          ownerUrl: runtime.config.databaseOwnerUrl,
          uploadDir: runtime.uploadDir,
          appVersion: appVersion(),
        },
        file,
      ),
    );
    io.out(
      `Đã sao lưu vào ${resolve(file)}: ${Object.keys(manifest.rowCounts).length} bảng, ` +
        `${formatNumber(sum(manifest.rowCounts))} dòng, ${manifest.uploads.length} tài liệu; ` +
        `lược đồ ${manifest.database.schemaVersion}; đầu chuỗi nhật ký seq ${manifest.auditHead.seq} ${manifest.auditHead.hash}.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`izis backup: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * `izis restore <file> [--replace]`: checks every checksum first (a corrupt archive changes nothing), then
 * loads the database into the configured one (PostgreSQL: an empty database; embedded: IZIS_DATA_DIR) and
 * the documents into IZIS_UPLOAD_DIR, compares the row counts with the manifest and verifies the audit chain.
 */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { replace: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file) {
    io.err('izis restore: expected the archive file, e.g. izis restore izis-2026-12-06.tar.gz [--replace]');
    return 2;
  }
  const config = parseConfig(io.env);
  try {
    const result = await restoreBackup(file, {
      target: config.databaseOwnerUrl
        ? { kind: 'postgres', ownerUrl: config.databaseOwnerUrl }
        : { kind: 'pglite', dataDir: resolve(config.dataDir) },
      uploadDir: resolve(config.uploadDir),
      replace: values.replace ?? false,
      log: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    });
    io.out(
      `Đã khôi phục ${resolve(file)} (sao lưu lúc ${result.manifest.createdAt}): ` +
        `${Object.keys(result.rowCounts).length} bảng, ${formatNumber(sum(result.rowCounts))} dòng khớp với bản kê, ` +
        `${result.manifest.uploads.length} tài liệu; nhật ký nguyên vẹn (${formatNumber(result.verification.checked)} dòng, ` +
        `đầu chuỗi seq ${result.verification.head.seq}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`izis restore: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
