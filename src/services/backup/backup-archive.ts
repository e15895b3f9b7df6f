import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { BackupFile } from '../../domain/backup/backup.schema';

const run = promisify(execFile);

/** A backup or restore that cannot go on; the message says why and what to do (Vietnamese, then English). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Runs a command-line tool (tar, pg_dump, pg_restore); its error output becomes the message. */
export async function tool(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new BackupError(
        `Không tìm thấy chương trình ${command} (${command} not found) — scripts/system-deps.sh cài đặt nó.`,
      );
    }
    throw new BackupError(`${command}: ${(e.stderr || e.message).trim()}`);
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeFile(root: string, path: string): Promise<BackupFile> {
  const full = join(root, path);
  return { path, bytes: (await stat(full)).size, sha256: await sha256File(full) };
}

/** Every regular file under `root`, as forward-slash paths relative to it; `skip` names top folders to leave out. */
export async function listFiles(root: string, skip: readonly string[] = []): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !skip.some((top) => path === top || path.startsWith(`${top}/`)))
    .sort();
}

/** Places a file at `to` without doubling the disk when both are on one file system (hard link), else copies. */
export async function placeFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

export async function packArchive(dir: string, file: string): Promise<void> {
  await tool('tar', ['-czf', file, '-C', dir, '.']);
}

export async function unpackArchive(file: string, dir: string): Promise<void> {
  try {
    await tool('tar', ['-xzf', file, '-C', dir, '--no-same-owner']);
  } catch (error) {
    throw new BackupError(
      `Tệp sao lưu ${file} bị hỏng hoặc không phải bản sao lưu IZIS; không khôi phục gì (the archive cannot be read: ${(error as Error).message})`,
    );
  }
}
