import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/identity/roles';
import {
  compileClusterReport,
  liveClusterReport,
  type CompiledItem,
  type CompiledReport,
  type Gap,
  type LiveClusterReport,
} from '../../domain/reporting/aggregate';
import type { ProjectFacts, ZoneFacts } from '../../domain/reporting/facts';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { memo } from '../system/memo';
import type { Db } from '../../db/client';
import { loadFingerprint } from '../../db/data-version';
import {
  findCompilations,
  insertCompilation,
  loadAcceptedFilings,
  loadChangeState,
  loadClusterFacts,
  loadFilingChanges,
  loadProjectFacts,
  loadRegistrySnapshot,
  lockCompilationKey,
  updateDraftCompilation,
  type CompilationRow,
  type RegistrySnapshot,
  type ReporterLabel,
  type ScopedFiling,
} from './compilation.repository';
import { canReadCompilation, canSignCompilation, receivesSigned } from './compilation.policy';
import { formRules } from './forms';
import { formForPeriod } from '../../domain/reporting/catalogue';
import { compiledLink } from '../../domain/reporting/links';
import { signedText } from '../../domain/reporting/notices';
import { MAIL_LINK_BASE, notifiableUsers, notifyUsers } from '../notification/notification.service';
import { rowsOf } from '../../db/rows';

export type CompiledFormCode = 'B03' | 'B04';

export type CompilationQuery = {
  formCode: CompiledFormCode;
  period: string;
  /** Biểu 03: the commune's code (2025 units). Biểu 04 covers the city. */
  commune?: string | null;
};

export type SignedVersion = {
  versionNo: number;
  docNo: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signedAt: string;
};

/** Sources and gaps sent with a signed version, per item; the rest are read page by page. */
export const SOURCES_INLINE = 200;

/**
 * A missing report with its reporter as people know it — a project by code, name and investor, a cluster by
 * code and name — so that the list can be read without opening each record.
 */
export type LabelledGap = Gap & {
  reporterCode?: string;
  reporterName?: string;
  investorName?: string | null;
};

export type CompiledItemView = Omit<CompiledReport['items'][number], 'gaps'> & {
  gaps: LabelledGap[];
  sourceCount: number;
  gapCount: number;
};
export type CompiledReportView = Omit<CompiledReport, 'items'> & { items: CompiledItemView[] };

/** An item as the live report sends it: its figure and how many sources and gaps stand behind it. */
export type CompiledItemSummary = Omit<CompiledItem, 'sources' | 'gaps'> & {
  sourceCount: number;
  gapCount: number;
};
export type CompiledReportSummary = Omit<CompiledReport, 'items'> & { items: CompiledItemSummary[] };

type LabelOf = (kind: 'project' | 'zone', id: string) => ReporterLabel | undefined;

function labelled(gaps: readonly Gap[], labelOf: LabelOf): LabelledGap[] {
  return gaps.map((gap) => {
    if (gap.kind !== 'filing_missing') return gap;
    const label = labelOf(gap.reporterKind, gap.reporterId);
    if (!label) return gap;
    return {
      ...gap,
      reporterCode: label.code,
      reporterName: label.name,
      ...(gap.reporterKind === 'project' ? { investorName: label.investorName } : {}),
    };
  });
}

/** Labels of the registry's projects and zones, made once per registry snapshot. */
const labelCache = new WeakMap<RegistrySnapshot, LabelOf>();
function labelsOf(snapshot: RegistrySnapshot): LabelOf {
  let labelOf = labelCache.get(snapshot);
  if (!labelOf) {
    const zones = new Map(
      snapshot.zones.map((z) => [z.id, { code: z.code, name: z.name, investorName: null }] as const),
    );
    labelOf = (kind, id) => (kind === 'project' ? snapshot.projectLabels.get(id) : zones.get(id));
    labelCache.set(snapshot, labelOf);
  }
  return labelOf;
}

/** A report as it travels: every figure, and the first sources and gaps of each (Biểu 04 has ~10,000 each). */
function inline(report: CompiledReport, labelOf: LabelOf): CompiledReportView {
  return {
    ...report,
    items: report.items.map((item) => ({
      ...item,
      sources: item.sources.slice(0, SOURCES_INLINE),
      gaps: labelled(item.gaps.slice(0, SOURCES_INLINE), labelOf),
      sourceCount: item.sources.length,
      gapCount: item.gaps.length,
    })),
  };
}

/** The report's figures without their records: small at any scale (the drill-down is `compilationItem`). */
function summarised(report: CompiledReport): CompiledReportSummary {
  return {
    ...report,
    items: report.items.map(({ sources, gaps, ...item }) => ({
      ...item,
      sourceCount: sources.length,
      gapCount: gaps.length,
    })),
  };
}

const summaries = new WeakMap<CompiledReport, CompiledReportSummary>();
function summaryOf(report: CompiledReport): CompiledReportSummary {
  let summary = summaries.get(report);
  if (!summary) summaries.set(report, (summary = summarised(report)));
  return summary;
}

export type CompilationView = {
  report: CompiledReportSummary;
  scope: { kind: 'commune' | 'city'; code: string; name: string };
  /** When the figures were computed: they are live until signed. */
  computedAt: string;
  annotations: Record<string, string>;
  /** The open draft's version (for the next annotation or signing), null if none yet. */
  draftVersion: number | null;
  signed: SignedVersion[];
  canSign: boolean;
};

const PROVINCE = 'province';

type ScopeRow = { kind: 'commune' | 'city'; ref: string; id: string | null; code: string; name: string };

async function resolveScope(deps: ServiceDeps, query: CompilationQuery): Promise<ScopeRow> {
  if (query.formCode === 'B04')
    return { kind: 'city', ref: PROVINCE, id: null, code: PROVINCE, name: 'Thành phố' };
  if (!query.commune) {
    throw validationError({ commune: { vi: 'Biểu 03 cần chọn xã/phường.', en: 'Form 03 needs a commune.' } });
  }
  const result = await deps.db.execute(sql`
    select id, code, coalesce(kind || ' ', '') || name as name from admin_unit
    where level = 'commune' and valid_to is null and code = ${query.commune}`);
  const row = rowsOf<{ id: string; code: string; name: string }>(result)[0];
  if (!row) throw new AppError('not_found');
  return { kind: 'commune', ref: row.id, id: row.id, code: row.code, name: row.name };
}

function keyOf(query: CompilationQuery, scope: ScopeRow) {
  return { formCode: query.formCode, period: query.period, scopeKind: scope.kind, scopeRef: scope.ref };
}

/**
 * The report computed straight from the database: the clusters, projects and accepted filings in scope,
 * loaded now. Signing uses it inside its transaction; it is also the reference the cached path is tested
 * against (compilation.db.test.ts).
 */
export async function compileDirect(
  deps: ServiceDeps,
  query: CompilationQuery,
  scope: { id: string | null },
): Promise<CompiledReport> {
  return (await compileDirectWithInputs(deps, query, scope)).report;
}

/** The registry rows and accepted filings a report was computed from (frozen with it at signing). */
export type CompilationInputs = { zones: ZoneFacts[]; projects: ProjectFacts[]; filings: ScopedFiling[] };

/** `compileDirect` with the inputs it read, so that signing can keep them (the exchange package carries them). */
export async function compileDirectWithInputs(
  deps: ServiceDeps,
  query: CompilationQuery,
  scope: { id: string | null },
): Promise<{ report: CompiledReport; inputs: CompilationInputs }> {
  formRules(query.formCode, query.period, 'CCN'); // a malformed or not-due period is a field error
  // One after another: inside a transaction the statements share one connection.
  const zones = await loadClusterFacts(deps.db, scope.id);
  const projects = await loadProjectFacts(deps.db, scope.id);
  const filings = await loadAcceptedFilings(deps.db, query.period, scope.id);
  const report = compileClusterReport({
    formCode: query.formCode,
    period: query.period,
    scope: scope.id ? { kind: 'commune', id: scope.id } : { kind: 'province' },
    zones,
    projects,
    filings,
  });
  return { report, inputs: { zones, projects, filings } };
}

/** The registry as it stands at `registryVersion`: loaded once, shared by every report until it changes. */
export function registrySnapshot(deps: ServiceDeps, registryVersion: string): Promise<RegistrySnapshot> {
  return memo(deps.db, 'registry', registryVersion, () => loadRegistrySnapshot(deps.db));
}

/**
 * Runs `task` after every earlier task of `key` on this database has settled: a live report is updated by one
 * request at a time.
 */
const queues = new WeakMap<Db, Map<string, Promise<unknown>>>();
function serialised<T>(db: Db, key: string, task: () => Promise<T>): Promise<T> {
  let perDb = queues.get(db);
  if (!perDb) queues.set(db, (perDb = new Map()));
  const next = (perDb.get(key) ?? Promise.resolve()).then(task, task);
  perDb.set(key, next);
  const done = () => {
    if (perDb.get(key) === next) perDb.delete(key);
  };
  next.then(done, done);
  return next;
}

/** A live report with the versions its inputs were read at (the registry's, and the filings' watermark). */
type Kept = { registryVersion: string; watermark: string; live: LiveClusterReport; labelOf: LabelOf };

/** Kept live reports per database, the least recently used dropped first (a commune's Biểu 03 is small). */
const LIVE_MAX = 24;
const liveReports = new WeakMap<Db, Map<string, Kept>>();

type Compiled = { report: CompiledReport; labelOf: LabelOf };

/** How live reports were brought up to date in this process: in full, or with the changed filings only. */
export const compilationRefreshes = { full: 0, incremental: 0 };

/**
 * The live report: kept with the registry version and filings watermark it was read at. After an acceptance
 * (the registry unchanged) only the filings written since are read, through the change index, and the kept
 * aggregation is updated with them (`liveClusterReport`); a registry change, or no kept report, computes it
 * in full. The result is kept under the records' and accepted figures' versions read first (`memo`, ADR 0029),
 * so a request that finds them unchanged reads one row, and a draft or a submission recomputes nothing.
 */
async function compile(deps: ServiceDeps, query: CompilationQuery, scope: ScopeRow): Promise<Compiled> {
  formRules(query.formCode, query.period, 'CCN'); // a malformed or not-due period is a field error
  const version = await loadFingerprint(deps.db, ['records', 'accepted']);
  const key = `${query.formCode}|${query.period}|${scope.ref}`;
  return memo(deps.db, `compiled|${key}`, version, () =>
    serialised(deps.db, key, () => refresh(deps, query, scope, key)),
  );
}

async function refresh(
  deps: ServiceDeps,
  query: CompilationQuery,
  scope: ScopeRow,
  key: string,
): Promise<Compiled> {
  let perDb = liveReports.get(deps.db);
  if (!perDb) liveReports.set(deps.db, (perDb = new Map()));
  const state = await loadChangeState(deps.db);
  const kept = perDb.get(key);
  perDb.delete(key);
  if (kept && kept.registryVersion === state.registryVersion) {
    const changes = await loadFilingChanges(deps.db, query.period, kept.watermark);
    if (!changes.everything) {
      // Biểu 03 reads the filings received by its commune, as the direct path's SQL filter does.
      const upserted = scope.id ? changes.accepted.filter((f) => f.communeId === scope.id) : changes.accepted;
      const report = kept.live.update({ removed: changes.touched, upserted });
      compilationRefreshes.incremental += 1;
      perDb.set(key, { ...kept, watermark: state.watermark });
      return { report, labelOf: kept.labelOf };
    }
  }
  compilationRefreshes.full += 1;
  const registry = await registrySnapshot(deps, state.registryVersion);
  const filings = await loadAcceptedFilings(deps.db, query.period, scope.id);
  const live = liveClusterReport({
    formCode: query.formCode,
    period: query.period,
    scope: scope.id ? { kind: 'commune', id: scope.id } : { kind: 'province' },
    zones: registry.zones,
    projects: registry.projects,
    filings,
  });
  const labelOf = labelsOf(registry);
  perDb.set(key, { registryVersion: state.registryVersion, watermark: state.watermark, live, labelOf });
  while (perDb.size > LIVE_MAX) perDb.delete(perDb.keys().next().value!);
  return { report: live.report, labelOf };
}

/** The report as `getCompilation` computes it (cached while its inputs are unchanged). */
export async function compiledReport(deps: ServiceDeps, query: CompilationQuery): Promise<CompiledReport> {
  const scope = await resolveScope(deps, query);
  return (await compile(deps, query, scope)).report;
}

function view(
  report: CompiledReportSummary,
  scope: ScopeRow,
  rows: CompilationRow[],
  actor: Actor,
  computedAt: Date,
): CompilationView {
  const draft = rows.find((r) => r.state === 'draft') ?? null;
  return {
    report,
    scope: { kind: scope.kind, code: scope.code, name: scope.name },
    computedAt: computedAt.toISOString(),
    annotations: (draft?.annotations ?? {}) as Record<string, string>,
    draftVersion: draft?.version ?? null,
    signed: rows
      .filter((r) => r.state === 'signed')
      .map((r) => ({
        versionNo: r.versionNo,
        docNo: r.docNo,
        signerName: r.signerName,
        signerTitle: r.signerTitle,
        signedAt: r.signedAt!.toISOString(),
      })),
    canSign: canSignCompilation(actor, scope),
  };
}

/**
 * Biểu 03 of a commune or Biểu 04 of the city, computed now from the registry and the accepted Biểu 01/02:
 * every item with the records behind it (sources) and what is missing (gaps). Nothing is stored until an
 * officer annotates or signs.
 */
export async function getCompilation(deps: ServiceDeps, query: CompilationQuery): Promise<CompilationView> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  const { report } = await compile(deps, query, scope);
  const rows = await findCompilations(deps.db, keyOf(query, scope));
  return view(summaryOf(report), scope, rows, actor, deps.clock.now());
}

const NOTE_MAX = 2000;

/** Saves the officer's notes per item on the open draft (created on first use); `version` guards against overwrites. */
export async function annotateCompilation(
  deps: ServiceDeps,
  query: CompilationQuery,
  input: { annotations: Record<string, string>; version: number | null },
): Promise<CompilationView> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  if (!canSignCompilation(actor, scope)) throw new AppError('forbidden');
  const annotations = Object.fromEntries(
    Object.entries(input.annotations)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v.length > 0),
  );
  const tooLong = Object.entries(annotations).find(([, v]) => v.length > NOTE_MAX);
  if (tooLong) {
    throw validationError({
      [tooLong[0]]: {
        vi: `Ghi chú tối đa ${NOTE_MAX} ký tự.`,
        en: `Notes are at most ${NOTE_MAX} characters.`,
      },
    });
  }
  const key = keyOf(query, scope);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockCompilationKey(tx, key);
    const rows = await findCompilations(tx, key);
    const draft = rows.find((r) => r.state === 'draft');
    if (!draft) {
      if (input.version !== null) throw new AppError('conflict');
      await insertCompilation(tx, {
        ...key,
        versionNo: (rows[0]?.versionNo ?? 0) + 1,
        state: 'draft',
        annotations,
        createdAt: now,
        updatedAt: now,
      });
    } else if (
      !(await updateDraftCompilation(tx, draft.id, input.version ?? -1, { annotations, updatedAt: now }))
    ) {
      throw new AppError('conflict', { annotations: draft.annotations, version: draft.version });
    }
    await recordAudit(tx, deps, {
      action: 'report.annotate',
      entityType: 'report_compilation',
      entityId: `${key.formCode}|${key.period}|${scope.code}`,
      before: draft ? { annotations: draft.annotations } : null,
      after: { annotations },
    });
  });
  return getCompilation(deps, query);
}

/**
 * Signs the report: every figure, its sources and the notes are frozen in a snapshot (the database refuses
 * any later change to a signed row). A later correction is signed as the next version.
 */
export async function signCompilation(
  deps: ServiceDeps,
  query: CompilationQuery,
  input: { docNo: string | null; signerName: string; signerTitle: string; version: number | null },
): Promise<CompilationView> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  if (!canSignCompilation(actor, scope)) throw new AppError('forbidden');
  const problems: Record<string, { vi: string; en: string }> = {};
  if (!input.signerName.trim())
    problems.signerName = { vi: 'Cần ghi họ tên người ký.', en: 'The signer’s name is required.' };
  if (!input.signerTitle.trim())
    problems.signerTitle = { vi: 'Cần ghi chức vụ người ký.', en: 'The signer’s title is required.' };
  if (Object.keys(problems).length) throw validationError(problems);
  const key = keyOf(query, scope);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockCompilationKey(tx, key);
    const rows = await findCompilations(tx, key);
    const draft = rows.find((r) => r.state === 'draft');
    if ((draft?.version ?? null) !== input.version) throw new AppError('conflict');
    const { report, inputs } = await compileDirectWithInputs({ ...deps, db: tx }, query, scope);
    const signed = {
      state: 'signed',
      // The inputs are kept too: the exchange package sends them so the receiver can recompute the items.
      snapshot: { report, computedAt: now.toISOString(), inputs },
      docNo: input.docNo?.trim() || null,
      signerName: input.signerName.trim(),
      signerTitle: input.signerTitle.trim(),
      signedBy: actor.userId,
      signedAt: now,
      updatedAt: now,
    };
    if (draft) {
      await updateDraftCompilation(tx, draft.id, draft.version, signed);
    } else {
      await insertCompilation(tx, {
        ...key,
        versionNo: (rows[0]?.versionNo ?? 0) + 1,
        createdAt: now,
        ...signed,
      });
    }
    const versionNo = draft?.versionNo ?? (rows[0]?.versionNo ?? 0) + 1;
    await recordAudit(tx, deps, {
      action: 'report.sign',
      entityType: 'report_compilation',
      entityId: `${key.formCode}|${key.period}|${scope.code}`,
      after: { versionNo, docNo: signed.docNo },
    });
    const form = formForPeriod(query.formCode, query.period);
    if (form) {
      const txDeps = { ...deps, db: tx };
      const recipients = (await notifiableUsers(txDeps)).filter(
        (u) => u.userId !== actor.userId && receivesSigned(u.actor, scope),
      );
      const link = compiledLink(query.formCode, query.period, scope.kind === 'commune' ? scope.code : null);
      await notifyUsers(txDeps, {
        key: `compilation:${key.formCode}:${key.period}:${scope.code}:v${versionNo}:signed`,
        kind: 'report.signed',
        recipients,
        ...signedText({
          form,
          period: query.period,
          scopeName: scope.name,
          versionNo,
          docNo: signed.docNo,
          signer: `${signed.signerTitle} ${signed.signerName}`,
          link,
          base: MAIL_LINK_BASE,
        }),
        audit: { formCode: key.formCode, period: key.period, scope: scope.code, versionNo },
      });
    }
  });
  return getCompilation(deps, query);
}

/** A signed version exactly as it was signed. */
export async function getSignedCompilation(
  deps: ServiceDeps,
  query: CompilationQuery,
  versionNo: number,
): Promise<
  { report: CompiledReportView; computedAt: string; annotations: Record<string, string> } & SignedVersion
> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  const row = (await findCompilations(deps.db, keyOf(query, scope))).find(
    (r) => r.state === 'signed' && r.versionNo === versionNo,
  );
  if (!row) throw new AppError('not_found');
  const snapshot = row.snapshot as { report: CompiledReport; computedAt: string };
  const registry = await registrySnapshot(deps, (await loadChangeState(deps.db)).registryVersion);
  return {
    // The frozen inputs stay out: they travel only in the exchange package.
    computedAt: snapshot.computedAt,
    report: inline(snapshot.report, labelsOf(registry)),
    annotations: (row.annotations ?? {}) as Record<string, string>,
    versionNo: row.versionNo,
    docNo: row.docNo,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    signedAt: row.signedAt!.toISOString(),
  };
}

/** All the sources and gaps of one item of the live report, a page at a time (the drill-down behind a figure). */
export async function compilationItem(
  deps: ServiceDeps,
  query: CompilationQuery,
  no: string,
  page: { offset: number; limit: number },
): Promise<{ item: CompiledItemView; offset: number; limit: number }> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  const { report, labelOf } = await compile(deps, query, scope);
  const item = report.items.find((i) => i.no === no);
  if (!item) throw new AppError('not_found');
  return {
    item: {
      ...item,
      sources: item.sources.slice(page.offset, page.offset + page.limit),
      gaps: labelled(item.gaps.slice(page.offset, page.offset + page.limit), labelOf),
      sourceCount: item.sources.length,
      gapCount: item.gaps.length,
    },
    ...page,
  };
}

/**
 * A signed version's frozen snapshot — the report as signed and, for versions signed since the exchange
 * package exists, the inputs it was computed from — for the officers who may read the report. The latest
 * signed version when `versionNo` is omitted; `report.not_signed` (409) when there is none.
 */
export async function getSignedSnapshot(
  deps: ServiceDeps,
  query: CompilationQuery,
  versionNo?: number,
): Promise<{
  signed: SignedVersion & { signerName: string; signerTitle: string };
  report: CompiledReport;
  inputs: CompilationInputs | null;
}> {
  const actor = requireActor(deps);
  const scope = await resolveScope(deps, query);
  if (!canReadCompilation(actor, scope)) throw new AppError('not_found');
  const rows = (await findCompilations(deps.db, keyOf(query, scope))).filter((r) => r.state === 'signed');
  const row = versionNo === undefined ? rows[0] : rows.find((r) => r.versionNo === versionNo);
  if (!row) {
    if (versionNo !== undefined && rows.length) throw new AppError('not_found');
    throw new AppError('report.not_signed', { formCode: query.formCode, period: query.period });
  }
  const snapshot = row.snapshot as { report: CompiledReport; inputs?: CompilationInputs };
  return {
    signed: {
      versionNo: row.versionNo,
      docNo: row.docNo,
      signerName: row.signerName ?? '',
      signerTitle: row.signerTitle ?? '',
      signedAt: row.signedAt!.toISOString(),
    },
    report: snapshot.report,
    inputs: snapshot.inputs ?? null,
  };
}
