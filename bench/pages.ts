/**
 * Pages as a user meets them (issue 10), in Debian's Chromium on city-scale data: from navigation start to
 * the page's content shown — the zone list's first row, a zone page's overview, the reports home's period
 * choice and status table — for the zone list, random zone pages and the reports home, signed in as the
 * administrator (the whole city). Target: p95 < 1 s on a quiet machine. Also `npm start` on an unchanged
 * checkout: the web build check plus a start on existing data (target < 5 s).
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { openPglite, openPostgres } from '../src/db/client';
import { openBrowser, scratchDatabase, signIn, startIzis, type RunningIzis } from '../e2e/harness';
import { generate, type ScaleName } from './generate';
import { idle, percentile, round, rows } from './lib';

const PAGE_MS = 1000;
const START_S = 5;
const VISITS = Number(process.env.BENCH_PAGE_VISITS ?? 30);

/**
 * Installed in every page before its scripts: notes when the content (`selector`, set per visit) is first in
 * the document with a size, at the next animation frame after the change that added it — when the browser
 * paints it. Playwright's own wait polls (at 20, 50, 100 ms, then every 500 ms), so the time it returns adds
 * up to half a second that the user does not wait; the page's own clock does not.
 */
const watchContent = `
  new MutationObserver(() => {
    if (window.__contentShownAt !== undefined || !window.__contentSelector) return;
    const element = document.querySelector(window.__contentSelector);
    if (!element) return;
    requestAnimationFrame(() => {
      if (window.__contentShownAt === undefined && element.getBoundingClientRect().height > 0)
        window.__contentShownAt = performance.now();
    });
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Navigation start → the content (`selector`) shown, `VISITS` times after 3 unmeasured, each a full page
 * load, timed by the page itself (`watchContent`).
 */
async function pageLoads(page: Page, url: (i: number) => string, selector: string) {
  const times: number[] = [];
  for (let i = 0; i < VISITS + 3; i++) {
    await page.goto(url(i), { waitUntil: 'commit' });
    await page.evaluate((s) => {
      (globalThis as unknown as { __contentSelector?: string }).__contentSelector = s;
    }, selector);
    await page.locator(selector).first().waitFor();
    const ms = await page.waitForFunction(
      () => (globalThis as unknown as { __contentShownAt?: number }).__contentShownAt,
    );
    if (i >= 3) times.push((await ms.jsonValue()) as number);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measurePages(
  label: { database: string; scale: string },
  izis: RunningIzis,
  zoneCodes: string[],
) {
  await idle();
  const loadBefore = round(loadavg()[0]!);
  const context = await openBrowser();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchContent });
    await signIn(page, izis.url, 'admin');
    const cases: [string, (i: number) => string, string][] = [
      ['zone list (/zones)', () => `${izis.url}/zones`, '.ant-table-row'],
      [
        'zone page (/zones/{code}, random zones)',
        (i) => `${izis.url}/zones/${encodeURIComponent(zoneCodes[(i * 7919) % zoneCodes.length]!)}`,
        '[data-testid="zone-overview"]',
      ],
      ['reports home (/reports)', () => `${izis.url}/reports`, '.ant-table-row'],
    ];
    for (const [name, url, ready] of cases) {
      const r = await pageLoads(page, url, ready);
      console.log(
        `  [${label.database} ${label.scale}] ${name}: p50 ${round(r.p50)} ms, p95 ${round(r.p95)} ms`,
      );
      rows.push({
        ...label,
        metric: `Chromium: ${name}, navigation start → content, p50`,
        value: round(r.p50),
        unit: 'ms',
      });
      rows.push({
        ...label,
        metric: `Chromium: ${name}, navigation start → content, p95`,
        value: round(r.p95),
        unit: 'ms',
        target: `< ${PAGE_MS} ms`,
        met: r.p95 < PAGE_MS,
      });
    }
  } finally {
    await context.close();
  }
  rows.push({
    ...label,
    metric: 'load average (1 min) before / after',
    value: NaN,
    unit: `${loadBefore} / ${round(loadavg()[0]!)}`,
  });
}

/** `npm start` on an unchanged checkout: the build check, then the server on existing data. */
async function restart(label: { database: string; scale: string }, start: () => Promise<RunningIzis>) {
  const t = performance.now();
  const check = spawnSync(process.execPath, ['scripts/build-web-if-changed.mjs'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`build check failed: ${check.stderr}`);
  const checkMs = performance.now() - t;
  const izis = await start();
  const total = (checkMs + izis.startMs) / 1000;
  console.log(
    `  [${label.database} ${label.scale}] npm start, unchanged checkout: ${round(total)} s (build check ${round(checkMs / 1000)} s)`,
  );
  rows.push({
    ...label,
    metric: `npm start on an unchanged checkout (build check ${round(checkMs / 1000)} s + start on the generated data)`,
    value: round(total),
    unit: 's',
    target: `< ${START_S} s`,
    met: total < START_S,
  });
  return izis;
}

export async function pages(
  scale: ScaleName,
  databaseUrl: string | undefined,
  databases: ('embedded' | 'postgres')[] = ['embedded', 'postgres'],
) {
  for (const database of databases) {
    if (database === 'postgres' && !databaseUrl) continue;
    const label = { database, scale };
    const pgUrl =
      database === 'postgres' ? await scratchDatabase(databaseUrl!, `bench_pages_${scale}`) : null;
    const first = await startIzis({ databaseUrl: pgUrl });
    await first.stop();
    const db = await (pgUrl
      ? openPostgres(pgUrl)
      : openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir }));
    let zoneCodes: string[];
    try {
      await generate(db, scale, undefined, { log: (m) => console.log(`  [${database}] ${m}`) });
      zoneCodes = (await db.query<{ code: string }>(`select code from zone order by code`)).map(
        (r) => r.code,
      );
    } finally {
      await db.close();
    }
    // The first start after the load warms the files the restart then reads, as on a server in use.
    const warm = await startIzis({ dataDir: first.dataDir, databaseUrl: pgUrl, ready: true });
    await warm.stop();
    const izis = await restart(label, () => startIzis({ dataDir: first.dataDir, databaseUrl: pgUrl }));
    try {
      await measurePages(label, izis, zoneCodes);
    } finally {
      await izis.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }
}
