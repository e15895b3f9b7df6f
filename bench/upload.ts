/**
 * One user's big upload against everyone else (issue 9): the server as `npm start` runs it (its own process,
 * demo data), a 14 MB / 1,000,000-row .xlsx and a 13 MB CSV sent to `POST /api/import/zones?mode=dry-run` by
 * curl, while this process polls `/api/health` every 20 ms. Reports the refusal, /api/health p50/p95/max during
 * the upload against its idle p95, and the server's peak resident memory (VmHWM). Targets: p95 < 100 ms; the
 * server under 1 GB where the database is a separate server (the embedded database lives in the process: its
 * WebAssembly memory alone is ~1.1 GB).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIzis, type RunningIzis } from '../e2e/harness';
import { makeBigFiles } from '../src/server/testing-big-files';
import { round, rows, signIn } from './lib';

const HEALTH_MS = 100;
const RSS_MB = 1024;

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function pct(values: number[], p: number) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

async function healthWhile<T>(url: string, work: () => Promise<T>) {
  const latencies: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${url}/api/health`)).arrayBuffer();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work();
  running = false;
  await poller;
  return { result, latencies };
}

async function measure(database: 'embedded' | 'postgres', izis: RunningIzis, dir: string) {
  const label = { database, scale: 'demo' };
  const session = await signIn(izis.url);
  for (const file of ['big.xlsx', 'big.csv']) {
    const idle = await healthWhile(izis.url, () => new Promise((r) => setTimeout(r, 2000)));
    const loadBefore = round(loadavg()[0]!);
    const started = performance.now();
    const { result: status, latencies } = await healthWhile(
      izis.url,
      () =>
        new Promise<string>((resolve, reject) =>
          execFile(
            'curl',
            [
              '-s',
              '-o',
              '/dev/null',
              '-w',
              '%{http_code}',
              '-H',
              `cookie: ${session.cookie}`,
              '-H',
              `x-csrf-token: ${session.csrf}`,
              '-F',
              `file=@${join(dir, file)};filename=${file}`,
              `${izis.url}/api/import/zones?mode=dry-run`,
            ],
            (error, stdout) => (error ? reject(error) : resolve(stdout)),
          ),
        ),
    );
    const ms = performance.now() - started;
    const p95 = pct(latencies, 95);
    const rss = peakRssMb(izis.process.pid!);
    console.log(
      `  [${database}] ${file}: ${status} after ${Math.round(ms)} ms; /api/health n=${latencies.length} p50 ${round(pct(latencies, 50))} p95 ${round(p95)} max ${round(Math.max(...latencies))} ms (idle p95 ${round(pct(idle.latencies, 95))}); server peak RSS ${Math.round(rss)} MB; load ${loadBefore}`,
    );
    rows.push({
      ...label,
      metric: `upload ${file} (1,000,000 rows): answer`,
      value: NaN,
      unit: `${status} after ${Math.round(ms)} ms`,
    });
    rows.push({
      ...label,
      metric: `upload ${file}: /api/health p95 during it (idle p95 ${round(pct(idle.latencies, 95))} ms)`,
      value: round(p95),
      unit: 'ms',
      target: `< ${HEALTH_MS} ms`,
      met: p95 < HEALTH_MS,
    });
    rows.push({
      ...label,
      metric: `upload ${file}: server peak RSS`,
      value: Math.round(rss),
      unit: 'MB',
      ...(database === 'postgres' ? { target: `< ${RSS_MB} MB`, met: rss < RSS_MB } : {}),
    });
  }
}

export async function upload(
  databaseUrl: string | undefined,
  databases: ('embedded' | 'postgres')[] = ['embedded', 'postgres'],
) {
  const dir = mkdtempSync(join(tmpdir(), 'izis-upload-'));
  try {
    await makeBigFiles(dir);
    for (const database of databases) {
      if (database === 'postgres' && !databaseUrl) continue;
      const izis = await startIzis({
        databaseUrl: database === 'postgres' ? undefined : null,
        startTimeoutMs: 300_000,
      });
      try {
        await measure(database, izis, dir);
      } finally {
        await izis.stop();
        rmSync(izis.dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
