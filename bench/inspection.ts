/**
 * Monitoring benchmarks of issue 12 (schedule, commitments, inspections): the watch sources of
 * services/schedule/schedule.watch.ts and services/inspection/inspection.watch.ts, called in-process on a
 * database holding the city-scale registry (bench/generate.ts: 250 zones with their lifecycles) plus, per
 * zone, five planned steps, a commitment with two targets and eight progress readings, and 10,000 inspections
 * over ten years (2016–2025) with their checklist results, findings (one per failed item, 90 % remedied) and
 * penalties. Target from the issue: each source p95 < 100 ms, on both databases; for a city-wide reader and
 * for one commune's officer.
 */
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { inspectionUnremedied } from '../src/services/inspection/inspection.watch';
import type { WatchSource } from '../src/services/monitoring/watch-source';
import { commitmentMissed, progressStale, scheduleStepLate } from '../src/services/schedule/schedule.watch';
import { prepareReferenceData } from '../src/services/testing';
import type { ZoneVisibility } from '../src/services/zone/zone.policy';
import { scratchDatabase } from '../e2e/harness';
import { generate } from './generate';
import { percentile, round, rows } from './lib';
import pg from 'pg';

const TARGET_MS = 100;
const RUNS = Number(process.env.BENCH_REQUESTS ?? 200);
const INSPECTIONS = 10_000;
const TODAY = '2026-06-30';

/** Five planned steps, a commitment and eight readings per zone; 10,000 inspections with results and findings. */
async function generateMonitoring(database: Database): Promise<Record<string, number>> {
  const run = (statement: ReturnType<typeof sql>) => database.db.execute(statement);
  await run(sql`select setseed(0.2026)`);
  await run(sql`insert into schedule_step (zone_id, step, planned_date, agency, source_kind, source_ref)
    select z.id, s.step, date '2016-01-01' + (s.n * 500 + floor(random() * 1500))::int,
      'UBND xã', 'establishment_decision', 'QĐ thành lập (dữ liệu tổng hợp)'
    from zone z cross join unnest(array['detailed_plan_approved', 'land_clearance', 'construction_start',
      'infrastructure_complete', 'operating']) with ordinality as s(step, n)
    where z.code like 'SYN-%'`);
  await run(sql`insert into commitment (zone_id, document_ref, signed_on, signed_by)
    select id, 'CK-' || code, date '2018-01-01' + floor(random() * 1500)::int, 'Chủ đầu tư' from zone
    where code like 'SYN-%'`);
  await run(sql`insert into commitment_target (commitment_id, step, target_date)
    select c.id, t.step, c.signed_on + (t.n * 400 + floor(random() * 900))::int from commitment c
    cross join unnest(array['construction_start', 'infrastructure_complete']) with ordinality as t(step, n)`);
  await run(sql`insert into progress_reading (zone_id, kind, reading_date, pct, source, reporter_kind)
    select z.id, case when g.n <= 4 then 'land_clearance' else 'construction' end,
      date '2017-01-01' + (g.n * 250 + floor(random() * 200))::int, least(100, g.n * 12.5), 'Báo cáo', 'developer'
    from zone z cross join generate_series(1, 8) as g(n) where z.code like 'SYN-%'`);
  await run(sql`with zones as (select id, row_number() over (order by code) - 1 as i, count(*) over () as n
                                from zone where code like 'SYN-%'),
      kinds as (select code, row_number() over (order by sort_order) - 1 as i, count(*) over () as n
                from inspection_kind)
    insert into inspection (zone_id, kind_code, inspected_on, agency, decision_no)
    select zones.id, kinds.code, date '2016-01-01' + floor(random() * 3652)::int, 'Đoàn kiểm tra liên ngành',
      'KT-' || g.n
    from generate_series(0, ${INSPECTIONS - 1}) g(n)
    join zones on zones.i = (g.n * 7919) % zones.n
    join kinds on kinds.i = g.n % kinds.n`);
  await run(sql`insert into inspection_result (inspection_id, item_code, passed)
    select i.id, c.code, random() > 0.12 from inspection i join inspection_checklist_item c on c.kind_code = i.kind_code`);
  // random() drawn per row in a CTE: an uncorrelated lateral subquery would be evaluated once for all rows.
  await run(sql`with failed as (
      select r.inspection_id, r.item_code, i.inspected_on, random() as p
      from inspection_result r join inspection i on i.id = r.inspection_id where not r.passed)
    insert into inspection_finding (inspection_id, item_code, description, action, deadline, remedied_on, evidence)
    select inspection_id, item_code, 'Không đạt', 'Khắc phục', inspected_on + 60,
      case when p < 0.9 then inspected_on + 45 end, case when p < 0.9 then 'Biên bản' end
    from failed`);
  await run(sql`insert into inspection_penalty (inspection_id, decision_no, decided_on, amount_vnd)
    select id, 'XP-' || id, inspected_on + 10, 10000000 from inspection where random() < 0.1`);
  const [counts] = await database.query<Record<string, number>>(`select
    (select count(*)::int from schedule_step) as steps, (select count(*)::int from commitment_target) as targets,
    (select count(*)::int from progress_reading) as readings, (select count(*)::int from inspection) as inspections,
    (select count(*)::int from inspection_finding) as findings,
    (select count(*)::int from inspection_finding where remedied_on is null) as open_findings`);
  await database.query('analyze');
  return counts!;
}

async function busiestCommune(database: Database): Promise<string> {
  const [row] = await database.query<{
    code: string;
  }>(`select u.code from zone z join admin_unit u on u.id = z.commune_id
    where z.code like 'SYN-%' group by u.code order by count(*) desc, u.code limit 1`);
  return row!.code;
}

async function measureSources(database: Database, label: { database: string; scale: string }) {
  const commune = await busiestCommune(database);
  const scopes: [string, ZoneVisibility][] = [
    ['city-wide', { kind: 'all' }],
    [
      `commune ${commune}`,
      {
        kind: 'scoped',
        families: [],
        communeCodes: [commune],
        zoneCodes: [],
        developerOrgCodes: [],
        investorOrgCodes: [],
      },
    ],
  ];
  const sources: [string, WatchSource][] = [
    ['schedule_step_late', scheduleStepLate],
    ['commitment_missed', commitmentMissed],
    ['progress_stale', progressStale],
    ['inspection_unremedied', inspectionUnremedied],
  ];
  for (const [scopeName, visibility] of scopes) {
    for (const [name, source] of sources) {
      const times: number[] = [];
      let entries = 0;
      for (let i = 0; i < RUNS + 10; i++) {
        const t = performance.now();
        entries = (await source(database.db, visibility, TODAY)).length;
        if (i >= 10) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const p95 = round(percentile(times, 95));
      const metric = `watch source ${name} (${scopeName}, ${entries} entries)`;
      console.log(
        `  [${label.database} ${label.scale}] ${metric}: p50 ${round(percentile(times, 50))} ms, p95 ${p95} ms`,
      );
      rows.push({ ...label, metric: `${metric} p50`, value: round(percentile(times, 50)), unit: 'ms' });
      rows.push({
        ...label,
        metric: `${metric} p95`,
        value: p95,
        unit: 'ms',
        target: `< ${TARGET_MS} ms`,
        met: p95 < TARGET_MS,
      });
    }
  }
}

async function fill(database: Database, label: { database: string; scale: string }) {
  await applyMigrations(database);
  await prepareReferenceData(database.db);
  const data = await generate(database, 'city', undefined, {
    log: (m) => console.log(`  [${label.database}] ${m}`),
  });
  const started = performance.now();
  const counts = await generateMonitoring(database);
  console.log(`  [${label.database}] monitoring data: ${JSON.stringify(counts)}`);
  rows.push({
    ...label,
    metric: `generate ${data.zones} zones + ${counts.inspections} inspections, ${counts.findings} findings, ${counts.steps} planned steps, ${counts.readings} readings`,
    value: round((performance.now() - started) / 1000),
    unit: 's',
  });
}

export async function inspection(databaseUrl: string | undefined, only?: ('embedded' | 'postgres')[]) {
  const label = (database: string) => ({ database, scale: 'city' });
  if (!only || only.includes('embedded')) {
    console.log('\ninspection bench — embedded (PGlite)');
    const database = await openPglite({});
    try {
      await fill(database, label('embedded'));
      await measureSources(database, label('embedded'));
    } finally {
      await database.close();
    }
  }
  if (databaseUrl && (!only || only.includes('postgres'))) {
    console.log('\ninspection bench — PostgreSQL');
    const url = await scratchDatabase(databaseUrl, 'bench_inspection');
    const database = await openPostgres(url);
    try {
      await fill(database, label('postgres'));
      await measureSources(database, label('postgres'));
    } finally {
      await database.close();
      if (process.env.BENCH_KEEP !== '1') {
        const admin = new pg.Client({ connectionString: databaseUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
        await admin.end();
      }
    }
  }
}
