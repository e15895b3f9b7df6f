/**
 * Registry benchmarks (issue 3) on generated data of a named scale: the real server on a database filled by
 * bench/generate.ts, then p50/p95 of the zone list (default, search, commune filter, occupancy sort), zone
 * pages (random codes), the map (whole city, one family), occupancy groups and capital totals; and an
 * import of 10,000 rows when an import endpoint exists. Targets from the issue: list, page and map
 * p95 < 50 ms; capital totals < 100 ms; importing 10,000 project rows < 10 s.
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { parseCsv, writeCsv } from '../src/domain/import/csv';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { generate, mulberry32, type GenerateSummary, type ScaleName } from './generate';
import { idle, measure, percentile, requests, round, rows, rssMb, signIn, warmUp, type Session } from './lib';

const LIST_MS = 50;
const CAPITAL_MS = 100;
const IMPORT_ROWS = 10_000;
const IMPORT_S = 10;

/** GET answers 404 `not_found` for a route that does not exist (yet); anything else means it is there. */
async function routeExists(url: string, path: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${url}${path}`, { headers: { cookie } });
  await res.arrayBuffer();
  return res.status !== 404;
}

async function measureRegistry(
  label: { database: string; scale: string },
  izis: RunningIzis,
  data: GenerateSummary,
) {
  await idle(); // let start-up settle (JIT, the first checkpoint) before the baseline
  // Other work on the machine shows in p95 first: keep the load beside the numbers.
  const load = () => round(loadavg()[0]!);
  const loadBefore = load();
  const session = await signIn(izis.url);
  const url = izis.url;
  const { p95: baseline } = await measure(label, url, session, 'GET /api/health', '/api/health');
  rows[rows.length - 1]!.ratio = 1;
  const list = { baseline, targetMs: LIST_MS };
  const q = encodeURIComponent(data.sample.searchTerm);
  await measure(label, url, session, 'GET /api/zones (first page of 50, by code)', '/api/zones', list);
  await measure(label, url, session, `GET /api/zones?q=${data.sample.searchTerm}`, `/api/zones?q=${q}`, list);
  await measure(
    label,
    url,
    session,
    `GET /api/zones?commune=${data.sample.communeCode}`,
    `/api/zones?commune=${data.sample.communeCode}`,
    list,
  );
  await measure(
    label,
    url,
    session,
    'GET /api/zones?sort=occupancy&order=desc',
    '/api/zones?sort=occupancy&order=desc',
    list,
  );
  const random = mulberry32(data.seed);
  const codes = data.sample.zoneCodes;
  await measure(
    label,
    url,
    session,
    'GET /api/zones/{code} (random zones)',
    () => `/api/zones/${codes[Math.floor(random() * codes.length)]}`,
    list,
  );
  const map = await measure(label, url, session, 'GET /api/zones/map (all zones)', '/api/zones/map', list);
  rows.push({
    ...label,
    metric: 'GET /api/zones/map response size',
    value: round(map.bytes / 1024),
    unit: 'KiB',
  });
  await measure(label, url, session, 'GET /api/zones/map?family=CCN', '/api/zones/map?family=CCN', list);
  await measure(label, url, session, 'GET /api/zones/map?family=KCN', '/api/zones/map?family=KCN', list);
  // What a map showing part of the province asks for: the south-west quarter of Hanoi's extent.
  const quarter = '/api/zones/map?bbox=105.3,20.55,105.65,20.975';
  const part = await measure(label, url, session, `GET ${quarter}`, quarter, list);
  rows.push({
    ...label,
    metric: `GET ${quarter} response size`,
    value: round(part.bytes / 1024),
    unit: 'KiB',
  });
  await revalidate(label, url, session, '/api/zones/map', list);
  await measure(
    label,
    url,
    session,
    'GET /api/zones/occupancy?groupBy=commune',
    '/api/zones/occupancy?groupBy=commune',
    { baseline },
  );
  await measure(
    label,
    url,
    session,
    'GET /api/zones/occupancy?groupBy=formerDistrict',
    '/api/zones/occupancy?groupBy=formerDistrict',
    { baseline },
  );
  const capital = '/api/capital?from=2022-01-01&to=2022-05-31';
  if (await routeExists(url, capital, session.cookie)) {
    await measure(label, url, session, `GET ${capital}`, capital, { baseline, targetMs: CAPITAL_MS });
  } else {
    rows.push({ ...label, metric: `GET ${capital}: not measured (no such route yet)`, value: NaN, unit: '' });
  }
  rows.push({
    ...label,
    metric: 'load average (1 min) before / after the requests',
    value: NaN,
    unit: `${loadBefore} / ${load()}`,
  });
  // Last: it adds 10,000 zones and 10,000 projects.
  await measureImport(label, url, session);
}

/**
 * A client that has the map already: GET with If-None-Match, answered 304 without a body while nothing
 * changed. Records p50/p95 like `measure`.
 */
async function revalidate(
  label: { database: string; scale: string },
  url: string,
  session: Session,
  path: string,
  options: { baseline: number; targetMs: number },
) {
  const first = await fetch(`${url}${path}`, { headers: { cookie: session.cookie } });
  await first.arrayBuffer();
  const etag = first.headers.get('etag');
  if (!etag) throw new Error(`${path}: no ETag`);
  const times: number[] = [];
  for (let i = 0; i < requests + warmUp; i++) {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie: session.cookie, 'if-none-match': etag } });
    await res.arrayBuffer();
    if (res.status !== 304) throw new Error(`${path} with If-None-Match: ${res.status}, expected 304`);
    if (i >= warmUp) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
  const metric = `GET ${path} again, If-None-Match (304)`;
  console.log(`  [${label.database} ${label.scale}] ${metric}: p50 ${round(p50)} ms, p95 ${round(p95)} ms`);
  rows.push({ ...label, metric: `${metric} p50`, value: round(p50), unit: 'ms' });
  rows.push({
    ...label,
    metric: `${metric} p95`,
    value: round(p95),
    unit: 'ms',
    ratio: round(p95 / options.baseline),
    target: `< ${options.targetMs} ms`,
    met: p95 < options.targetMs,
  });
}

/**
 * Imports IMPORT_ROWS new rows through the HTTP endpoint, dry run then commit, as CSV in the import
 * template's columns: generated records exported (GET /api/<entity>/export.csv) and repeated under new
 * codes, so that every row is valid and new. Zones, then projects — 10,000 new projects in the generated
 * zones, their investors the generated organisations (the target: < 10 s).
 */
export async function measureImport(
  label: { database: string; scale: string },
  url: string,
  session: Session,
) {
  const loadBefore = round(loadavg()[0]!);
  await importRows(label, url, session, {
    entity: 'zones',
    noun: 'zones',
    exportPath: '/api/zones/export.csv?q=syn-',
    code: (i) => `SYN-IMP-${String(i + 1).padStart(5, '0')}`,
    target: `< ${IMPORT_S} s (set for projects)`,
  });
  await importRows(label, url, session, {
    entity: 'projects',
    noun: 'projects (existing zones and investors)',
    exportPath: '/api/projects/export.csv?q=syn-p-',
    code: (i) => `SYN-PIMP-${String(i + 1).padStart(6, '0')}`,
    target: `< ${IMPORT_S} s`,
  });
  rows.push({
    ...label,
    metric: 'load average (1 min) before / after the imports',
    value: NaN,
    unit: `${loadBefore} / ${round(loadavg()[0]!)}`,
  });
}

async function importRows(
  label: { database: string; scale: string },
  url: string,
  session: Session,
  spec: { entity: string; noun: string; exportPath: string; code: (i: number) => string; target: string },
) {
  const exportStarted = performance.now();
  const exported = await fetch(`${url}${spec.exportPath}`, { headers: { cookie: session.cookie } });
  if (!exported.ok) throw new Error(`export ${spec.entity}: ${exported.status}`);
  const [header, ...records] = parseCsv(await exported.text());
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  rows.push({
    ...label,
    metric: `GET ${spec.exportPath} (${records.length.toLocaleString('en')} rows)`,
    value: round(exportSeconds),
    unit: 's',
  });
  if (!records.length) throw new Error(`export ${spec.entity}: no generated rows to repeat`);
  const name = header!.indexOf(spec.entity === 'zones' ? 'Tên khu/cụm' : 'Tên dự án');
  const file = writeCsv([
    header!,
    ...Array.from({ length: IMPORT_ROWS }, (_, i) => {
      const record = [...records[i % records.length]!];
      record[0] = spec.code(i); // the code column comes first
      record[name] = `${record[name]} (nhập ${i + 1})`;
      return record;
    }),
  ]);
  for (const mode of ['dry-run', 'commit'] as const) {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), `${spec.entity}.csv`);
    const started = performance.now();
    const res = await fetch(`${url}/api/import/${spec.entity}?mode=${mode}`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: url },
      body: form,
    });
    const result = (await res.json()) as { committed?: boolean; toCreate?: number; errors?: unknown[] };
    const seconds = (performance.now() - started) / 1000;
    if (
      !res.ok ||
      result.errors?.length ||
      result.toCreate !== IMPORT_ROWS ||
      (mode === 'commit' && !result.committed)
    ) {
      throw new Error(
        `${spec.entity} import (${mode}): ${res.status} ${JSON.stringify(result).slice(0, 500)}`,
      );
    }
    console.log(`  [${label.database} ${label.scale}] ${spec.entity} import ${mode}: ${round(seconds)} s`);
    rows.push({
      ...label,
      metric: `POST /api/import/${spec.entity}?mode=${mode}, ${IMPORT_ROWS.toLocaleString('en')} new ${spec.noun} (CSV, ${round(file.length / 1024 / 1024)} MB)`,
      value: round(seconds),
      unit: 's',
      target: spec.target,
      met: seconds < IMPORT_S,
    });
  }
}

async function fillAndStart(
  database: string,
  scale: ScaleName,
  first: RunningIzis,
  open: () => Promise<Database>,
  restart: () => Promise<RunningIzis>,
) {
  const label = { database, scale };
  await first.stop();
  const db = await open();
  let data: GenerateSummary;
  try {
    data = await generate(db, scale, undefined, { log: (m) => console.log(`  [${database}] ${m}`) });
  } finally {
    await db.close();
  }
  rows.push({
    ...label,
    metric: `generate ${data.zones} zones, ${data.organisations} organisations, ${data.projects} projects, ${data.investmentEvents} investment events`,
    value: round(data.ms / 1000),
    unit: 's',
  });
  const izis = await restart();
  rows.push({
    ...label,
    metric: 'start, with the generated data',
    value: round(izis.startMs / 1000),
    unit: 's',
  });
  return { izis, data, label };
}

async function embedded(scale: ScaleName) {
  const first = await startIzis({ databaseUrl: null });
  const { izis, data, label } = await fillAndStart(
    'embedded',
    scale,
    first,
    () => openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir }),
    () => startIzis({ dataDir: first.dataDir, databaseUrl: null }),
  );
  try {
    await measureRegistry(label, izis, data).catch(withServerOutput(izis));
    await idle();
    rows.push({ ...label, metric: 'RSS after the benchmark', value: rssMb(izis.process.pid!), unit: 'MB' });
  } finally {
    await izis.stop();
    if (keep) console.log(`  kept the embedded database in ${first.dataDir}`);
    else rmSync(first.dataDir, { recursive: true, force: true });
  }
}

async function postgres(url: string, scale: ScaleName) {
  const databaseUrl = await scratchDatabase(url, `bench_${scale}`);
  const first = await startIzis({ databaseUrl });
  const { izis, data, label } = await fillAndStart(
    'postgres',
    scale,
    first,
    () => openPostgres(databaseUrl),
    () => startIzis({ databaseUrl }),
  );
  try {
    await measureRegistry(label, izis, data).catch(withServerOutput(izis));
    await idle();
    rows.push({
      ...label,
      metric: 'RSS after the benchmark (IZIS only)',
      value: rssMb(izis.process.pid!),
      unit: 'MB',
    });
  } finally {
    await izis.stop();
    if (keep) console.log(`  kept the PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`);
    else await dropDatabase(url, databaseUrl);
  }
}

/** Adds the server's last log lines to a failure (a 500 says no more than its request id). */
const withServerOutput = (izis: RunningIzis) => (error: unknown) => {
  console.error(`IZIS output (last 4000 characters):\n${izis.output().slice(-4000)}`);
  throw error;
};

/** The scratch database goes when the run ends (a national one takes ~1 GB), unless BENCH_KEEP is set. */
const keep = Boolean(process.env.BENCH_KEEP);

async function dropDatabase(serverUrl: string, databaseUrl: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}

export async function registry(
  scale: ScaleName,
  databaseUrl: string | undefined,
  databases: ('embedded' | 'postgres')[] = ['embedded', 'postgres'],
) {
  if (databases.includes('embedded')) await embedded(scale);
  if (databaseUrl && databases.includes('postgres')) await postgres(databaseUrl, scale);
}
