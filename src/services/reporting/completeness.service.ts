import { sql } from 'drizzle-orm';
import { hasPermission, type Actor } from '../../domain/identity/roles';
import { type Timeliness } from '../../domain/reporting/calendar';
import { formCodes, type FormCode } from '../../domain/reporting/form-types';
import { obligationKey, obligationsFor, type Obligation } from '../../domain/reporting/obligations';
import { parsePeriod } from '../../domain/reporting/periods';
import { AppError, validationError } from '../../domain/shared/errors';
import { requireActor, type ServiceDeps } from '../deps';
import { memo } from '../system/memo';
import { editLayered, LayeredMap } from '../../domain/shared/layered-map';
import type { Db } from '../../db/client';
import { loadChangeState, type ChangeState, type RegistrySnapshot } from './compilation.repository';
import { registrySnapshot } from './compilation.service';
import { canReadFiling, type FilingFacts } from './filing.policy';
import { rowsOf } from '../../db/rows';

export type CompletenessGroup = 'form' | 'commune' | 'zone';

export type CompletenessQuery = {
  period: string;
  groupBy?: CompletenessGroup;
  formCode?: FormCode;
};

export type CompletenessRowView = {
  formCode: FormCode;
  period: string;
  group: { kind: CompletenessGroup; id: string | null; code: string | null; name: string | null };
  expected: number;
  received: number;
  onTime: number;
  late: number;
  /** Not submitted and the due day is over. */
  overdue: number;
  /** Not submitted yet, still before the deadline. */
  pending: number;
  dueDate: string;
};

export type OutstandingObligation = {
  formCode: FormCode;
  period: string;
  /** A project's reporter also names its investor. */
  reporter: {
    kind: string;
    id: string;
    code: string | null;
    name: string | null;
    investorName?: string | null;
  };
  zoneCode: string | null;
  communeCode: string | null;
  dueDate: string;
  status: Timeliness;
  filingStatus: string | null;
};

export type CompletenessReport = {
  period: string;
  asOf: string;
  rows: CompletenessRowView[];
  /** Expected reports not (yet) submitted, overdue first — the list reminders are sent from. */
  outstanding: OutstandingObligation[];
};

/**
 * Expected / received / on time / late / overdue / pending per form and commune or zone for a period: the
 * expected reports are derived from the registry (domain/reporting/obligations), the received ones are the
 * filings' first submissions; only what the caller may read is counted.
 */
export async function completenessReport(
  deps: ServiceDeps,
  query: CompletenessQuery,
): Promise<CompletenessReport> {
  const actor = requireActor(deps);
  if (!hasPermission(actor, 'report.read')) throw new AppError('forbidden');
  if (!parsePeriod(query.period)) {
    throw validationError({
      period: {
        vi: `Kỳ báo cáo "${query.period}" không đúng dạng.`,
        en: `Period "${query.period}" is not valid.`,
      },
    });
  }
  const forms = (query.formCode ? [query.formCode] : formCodes).filter(
    (f) => f === 'B01' || f === 'B02' || f === 'KCN_TENANT',
  );
  // The registry kept while its version is unchanged; the period's submissions kept and, after a change,
  // updated with the filings written since (services/system/memo.ts, compilation.repository's change state).
  const state = await loadChangeState(deps.db);
  const expected = await owedReports(deps, query.period, forms, state.registryVersion);
  const filings = await submissions(deps, query.period, state);
  const now = deps.clock.now();
  const groupBy = query.groupBy ?? 'commune';
  // The table depends on the clock only through which due days are over, and on the caller only through
  // their assignments and reporting permissions: kept per both, with the inputs' fingerprints.
  const overdue = expected.deadlines.map((d) => (now.getTime() <= d ? '0' : '1')).join('');
  const caller = JSON.stringify([
    actor.assignments,
    (['report.file', 'report.review', 'report.read'] as const).map((p) => hasPermission(actor, p)),
  ]);
  // The kept table itself is the answer (the same object while nothing it reads changed, so the route can keep
  // its encoded body); its "as of" is the instant it was counted — true, since nothing it depends on changed.
  const key = `completeness|${query.period}|${forms.join(',')}|${groupBy}|${caller}`;
  const base = `${state.registryVersion}|${overdue}`;
  return memo(deps.db, key, `${base}|${filings.revision}`, async (): Promise<CompletenessReport> => {
    // After a submission or acceptance the same reader's table is the last one counted with the reports that
    // changed since counted again (the registry and the deadlines passed being the same), not all of them.
    const previous = lastCounted(deps.db, key);
    const recounted =
      previous?.base === base
        ? recount(previous, expected.list, filings, actor, groupBy, now.getTime())
        : undefined;
    completenessCounts[recounted ? 'incremental' : 'full'] += 1;
    const counted = recounted ?? count(expected.list, filings, actor, groupBy, now.getTime());
    keepCounted(deps.db, key, {
      base,
      revision: filings.revision,
      byGroup: counted.byGroup,
      outstandingTotal: counted.outstandingTotal,
    });
    const report = {
      period: query.period,
      asOf: now.toISOString(),
      rows: counted.rows,
    } as CompletenessReport;
    // The outstanding list (ten thousand reports at city scale) is built when read, once: the reports page
    // reads a page of it (`completenessPage`) and the dashboard none; the watch list reads it whole.
    let built: OutstandingObligation[] | undefined;
    Object.defineProperty(report, 'outstanding', {
      enumerable: true,
      get: () => (built ??= counted.outstanding(0, counted.outstandingTotal)),
    });
    countedOf.set(report, counted);
    return report;
  });
}

/** Tables counted in full and brought up to date from the last one (`recount`), since the process started. */
export const completenessCounts = { full: 0, incremental: 0 };

/** What `count` found, per kept table: a page of the outstanding list is built without the rest. */
const countedOf = new WeakMap<CompletenessReport, Counted>();

/** The completeness table with one page of its outstanding list: what the HTTP route answers. */
export type CompletenessPage = Omit<CompletenessReport, 'outstanding'> & {
  outstanding: { items: OutstandingObligation[]; total: number };
};

/** Pages made of a kept table, per page and size (a few at most; a table no longer kept takes its pages along). */
const pagesOf = new WeakMap<CompletenessReport, Map<string, CompletenessPage>>();
const MAX_PAGES_KEPT = 32;

/**
 * The completeness table with one page of the outstanding list (ten thousand reports at city scale: the
 * reports page shows them a page at a time). The same object for the same page while the table is unchanged,
 * so the route encodes it once (server/kept-json.ts).
 */
export async function completenessPage(
  deps: ServiceDeps,
  query: CompletenessQuery & { page: number; pageSize: number },
): Promise<CompletenessPage> {
  const report = await completenessReport(deps, query);
  let pages = pagesOf.get(report);
  if (!pages) pagesOf.set(report, (pages = new Map()));
  const key = `${query.page}|${query.pageSize}`;
  let page = pages.get(key);
  if (!page) {
    if (pages.size >= MAX_PAGES_KEPT) pages.clear();
    const start = (query.page - 1) * query.pageSize;
    const counted = countedOf.get(report)!;
    page = {
      period: report.period,
      asOf: report.asOf,
      rows: report.rows,
      outstanding: {
        items: counted.outstanding(start, Math.min(start + query.pageSize, counted.outstandingTotal)),
        total: counted.outstandingTotal,
      },
    };
    pages.set(key, page);
  }
  return page;
}

type Submission = { id: string; submittedAt: Date | null; status: string };

/** `localeCompare`'s order, with one collator instead of one per comparison (ten thousand outstanding). */
const collator = new Intl.Collator();

type Counted = {
  rows: CompletenessRowView[];
  outstandingTotal: number;
  /** The outstanding reports from `start` to `end` (exclusive), in the list's order. */
  outstanding(start: number, end: number): OutstandingObligation[];
  /** Its rows by group key (not changed once counted). */
  byGroup: ReadonlyMap<string, CompletenessRowView>;
};

/**
 * What `recount` needs of a table counted before: its rows, its outstanding total, the submissions' revision
 * it counted, and the registry and deadlines passed it was counted for (`base`). No submissions map: a reader
 * who stopped asking does not keep one alive.
 */
type CountedBefore = {
  base: string;
  revision: number;
  byGroup: ReadonlyMap<string, CompletenessRowView>;
  outstandingTotal: number;
};

/** A row's counters for one report of the given status, added (+1) or taken away (-1). */
function tally(row: CompletenessRowView, status: Timeliness, sign: 1 | -1) {
  if (status === 'on_time' || status === 'late') row.received += sign;
  if (status === 'on_time') row.onTime += sign;
  if (status === 'late') row.late += sign;
  if (status === 'overdue') row.overdue += sign;
  if (status === 'pending') row.pending += sign;
}

const outstandingStatus = (status: Timeliness) => status === 'overdue' || status === 'pending';

/**
 * Counts the obligations the caller may read, per group. The outstanding reports — overdue first, then by due
 * date and reporter code — are the order of `expected` itself (`expectedReports`): a report is overdue exactly
 * when its due day is over, so every overdue report is due before every pending one; the list is kept in that
 * order once per registry, not sorted again after every submission. They are found when read, as far as read
 * (the reports page reads a page of twenty; the watch list all).
 */
function count(
  expected: readonly Expected[],
  filings: KeptSubmissions,
  actor: Actor,
  groupBy: CompletenessGroup,
  nowMs: number,
): Counted {
  const rows = new Map<string, CompletenessRowView>();
  let outstandingTotal = 0;
  for (let i = 0; i < expected.length; i += 1) {
    const e = expected[i]!;
    if (!canReadFiling(actor, e.facts)) continue;
    const o = e.obligation;
    const key = e.groupKeys[groupBy];
    let row = rows.get(key);
    if (!row) {
      const groupId = groupBy === 'form' ? null : groupBy === 'commune' ? o.communeId : o.zoneId;
      const group = groupId ? (groupBy === 'commune' ? e.commune : e.zone) : undefined;
      row = {
        formCode: o.formCode,
        period: o.period,
        group: { kind: groupBy, id: groupId, code: group?.code ?? null, name: group?.name ?? null },
        expected: 0,
        received: 0,
        onTime: 0,
        late: 0,
        overdue: 0,
        pending: 0,
        dueDate: o.dueDate,
      };
      rows.set(key, row);
    }
    const status = statusNow(e, filings, nowMs);
    row.expected += 1;
    tally(row, status, 1);
    if (outstandingStatus(status)) outstandingTotal += 1;
  }
  return counted(rows, outstandingTotal, expected, filings, actor, nowMs);
}

/**
 * `previous` brought up to `filings`: the rows of the reports whose submission changed since it was counted
 * (the submissions' change log) counted again, the others as they were. Undefined when the log does not reach
 * back to it (then `count` counts everything). Only valid with the same registry and deadlines passed.
 */
function recount(
  previous: CountedBefore,
  expected: readonly Expected[],
  filings: KeptSubmissions,
  actor: Actor,
  groupBy: CompletenessGroup,
  nowMs: number,
): Counted | undefined {
  const before = changedSince(filings, previous.revision);
  if (!before) return undefined;
  const rows = new Map([...previous.byGroup].map(([key, row]) => [key, { ...row, group: { ...row.group } }]));
  let outstandingTotal = previous.outstandingTotal;
  const index = indexOf(expected);
  for (const [key, was] of before) {
    const i = index.get(key);
    if (i === undefined) continue; // a filing no obligation of the period asks for: counted nowhere
    const e = expected[i]!;
    if (!canReadFiling(actor, e.facts)) continue;
    const row = rows.get(e.groupKeys[groupBy])!;
    const from = timelinessAt(e.obligation.dueAt.getTime(), was?.submittedAt ?? null, nowMs);
    const to = statusNow(e, filings, nowMs);
    if (from === to) continue;
    tally(row, from, -1);
    tally(row, to, 1);
    outstandingTotal += Number(outstandingStatus(to)) - Number(outstandingStatus(from));
  }
  return counted(rows, outstandingTotal, expected, filings, actor, nowMs);
}

/** A counted table: its rows in order, and its outstanding reports found when read. */
function counted(
  rows: Map<string, CompletenessRowView>,
  outstandingTotal: number,
  expected: readonly Expected[],
  filings: KeptSubmissions,
  actor: Actor,
  nowMs: number,
): Counted {
  // Positions in `expected` of the outstanding reports found so far, and how far the list was read.
  const at: number[] = [];
  const statuses: Timeliness[] = [];
  let read = 0;
  return {
    rows: [...rows.values()].sort(
      (a, b) =>
        a.formCode.localeCompare(b.formCode) || (a.group.code ?? '').localeCompare(b.group.code ?? ''),
    ),
    byGroup: rows,
    outstandingTotal,
    outstanding: (start, end) => {
      while (at.length < end && read < expected.length) {
        const i = read++;
        const e = expected[i]!;
        if (!canReadFiling(actor, e.facts)) continue;
        const status = statusNow(e, filings, nowMs);
        if (outstandingStatus(status)) {
          at.push(i);
          statuses.push(status);
        }
      }
      const items: OutstandingObligation[] = [];
      for (let n = start; n < Math.min(end, at.length); n += 1) {
        const e = expected[at[n]!]!;
        const o = e.obligation;
        items.push({
          formCode: o.formCode,
          period: o.period,
          reporter: {
            kind: o.reporter.kind,
            id: o.reporter.id,
            code: e.reporter?.code ?? null,
            name: e.reporter?.name ?? null,
            ...(o.reporter.kind === 'project' ? { investorName: e.reporter?.investorName ?? null } : {}),
          },
          zoneCode: e.zone?.code ?? null,
          communeCode: e.commune?.code ?? null,
          dueDate: o.dueDate,
          status: statuses[n]!,
          filingStatus: filings.byKey.get(e.key)?.status ?? null,
        });
      }
      return items;
    },
  };
}

/** Each expected report's position by obligation key, once per list. */
const indexes = new WeakMap<readonly Expected[], Map<string, number>>();
function indexOf(expected: readonly Expected[]): Map<string, number> {
  let index = indexes.get(expected);
  if (!index) indexes.set(expected, (index = new Map(expected.map((e, i) => [e.key, i]))));
  return index;
}

/** The last table counted per kept key and database. */
const lastTables = new WeakMap<Db, Map<string, CountedBefore>>();
/** As many as the kept views' cache holds (services/system/memo.ts): one per reader's table at most. */
const MAX_TABLES_KEPT = 128;

function lastCounted(db: Db, key: string) {
  return lastTables.get(db)?.get(key);
}

function keepCounted(db: Db, key: string, table: CountedBefore) {
  let tables = lastTables.get(db);
  if (!tables) lastTables.set(db, (tables = new Map()));
  tables.delete(key);
  tables.set(key, table);
  while (tables.size > MAX_TABLES_KEPT) tables.delete(tables.keys().next().value!);
}

/**
 * `timeliness` (domain/reporting/calendar) with the obligation's deadline already worked out: `dueAt` is the
 * last millisecond of the due day in Vietnam time, so "before the start of the next day" is "at or before
 * `dueAt`". Ten thousand obligations need not parse their due date ten thousand times.
 */
function timelinessAt(dueAt: number, submittedAt: Date | null, now: number): Timeliness {
  if (submittedAt) return submittedAt.getTime() <= dueAt ? 'on_time' : 'late';
  return now <= dueAt ? 'pending' : 'overdue';
}

/** An expected report's timeliness with the submissions of `filings`. */
function statusNow(e: Expected, filings: KeptSubmissions, nowMs: number): Timeliness {
  return timelinessAt(e.obligation.dueAt.getTime(), filings.byKey.get(e.key)?.submittedAt ?? null, nowMs);
}

/** One expected report with everything the table needs about it, worked out once per registry snapshot. */
export type Expected = {
  obligation: Obligation;
  key: string;
  /** The row it counts in, per grouping. */
  groupKeys: Record<CompletenessGroup, string>;
  facts: FilingFacts;
  commune: { code: string; name: string } | undefined;
  zone: { code: string; name: string } | undefined;
  reporter: { code: string; name: string; investorName?: string | null } | undefined;
};

/**
 * Who owes which report of the period: the obligations of the forms, derived from the registry snapshot and
 * kept with it — one answer for the completeness table, the reminders' peers and a developer's bulk roster.
 */
export async function owedReports(
  deps: ServiceDeps,
  period: string,
  forms: readonly FormCode[],
  registryVersion?: string,
): Promise<{ list: Expected[]; deadlines: number[] }> {
  const version = registryVersion ?? (await loadChangeState(deps.db)).registryVersion;
  return memo(deps.db, `expected|${period}|${forms.join(',')}`, version, async () =>
    expectedReports(await registrySnapshot(deps, version), period, forms),
  );
}

/** Who owes which report of the period, from the registry snapshot (cached with it). */
function expectedReports(
  registry: RegistrySnapshot,
  period: string,
  forms: readonly FormCode[],
): { list: Expected[]; deadlines: number[] } {
  const { obligations } = obligationsFor({
    period,
    zones: registry.zones,
    projects: registry.projects,
    province: { department: 'department', management_board: 'management_board' },
    forms,
  });
  const zonesById = new Map(registry.zones.map((z) => [z.id, z]));
  const deadlines = [...new Set(obligations.map((o) => o.dueAt.getTime()))].sort((x, y) => x - y);
  const list = obligations.map((o) => {
    const zone = o.zoneId ? zonesById.get(o.zoneId) : undefined;
    const commune = o.communeId ? registry.units.get(o.communeId) : undefined;
    const project = o.reporter.kind === 'project' ? registry.projectLabels.get(o.reporter.id) : undefined;
    const reporterZone = o.reporter.kind === 'project' ? undefined : zonesById.get(o.reporter.id);
    return {
      obligation: o,
      key: obligationKey(o),
      groupKeys: {
        form: `${o.formCode}|${o.period}|`,
        commune: `${o.formCode}|${o.period}|${o.communeId ?? ''}`,
        zone: `${o.formCode}|${o.period}|${o.zoneId ?? ''}`,
      },
      facts: {
        family: o.family,
        zoneCode: zone?.code ?? null,
        communeCode: commune?.code ?? null,
        reporterOrgCode: o.organisationId ? (registry.orgs.get(o.organisationId)?.code ?? null) : null,
        developerOrgCode: zone?.developerOrgId
          ? (registry.orgs.get(zone.developerOrgId)?.code ?? null)
          : null,
      },
      commune,
      zone,
      reporter: project
        ? { code: project.code, name: project.name, investorName: project.investorName }
        : reporterZone,
    };
  });
  // The outstanding list's order (see `count`), with one collator instead of one per comparison.
  list.sort(
    (a, b) =>
      (a.obligation.dueDate < b.obligation.dueDate
        ? -1
        : a.obligation.dueDate > b.obligation.dueDate
          ? 1
          : 0) || collator.compare(a.reporter?.code ?? '', b.reporter?.code ?? ''),
  );
  return { list, deadlines };
}

/**
 * The period's submissions as last read, with the filings watermark of that read and a revision that moves
 * whenever one of them changed (the counted tables are kept per revision).
 */
type KeptSubmissions = {
  watermark: string;
  revision: number;
  byKey: LayeredMap<string, Submission>;
  keyOf: LayeredMap<string, string>;
  /** The last revisions' changes, oldest first, each from the revision before it (empty after a full read). */
  log: readonly SubmissionChange[];
};

/** What one revision changed: the submission each changed key had before it (undefined: none). */
type SubmissionChange = { from: number; to: number; before: ReadonlyMap<string, Submission | undefined> };
/** Revisions whose changes are kept: a table counted further back is counted again in full. */
const MAX_CHANGES_KEPT = 64;

/**
 * The submission each key had at `revision`, for every key changed since (through the change log); undefined
 * when the log does not reach back to it.
 */
function changedSince(
  filings: KeptSubmissions,
  revision: number,
): Map<string, Submission | undefined> | undefined {
  const changed = new Map<string, Submission | undefined>();
  if (revision === filings.revision) return changed;
  const start = filings.log.findIndex((c) => c.from === revision);
  if (start < 0) return undefined;
  for (const change of filings.log.slice(start))
    for (const [key, was] of change.before) if (!changed.has(key)) changed.set(key, was);
  return changed;
}
const keptSubmissions = new WeakMap<Db, Map<string, KeptSubmissions>>();
/** Revisions are numbered across databases and periods: two reads never share a number for different contents. */
let revisions = 0;

/**
 * The period's first submissions by obligation key, kept per filed version (a draft saved does not move it,
 * migration 0022): after a change only the filings written since the last read (and those removed) are read
 * again, through the change index (migration 0021).
 */
function submissions(deps: ServiceDeps, period: string, state: ChangeState): Promise<KeptSubmissions> {
  return memo(deps.db, `submissions|${period}`, state.filedVersion, async () => {
    let perDb = keptSubmissions.get(deps.db);
    if (!perDb) keptSubmissions.set(deps.db, (perDb = new Map()));
    const kept = perDb.get(period);
    // The watermark is read now, before the filings: whatever commits later is at or above it.
    const watermark = (await loadChangeState(deps.db)).watermark;
    const changes = await loadSubmissions(deps, period, kept?.watermark ?? null);
    if (!kept || changes.everything) {
      const all = { byKey: new Map<string, Submission>(), keyOf: new Map<string, string>() };
      for (const [id, key, submittedAt, status] of changes.rows) put(all, id, key, submittedAt, status);
      const next: KeptSubmissions = {
        watermark,
        revision: ++revisions,
        byKey: LayeredMap.of(all.byKey),
        keyOf: LayeredMap.of(all.keyOf),
        log: [],
      };
      perDb.set(period, next);
      return next;
    }
    // A new version per revision (sharing the bulk of the last one): a table counted from the previous one keeps
    // reading it unchanged.
    const changed = changes.rows.length > 0 || changes.removed.length > 0;
    const edit = { byKey: editLayered(kept.byKey), keyOf: editLayered(kept.keyOf) };
    // Each key's submission before this revision, for the tables counted at the last one (`recount`).
    const before = new Map<string, Submission | undefined>();
    const note = (key: string | undefined) => {
      if (key !== undefined && !before.has(key)) before.set(key, kept.byKey.get(key));
    };
    for (const id of changes.removed) {
      note(kept.keyOf.get(id));
      drop(edit, id);
    }
    for (const [id, key, submittedAt, status] of changes.rows) {
      note(kept.keyOf.get(id));
      note(key);
      drop(edit, id);
      put(edit, id, key, submittedAt, status);
    }
    const revision = changed ? ++revisions : kept.revision;
    const next: KeptSubmissions = {
      watermark,
      revision,
      byKey: edit.byKey.done(),
      keyOf: edit.keyOf.done(),
      log: changed
        ? [...kept.log.slice(1 - MAX_CHANGES_KEPT), { from: kept.revision, to: revision, before }]
        : kept.log,
    };
    perDb.set(period, next);
    return next;
  });
}

/** The two maps of kept submissions as they are written: plain maps, or a new version's edits. */
type Writable<K, V> = { get(key: K): V | undefined; set(key: K, value: V): void; delete(key: K): void };
type SubmissionMaps = { byKey: Writable<string, Submission>; keyOf: Writable<string, string> };

function put(kept: SubmissionMaps, id: string, key: string, submittedAt: number | null, status: string) {
  kept.byKey.set(key, { id, submittedAt: submittedAt === null ? null : new Date(submittedAt), status });
  kept.keyOf.set(id, key);
}

function drop(kept: SubmissionMaps, id: string) {
  const key = kept.keyOf.get(id);
  if (key === undefined) return;
  kept.keyOf.delete(id);
  if (kept.byKey.get(key)?.id === id) kept.byKey.delete(key);
}

/**
 * The period's Biểu 01/02 and parks' tenant reports (all of them, or those written at or after `since`), each
 * with its obligation key, first submission and status, and the ids removed since.
 */
async function loadSubmissions(deps: ServiceDeps, period: string, since: string | null) {
  // One JSON text instead of ten thousand rows (see `aggregated` in compilation.repository.ts); the first
  // submission as epoch milliseconds, truncated as the driver's Date is.
  const result = rowsOf(
    await deps.db.execute(sql`
      select (select coalesce(json_agg(json_build_array(id, form_code || '|' || period || '|' || reporter_kind || '|' || reporter_ref,
          floor(extract(epoch from first_submitted_at) * 1000)::bigint, status)), '[]')::text
        from report_filing where form_code in ('B01', 'B02', 'KCN_TENANT') and period = ${period}
          and (${since}::bigint is null or change_xid >= ${since}::bigint)) as rows,
        (select coalesce(json_agg(d.filing_id), '[]')::text from report_filing_removed d
          where ${since}::bigint is not null and (d.period = ${period} or d.period is null)
            and d.change_xid >= ${since}::bigint) as removed`),
  );
  const rows = JSON.parse(String(result[0]!.rows)) as [string, string, number | null, string][];
  const removed = JSON.parse(String(result[0]!.removed)) as (string | null)[];
  return {
    rows,
    everything: removed.includes(null),
    removed: removed.filter((id): id is string => id !== null),
  };
}
