/**
 * Monitoring benchmarks (issue 12) at city scale: the registry of bench/generate.ts (250 zones, 10,000 tenant
 * projects) plus 5,000 obstacles over ten years (most older ones settled, several hundred past their deadline), then p50/p95 of
 * the watch list (every rule: obstacles, reports, occupancy, WWTP, manual) for the whole city and for a
 * department, the obstacles list (default, overdue) and the dashboard counts. Target: watch list p95 < 100 ms.
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { generate, type ScaleName } from './generate';
import { idle, latencyAfterWrite, measure, round, rows, writeProbe } from './lib';

const WATCH_MS = 100;
const OBSTACLES = 5_000;

async function signInAs(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'IzisDemo-2026' }),
  });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status}`);
  const cookie = /izis_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** 5,000 obstacles spread over the generated zones, raised 2016–2026, each with its first history row. */
async function fillObstacles(database: Database) {
  await database.query(`
    with z as (
      select id, (row_number() over (order by code) - 1)::int as n, (count(*) over ())::int as total
      from zone where code like 'SYN-%'),
    o as (
      select i, date '2016-01-01' + ((i * 7919) % 3900) as raised,
        (array['land_clearance','procedures','planning','capital','outside_infrastructure','environment','other'])[1 + i % 7] as category,
        (array['open','in_progress','escalated','resolved','dropped','resolved'])[1 + i % 6] as status
      from generate_series(1, ${OBSTACLES}) i),
    -- Old obstacles are mostly settled: of those raised before 2025 one in ten is still open.
    o2 as (
      select i, raised, category,
        case when raised < date '2025-01-01' and i % 10 <> 0 and status not in ('resolved', 'dropped')
          then 'resolved' else status end as status
      from o)
    insert into obstacle (zone_id, category_code, title, agency, raised_on, deadline, status, closed_on, resolution,
      raised_by_name, raiser_role, raiser_scope_kind, raiser_scope_ref, is_synthetic)
    select z.id, o.category, 'Vướng mắc tổng hợp số ' || o.i, 'Cơ quan tổng hợp ' || (o.i % 40), o.raised,
      o.raised + (30 + (o.i * 37) % 400), o.status,
      case when o.status in ('resolved', 'dropped') then o.raised + 20 end,
      case when o.status in ('resolved', 'dropped') then 'Đã xử lý (dữ liệu tổng hợp)' end,
      'bench', 'department_officer', 'family', 'CCN', true
    from o2 o join z on z.n = o.i % z.total`);
  await database.query(`
    insert into obstacle_event (obstacle_id, at, actor_name, action, to_status)
    select id, created_at, 'bench', 'raise', 'open' from obstacle where raised_by_name = 'bench'`);
  await database.query('analyze obstacle, obstacle_event');
}

async function run(
  database: string,
  scale: ScaleName,
  first: RunningIzis,
  open: () => Promise<Database>,
  restart: () => Promise<RunningIzis>,
) {
  const label = { database, scale };
  await first.stop();
  const db = await open();
  try {
    const data = await generate(db, scale, undefined, { log: (m) => console.log(`  [${database}] ${m}`) });
    const started = performance.now();
    await fillObstacles(db);
    rows.push({
      ...label,
      metric: `generate ${data.zones} zones, ${data.projects} projects; ${OBSTACLES.toLocaleString('en')} obstacles`,
      value: round((data.ms + performance.now() - started) / 1000),
      unit: 's',
    });
  } finally {
    await db.close();
  }
  const izis = await restart();
  try {
    await idle();
    const loadBefore = round(loadavg()[0]!);
    const admin = await signInAs(izis.url, 'admin');
    const department = await signInAs(izis.url, 'sct');
    const { p95: baseline } = await measure(label, izis.url, admin, 'GET /api/health', '/api/health');
    const target = { baseline, targetMs: WATCH_MS };
    await measure(
      label,
      izis.url,
      admin,
      'GET /api/monitoring/watch-list (city)',
      '/api/monitoring/watch-list',
      target,
    );
    await measure(
      label,
      izis.url,
      department,
      'GET /api/monitoring/watch-list (department, CCN)',
      '/api/monitoring/watch-list',
      target,
    );
    const write = await writeProbe(izis.url, admin);
    const fresh = await latencyAfterWrite(izis.url, '/api/monitoring/watch-list', admin.cookie, write, 30);
    console.log(
      `  [${database} ${scale}] watch list, first load after a write: p50 ${round(fresh.p50)} ms, p95 ${round(fresh.p95)} ms`,
    );
    rows.push({
      ...label,
      metric: 'GET /api/monitoring/watch-list (city), first load after a write p50',
      value: round(fresh.p50),
      unit: 'ms',
    });
    rows.push({
      ...label,
      metric: 'GET /api/monitoring/watch-list (city), first load after a write p95 (for information)',
      value: round(fresh.p95),
      unit: 'ms',
    });
    await measure(label, izis.url, admin, 'GET /api/obstacles (first page)', '/api/obstacles', { baseline });
    await measure(label, izis.url, admin, 'GET /api/obstacles?overdue=true', '/api/obstacles?overdue=true', {
      baseline,
    });
    await measure(label, izis.url, admin, 'GET /api/monitoring/counts', '/api/monitoring/counts', {
      baseline,
    });
    rows.push({
      ...label,
      metric: 'load average (1 min) before / after',
      value: NaN,
      unit: `${loadBefore} / ${round(loadavg()[0]!)}`,
    });
  } finally {
    await izis.stop();
  }
}

export async function monitoring(
  scale: ScaleName,
  databaseUrl: string | undefined,
  databases: ('embedded' | 'postgres')[] = ['embedded', 'postgres'],
) {
  if (databases.includes('embedded')) {
    const first = await startIzis({ databaseUrl: null });
    try {
      await run(
        'embedded',
        scale,
        first,
        () => openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir }),
        () => startIzis({ dataDir: first.dataDir, databaseUrl: null }),
      );
    } finally {
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }
  if (databaseUrl && databases.includes('postgres')) {
    const url = await scratchDatabase(databaseUrl, `bench_monitoring_${scale}`);
    const first = await startIzis({ databaseUrl: url });
    await run(
      'postgres',
      scale,
      first,
      () => openPostgres(url),
      () => startIzis({ databaseUrl: url }),
    );
  }
}
