import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { loadVersions, type Versions } from '../../db/data-version';
import { appRole } from '../../db/privileges';
import { openPostgres, type Database } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../../db/testing';
import { systemActor, type Actor } from '../../domain/identity/roles';
import { getDashboard } from '../dashboard/dashboard.service';
import { listWatchEntries } from '../monitoring/watch-list.service';
import { getCompilation } from '../reporting/compilation.service';
import { completenessReport } from '../reporting/completeness.service';
import { acceptFiling, saveDraft, submitFiling } from '../reporting/filing.service';
import { makeUser, manualClock, testDeps } from '../testing';
import { buildOrganisation, buildProject } from '../testing/factories';
import { addLifecycleEvent } from '../zone/zone.service';
import { cacheLookups } from './metrics';

/**
 * Kept views are versioned by what they read (migration 0022, docs/decisions/0029): each is computed afresh
 * after a change to a family it reads — whichever process made it — and kept through one it does not read. A
 * draft saved recomputes nothing; a submission only what reads the filed reports; an acceptance what reads the
 * accepted figures too; a registry change everything. On PostgreSQL the writes go through a second pool (as a
 * second IZIS process would): its caches are not this one's, only the database's numbers tell.
 */
let database: TestDatabase;
let other: Database | null = null;
/** Where the writes are made: another pool on PostgreSQL; on the embedded database, its one connection. */
let writer: Db;
const clock = manualClock(new Date('2026-06-10T02:00:00Z'));
const actors = {} as Record<'tenant' | 'department', Actor>;
const PERIOD = '2026-H1';
const values = { revenue_vnd: 12.5, state_budget_vnd: 1.2, workers: 85, avg_income_vnd: 8.5 };

beforeAll(async () => {
  database = await createTestDatabase();
  await buildOrganisation(database.db, { code: 'CDT-KV', name: 'Công ty hạ tầng', roles: ['developer'] });
  await buildOrganisation(database.db, { code: 'DN-KV', name: 'Công ty may' });
  await buildProject(database.db, {
    code: 'DA-KV',
    investorCode: 'DN-KV',
    name: 'Nhà máy may',
    status: 'operating',
    zone: { code: 'CCN-KV', name: 'Cụm công nghiệp Giữ', developerCode: 'CDT-KV', declaredAreaHa: 50 },
  } as never);
  // An operating cluster: Biểu 04 counts its tenants' accepted Biểu 01.
  for (const [state, eventDate] of [
    ['in_plan', '2015-03-01'],
    ['established', '2017-05-01'],
    ['operating', '2019-01-10'],
  ]) {
    await addLifecycleEvent(testDeps(database.db, systemActor('test')), 'CCN-KV', {
      state,
      eventDate,
    } as never);
  }
  actors.tenant = (
    await makeUser(database.db, { role: 'enterprise', scopeKind: 'organisation', scopeRef: 'DN-KV' } as never)
  ).actor;
  actors.department = (
    await makeUser(database.db, {
      role: 'department_officer',
      scopeKind: 'family',
      scopeRef: 'CCN',
      family: 'CCN',
    } as never)
  ).actor;
  if (database.url) other = await openPostgres(database.url, { role: appRole });
  writer = other?.db ?? database.db;
});
afterAll(async () => {
  await other?.close();
  await database?.cleanup();
});

const reader = (who: keyof typeof actors) => testDeps(database.db, actors[who], clock);
const writing = (who: keyof typeof actors) => testDeps(writer, actors[who], clock);

/** Every kept view the leaders and officers read, through the reading process. */
async function readAll() {
  const dashboard = await getDashboard(reader('department'));
  const watch = await listWatchEntries(reader('department'));
  const completeness = await completenessReport(reader('department'), { period: PERIOD, groupBy: 'form' });
  const b04 = await getCompilation(reader('department'), { formCode: 'B04', period: PERIOD });
  return { dashboard, watch, completeness, b04 };
}

const views = [
  'dashboard',
  'dashboard-reports',
  'dashboard-watch',
  'dashboard-inspections',
  'dashboard-plan',
  'watch',
  'watch-filed',
  'submissions',
  'expected',
  'compiled',
] as const;

/** The views computed (cache misses) while `step` runs and everything is read once after it. */
async function recomputedBy(step: () => Promise<unknown>): Promise<string[]> {
  const count = async () => {
    const found = new Map<string, number>();
    for (const v of (await cacheLookups.get()).values) {
      if (v.labels.result === 'miss') found.set(String(v.labels.view), v.value);
    }
    return found;
  };
  await readAll();
  const before = await count();
  await step();
  await readAll();
  const after = await count();
  return views.filter((v) => (after.get(v) ?? 0) > (before.get(v) ?? 0));
}

const moved = (a: Versions, b: Versions) =>
  (['data', 'records', 'accepted', 'filed'] as const).filter((k) => a[k] !== b[k]);

describe('kept views, versioned by what they read', () => {
  let filing = { id: '', version: 0 };

  it('computes what reads the filings after a first draft (the completeness table lists it), nothing else', async () => {
    const start = await loadVersions(database.db);
    const recomputed = await recomputedBy(async () => {
      const saved = await saveDraft(writing('tenant'), {
        formCode: 'B01',
        period: PERIOD,
        reporter: { kind: 'project', code: 'DA-KV' },
        values: { revenue_vnd: 10 },
      });
      filing = { id: saved.id, version: saved.version };
    });
    expect(moved(start, await loadVersions(database.db))).toEqual(['data', 'filed']);
    expect(recomputed).toEqual(['dashboard-watch', 'watch-filed', 'submissions']);
  });

  it('computes nothing after the draft is saved again: a draft is no figure', async () => {
    const start = await loadVersions(database.db);
    const recomputed = await recomputedBy(async () => {
      const saved = await saveDraft(writing('tenant'), {
        formCode: 'B01',
        period: PERIOD,
        reporter: { kind: 'project', code: 'DA-KV' },
        values,
        version: filing.version,
      });
      filing.version = saved.version;
    });
    expect(moved(start, await loadVersions(database.db))).toEqual(['data']);
    expect(recomputed).toEqual([]);
  });

  it('counts a submission made through another process at once', async () => {
    const received = async () =>
      (await completenessReport(reader('department'), { period: PERIOD, groupBy: 'form' })).rows.reduce(
        (s, r) => s + r.received,
        0,
      );
    const before = await received();
    const recomputed = await recomputedBy(async () => {
      const submitted = await submitFiling(writing('tenant'), filing.id, { version: filing.version });
      filing.version = submitted.version;
    });
    expect(recomputed).toEqual(['dashboard-watch', 'watch-filed', 'submissions']);
    expect(await received()).toBe(before + 1);
  });

  it('shows an acceptance made through another process in the next Biểu 04, recomputing what reads it', async () => {
    const items = async () =>
      (await getCompilation(reader('department'), { formCode: 'B04', period: PERIOD })).report.items
        .map((i) => i.value)
        .join('|');
    const before = await items();
    const start = await loadVersions(database.db);
    const recomputed = await recomputedBy(() =>
      acceptFiling(writing('department'), filing.id, { version: filing.version }),
    );
    expect(moved(start, await loadVersions(database.db))).toEqual(['data', 'accepted', 'filed']);
    expect(recomputed).toEqual([
      'dashboard-reports',
      'dashboard-watch',
      'dashboard-plan',
      'watch-filed',
      'submissions',
      'compiled',
    ]);
    expect(await items()).not.toBe(before);
  });

  it('computes everything after a registry change (the filings read again only through the change index)', async () => {
    const recomputed = await recomputedBy(() =>
      database.ownerQuery(`update zone set name = name || ' (đổi tên)' where code = 'CCN-KV'`),
    );
    expect(recomputed).toEqual(views.filter((v) => v !== 'submissions'));
  });
});
