import { describe, expect, it } from 'vitest';
import { backupsToPrune, scheduledBackupName, scheduledBackupPattern } from './backup.schema';

describe('scheduled backups', () => {
  it('are named by their UTC time, so names sort by age', () => {
    const name = scheduledBackupName(new Date('2026-12-06T03:04:05.678Z'));
    expect(name).toBe('izis-backup-20261206-030405.tar.gz');
    expect(scheduledBackupPattern.test(name)).toBe(true);
  });

  it('keep the newest ones and never touch other files in the folder', () => {
    const names = [
      'izis-backup-20261203-000000.tar.gz',
      'notes.txt',
      'izis-backup-20261205-000000.tar.gz',
      'izis-backup-20261201-000000.tar.gz',
      'izis-backup-20261204-000000.tar.gz.partial',
      'my-manual-backup.tar.gz',
    ];
    expect(backupsToPrune(names, 2)).toEqual(['izis-backup-20261201-000000.tar.gz']);
    expect(backupsToPrune(names, 1)).toEqual([
      'izis-backup-20261201-000000.tar.gz',
      'izis-backup-20261203-000000.tar.gz',
    ]);
    expect(backupsToPrune(names, 10)).toEqual([]);
  });
});
