/**
 * The leaders' view at a generated scale: the dashboard (kept while the data version holds, and measured
 * also on the first load after a write, when it is computed afresh), the analysis of one
 * indicator over ten years, and the quarterly briefing's Word document (figures over the period, the same
 * period last year and the year to date, through the capital service, the registry and accepted reports).
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client';
import { scratchDatabase, startIzis } from '../e2e/harness';
import { generate, type ScaleName } from './generate';
import { idle, latency, latencyAfterWrite, round, rows, signIn, writeProbe, type Session } from './lib';

const DASHBOARD_MS = 150;
const ANALYSIS_MS = 300;
const BRIEFING_MS = 5000;
const COUNT = Number(process.env.BENCH_LEADERS_REQUESTS ?? 60);

async function record(
  label: { database: string; scale: string },
  url: string,
  session: Session,
  metric: string,
  path: string,
  count: number,
  targetMs: number,
) {
  const r = await latency(url, path, session.cookie, count);
  console.log(
    `  [${label.database} ${label.scale}] ${metric}: p50 ${round(r.p50)} ms, p95 ${round(r.p95)} ms`,
  );
  rows.push({ ...label, metric: `${metric} p50`, value: round(r.p50), unit: 'ms' });
  rows.push({
    ...label,
    metric: `${metric} p95`,
    value: round(r.p95),
    unit: 'ms',
    target: `< ${targetMs} ms`,
    met: r.p95 < targetMs,
  });
}

export async function leaders(
  scale: ScaleName,
  databaseUrl: string | undefined,
  databases?: ('embedded' | 'postgres')[],
) {
  const which = databases ?? (databaseUrl ? ['embedded', 'postgres'] : ['embedded']);
  for (const database of which) {
    const label = { database, scale };
    const pgUrl = database === 'postgres' ? await scratchDatabase(databaseUrl!, 'bench_leaders') : null;
    const first = await startIzis({ databaseUrl: pgUrl });
    await first.stop();
    const db = await (pgUrl
      ? openPostgres(pgUrl)
      : openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir }));
    try {
      const data = await generate(db, scale, undefined, { log: (m) => console.log(`  [${database}] ${m}`) });
      rows.push({
        ...label,
        metric: `generate ${data.zones} zones, ${data.projects} projects, ${data.investmentEvents} ledger events`,
        value: round(data.ms / 1000),
        unit: 's',
      });
    } finally {
      await db.close();
    }
    const izis = await startIzis({ dataDir: first.dataDir, databaseUrl: pgUrl, ready: true });
    try {
      await idle();
      const session = await signIn(izis.url);
      await record(
        label,
        izis.url,
        session,
        'GET /api/dashboard (kept while the data version holds)',
        '/api/dashboard',
        COUNT,
        DASHBOARD_MS,
      );
      await record(
        label,
        izis.url,
        session,
        'GET /api/analysis (capital attracted, 10 years by year)',
        '/api/analysis?indicator=capital_attracted_usd&from=2017-01-01&to=2026-12-31&step=year&by=none',
        COUNT,
        ANALYSIS_MS,
      );
      await record(
        label,
        izis.url,
        session,
        'GET /api/analysis (occupancy, 10 years by former district)',
        '/api/analysis?indicator=occupancy_pct&from=2017-01-01&to=2026-12-31&step=year&by=former_district',
        COUNT,
        ANALYSIS_MS,
      );
      // The same pages right after a change (a comment on an obstacle): what the first reader after any write
      // waits while the figures are computed afresh.
      const write = await writeProbe(izis.url, session);
      for (const [metric, path, target] of [
        ['GET /api/dashboard, first load after a write', '/api/dashboard', DASHBOARD_MS],
        [
          'GET /api/analysis (capital attracted, 10 years), first load after a write',
          '/api/analysis?indicator=capital_attracted_usd&from=2017-01-01&to=2026-12-31&step=year&by=none',
          ANALYSIS_MS,
        ],
        [
          'GET /api/analysis (occupancy, 10 years by former district), first load after a write',
          '/api/analysis?indicator=occupancy_pct&from=2017-01-01&to=2026-12-31&step=year&by=former_district',
          ANALYSIS_MS,
        ],
      ] as const) {
        const r = await latencyAfterWrite(izis.url, path, session.cookie, write, 20);
        console.log(`  [${database} ${scale}] ${metric}: p50 ${round(r.p50)} ms, p95 ${round(r.p95)} ms`);
        rows.push({ ...label, metric: `${metric} p50`, value: round(r.p50), unit: 'ms' });
        rows.push({
          ...label,
          metric: `${metric} p95 (for information; target ${target} ms is for a load)`,
          value: round(r.p95),
          unit: 'ms',
        });
      }
      const created = await fetch(`${izis.url}/api/briefings`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify({ scope: 'city', from: '2026-01-01', to: '2026-09-30' }),
      });
      if (!created.ok) throw new Error(`create briefing: ${created.status} ${await created.text()}`);
      const { id } = (await created.json()) as { id: string };
      await record(
        label,
        izis.url,
        session,
        'GET /api/briefings/{id}/export.docx (city, 9 months)',
        `/api/briefings/${id}/export.docx`,
        10,
        BRIEFING_MS,
      );
    } catch (error) {
      console.error(izis.output().slice(-4000));
      throw error;
    } finally {
      await izis.stop();
      if (process.env.BENCH_KEEP !== '1') {
        if (pgUrl) {
          const admin = new pg.Client({ connectionString: databaseUrl });
          await admin.connect();
          await admin.query(`DROP DATABASE IF EXISTS "${new URL(pgUrl).pathname.slice(1)}" WITH (FORCE)`);
          await admin.end();
        } else rmSync(first.dataDir, { recursive: true, force: true });
      }
    }
  }
}
