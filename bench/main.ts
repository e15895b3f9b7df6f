/**
 * `npm run bench` — benchmarks on this machine, against the app as `npm start` runs it.
 *
 *   foundation (bench/foundation.ts): start-up, idle memory, the shell's endpoints on the demo database
 *   registry   (bench/registry.ts):   zones, map, occupancy, capital, import on generated data
 *   plan       (bench/plan.ts):       the plan page (targets live, drill-down, Decree 32 gates) at city scale
 *   inspection (bench/inspection.ts): the monitoring watch sources (schedule, commitments, inspections) at city
 *                                     scale: 250 zones, 10,000 inspections over ten years
 *   monitoring (bench/monitoring.ts): watch list, obstacles, counts with 5,000 obstacles (city scale)
 *   reporting  (bench/reporting.ts):  Biểu 04, completeness, 200 concurrent submitters, acceptances read live
 *                                     (city scale; --scale national: the national registry, one year of history)
 *   leaders    (bench/leaders.ts):    dashboard, analysis over ten years, the briefing's Word document
 *   pages      (bench/pages.ts):      pages in Chromium (navigation start → content) and `npm start` restart
 *   upload     (bench/upload.ts):     /api/health and the server's memory while a 1,000,000-row file is uploaded
 *   catalogue  (bench/catalogue.ts):  500 concurrent anonymous readers of the public catalogue for 60 s (city scale)
 *   mixed      (bench/mixed.ts):      300 signed-in users, two IZIS processes on one PostgreSQL, 5 minutes (city scale)
 *
 *   npm run bench                              both, registry at city scale
 *   npm run bench -- --scale national          registry at national scale (long on the embedded database)
 *   npm run bench -- --only registry [--db embedded|postgres]
 *
 * Runs on the embedded database, and on PostgreSQL too when DATABASE_URL is set (scratch databases are
 * created beside it). The registry's generated databases are removed at the end unless BENCH_KEEP=1 (keep
 * them to EXPLAIN the queries afterwards); BENCH_REQUESTS sets the requests per endpoint (default 300). Latencies are sequential; each p95 is also given as a ratio of /api/health's p95
 * measured in the same run. Writes bench/results/<date>.json and prints a table for docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { foundation } from './foundation';
import { scales, type ScaleName } from './generate';
import { requests, rows, warmUp } from './lib';
import { plan } from './plan';
import { monitoring } from './monitoring';
import { registry } from './registry';
import { leaders } from './leaders';
import { reporting } from './reporting';
import { inspection } from './inspection';
import { pages } from './pages';
import { upload } from './upload';
import { catalogue } from './catalogue';
import { mixed } from './mixed';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scale = (argument('scale') ?? 'city') as ScaleName;
if (!(scale in scales)) throw new Error(`--scale is one of ${Object.keys(scales).join(', ')}`);
const only = argument('only');
const databases = argument('db') ? [argument('db') as 'embedded' | 'postgres'] : undefined;
const databaseUrl = process.env.DATABASE_URL;

if (!only || only === 'foundation') await foundation(databaseUrl);
if (!only || only === 'registry') await registry(scale, databaseUrl, databases);
if (!only || only === 'reporting') await reporting(databaseUrl, databases, scale);
if (!only || only === 'plan') await plan(scale, databaseUrl, databases);
if (!only || only === 'inspection') await inspection(databaseUrl, databases);
if (!only || only === 'leaders') await leaders(scale, databaseUrl, databases);
if (!only || only === 'monitoring') await monitoring(scale, databaseUrl, databases);
if (!only || only === 'pages') await pages(scale, databaseUrl, databases);
if (!only || only === 'upload') await upload(databaseUrl, databases);
if (!only || only === 'catalogue') await catalogue(scale, databaseUrl, databases);
if (only === 'mixed') await mixed(databaseUrl);

console.log(`\n| database | scale | metric | value | p95 ÷ health p95 | target |\n|---|---|---|---|---|---|`);
for (const r of rows) {
  const target = r.target ? `${r.target} ${r.met ? 'met' : '**missed**'}` : '';
  const value = Number.isNaN(r.value) ? r.unit : `${r.value} ${r.unit}`;
  console.log(`| ${r.database} | ${r.scale} | ${r.metric} | ${value} | ${r.ratio ?? ''} | ${target} |`);
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
writeFileSync(file, JSON.stringify({ requests, warmUp, scale, rows }, null, 2));
console.log(`\n${requests} requests per endpoint after ${warmUp} warm-up; results in ${file}`);
