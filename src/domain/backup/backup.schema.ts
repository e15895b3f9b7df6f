import { z } from 'zod';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One file inside a backup archive, with its SHA-256. */
export const backupFileSchema = z.object({
  path: z.string().min(1),
  bytes: z.number().int().min(0),
  sha256,
});
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * manifest.json of an IZIS backup archive (`izis backup`): what was saved, from which versions, and how to
 * check it. manifest.sha256 beside it holds the manifest's own SHA-256.
 */
export const backupManifestSchema = z.object({
  format: z.literal('izis-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  app: z.object({ version: z.string() }),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    /** `select version()` of the database that was saved. */
    serverVersion: z.string(),
    /** Tag of the last applied migration. */
    schemaVersion: z.string(),
    /** pg_dump's custom format (PostgreSQL) or PGlite's data-directory tarball. */
    file: backupFileSchema,
  }),
  /** Rows per table ("schema.table"), counted in the same snapshot as the dump. */
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  auditHead: z.object({ seq: z.number().int().min(0), hash: sha256 }),
  /** The uploaded documents (paths relative to IZIS_UPLOAD_DIR, stored under uploads/ in the archive). */
  uploads: z.array(backupFileSchema),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Scheduled backups are named so that retention can find them, and sort by time. */
export const scheduledBackupPattern = /^izis-backup-\d{8}-\d{6}\.tar\.gz$/;

export function scheduledBackupName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-06T12:34:56.789Z
  return `izis-backup-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}.tar.gz`;
}

/** The scheduled backups to delete so that only the newest `keep` remain. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const backups = names.filter((name) => scheduledBackupPattern.test(name)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}
