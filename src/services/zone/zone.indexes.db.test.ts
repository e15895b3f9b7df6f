import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateSummary } from '../../../bench/generate';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { findZoneByCode, findZoneFeatures, findZones } from './zone.repository';

/**
 * docs/ENGINEERING.md §9: the registry's list, map and page queries use their indexes. Checked with EXPLAIN on
 * generated data at the city's size (bench/generate.ts: 250 zones, 10,000 projects), where a sequential
 * scan per zone would cost what bench/registry.ts measures.
 */
let database: TestDatabase;
let data: GenerateSummary;
beforeAll(async () => {
  database = await createTestDatabase();
  data = await generate(database, { zones: 250, organisations: 1_000, projects: 10_000, events: 10_000 });
});
afterAll(() => database?.cleanup());

const all = { kind: 'all' } as const;
const firstPage = { sort: 'code', order: 'asc', page: 1, pageSize: 50 } as const;

/** The statements `run` sends, captured by a logging Drizzle over the same connection. */
async function statementsOf(run: (db: Db) => Promise<unknown>) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => statements.push({ sql, params }) };
  const client = (database.db as unknown as { $client: unknown }).$client;
  const db =
    database.kind === 'pglite'
      ? drizzlePglite(client as PGlite, { logger })
      : drizzlePg(client as pg.Pool, { logger });
  await run(db as unknown as Db);
  return statements;
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

/** Every index the plan of `statement` reads. */
async function indexesUsed(statement: { sql: string; params: unknown[] }): Promise<string[]> {
  const rows = await database.query<{ 'QUERY PLAN': unknown }>(
    `explain (format json) ${statement.sql}`,
    statement.params,
  );
  const raw = rows[0]!['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const names: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Index Name']) names.push(node['Index Name']);
    node.Plans?.forEach(walk);
  };
  walk(plan[0]!.Plan);
  return names;
}

async function indexesOf(run: (db: Db) => Promise<unknown>): Promise<string[]> {
  const statements = await statementsOf(run);
  return (await Promise.all(statements.map(indexesUsed))).flat();
}

describe('the zone queries on city-sized data', () => {
  it('derive each listed zone’s lifecycle state and project count through indexes, not scans', async () => {
    const used = await indexesOf((db) => findZones(db, all, firstPage));
    expect(used).toContain('zone_lifecycle_event_zone_idx');
    expect(used).toContain('project_zone_idx');
  });

  it('draw the map with one indexed lifecycle lookup per zone', async () => {
    const used = await indexesOf((db) => findZoneFeatures(db, all, {}));
    expect(used).toContain('zone_lifecycle_event_zone_idx');
  });

  it('open a zone page by its code through the unique index', async () => {
    const used = await indexesOf((db) => findZoneByCode(db, all, data.sample.zoneCodes[17]!));
    expect(used).toContain('zone_code_key');
  });
});
