import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupsToPrune, scheduledBackupName } from '../../domain/backup/backup.schema';
import { systemClock, type Clock } from '../deps';
import { startIntervalJob, type ExclusiveRunner } from '../system/interval-job';
import type { Logger } from '../system/logger';
import { createBackup, type BackupSource } from './backup.service';

export type BackupTimerOptions = {
  source: BackupSource;
  log: Logger;
  clock?: Clock;
  /** Where scheduled backups go (IZIS_BACKUP_DIR). */
  dir: string;
  /** Hours between backups (IZIS_BACKUP_INTERVAL_HOURS); 0 disables the timer. */
  intervalHours: number;
  /** How many scheduled backups to keep (IZIS_BACKUP_KEEP); older ones are deleted after a good backup. */
  keep: number;
  /** One backup at a time across the IZIS processes on the database. */
  exclusive?: ExclusiveRunner;
};

/**
 * One scheduled backup: a new archive named by the time, then the oldest scheduled archives beyond
 * `keep` are deleted (only files named like scheduled backups; never before the new one is complete).
 */
export async function runScheduledBackup(
  options: Omit<BackupTimerOptions, 'intervalHours'>,
): Promise<string> {
  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, scheduledBackupName((options.clock ?? systemClock).now()));
  const manifest = await createBackup(options.source, file);
  for (const old of backupsToPrune(await readdir(options.dir), options.keep)) {
    await rm(join(options.dir, old), { force: true });
  }
  options.log.info(
    { file, auditSeq: manifest.auditHead.seq, documents: manifest.uploads.length },
    'scheduled backup written',
  );
  return file;
}

/**
 * Runs backups in the server process every `intervalHours`, the first one interval after start
 * (`startIntervalJob`: never overlapping). Returns a function that stops the timer and waits for a run in
 * progress.
 */
export function startBackupTimer(options: BackupTimerOptions): () => Promise<void> {
  return startIntervalJob({
    name: 'backups',
    everyMs: options.intervalHours * 3_600_000,
    log: options.log,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
    run: async () => {
      await runScheduledBackup(options);
    },
  });
}
