/**
 * Public catalogue benchmark (issue 14): the city-scale registry of bench/generate.ts with every generated zone
 * published (all fields, a Vietnamese and an English description), then N concurrent anonymous readers for a
 * fixed time mixing the catalogue's reads — list pages, searches (without diacritics, near a commune, with free
 * land), zone profiles and the map's GeoJSON — with /api/health among them as the baseline. Reports errors and
 * p50/p95 per kind. Target: 0 errors, p95 < 100 ms with 500 readers for 60 s on PostgreSQL.
 *
 *   npm run bench -- --only catalogue [--db embedded|postgres]
 *   BENCH_CATALOGUE_READERS (default 500), BENCH_CATALOGUE_SECONDS (default 60)
 *
 * The server runs with IZIS_PUBLIC_RATE_LIMIT=0: every reader comes from the one loopback address.
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { generate, type ScaleName } from './generate';
import { idle, measure, percentile, round, rows } from './lib';

const TARGET_MS = 100;
const readers = Number(process.env.BENCH_CATALOGUE_READERS ?? 500);
const seconds = Number(process.env.BENCH_CATALOGUE_SECONDS ?? 60);
/**
 * A reader looks at each page before asking for the next: 0.5–1.5 × this (default 1 s), so 500 readers make
 * ~500 requests a second, as 500 people browsing would. 0 = each reader asks again at once (closed loop: a
 * stress test of throughput, where p95 ≈ readers ÷ requests per second whatever the server does).
 */
const thinkMs = Number(process.env.BENCH_CATALOGUE_THINK_MS ?? 1000);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const serverEnv = { IZIS_PUBLIC_RATE_LIMIT: '0' };

/** Publishes every generated zone with every field and two descriptions, in SQL (as an officer would, at scale). */
async function publishAll(database: Database) {
  await database.query(`
    insert into zone_publication (zone_id, published, fields, sectors, published_at)
    select id, true,
      array['area','occupancy','status','infrastructure','wwtp','fireSafety','sectors','prices','developer','location','description'],
      array['25','26','27'], now()
    from zone where code like 'SYN-%'
    on conflict (zone_id) do nothing`);
  await database.query(`
    insert into zone_description (zone_id, lang, text)
    select id, l.lang, case l.lang when 'vi' then name || ': khu, cụm công nghiệp tổng hợp cho đo hiệu năng.'
      else name || ': a synthetic zone for the benchmark.' end
    from zone, (values ('vi'), ('en')) l(lang) where code like 'SYN-%'
    on conflict do nothing`);
}

type Kind = 'health' | 'list' | 'search' | 'near' | 'detail' | 'geojson';

/** The i-th request of a reader: mostly lists and profiles, as people browse. */
function pick(i: number, codes: string[], communes: string[]): { kind: Kind; path: string } {
  const n = i % 20;
  const code = codes[(i * 7919) % codes.length]!;
  const commune = communes[(i * 104_729) % communes.length]!;
  if (n < 2) return { kind: 'health', path: '/api/health' };
  if (n < 7) return { kind: 'list', path: `/api/public/zones?page=${1 + (i % 5)}&pageSize=20` };
  if (n < 10)
    return { kind: 'search', path: `/api/public/zones?q=cum%20cong%20nghiep&freeLandMinHa=5&family=CCN` };
  if (n < 12) return { kind: 'near', path: `/api/public/zones?near=${commune}&radiusKm=15&freeLandMinHa=1` };
  if (n < 19)
    return {
      kind: 'detail',
      path: `/api/public/zones/${encodeURIComponent(code)}?lang=${i % 2 ? 'en' : 'ja'}`,
    };
  return { kind: 'geojson', path: '/api/public/zones.geojson' };
}

async function load(url: string, codes: string[], communes: string[]) {
  const times = new Map<Kind, number[]>();
  const errors: string[] = [];
  const until = performance.now() + seconds * 1000;
  let counter = 0;
  const reader = async (_: unknown, index: number) => {
    // Readers arrive spread over the first think time, not all in the same millisecond.
    if (thinkMs > 0) await pause((index / readers) * thinkMs);
    while (performance.now() < until) {
      const i = counter++;
      const { kind, path } = pick(i, codes, communes);
      const t = performance.now();
      try {
        const res = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
        await res.arrayBuffer();
        if (!res.ok) errors.push(`${path}: ${res.status}`);
        else (times.get(kind) ?? times.set(kind, []).get(kind)!).push(performance.now() - t);
      } catch (error) {
        errors.push(`${path}: ${(error as Error).message}`);
      }
      if (thinkMs > 0) await pause(thinkMs * (0.5 + ((i * 7919) % 1000) / 1000));
    }
  };
  await Promise.all(Array.from({ length: readers }, reader));
  return { times, errors };
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
  let codes: string[];
  let communes: string[];
  try {
    const data = await generate(db, scale, undefined, { log: (m) => console.log(`  [${database}] ${m}`) });
    await publishAll(db);
    rows.push({
      ...label,
      metric: `generate ${data.zones} zones, all published`,
      value: round(data.ms / 1000),
      unit: 's',
    });
    codes = (
      await db.query<{ code: string }>(`select code from zone where code like 'SYN-%' order by code`)
    ).map((r) => r.code);
    communes = (
      await db.query<{ code: string }>(
        `select code from admin_unit where level = 'commune' and valid_to is null and approx_centre is not null order by code`,
      )
    ).map((r) => r.code);
  } finally {
    await db.close();
  }
  const izis = await restart();
  try {
    await idle();
    const loadBefore = round(loadavg()[0]!);
    const { p95: baseline } = await measure(
      label,
      izis.url,
      { cookie: '', csrf: '' },
      'GET /api/health (idle)',
      '/api/health',
    );
    const { times, errors } = await load(izis.url, codes, communes);
    const all: number[] = [];
    for (const [kind, list] of times) {
      list.sort((a, b) => a - b);
      if (kind !== 'health') all.push(...list);
      const p95 = percentile(list, 95);
      console.log(
        `  [${database} ${scale}] ${kind}: ${list.length} requests, p50 ${round(percentile(list, 50))} ms, p95 ${round(p95)} ms`,
      );
      rows.push({
        ...label,
        metric: `${readers} readers, ${kind} p50`,
        value: round(percentile(list, 50)),
        unit: 'ms',
      });
      rows.push({
        ...label,
        metric: `${readers} readers, ${kind} p95`,
        value: round(p95),
        unit: 'ms',
        ratio: round(p95 / baseline),
      });
    }
    all.sort((a, b) => a - b);
    const p95 = all.length ? percentile(all, 95) : NaN;
    rows.push({
      ...label,
      metric: `${readers} anonymous readers (think ${thinkMs} ms) for ${seconds} s, catalogue p95 (${all.length} requests, ${round(all.length / seconds)}/s)`,
      value: round(p95),
      unit: 'ms',
      ratio: round(p95 / baseline),
      target: `< ${TARGET_MS} ms, 0 errors`,
      met: p95 < TARGET_MS && errors.length === 0,
    });
    rows.push({
      ...label,
      metric: 'errors',
      value: errors.length,
      unit: errors.slice(0, 3).join('; ') || '',
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

export async function catalogue(
  scale: ScaleName,
  databaseUrl: string | undefined,
  databases: ('embedded' | 'postgres')[] = ['embedded', 'postgres'],
) {
  if (databases.includes('embedded')) {
    const first = await startIzis({ databaseUrl: null, env: serverEnv });
    try {
      await run(
        'embedded',
        scale,
        first,
        () => openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir }),
        () => startIzis({ dataDir: first.dataDir, databaseUrl: null, env: serverEnv }),
      );
    } finally {
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }
  if (databaseUrl && databases.includes('postgres')) {
    const url = await scratchDatabase(databaseUrl, `bench_catalogue_${scale}`);
    const first = await startIzis({ databaseUrl: url, env: serverEnv });
    await run(
      'postgres',
      scale,
      first,
      () => openPostgres(url),
      () => startIzis({ databaseUrl: url, env: serverEnv }),
    );
  }
}
