import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';

/**
 * Uploaded files on local disk, content-addressed: a file is stored once under its SHA-256
 * (`<dir>/sha256/ab/abcdef…`), however many documents refer to it, and never removed — a withdrawn
 * document keeps its file. A write goes to `<dir>/.incoming/` first and is renamed into place only when
 * complete and synced, so a crash never leaves half a file under a hash.
 */
export type DocumentStore = {
  readonly dir: string;
  readonly maxBytes: number;
  /** Stores the bytes (once); `created` is false when an identical file was already there. */
  put(data: Uint8Array): Promise<{ sha256: string; sizeBytes: number; created: boolean }>;
  /** The stored file as a stream, or null when it is missing from the disk. */
  read(sha256: string): Promise<{ stream: ReadableStream<Uint8Array>; sizeBytes: number } | null>;
};

export type DocumentStoreSettings = { dir: string; maxBytes: number };

const HASH = /^[0-9a-f]{64}$/;

export function createDocumentStore(settings: DocumentStoreSettings): DocumentStore {
  const { dir, maxBytes } = settings;
  const pathOf = (sha256: string) => {
    if (!HASH.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(dir, 'sha256', sha256.slice(0, 2), sha256);
  };
  const sizeOf = async (path: string) => {
    try {
      return (await stat(path)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };

  return {
    dir,
    maxBytes,
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const target = pathOf(sha256);
      // Same hash and same size: the very same file (a SHA-256 collision is not a practical concern).
      if ((await sizeOf(target)) === data.byteLength)
        return { sha256, sizeBytes: data.byteLength, created: false };
      const incoming = join(dir, '.incoming');
      await mkdir(incoming, { recursive: true });
      await mkdir(join(dir, 'sha256', sha256.slice(0, 2)), { recursive: true });
      const temp = join(incoming, `${sha256}.${randomBytes(6).toString('hex')}`);
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temp, target);
      return { sha256, sizeBytes: data.byteLength, created: true };
    },
    async read(sha256) {
      const path = pathOf(sha256);
      const size = await sizeOf(path);
      if (size === null) return null;
      return {
        stream: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
        sizeBytes: size,
      };
    },
  };
}
