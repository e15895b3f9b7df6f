import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

/** Runs `izis serve` as a real process and collects what it says before it stops. */
function serve(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/izis.mjs', 'serve'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        IZIS_LOG_LEVEL: 'error',
        ...env,
      },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up with bad configuration', () => {
  it('stops on a malformed PORT, naming the setting, before touching the data directory', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'izis-')), 'data');
    const result = await serve({ PORT: 'ba nghìn', IZIS_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('IZIS cannot start');
    expect(result.stderr).toContain('PORT="ba nghìn"');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('stops on an unwritable data directory, naming IZIS_DATA_DIR', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'izis-')), 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await serve({ IZIS_DATA_DIR: join(file, 'data'), PORT: '39998' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/IZIS_DATA_DIR: the directory .* cannot be written/);
  });

  it('stops on an unwritable upload directory, naming IZIS_UPLOAD_DIR', async () => {
    const base = mkdtempSync(join(tmpdir(), 'izis-'));
    const file = join(base, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await serve({
      IZIS_DATA_DIR: join(base, 'data'),
      IZIS_UPLOAD_DIR: join(file, 'uploads'),
      PORT: '39997',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/IZIS_UPLOAD_DIR: the directory .* cannot be written/);
  });

  it('stops on an unreachable DATABASE_URL, naming it without the password, and creates no database', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'izis-')), 'data');
    const result = await serve({
      DATABASE_URL: 'postgres://izis:bi-mat@127.0.0.1:1/izis',
      IZIS_DATA_DIR: dataDir,
      PORT: '39998',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: cannot connect to postgres://izis:***@127.0.0.1:1/izis');
    expect(result.stderr).not.toContain('bi-mat');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });
});
