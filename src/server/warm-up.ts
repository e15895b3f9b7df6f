import type { Db } from '../db/client';
import type { Actor, RoleCode } from '../domain/identity/roles';
import { localDateOf } from '../domain/reporting/calendar';
import { lastEndedPeriod, periodBeingReported } from '../domain/reporting/periods';
import { AppError } from '../domain/shared/errors';
import { loadActor } from '../services/auth/auth.service';
import { getDashboard } from '../services/dashboard/dashboard.service';
import type { Clock, ServiceDeps } from '../services/deps';
import { listWatchEntries } from '../services/monitoring/watch-list.service';
import { getCompilation } from '../services/reporting/compilation.service';
import { completenessPage, type CompletenessGroup } from '../services/reporting/completeness.service';
import type { Logger } from '../services/system/logger';
import type { ReadRouting } from '../services/system/read-replicas';
import { findRecentUsersWithRoles } from '../services/user/user.repository';

/**
 * A starting process computes the views the city's officials open first — the dashboard, the watch list, the
 * completeness table and Biểu 03/04 of the period being reported and the last one ended — for the most recently
 * signed-in officials, one view at a time, before it says it is ready (`GET /api/ready`). Kept views are kept
 * per process (services/system/memo.ts): without this, the first minute after a start or a failover computed
 * each of them under the users' first requests — with 300 users arriving at once, the first 10 s answered at
 * p95 1.6 s (docs/performance.md). Nothing is written; a view the official may not read is skipped; the work
 * stops at its time budget, and a process that failed to warm still serves (it is only slower at first).
 */
export type WarmUp = {
  /** True once the views are computed, the budget spent, or the warm-up failed. */
  ready(): boolean;
  /** Resolves when the warm-up ends, with what it did. */
  done: Promise<WarmUpReport>;
};

export type WarmUpReport = { readers: number; views: number; skipped: number; failed: number; ms: number };

/** Roles whose views are shared by few scopes: the officials a deployment has tens of, not thousands. */
const OFFICIAL_ROLES: readonly RoleCode[] = [
  'system_admin',
  'leader',
  'department_officer',
  'commune_officer',
];
/** Distinct scopes warmed at most (each keeps about ten entries of the process's cache). */
const MAX_READERS = 8;
const GROUPS: readonly CompletenessGroup[] = ['form', 'commune'];

export type WarmUpOptions = {
  db: Db;
  reads?: ReadRouting;
  clock: Clock;
  log: Logger;
  /** Stop after this long (default 60 s). */
  budgetMs?: number;
};

export function startWarmUp(options: WarmUpOptions): WarmUp {
  let finished = false;
  const done = warmUp(options)
    .catch((error: unknown) => {
      options.log.warn({ err: (error as Error).message }, 'warm-up failed');
      return { readers: 0, views: 0, skipped: 0, failed: 1, ms: 0 };
    })
    .then((report) => {
      finished = true;
      return report;
    });
  return { ready: () => finished, done };
}

async function warmUp(options: WarmUpOptions): Promise<WarmUpReport> {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? 60_000;
  const deadline = started + budgetMs;
  const readers = await officials(options.db);
  // Heavy reads go where the routes send them: a caught-up replica when there is one (server/context.ts).
  const readDb = options.reads?.enabled ? (await options.reads.readDb(null)).db : options.db;
  const today = localDateOf(options.clock.now());
  const periods = [...new Set([periodBeingReported(today), lastEndedPeriod(today)])];
  const report: WarmUpReport = { readers: readers.length, views: 0, skipped: 0, failed: 0, ms: 0 };
  for (const actor of readers) {
    const deps = (db: Db): ServiceDeps => ({
      db,
      actor,
      clock: options.clock,
      log: options.log,
      requestId: 'warm-up',
    });
    const views: (() => Promise<unknown>)[] = [
      () => getDashboard(deps(readDb)),
      () => listWatchEntries(deps(options.db)),
    ];
    for (const period of periods) {
      for (const groupBy of GROUPS)
        views.push(() => completenessPage(deps(readDb), { period, groupBy, page: 1, pageSize: 20 }));
      views.push(() => getCompilation(deps(readDb), { formCode: 'B04', period }));
      for (const a of actor.assignments)
        if (a.role === 'commune_officer' && a.scopeKind === 'commune' && a.scopeRef)
          views.push(() => getCompilation(deps(readDb), { formCode: 'B03', period, commune: a.scopeRef }));
    }
    for (const view of views) {
      if (performance.now() > deadline) {
        options.log.warn({ budgetMs }, 'warm-up stopped at its time budget');
        return { ...report, ms: Math.round(performance.now() - started) };
      }
      try {
        await view();
        report.views += 1;
      } catch (error) {
        // Not this official's to read (a role without the dashboard, a commune's Biểu 04): nothing to warm.
        if (error instanceof AppError) report.skipped += 1;
        else {
          report.failed += 1;
          options.log.warn({ err: (error as Error).message }, 'warm-up: a view failed');
        }
      }
    }
  }
  report.ms = Math.round(performance.now() - started);
  options.log.info(report, 'warmed up');
  return report;
}

/** The most recently signed-in officials, one per distinct set of role assignments (what views are kept per). */
async function officials(db: Db): Promise<Actor[]> {
  const users = await findRecentUsersWithRoles(db, OFFICIAL_ROLES, MAX_READERS * 8);
  const seen = new Set<string>();
  const actors: Actor[] = [];
  for (const user of users) {
    const actor = await loadActor(db, user);
    const key = JSON.stringify(actor.assignments);
    if (seen.has(key)) continue;
    seen.add(key);
    actors.push(actor);
    if (actors.length === MAX_READERS) break;
  }
  return actors;
}
