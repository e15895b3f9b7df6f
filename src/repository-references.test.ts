import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: every path a tracked text file names — `docs/…`, `src/…`, `scripts/…`,
 * `e2e/…`, `bench/…`, a decision by number (`docs/decisions/0017`), a path under `src/` written without it
 * (`services/zone/zone.repository.ts`, as docs/architecture.md does), a relative markdown link — exists, and
 * nothing points outside the repository (a `../shared/…` of a parent checkout).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scanned = /\.(md|ts|tsx|sql|sh|mjs|json)$/;
/** Generated data and lock files: their strings are not references. */
// This file is skipped too: its own examples name paths that do not exist on purpose.
const skipped = [/^package-lock\.json$/, /^src\/db\/seed\/data\//, /^src\/repository-references\.test\.ts$/];
/** The folders under src/ a text may name without the `src/` prefix. */
const srcFolders = ['domain', 'db', 'services', 'server', 'cli', 'web'];

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
  } catch {
    // Not a git checkout (an unpacked archive): every file outside dependencies and build output.
    const walk = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (['node_modules', '.git', 'dist'].includes(entry.name)) return [];
        return entry.isDirectory() ? walk(relative) : [relative];
      });
    return walk('');
  }
}

export type DanglingReference = { file: string; line: number; reference: string; why: string };

const token = String.raw`[A-Za-z0-9_.@\-]+(?:/[A-Za-z0-9_.@\-]+)*/?`;
const rooted = new RegExp(
  String.raw`(?<![A-Za-z0-9_.@/\-])((?:docs|src|scripts|e2e|bench|decisions|${srcFolders.join('|')})/${token})`,
  'g',
);
const markdownLink = /\]\((?!https?:|mailto:|#)([^)\s]+)\)/g;
const outside = /(?<![A-Za-z0-9_.\-/])((?:\.\.\/)+[A-Za-z0-9_.@\-/]+)/g;

/** Placeholders and patterns, not paths: `routes/<module>/`, `src/**\/*.ts`, `e2e/x.e2e.test.ts`. */
const isPattern = (reference: string, after: string) =>
  /[*<>{}$…]/.test(reference) || /^\/?[*<{$…]/.test(after);
/** A document named by its file name alone (`LEGAL-FORMS.md`): some tracked file has that name. */
const bareDocument = /(?<![A-Za-z0-9_.@/-])([A-Z][A-Z0-9_-]*\.md)\b/g;
/** Where the code writes its output (created at run time, not part of the tree). */
const outputs = ['bench/results'];
let names: Set<string> | undefined;
const trackedNames = () => (names ??= new Set(trackedFiles().map((f) => path.posix.basename(f))));

function exists(relative: string): boolean {
  const clean = relative.replace(/[.,;:]+$/, '').replace(/\/$/, '');
  return existsSync(path.join(root, clean));
}

/** A decision named by its number alone (`docs/decisions/0017`) is the record whose file starts with it. */
function decisionExists(number: string): boolean {
  return readdirSync(path.join(root, 'docs/decisions')).some((name) => name.startsWith(`${number}-`));
}

function resolveRooted(reference: string, file: string): string | null {
  const clean = reference.replace(/[.,;:]+$/, '');
  if (outputs.some((o) => clean === o || clean.startsWith(`${o}/`))) return null;
  const decision = /^(?:docs\/)?decisions\/(\d{4})(?:-[^/]*)?$/.exec(clean);
  if (decision) {
    if (/\.md$/.test(clean))
      return exists(clean.startsWith('docs/') ? clean : `docs/${clean}`) ? null : 'no such file';
    return decisionExists(decision[1]!) ? null : `no decision ${decision[1]}`;
  }
  const [first] = clean.split('/');
  if (['docs', 'scripts', 'e2e', 'bench'].includes(first!)) return exists(clean) ? null : 'no such file';
  if (first === 'src') return exists(clean) ? null : 'no such file';
  if (first === 'decisions') return exists(`docs/${clean}`) ? null : 'no such file';
  // `services/zone/…` written under src/, or a path relative to the file (a sibling folder of the same name).
  const candidates = [`src/${clean}`, path.posix.join(path.posix.dirname(file), clean)];
  // Only a path that names a file (has an extension) or ends with `/` is a claim the folder exists.
  if (!/\.[a-z]{1,5}$/.test(clean) && !reference.endsWith('/')) return null;
  return candidates.some(exists) ? null : 'no such file';
}

/** The dangling references of one file's text (`file` is its path from the repository's root). */
export function scanText(file: string, content: string): DanglingReference[] {
  const found: DanglingReference[] = [];
  content.split('\n').forEach((text, index) => {
    const report = (reference: string, why: string) => {
      const seen = found.some((d) => d.line === index + 1 && d.reference === reference && d.why === why);
      if (!seen) found.push({ file, line: index + 1, reference, why });
    };
    // An import specifier is checked by the type checker; only where it leads (outside the repository) here.
    const isImport = /^\s*(import|export)\b.*\bfrom\s+['"]|^\s*import\s+['"]|\bimport\(['"]/.test(text);
    if (!isImport) {
      for (const match of text.matchAll(rooted)) {
        const reference = match[1]!;
        if (isPattern(reference, text.slice(match.index + match[0].length))) continue;
        // A URL's path (`https://host/docs/x`) is not the repository's.
        if (/[a-z]:\/\/\S*$/i.test(text.slice(0, match.index))) continue;
        const why = resolveRooted(reference, file);
        if (why) report(reference, why);
      }
    }
    for (const match of text.matchAll(bareDocument)) {
      if (!trackedNames().has(match[1]!)) report(match[1]!, 'no such document');
    }
    if (file.endsWith('.md')) {
      for (const match of text.matchAll(markdownLink)) {
        const target = match[1]!.split('#')[0]!;
        if (!target || isPattern(target, '')) continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
        if (resolved.startsWith('../')) report(target, 'outside the repository');
        else if (!exists(resolved)) report(target, 'no such file');
      }
    }
    for (const match of text.matchAll(outside)) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!));
      if (resolved.startsWith('../')) report(match[1]!, 'outside the repository');
    }
  });
  return found;
}

export function danglingReferences(files: string[] = trackedFiles()): DanglingReference[] {
  return files
    .filter((file) => scanned.test(file) && !skipped.some((s) => s.test(file)))
    .filter((file) => existsSync(path.join(root, file)))
    .flatMap((file) => scanText(file, readFileSync(path.join(root, file), 'utf8')));
}

describe('references inside the repository', () => {
  it('every path a tracked text file names exists, and none leads outside the repository', () => {
    const dangling = danglingReferences().map((d) => `${d.file}:${d.line} ${d.reference} (${d.why})`);
    expect(dangling).toEqual([]);
  });

  it('names each missing file, unknown decision and way out of the repository, and passes real ones', () => {
    const text = [
      'See docs/decisions/0012-type-inference.md and docs/decisions/0099, then docs/decisions/0017.',
      'The rule is in services/zone/zone.repository.ts, not services/zone/nowhere.ts (src/domain/nope.ts).',
      'Run scripts/system-deps.sh; the [guide](ENGINEERING.md), the [old notes](../../shared/notes.md).',
      'The forms are in LEGAL-FORMS.md, the rest in NOPE-FORMS.md; results go to bench/results/<date>.json.',
      'Patterns are not paths: src/**/*.db.test.ts, routes/<module>/, https://example.org/docs/x.md.',
    ].join('\n');
    expect(scanText('docs/example.md', text).map((d) => `${d.line} ${d.reference} ${d.why}`)).toEqual([
      '1 docs/decisions/0012-type-inference.md no such file',
      '1 docs/decisions/0099 no decision 0099',
      '2 services/zone/nowhere.ts no such file',
      '2 src/domain/nope.ts no such file',
      '3 ../../shared/notes.md outside the repository',
      '4 NOPE-FORMS.md no such document',
    ]);
  });
});
