import {
  reviewErrorToAppError,
  transitionFiling,
  type FilingAction,
  type FilingActor,
  type FilingStatus,
  type FilingTransition,
} from '../../domain/reporting/review';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { canFile, canReadFiling, canReview } from './filing.policy';
import {
  findFilingById,
  findFilingByKey,
  findFilingsPage,
  readableFilingsSql,
  findReporter,
  findRevisions,
  insertFiling,
  insertRevision,
  lockFiling,
  moveFiling,
  setRevisionState,
  updateDraftRevision,
  type FilingRow,
  type ReporterKind,
  type RevisionRow,
} from './filing.repository';
import { noticeFilingStep } from './filing-notices';
import { acceptedValues, filingContext, formRules, type FilingValues } from './forms';

export type { FilingStatus };

/**
 * The domain's state machine decides every move (`domain/reporting/review.ts`); this service only persists
 * what it decided, race-free, and says who is concerned.
 */
function decide(filing: FilingRow, action: FilingAction, as: FilingActor): FilingTransition {
  const result = transitionFiling(
    {
      status: filing.status as FilingStatus,
      revision: filing.currentRevision,
      acceptedRevision: filing.acceptedRevision,
    },
    action,
    as,
  );
  if (!result.ok) throw reviewErrorToAppError(result.error);
  return result.value;
}

export type FilingRevision = {
  revisionNo: number;
  state: FilingStatus;
  formVersion: string;
  values: FilingValues;
  explanations: Record<string, string>;
  channel: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
};

export type FilingDetail = {
  id: string;
  formCode: string;
  period: string;
  reporter: { kind: string; code: string; name: string };
  family: string;
  zoneCode: string | null;
  communeCode: string | null;
  status: FilingStatus;
  currentRevision: number;
  acceptedRevision: number | null;
  dueAt: string;
  firstSubmittedAt: string | null;
  acceptedAt: string | null;
  /** Judged on the first submission against the legal deadline, not on acceptance. */
  onTime: boolean | null;
  version: number;
  revisions: FilingRevision[];
  canFile: boolean;
  canReview: boolean;
};

function toRevision(r: RevisionRow): FilingRevision {
  return {
    revisionNo: r.revisionNo,
    state: r.state as FilingStatus,
    formVersion: r.formVersion,
    values: r.values as FilingValues,
    explanations: (r.explanations ?? {}) as Record<string, string>,
    channel: r.channel,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    returnReason: r.returnReason ?? null,
  };
}

async function detail(deps: ServiceDeps, filing: FilingRow): Promise<FilingDetail> {
  const actor = requireActor(deps);
  const revisions = await findRevisions(deps.db, filing.id);
  return {
    id: filing.id,
    formCode: filing.formCode,
    period: filing.period,
    reporter: { kind: filing.reporterKind, code: filing.reporterCode, name: filing.reporterName },
    family: filing.family,
    zoneCode: filing.zoneCode,
    communeCode: filing.communeCode,
    status: filing.status as FilingStatus,
    currentRevision: filing.currentRevision,
    acceptedRevision: filing.acceptedRevision,
    dueAt: filing.dueAt.toISOString(),
    firstSubmittedAt: filing.firstSubmittedAt?.toISOString() ?? null,
    acceptedAt: filing.acceptedAt?.toISOString() ?? null,
    onTime: filing.firstSubmittedAt ? filing.firstSubmittedAt.getTime() <= filing.dueAt.getTime() : null,
    version: filing.version,
    revisions: revisions.map(toRevision),
    canFile: canFile(actor, filing),
    canReview: canReview(actor, filing),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readable(deps: ServiceDeps, id: string): Promise<FilingRow> {
  const actor = requireActor(deps);
  const filing = UUID.test(id) ? await findFilingById(deps.db, id) : undefined;
  // Out of scope answers 404: a filing's existence is not revealed.
  if (!filing || !canReadFiling(actor, filing)) throw new AppError('not_found');
  return filing;
}

export async function getFiling(deps: ServiceDeps, id: string): Promise<FilingDetail> {
  return detail(deps, await readable(deps, id));
}

/** 409 with the filing as it is now, so the client can show what changed. */
async function conflict(deps: ServiceDeps, id: string): Promise<never> {
  const current = await findFilingById(deps.db, id);
  throw new AppError('conflict', { current: current ? await detail(deps, current) : null });
}

export type SaveDraftInput = {
  formCode: string;
  period: string;
  reporter: { kind: ReporterKind; code: string };
  values: FilingValues;
  explanations?: Record<string, string>;
  channel?: 'web' | 'excel' | 'bulk';
  /** The filing's version the client edited; absent for a first draft. */
  version?: number;
};

/**
 * Saves the reporter's draft. The first save creates the filing (who owes it and its deadline come from the
 * registry and the form's configuration); a filing that was returned or accepted gets a new revision — the
 * earlier ones stay as they were. A submitted filing is with its reviewer and cannot be edited.
 */
export async function saveDraft(deps: ServiceDeps, input: SaveDraftInput): Promise<FilingDetail> {
  const actor = requireActor(deps);
  const reporter = await findReporter(deps.db, input.reporter.kind, input.reporter.code);
  if (!reporter || !canFile(actor, reporter)) throw new AppError('not_found');
  const rules = formRules(input.formCode, input.period, reporter.family);
  const shapeProblems = rules.checkShape(input.values);
  if (Object.keys(shapeProblems).length) throw validationError(shapeProblems);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const key = {
      formCode: input.formCode,
      period: input.period,
      reporterKind: reporter.kind,
      reporterRef: reporter.ref,
    };
    let filing = await findFilingByKey(tx, key);
    if (!filing) {
      await insertFiling(tx, {
        ...key,
        zoneId: reporter.zoneId,
        communeId: reporter.communeId,
        organisationId: reporter.organisationId,
        family: reporter.family,
        status: 'draft',
        currentRevision: 1,
        dueAt: rules.dueAt,
        createdAt: now,
        updatedAt: now,
      });
      filing = await findFilingByKey(tx, key);
      if (!filing) throw new AppError('conflict');
      if (filing.currentRevision === 1 && filing.status === 'draft' && filing.version === 1) {
        await insertRevision(tx, {
          filingId: filing.id,
          revisionNo: 1,
          formVersion: rules.formVersion,
          values: input.values,
          explanations: input.explanations ?? {},
          state: 'draft',
          channel: input.channel ?? 'web',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, deps, {
          action: 'report.draft',
          entityType: 'report_filing',
          entityId: filing.id,
          after: { ...key, revisionNo: 1, values: input.values },
        });
        return filing.id;
      }
    }
    await lockFiling(tx, filing.id);
    filing = (await findFilingById(tx, filing.id))!;
    if (input.version !== undefined && input.version !== filing.version)
      return conflict({ ...deps, db: tx }, filing.id);
    const move = decide(filing, { type: 'save_draft' }, 'reporter');
    const fields = {
      values: input.values,
      explanations: input.explanations ?? {},
      formVersion: rules.formVersion,
      channel: input.channel ?? 'web',
    };
    if (move.effect === 'draft_updated') {
      await updateDraftRevision(tx, filing.id, filing.currentRevision, fields, now);
      await moveFiling(tx, filing.id, filing, { updatedAt: now });
      await recordAudit(tx, deps, {
        action: 'report.draft',
        entityType: 'report_filing',
        entityId: filing.id,
        after: { revisionNo: filing.currentRevision, values: input.values },
      });
    } else {
      // returned or accepted: a correction is a new revision; what was submitted stays as it was.
      const revisionNo = move.state.revision;
      await insertRevision(tx, {
        filingId: filing.id,
        revisionNo,
        ...fields,
        state: 'draft',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await moveFiling(tx, filing.id, filing, {
        status: move.state.status,
        currentRevision: revisionNo,
        updatedAt: now,
      });
      await recordAudit(tx, deps, {
        action: 'report.revise',
        entityType: 'report_filing',
        entityId: filing.id,
        before: { status: filing.status, revisionNo: filing.currentRevision },
        after: { status: move.state.status, revisionNo, values: input.values },
      });
    }
    return filing.id;
  });
  return detail(deps, (await findFilingById(deps.db, id))!);
}

/**
 * Submits the current draft: the figures are checked against the form version's rules (the same rules the
 * browser runs) and against the reporter's previous accepted period — an outlier needs a written explanation.
 */
export async function submitFiling(
  deps: ServiceDeps,
  id: string,
  input: { version: number },
): Promise<FilingDetail> {
  const actor = requireActor(deps);
  const filing = await readable(deps, id);
  if (!canFile(actor, filing)) throw new AppError('forbidden');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockFiling(tx, id);
    const current = (await findFilingById(tx, id))!;
    if (current.version !== input.version) return conflict({ ...deps, db: tx }, id);
    const move = decide(current, { type: 'submit' }, 'reporter');
    const revision = (await findRevisions(tx, id)).find((r) => r.revisionNo === current.currentRevision)!;
    const rules = formRules(current.formCode, current.period, current.family);
    const values = revision.values as FilingValues;
    const explanations = (revision.explanations ?? {}) as Record<string, string>;
    const previous = await acceptedValues(tx, {
      formCode: current.formCode,
      period: rules.comparisonPeriod,
      reporterKind: current.reporterKind,
      reporterRef: current.reporterRef,
    });
    const context = await filingContext(tx, rules.form, current.zoneId);
    const problems: Record<string, LocalizedText> = {
      ...rules.checkValues(values, context),
      ...rules.checkOutliers(values, previous, explanations),
    };
    if (Object.keys(problems).length) throw validationError(problems);
    await setRevisionState(tx, id, current.currentRevision, 'draft', {
      state: move.revision.state,
      submittedBy: actor.userId,
      submittedAt: now,
      updatedAt: now,
    });
    await moveFiling(tx, id, current, {
      status: move.state.status,
      firstSubmittedAt: current.firstSubmittedAt ?? now,
      updatedAt: now,
    });
    await recordAudit(tx, deps, {
      action: 'report.submit',
      entityType: 'report_filing',
      entityId: id,
      after: { revisionNo: current.currentRevision, effect: move.effect, submittedAt: now.toISOString() },
    });
    await noticeFilingStep({ ...deps, db: tx }, current, {
      step: move.effect === 'resubmitted' ? 'resubmitted' : 'submitted',
      revisionNo: current.currentRevision,
    });
  });
  return detail(deps, (await findFilingById(deps.db, id))!);
}

/** Returns a submitted filing to its reporter with the reason (required). */
export async function returnFiling(
  deps: ServiceDeps,
  id: string,
  input: { version: number; reason: string },
): Promise<FilingDetail> {
  const actor = requireActor(deps);
  const filing = await readable(deps, id);
  if (!canReview(actor, filing)) throw new AppError('forbidden');
  const reason = input.reason.trim();
  // A missing reason is the reviewer's mistake whatever the filing's state: say so first (400).
  if (filing.status === 'submitted') decide(filing, { type: 'return', reason }, 'reviewer');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const current = (await findFilingById(tx, id))!;
    if (current.version !== input.version) return conflict({ ...deps, db: tx }, id);
    const move = decide(current, { type: 'return', reason }, 'reviewer');
    const moved = await moveFiling(
      tx,
      id,
      { status: current.status, version: input.version },
      { status: move.state.status, updatedAt: now },
    );
    if (!moved) return conflict({ ...deps, db: tx }, id);
    await setRevisionState(tx, id, current.currentRevision, 'submitted', {
      state: move.revision.state,
      reviewedBy: actor.userId,
      reviewedAt: now,
      returnReason: reason,
    });
    await recordAudit(tx, deps, {
      action: 'report.return',
      entityType: 'report_filing',
      entityId: id,
      after: { revisionNo: current.currentRevision, reason },
    });
    await noticeFilingStep({ ...deps, db: tx }, current, {
      step: 'returned',
      revisionNo: current.currentRevision,
      reason,
      submittedBy: await submitterOf({ ...deps, db: tx }, current),
    });
  });
  return detail(deps, (await findFilingById(deps.db, id))!);
}

/**
 * Accepts the submitted revision. Race-free: the status moves only from `submitted` at the version the
 * officer saw, so of two officers accepting at once one succeeds and the other gets 409.
 */
export async function acceptFiling(
  deps: ServiceDeps,
  id: string,
  input: { version: number },
): Promise<FilingDetail> {
  const actor = requireActor(deps);
  const filing = await readable(deps, id);
  if (!canReview(actor, filing)) throw new AppError('forbidden');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const current = (await findFilingById(tx, id))!;
    if (current.version !== input.version) return conflict({ ...deps, db: tx }, id);
    const move = decide(current, { type: 'accept' }, 'reviewer');
    // Guarded by the state and version seen: of two officers accepting at once, one succeeds.
    const moved = await moveFiling(
      tx,
      id,
      { status: current.status, version: input.version },
      {
        status: move.state.status,
        acceptedRevision: move.state.acceptedRevision,
        acceptedAt: now,
        updatedAt: now,
      },
    );
    if (!moved) return conflict({ ...deps, db: tx }, id);
    await setRevisionState(tx, id, current.currentRevision, 'submitted', {
      state: move.revision.state,
      reviewedBy: actor.userId,
      reviewedAt: now,
    });
    await recordAudit(tx, deps, {
      action: 'report.accept',
      entityType: 'report_filing',
      entityId: id,
      after: { revisionNo: current.currentRevision },
    });
    await noticeFilingStep({ ...deps, db: tx }, current, {
      step: 'accepted',
      revisionNo: current.currentRevision,
      submittedBy: await submitterOf({ ...deps, db: tx }, current),
    });
  });
  return detail(deps, (await findFilingById(deps.db, id))!);
}

/** Who submitted the filing's current revision (a developer may have filed it on the tenant's behalf). */
async function submitterOf(deps: ServiceDeps, filing: FilingRow): Promise<string | null> {
  const revision = (await findRevisions(deps.db, filing.id)).find(
    (r) => r.revisionNo === filing.currentRevision,
  );
  return revision?.submittedBy ?? null;
}

export type FilingSummary = Omit<FilingDetail, 'revisions'>;

/**
 * The filings of a period the caller may read — a reporter's own, a reviewer's scope — optionally one form
 * or status ("submitted" is a reviewer's in-tray), paged.
 */
export async function listFilings(
  deps: ServiceDeps,
  query: { period: string; formCode?: string; status?: FilingStatus; page?: number; pageSize?: number },
): Promise<{ items: FilingSummary[]; total: number }> {
  const actor = requireActor(deps);
  const page = query.page ?? 1;
  const size = query.pageSize ?? 50;
  // Scoped and paged in the query; the policy is asked again for each row of the page (fail closed).
  const found = await findFilingsPage(deps.db, query, readableFilingsSql(actor), {
    offset: (page - 1) * size,
    limit: size,
  });
  const items = found.rows
    .filter((f) => canReadFiling(actor, f))
    .map((f) => ({
      id: f.id,
      formCode: f.formCode,
      period: f.period,
      reporter: { kind: f.reporterKind, code: f.reporterCode, name: f.reporterName },
      family: f.family,
      zoneCode: f.zoneCode,
      communeCode: f.communeCode,
      status: f.status as FilingStatus,
      currentRevision: f.currentRevision,
      acceptedRevision: f.acceptedRevision,
      dueAt: f.dueAt.toISOString(),
      firstSubmittedAt: f.firstSubmittedAt?.toISOString() ?? null,
      acceptedAt: f.acceptedAt?.toISOString() ?? null,
      onTime: f.firstSubmittedAt ? f.firstSubmittedAt.getTime() <= f.dueAt.getTime() : null,
      version: f.version,
      canFile: canFile(actor, f),
      canReview: canReview(actor, f),
    }));
  return { items, total: found.total };
}
