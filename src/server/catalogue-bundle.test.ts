import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The public catalogue's first load on a phone (issue 14: < 200 KB of JavaScript, gzip): the catalogue entry
 * of the built web app and every chunk it imports statically — what the browser fetches before the first
 * paint. Lazy chunks (the map) are not counted; MapLibre must be among them, never in the first load.
 */
const webDir = new URL('../../dist/web/', import.meta.url).pathname;
const manifestPath = join(webDir, '.vite', 'manifest.json');
const ENTRY = 'catalogue/index.html';
const BUDGET_BYTES = 200 * 1024;

type ManifestChunk = { file: string; name?: string; imports?: string[]; dynamicImports?: string[] };
type Manifest = Record<string, ManifestChunk>;

function initialChunks(manifest: Manifest): ManifestChunk[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  visit(ENTRY);
  return [...seen].map((key) => manifest[key]!);
}

const built = existsSync(manifestPath);
if (!built) {
  console.warn(
    `catalogue-bundle.test.ts: skipped — ${manifestPath} is absent; run \`npm run build\` (\`npm test\` builds the web first).`,
  );
}

describe.skipIf(!built)('the public catalogue bundle', () => {
  const manifest = built ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : {};

  it('sends less than 200 KB of JavaScript (gzip) on its first load', () => {
    expect(manifest[ENTRY], 'the build has a catalogue entry').toBeDefined();
    const files = initialChunks(manifest).map((chunk) => chunk.file);
    const sizes = files.map((file) => gzipSync(readFileSync(join(webDir, file)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total, `first-load JavaScript: ${files.join(', ')}`).toBeLessThan(BUDGET_BYTES);
  });

  it('loads MapLibre only when the map is opened, and none of the staff app', () => {
    const initial = initialChunks(manifest);
    const names = initial.map((chunk) => `${chunk.name ?? ''} ${chunk.file}`).join(' ');
    expect(names).not.toMatch(/maplibre|antd|echarts/i);
    const lazy = (manifest[ENTRY]?.dynamicImports ?? []).concat(
      ...initial.map((chunk) => chunk.dynamicImports ?? []),
    );
    expect(lazy.some((key) => key.includes('catalogue-map'))).toBe(true);
  });

  it('is served from its own page, not the staff app', () => {
    const html = readFileSync(join(webDir, ENTRY), 'utf8');
    expect(html).toContain(manifest[ENTRY]!.file);
    expect(html).not.toContain(manifest['index.html']?.file ?? '\0');
  });
});
