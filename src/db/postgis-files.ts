import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/**
 * PostGIS for the embedded database, read from disk and compiled on first use (docs/decisions/0030, 0031).
 *
 * The PostGIS package ships one bundle (`postgis.tar.gz`) that PGlite, left to itself, unpacks into its
 * in-memory file system and whose three WebAssembly libraries it compiles every time a database opens. IZIS's
 * schema uses the `postgis` extension only, and most opens never run a PostGIS function. So the files IZIS
 * uses — `postgis-3.so`, the extension's control file and scripts, the PROJ data — are unpacked once per
 * installed package into a directory beside `node_modules` (or in the temporary directory when that is
 * read-only), and each opened database sees them through a mount of that directory: nothing is copied into
 * memory, and PostgreSQL compiles the library the first time a PostGIS function runs.
 */

/** The files of the package's bundle that IZIS uses (paths inside the bundle). */
export function isCorePostgisFile(path: string): boolean {
  if (path === 'lib/postgresql/postgis-3.so') return true;
  if (path.startsWith('share/proj/')) return true;
  const extension = /^share\/postgresql\/extension\/(.+)$/.exec(path)?.[1];
  if (!extension) return false;
  return (
    extension === 'postgis.control' ||
    (extension.startsWith('postgis--') && !extension.includes('unpackaged'))
  );
}

/** Where PGlite's file system shows the unpacked directory. */
const MOUNT = '/izis-postgis';

/**
 * The links that put the unpacked files where PostgreSQL and PROJ look (PGlite's prefix is `/pglite`): each
 * library and extension file, and the PROJ directory as a whole.
 */
export function postgisLinks(files: readonly string[], prefix: string): { link: string; target: string }[] {
  const linked = files.filter((path) => !path.startsWith('share/proj/'));
  return [
    ...linked.map((path) => ({ link: `${prefix}/${path}`, target: `${MOUNT}/${path}` })),
    ...(files.some((path) => path.startsWith('share/proj/'))
      ? [{ link: `${prefix}/share/proj`, target: `${MOUNT}/share/proj` }]
      : []),
  ];
}

const run = promisify(execFile);
/** The unpacked directory and its files, found once per process (every database opened after uses them). */
let pending: Promise<{ root: string; files: string[] } | undefined> | undefined;

/** The unpacked directory, written on first use; undefined when no candidate place is writable. */
async function unpackedCore(): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(require.resolve('@electric-sql/pglite-postgis')));
  const source = join(packageDir, 'dist', 'postgis.tar.gz');
  const { version } = require(join(packageDir, 'package.json')) as { version: string };
  const name = `postgis-core-${version}-${statSync(source).size}`;
  const candidates = [join(dirname(dirname(packageDir)), '.cache', 'izis'), join(tmpdir(), 'izis-cache')];
  for (const dir of candidates) {
    const target = join(dir, name);
    if (existsSync(target)) return target;
    try {
      mkdirSync(dir, { recursive: true });
      const work = mkdtempSync(join(dir, 'postgis-'));
      try {
        await run('tar', ['-xzf', source, '-C', work, '--no-same-owner']);
        for (const path of walk(work)) if (!isCorePostgisFile(path)) rmSync(join(work, path));
        // Rename is atomic: a process reading the cache sees the whole directory or none. A concurrent
        // first open may have renamed its own copy first; then that one is used.
        try {
          renameSync(work, target);
        } catch (error) {
          if (!existsSync(target)) throw error;
        }
        removeStale(dir, name);
        return target;
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    } catch {
      // Not writable here (a read-only installation): the next place.
    }
  }
  return undefined;
}

/** Copies written for an earlier package version or layout (a trimmed `.tar.gz` before ADR 0031): never read again. */
function removeStale(dir: string, current: string) {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('postgis-core-') && entry !== current)
      rmSync(join(dir, entry), { recursive: true, force: true });
  }
}

/** The paths under `root` of its files and links. */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(root, path);
    return [relative(root, path)];
  });
}

type EmscriptenFs = {
  filesystems: Record<string, unknown>;
  mkdir(path: string): void;
  mkdirTree(path: string): void;
  mount(type: unknown, options: { root: string }, mountpoint: string): void;
  symlink(target: string, link: string): void;
  analyzePath(path: string): { exists: boolean };
};
type EmscriptenModule = { FS: EmscriptenFs; WASM_PREFIX: string };

/** The `postgis` extension for PGlite, with the files IZIS uses read from the unpacked directory. */
export const postgisCore: Extension = {
  name: 'postgis',
  async setup(pg, emscriptenOptions) {
    const setup = await postgis.setup(pg, emscriptenOptions);
    pending ??= unpackedCore().then((root) => (root ? { root, files: walk(root) } : undefined));
    const unpacked = await pending;
    // Nowhere writable: the package's own bundle, unpacked into memory and compiled at every open.
    if (!unpacked) return setup;
    const { root, files } = unpacked;
    const options = setup.emscriptenOpts as { preRun?: unknown[]; postRun?: unknown[] };
    return {
      emscriptenOpts: {
        ...options,
        preRun: [
          ...(options.preRun ?? []),
          (module: EmscriptenModule) => {
            module.FS.mkdir(MOUNT);
            module.FS.mount(module.FS.filesystems.NODEFS, { root }, MOUNT);
          },
        ],
        postRun: [
          ...(options.postRun ?? []),
          (module: EmscriptenModule) => {
            for (const { link, target } of postgisLinks(files, module.WASM_PREFIX)) {
              if (module.FS.analyzePath(link).exists) continue;
              module.FS.mkdirTree(dirname(link));
              module.FS.symlink(target, link);
            }
          },
        ],
      },
    };
  },
};
