/**
 * Reporting benchmarks (issue 4). `--scale city` (default): the registry generator's 250 zones and 10,000
 * tenant projects, every zone made a cluster so that all 10,000 projects are in the Circular 14 chain, and 10
 * years of semi-annual history (2016-H2 … 2026-H1: an accepted Biểu 01 per project and Biểu 02 per cluster and
 * period, written straight into the tables). `--scale national`: the national registry's 2,000 zones (all made
 * clusters), 40,000 organisations and 150,000 projects, with 150,000 ledger events instead of a million (the
 * ledger feeds no Circular 14 figure) and one year of history (2025-H2, 2026-H1) — ten years would be three
 * million filings, more than the ten minutes a run may take on the embedded database. Then, against the real
 * server:
 *   - Biểu 04 of the city for 2026-H1, computed live (target p95 < 500 ms at city scale);
 *   - the completeness table for 2026-H1 (target p95 < 200 ms at city scale);
 *   - the filings list of 2026-H1 as a tenant, a commune officer and the CCN department officer, scoped and
 *     paged in its query (issue 15: p95 < 50 ms for each);
 *   - 200 tenants submitting their Biểu 01 at the same moment (draft + submit each): zero errors and zero lost
 *     submissions, checked in the database afterwards;
 *   - an officer accepting those reports one by one, each acceptance followed at once by Biểu 04 and the
 *     completeness table: the figure must have moved by the accepted amount (live), and the time is that of a
 *     report computed afresh (its inputs changed).
 */
import { embeddedDatabasePaths } from '../src/db/embedded-layout';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { hashPassword } from '../src/services/auth/password-hash';
import { scratchDatabase, startIzis, type RunningIzis } from '../e2e/harness';
import { generate, scales, type ScaleName, type ScaleSize } from './generate';
import { idle, measure, percentile, round, rows, signIn, type Session } from './lib';

const B04_MS = 500;
const COMPLETENESS_MS = 200;
/** Issue 15, national scale: Biểu 04 warm p95 < 100 ms, after an acceptance p95 < 300 ms, first response < 100 KB. */
const NATIONAL_B04_MS = 100;
const NATIONAL_B04_AFTER_MS = 300;
const NATIONAL_B04_BYTES = 100 * 1024;
const SUBMITTERS = 200;
const PERIOD = '2026-H1';
/** The demo seed's accounts (bench/generate.ts loads the registry beside the demo's). */
const DEMO_PASSWORD = 'IzisDemo-2026';
/** Issue 15: every list p95 < 50 ms for each role. */
const LIST_MS = 50;
const PASSWORD = 'Bench-Reporting-2026';
/** Acceptances, each followed by Biểu 04 and the completeness table computed afresh (fewer at national scale). */
const ACCEPTANCES: Record<ScaleName, number> = { city: 20, national: 5 };

/** What each scale generates: the registry size and the first period of the history. */
const reportingScales: Record<ScaleName, { size: ScaleSize; from: string; described: string }> = {
  city: {
    size: scales.city,
    from: '2016-H2',
    described: '250 zones (all clusters), 10,000 projects, 10 years semi-annual (2016-H2 … 2026-H1)',
  },
  national: {
    size: { ...scales.national, events: 150_000 },
    from: '2025-H2',
    described:
      '2,000 zones (all clusters), 150,000 projects, 150,000 ledger events, 1 year semi-annual (2025-H2, 2026-H1)',
  },
};

/** Semi-annual periods from `from` to 2026-H1 (city: twenty, 2016-H2 … 2026-H1). */
function periods(from: string): string[] {
  const out: string[] = [];
  for (let year = 2016; year <= 2026; year++) {
    for (const half of [1, 2]) {
      const id = `${year}-H${half}`;
      if (id >= from && id <= PERIOD) out.push(id);
    }
  }
  return out;
}

/** Filing history and the load test's users, in one transaction per period (set-based SQL). */
async function fillReports(
  db: Database,
  from: string,
  log: (m: string) => void,
): Promise<{ filings: number; submitters: string[] }> {
  const started = performance.now();
  await db.db.execute(
    sql`update zone set kind = 'CCN', ccn_type_code = 'general' where is_synthetic and code like 'SYN-%'`,
  );
  await db.db.execute(sql`update project set status = 'operating' where is_synthetic and code like 'SYN-%'`);
  // The load test's tenants: 200 projects of distinct investors, with no 2026-H1 filing yet.
  const chosen = (await db.query<{ id: string; code: string; investor: string }>(`
    select distinct on (o.code) p.id, p.code, o.code as investor
    from project p join organisation o on o.id = p.investor_id
    where p.code like 'SYN-%' order by o.code, p.code limit ${SUBMITTERS}`)) as {
    id: string;
    code: string;
    investor: string;
  }[];
  const chosenIds = chosen.map((c) => `'${c.id}'`).join(',');
  let filings = 0;
  for (const period of periods(from)) {
    const half = period.endsWith('H1') ? 1 : 2;
    const year = Number(period.slice(0, 4));
    const due = half === 1 ? `${year}-06-20` : `${year}-12-20`;
    const version = period < '2025-H2' ? '2024-10-01' : '2025-07-01';
    const exclude = period === PERIOD ? `and p.id not in (${chosenIds})` : '';
    const result = await db.query<{ n: number }>(`
      with f as (
        insert into report_filing (form_code, period, reporter_kind, reporter_ref, zone_id, commune_id,
          organisation_id, family, status, current_revision, accepted_revision, due_at, first_submitted_at, accepted_at)
        select 'B01', '${period}', 'project', p.id::text, z.id, z.commune_id, p.investor_id, 'CCN', 'accepted', 1, 1,
          '${due}T16:59:59.999Z'::timestamptz, '${due}T03:00:00Z'::timestamptz - (abs(hashtext(p.code)) % 10) * interval '1 day',
          '${due}T09:00:00Z'::timestamptz
        from project p join zone z on z.id = p.zone_id where p.code like 'SYN-%' ${exclude}
        union all
        select 'B02', '${period}', 'zone', z.id::text, z.id, z.commune_id, z.developer_id, 'CCN', 'accepted', 1, 1,
          '${due}T16:59:59.999Z'::timestamptz, '${due}T02:00:00Z'::timestamptz, '${due}T09:00:00Z'::timestamptz
        from zone z where z.code like 'SYN-%' and z.developer_id is not null
        returning id, form_code, reporter_ref
      )
      insert into report_revision (filing_id, revision_no, form_version, values, state, submitted_at, reviewed_at)
      select f.id, 1, '${version}',
        case when f.form_code = 'B01' then jsonb_build_object(
          'revenue_vnd', round((abs(hashtext(f.reporter_ref || '${period}')) % 50000) / 100.0, 2),
          'state_budget_vnd', round((abs(hashtext(f.reporter_ref || 'b${period}')) % 5000) / 100.0, 2),
          'workers', abs(hashtext(f.reporter_ref)) % 400 + 5,
          'avg_income_vnd', round(6 + (abs(hashtext(f.reporter_ref || 'i')) % 600) / 100.0, 2))
        else jsonb_build_object('revenue_vnd', round((abs(hashtext(f.reporter_ref || '${period}')) % 3000) / 100.0, 2),
          'state_budget_vnd', 1, 'workers', 20, 'avg_income_vnd', 9) end,
        'accepted', '${due}T03:00:00Z'::timestamptz, '${due}T09:00:00Z'::timestamptz
      from f
      returning 1`);
    filings += result.length;
  }
  // One enterprise user per chosen investor, sharing one password hash (hashing 200 times would only measure argon2).
  const hash = await hashPassword(PASSWORD);
  const submitters: string[] = [];
  for (const [i, c] of chosen.entries()) {
    const username = `bench-dn-${String(i + 1).padStart(3, '0')}`;
    const user = (await db.query<{ id: string }>(
      `insert into app_user (username, display_name, password_hash, search_text) values ($1, $1, $2, $1) returning id`,
      [username, hash],
    )) as { id: string }[];
    await db.query(
      `insert into role_assignment (user_id, role_code, scope_kind, scope_ref) values ($1, 'enterprise', 'organisation', $2)`,
      [user[0]!.id, c.investor],
    );
    submitters.push(`${username}|${c.code}`);
  }
  // What autovacuum does within a minute of a bulk load (PGlite has none): statistics, and the visibility map
  // that lets a count read an index alone.
  await db.query('vacuum analyze report_filing, report_revision, zone, project');
  log(
    `${filings} filings over ${periods(from).length} periods, ${submitters.length} submitters (${round((performance.now() - started) / 1000)} s)`,
  );
  return { filings, submitters };
}

type Submitter = { username: string; projectCode: string; cookie: string; csrf: string };

/** A bench user's session (the load test's tenants share one password). */
const signInAs = (url: string, username: string, password = PASSWORD) => signIn(url, username, password);

/** Every submitter at once: save the draft, then submit it. Returns per-submitter latency and failures. */
async function burst(url: string, submitters: Submitter[]) {
  const values = { revenue_vnd: 120.5, state_budget_vnd: 3.2, workers: 150, avg_income_vnd: 9.5 };
  const failures: string[] = [];
  const times: number[] = [];
  const submitted: { id: string; version: number; projectCode: string }[] = [];
  const started = performance.now();
  await Promise.all(
    submitters.map(async (s) => {
      const t = performance.now();
      const headers = {
        'content-type': 'application/json',
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        origin: url,
      };
      const draft = await fetch(`${url}/api/filings/draft`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          formCode: 'B01',
          period: PERIOD,
          reporter: { kind: 'project', code: s.projectCode },
          values,
          // Last year's figures are random: explain every item so the outlier rule never refuses the submission.
          explanations: Object.fromEntries(Object.keys(values).map((k) => [k, 'Số liệu thử tải của bench.'])),
        }),
      });
      const body = (await draft.json()) as { id: string; version: number };
      if (!draft.ok)
        return void failures.push(
          `${s.username} draft ${draft.status} ${JSON.stringify(body).slice(0, 200)}`,
        );
      const submit = await fetch(`${url}/api/filings/${body.id}/submit`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ version: body.version }),
      });
      if (!submit.ok)
        failures.push(`${s.username} submit ${submit.status} ${(await submit.text()).slice(0, 200)}`);
      else {
        const done = (await submit.json()) as { id: string; version: number };
        submitted.push({ id: done.id, version: done.version, projectCode: s.projectCode });
      }
      times.push(performance.now() - t);
    }),
  );
  times.sort((a, b) => a - b);
  return {
    failures,
    submitted,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
  };
}

type B04Item = { no: string; value: number | null };

async function getJson<T>(
  url: string,
  session: Session,
  path: string,
): Promise<{ ms: number; body: T; bytes: number }> {
  const t = performance.now();
  const res = await fetch(`${url}${path}`, { headers: { cookie: session.cookie } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  const ms = performance.now() - t;
  return { ms, body: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

/**
 * The officer accepts submitted reports one by one; after each, Biểu 04 and the completeness table are read at
 * once. Biểu 04's revenue (item 23) must have grown by exactly the accepted figure — the report is live — and
 * both requests pay for a computation afresh, since their inputs changed.
 */
async function acceptAndRead(
  label: { database: string; scale: string },
  url: string,
  session: Session,
  submitted: { id: string; version: number; projectCode: string }[],
  revenue: number,
  baseline: number,
) {
  const b04 = `/api/compilations?formCode=B04&period=${PERIOD}`;
  // Item 23 counts the tenants of established (or legacy operating) clusters only: accept reports that it
  // lists as missing now, so that each acceptance must move it.
  const missing = await getJson<{ item: { gaps: { reporterCode?: string }[] } }>(
    url,
    session,
    `/api/compilations/items/23?formCode=B04&period=${PERIOD}&limit=1000`,
  );
  const counted = new Set(missing.body.item.gaps.map((g) => g.reporterCode));
  const chosen = submitted.filter((s) => counted.has(s.projectCode));
  const completeness = `/api/completeness?period=${PERIOD}&groupBy=commune`;
  const revenueOf = (items: B04Item[]) => items.find((i) => i.no === '23')!.value ?? 0;
  let before = revenueOf(
    (await getJson<{ report: { items: B04Item[] } }>(url, session, b04)).body.report.items,
  );
  const b04Times: number[] = [];
  const itemTimes: number[] = [];
  const completenessTimes: number[] = [];
  let stale = 0;
  for (const filing of chosen.slice(0, ACCEPTANCES[label.scale as ScaleName])) {
    const res = await fetch(`${url}/api/filings/${filing.id}/accept`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        origin: url,
      },
      body: JSON.stringify({ version: filing.version }),
    });
    if (!res.ok) throw new Error(`accept ${filing.id}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
    const read = await getJson<{ report: { items: B04Item[] } }>(url, session, b04);
    b04Times.push(read.ms);
    const after = revenueOf(read.body.report.items);
    if (Math.round((after - before) * 100) !== Math.round(revenue * 100)) stale += 1;
    before = after;
    // The officer opens the item: its first page of sources and gaps (the drill-down), from the kept report.
    itemTimes.push(
      (await getJson(url, session, `/api/compilations/items/23?formCode=B04&period=${PERIOD}&limit=200`)).ms,
    );
    completenessTimes.push((await getJson(url, session, completeness)).ms);
  }
  const n = b04Times.length;
  const national = label.scale === 'national';
  for (const [metric, times, target] of [
    [
      `GET Biểu 04 right after an acceptance (kept report updated)`,
      b04Times,
      national ? NATIONAL_B04_AFTER_MS : B04_MS,
    ],
    [`GET Biểu 04 item 23 opened (first 200 sources and gaps)`, itemTimes, null],
    [`GET completeness right after an acceptance`, completenessTimes, national ? null : COMPLETENESS_MS],
  ] as const) {
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `  [${label.database} ${label.scale}] ${metric}: p50 ${round(p50)} ms, p95 ${round(p95)} ms (${n})`,
    );
    rows.push({ ...label, metric: `${metric} p50 (${n} acceptances)`, value: round(p50), unit: 'ms' });
    rows.push({
      ...label,
      metric: `${metric} p95 (${n} acceptances)`,
      value: round(p95),
      unit: 'ms',
      ratio: round(p95 / baseline),
      ...(target !== null ? { target: `< ${target} ms`, met: p95 < target } : {}),
    });
  }
  console.log(
    `  [${label.database} ${label.scale}] acceptances not shown at once in Biểu 04: ${stale} of ${n}`,
  );
  rows.push({
    ...label,
    metric: `acceptances shown at once in Biểu 04 (item 23 grew by the accepted revenue)`,
    value: NaN,
    unit: `${n - stale} of ${n}`,
    target: 'all',
    met: stale === 0,
  });
}

async function measureReporting(
  label: { database: string; scale: string },
  izis: RunningIzis,
  submitters: string[],
): Promise<number> {
  await idle();
  const session = await signIn(izis.url);
  const uptime = () =>
    `load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`;
  console.log(`  [${label.database} ${label.scale}] ${uptime()}`);
  const { p95: baseline } = await measure(label, izis.url, session, 'GET /api/health', '/api/health');
  // The first response: the figures, counts and as-of of every item (the records come when an item is opened).
  const first = await getJson(izis.url, session, `/api/compilations?formCode=B04&period=${PERIOD}`);
  const national = label.scale === 'national';
  console.log(
    `  [${label.database} ${label.scale}] Biểu 04 first response: ${round(first.bytes / 1024)} KB in ${round(first.ms)} ms (computed in full)`,
  );
  rows.push({
    ...label,
    metric: `Biểu 04 first response size`,
    value: round(first.bytes / 1024),
    unit: 'KB',
    ...(national ? { target: '< 100 KB', met: first.bytes < NATIONAL_B04_BYTES } : {}),
  });
  rows.push({
    ...label,
    metric: `Biểu 04 first request after start (computed in full)`,
    value: round(first.ms),
    unit: 'ms',
  });
  await measure(
    label,
    izis.url,
    session,
    `GET /api/compilations?formCode=B04&period=${PERIOD} (Biểu 04, computed live)`,
    `/api/compilations?formCode=B04&period=${PERIOD}`,
    { baseline, targetMs: national ? NATIONAL_B04_MS : B04_MS },
  );
  await measure(
    label,
    izis.url,
    session,
    `GET /api/completeness?period=${PERIOD}&groupBy=commune`,
    `/api/completeness?period=${PERIOD}&groupBy=commune`,
    { baseline, ...(label.scale === 'city' ? { targetMs: COMPLETENESS_MS } : {}) },
  );
  // The filings list as each kind of reader sees it, scoped and paged in its query (issue 15: < 50 ms each).
  const readers: [string, () => Promise<{ cookie: string; csrf: string }>][] = [
    ['a tenant (one project)', () => signInAs(izis.url, submitters[0]!.split('|')[0]!)],
    ['a commune officer (Đông Anh)', () => signInAs(izis.url, 'xadonganh', DEMO_PASSWORD)],
    ['the CCN department officer', () => signInAs(izis.url, 'sct', DEMO_PASSWORD)],
  ];
  for (const [reader, signInReader] of readers) {
    await measure(
      label,
      izis.url,
      await signInReader(),
      `GET /api/filings?period=${PERIOD} as ${reader}`,
      `/api/filings?period=${PERIOD}&page=1&pageSize=50`,
      { baseline, targetMs: LIST_MS },
    );
  }
  console.log(`  [${label.database} ${label.scale}] ${uptime()}`);
  const signedIn: Submitter[] = [];
  for (const entry of submitters) {
    const [username, projectCode] = entry.split('|') as [string, string];
    signedIn.push({ username, projectCode, ...(await signInAs(izis.url, username)) });
  }
  const load = round(loadavg()[0]!);
  const result = await burst(izis.url, signedIn);
  console.log(
    `  [${label.database}] ${SUBMITTERS} concurrent submitters: ${round(result.seconds)} s, failures ${result.failures.length}`,
  );
  for (const f of result.failures.slice(0, 5)) console.log(`    ${f}`);
  rows.push({
    ...label,
    metric: `${SUBMITTERS} tenants submitting Biểu 01 at once (draft + submit each): wall time`,
    value: round(result.seconds),
    unit: 's',
  });
  rows.push({
    ...label,
    metric: `… per submitter p50 / p95`,
    value: NaN,
    unit: `${round(result.p50)} / ${round(result.p95)} ms`,
  });
  await idle();
  await acceptAndRead(label, izis.url, session, result.submitted, 120.5, baseline);
  console.log(`  [${label.database} ${label.scale}] ${uptime()}`);
  rows.push({ ...label, metric: `… load average during the burst`, value: load, unit: '' });
  return result.failures.length;
}

/** Submissions of the burst stored in the database (read after the server has stopped: PGlite has one owner). */
async function storedSubmissions(db: Database): Promise<number> {
  const n = (await db.query<{ n: number }>(
    `select count(*)::int as n from report_filing f join report_revision r on r.filing_id = f.id and r.revision_no = f.current_revision
     where f.form_code = 'B01' and f.period = '${PERIOD}' and f.status in ('submitted', 'accepted') and r.state in ('submitted', 'accepted')
       and r.values->>'revenue_vnd' = '120.5'`,
  )) as { n: number }[];
  return n[0]!.n;
}

export async function reporting(
  databaseUrl: string | undefined,
  databases?: ('embedded' | 'postgres')[],
  scale: ScaleName = 'city',
) {
  const which = databases ?? (databaseUrl ? ['embedded', 'postgres'] : ['embedded']);
  const keep = process.env.BENCH_KEEP === '1';
  const setup = reportingScales[scale];
  console.log(`  reporting bench, ${scale} scale: ${setup.described}`);
  for (const database of which) {
    const label = { database, scale };
    const pgUrl = database === 'postgres' ? await scratchDatabase(databaseUrl!, 'bench_reporting') : null;
    // A shared, loaded machine can take minutes to start the server (tsx transpiles it): wait for it.
    const first = await startIzis({ databaseUrl: pgUrl, startTimeoutMs: 600_000 });
    const open = () =>
      pgUrl ? openPostgres(pgUrl) : openPglite({ dataDir: embeddedDatabasePaths(first.dataDir).dir });
    await first.stop();
    if (keep)
      console.log(`  [${database}] kept afterwards: ${pgUrl ?? embeddedDatabasePaths(first.dataDir).dir}`);
    const db = await open();
    let submitters: string[];
    try {
      const data = await generate(db, setup.size, undefined, {
        log: (m) => console.log(`  [${database}] ${m}`),
      });
      rows.push({
        ...label,
        metric: `generate ${data.zones} zones (all made clusters), ${data.projects} projects`,
        value: round(data.ms / 1000),
        unit: 's',
      });
      const filled = await fillReports(db, setup.from, (m) => console.log(`  [${database}] ${m}`));
      rows.push({
        ...label,
        metric: `accepted filings generated (${periods(setup.from).length} semi-annual periods)`,
        value: filled.filings,
        unit: '',
      });
      submitters = filled.submitters;
    } finally {
      await db.close();
    }
    // No warm-up at start (the harness's default, server/warm-up.ts): the first Biểu 04 below is computed in full.
    const izis = await startIzis({ dataDir: first.dataDir, databaseUrl: pgUrl, startTimeoutMs: 600_000 });
    let errors: number;
    try {
      errors = await measureReporting(label, izis, submitters);
    } catch (error) {
      console.error(izis.output().slice(-4000));
      throw error;
    } finally {
      await izis.stop();
    }
    const check = await open();
    try {
      const stored = await storedSubmissions(check);
      rows.push({
        ...label,
        metric: `… submissions stored`,
        value: NaN,
        unit: `${errors} errors / ${stored} stored`,
        target: `0 errors, ${SUBMITTERS} stored`,
        met: errors === 0 && stored === SUBMITTERS,
      });
    } finally {
      await check.close();
      if (!keep) {
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
