/**
 * Foundation benchmarks (issue 2), on the demo database: start-up (embedded first run and restart,
 * PostgreSQL empty and existing), idle memory, and the shell's endpoints as ratios of /api/health.
 */
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { idle, measure, round, rows, rssMb, signIn } from './lib';

async function measureRequests(database: string, izis: RunningIzis) {
  const label = { database, scale: 'demo' };
  const session = await signIn(izis.url);
  const { p95: baseline } = await measure(label, izis.url, session, 'GET /api/health', '/api/health');
  rows[rows.length - 1]!.ratio = 1;
  const paths = [
    '/api/auth/session',
    '/api/admin-units?level=commune&validOn=2026-01-01&pageSize=200',
    '/api/admin-units?q=dong%20anh',
    '/api/users',
    '/api/audit?pageSize=50',
  ];
  for (const path of paths) await measure(label, izis.url, session, `GET ${path}`, path, { baseline });
}

/** Milliseconds until `/api/ready` answers 200 (server/warm-up.ts), polled every 50 ms. */
async function untilReady(url: string): Promise<number> {
  const started = performance.now();
  while ((await fetch(`${url}/api/ready`)).status !== 200) await new Promise((r) => setTimeout(r, 50));
  return performance.now() - started;
}

async function embedded() {
  const label = { database: 'embedded', scale: 'demo' };
  const first = await startIzis({ databaseUrl: null });
  rows.push({
    ...label,
    metric: 'cold start, first run (create, migrate, seed)',
    value: round(first.startMs / 1000),
    unit: 's',
  });
  await idle();
  rows.push({
    ...label,
    metric: 'RSS at idle after first start',
    value: rssMb(first.process.pid!),
    unit: 'MB',
  });
  await first.stop();
  // As deployed: the restart warms up (server/warm-up.ts); "start" is its first healthy answer, then ready.
  const again = await startIzis({ dataDir: first.dataDir, databaseUrl: null, warmUp: true });
  rows.push({ ...label, metric: 'start, existing data', value: round(again.startMs / 1000), unit: 's' });
  rows.push({
    ...label,
    metric: 'start, existing data, until ready (its warm-up over)',
    value: round((again.startMs + (await untilReady(again.url))) / 1000),
    unit: 's',
  });
  await idle();
  rows.push({ ...label, metric: 'RSS at idle after restart', value: rssMb(again.process.pid!), unit: 'MB' });
  await measureRequests('embedded', again);
  await again.stop();
}

async function postgres(url: string) {
  const label = { database: 'postgres', scale: 'demo' };
  const databaseUrl = await scratchDatabase(url, 'bench');
  const first = await startIzis({ databaseUrl });
  rows.push({
    ...label,
    metric: 'start, empty database (migrate, seed)',
    value: round(first.startMs / 1000),
    unit: 's',
  });
  await first.stop();
  const again = await startIzis({ databaseUrl });
  rows.push({ ...label, metric: 'start, existing data', value: round(again.startMs / 1000), unit: 's' });
  await idle();
  rows.push({
    ...label,
    metric: 'RSS at idle (IZIS process only)',
    value: rssMb(again.process.pid!),
    unit: 'MB',
  });
  await measureRequests('postgres', again);
  await again.stop();
}

export async function foundation(databaseUrl: string | undefined) {
  await embedded();
  if (databaseUrl) await postgres(databaseUrl);
}
