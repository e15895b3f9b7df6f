/**
 * `npm run bench` — foundation benchmarks, on this machine, against the built app as `npm start` runs it.
 *
 *   start-up: embedded first run (create + migrate + demo seed) and restart; idle memory (RSS)
 *   requests: p50/p95 of the shell's endpoints, as ratios of /api/health measured in the same run
 *
 * Runs on the embedded database, and on PostgreSQL too when DATABASE_URL is set (a scratch database is
 * created beside it). Writes bench/results/<date>.json and prints a table for docs/performance.md.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';

type Row = { database: string; metric: string; value: number; unit: string; ratio?: number };
const rows: Row[] = [];
const requests = Number(process.env.BENCH_REQUESTS ?? 300);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function signIn(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'IzisDemo-2026' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = /izis_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latency(url: string, path: string, cookie: string): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    if (i >= 20) times.push(performance.now() - t); // first 20 warm up
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measureRequests(label: string, izis: RunningIzis) {
  const { cookie } = await signIn(izis.url);
  const paths = [
    '/api/health',
    '/api/auth/session',
    '/api/admin-units?level=commune&validOn=2026-01-01&pageSize=200',
    '/api/admin-units?q=dong%20anh',
    '/api/users',
    '/api/audit?pageSize=50',
  ];
  let baseline = 0;
  for (const path of paths) {
    const { p50, p95 } = await latency(izis.url, path, cookie);
    if (path === '/api/health') baseline = p95;
    rows.push({ database: label, metric: `GET ${path} p50`, value: round(p50), unit: 'ms' });
    rows.push({
      database: label,
      metric: `GET ${path} p95`,
      value: round(p95),
      unit: 'ms',
      ratio: round(p95 / baseline),
    });
  }
}

const round = (n: number) => Math.round(n * 10) / 10;
const idle = () => new Promise((r) => setTimeout(r, 5000));

async function embedded() {
  const first = await startIzis({ databaseUrl: null });
  rows.push({
    database: 'embedded',
    metric: 'cold start, first run (create, migrate, seed)',
    value: round(first.startMs / 1000),
    unit: 's',
  });
  await idle();
  rows.push({
    database: 'embedded',
    metric: 'RSS at idle after first start',
    value: rssMb(first.process.pid!),
    unit: 'MB',
  });
  await first.stop();
  const again = await startIzis({ dataDir: first.dataDir, databaseUrl: null });
  rows.push({
    database: 'embedded',
    metric: 'start, existing data',
    value: round(again.startMs / 1000),
    unit: 's',
  });
  await idle();
  rows.push({
    database: 'embedded',
    metric: 'RSS at idle after restart',
    value: rssMb(again.process.pid!),
    unit: 'MB',
  });
  await measureRequests('embedded', again);
  await again.stop();
}

async function postgres(url: string) {
  const databaseUrl = await scratchDatabase(url, 'bench');
  const first = await startIzis({ databaseUrl });
  rows.push({
    database: 'postgres',
    metric: 'start, empty database (migrate, seed)',
    value: round(first.startMs / 1000),
    unit: 's',
  });
  await first.stop();
  const again = await startIzis({ databaseUrl });
  rows.push({
    database: 'postgres',
    metric: 'start, existing data',
    value: round(again.startMs / 1000),
    unit: 's',
  });
  await idle();
  rows.push({
    database: 'postgres',
    metric: 'RSS at idle (IZIS process only)',
    value: rssMb(again.process.pid!),
    unit: 'MB',
  });
  await measureRequests('postgres', again);
  await again.stop();
}

await embedded();
if (process.env.DATABASE_URL) await postgres(process.env.DATABASE_URL);

console.log(`\n| database | metric | value | p95 ÷ health p95 |\n|---|---|---|---|`);
for (const r of rows)
  console.log(`| ${r.database} | ${r.metric} | ${r.value} ${r.unit} | ${r.ratio ?? ''} |`);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
writeFileSync(file, JSON.stringify({ requests, rows }, null, 2));
console.log(`\n${requests} requests per endpoint after 20 warm-up; results in ${file}`);
