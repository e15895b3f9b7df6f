import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/**
 * PostGIS for the embedded database without what IZIS never uses (docs/decisions/0030).
 *
 * The PostGIS package's bundle carries three WebAssembly libraries — postgis-3 (16.9 MB), postgis_raster-3
 * (16.0 MB) and postgis_topology-3 (15.4 MB) — and PGlite compiles every library of a bundle each time it opens a
 * database. IZIS's schema uses the `postgis` extension only, so the bundle it loads keeps that library, its
 * extension scripts and the PROJ data: 1.3 s less per open (every command-line command, every restart, every
 * test file) and ~200 MB less memory. The trimmed bundle is written once per installed PostGIS package, beside
 * `node_modules` (or in the temporary directory when that is read-only), by the system's `tar`.
 */

/** The files of the package's bundle that IZIS loads (paths inside the bundle). */
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

const run = promisify(execFile);
let pending: Promise<URL> | undefined;

async function writeCoreBundle(): Promise<URL> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(require.resolve('@electric-sql/pglite-postgis')));
  const source = join(packageDir, 'dist', 'postgis.tar.gz');
  const { version } = require(join(packageDir, 'package.json')) as { version: string };
  const name = `postgis-core-${version}-${statSync(source).size}.tar.gz`;
  const candidates = [join(dirname(dirname(packageDir)), '.cache', 'izis'), join(tmpdir(), 'izis-cache')];
  for (const dir of candidates) {
    const target = join(dir, name);
    if (existsSync(target)) return pathToFileURL(target);
    try {
      mkdirSync(dir, { recursive: true });
      const work = mkdtempSync(join(dir, 'postgis-'));
      try {
        const files = join(work, 'files');
        mkdirSync(files);
        await run('tar', ['-xzf', source, '-C', files, '--no-same-owner']);
        const list = join(work, 'kept.txt');
        writeFileSync(list, `${walk(files).filter(isCorePostgisFile).join('\n')}\n`);
        const partial = join(work, 'bundle.tar.gz');
        await run('tar', ['-czf', partial, '-C', files, '--no-recursion', '-T', list]);
        // Rename is atomic: a process reading the cache sees the whole bundle or none.
        renameSync(partial, target);
        return pathToFileURL(target);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    } catch {
      // Not writable here (a read-only installation): the next place.
    }
  }
  return new URL('postgis.tar.gz', pathToFileURL(join(packageDir, 'dist', 'index.js')));
}

/** The paths under `root` of its files and links. */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(root, path);
    return [relative(root, path)];
  });
}

/** The `postgis` extension for PGlite, loading the trimmed bundle. */
export const postgisCore: Extension = {
  name: 'postgis',
  async setup(pg, emscriptenOptions) {
    const setup = await postgis.setup(pg, emscriptenOptions);
    pending ??= writeCoreBundle();
    return { ...setup, bundlePath: await pending };
  },
};
