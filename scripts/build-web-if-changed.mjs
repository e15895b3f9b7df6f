#!/usr/bin/env node
// `npm start` runs this before serving: it builds the web app only when its inputs changed since the last
// build (issue 10: an unchanged checkout restarts in seconds, not after a 20 s rebuild). The inputs are
// everything Vite reads — the web sources, the domain code they import, the build configuration and the
// locked dependency versions — hashed by content; the hash of the last successful build is kept beside it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.inputs-sha256');
const inputs = [
  'src/web',
  'src/domain',
  'vite.config.ts',
  'tsconfig.web.json',
  'tsconfig.base.json',
  'package-lock.json',
  '.env',
  '.env.production',
];

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(path, entry.name))
      : /\.test\.tsx?$/.test(entry.name)
        ? []
        : [join(full, entry.name)],
  );
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files).sort()) {
  hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
// VITE_* variables change the bundle too.
for (const [key, value] of Object.entries(process.env).sort()) {
  if (key.startsWith('VITE_')) hash.update(`${key}=${value}\0`);
}
const digest = hash.digest('hex');

const built = existsSync(join(outDir, 'index.html')) && existsSync(stampFile);
if (built && readFileSync(stampFile, 'utf8').trim() === digest) {
  process.stderr.write('  Web app unchanged since its last build (dist/web): not rebuilding.\n');
  process.exit(0);
}
process.stderr.write('  Building the web app (its sources changed since the last build)…\n');
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stampFile, `${digest}\n`);
