import { importRuns } from '../system/metrics';
import { randomUUID } from 'node:crypto';
import { foldLabel, type ColumnDef } from '../../domain/import/cells';
import type {
  ImportChange,
  ImportEntity,
  ImportError,
  ImportMode,
  ImportResult,
} from '../../domain/import/import.schema';
import { headerForField, matchHeaders, parseRows, type ImportIssue } from '../../domain/import/table';
import type { Actor } from '../../domain/identity/roles';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import type { Db } from '../../db/client';
import { recordAudits, type AuditChange } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import type { ImportLimits } from './import-limits';
import { claimImportRun, releaseImportRun } from './import-run.repository';
import { readTable, type SpreadsheetFile } from './spreadsheet';

/**
 * The generic, all-or-nothing spreadsheet import. An entity plugs in with an `ImportDefinition` (its
 * columns, how to load existing records and references in bulk, how a row becomes a record and who may
 * write it, how a batch is written); the pipeline does the rest the same way for every entity:
 *
 * 1. read the file (XLSX or CSV) and match its headers (Vietnamese, or the English alternative);
 * 2. parse every cell for its column, then per row: the key (a code, or a natural key counted by occurrence
 *    for an append-only ledger), duplicates within the file, the record merged over the existing one,
 *    validation and authorization; then the rules across rows (`validatePlan`) — every problem named by row
 *    and column;
 * 3. dry run: report what would be created, updated or left unchanged, and write nothing;
 *    commit: in one transaction, plan again and write only the rows that change, in batches, with one
 *    audit row each — or, on any problem, write nothing at all.
 *
 * Importing the same file twice writes nothing the second time: unchanged rows are not written.
 */

export type ImportPhase = 'validate' | 'write';
export type ProgressCallback = (done: number, total: number, phase: ImportPhase) => void;
export type ImportOptions = {
  mode: ImportMode;
  sheet?: string;
  onProgress?: ProgressCallback;
  /** Size, row and cell limits (configuration); the defaults otherwise. */
  limits?: ImportLimits;
};

/** A data row after cell parsing: `values` holds only the fields whose column is in the file. */
export type ImportRow = {
  row: number;
  key: string;
  values: Record<string, unknown>;
  present: ReadonlySet<string>;
};

export type PlanEnv<Ctx, Refs> = {
  actor: Actor;
  ctx: Ctx;
  refs: Refs;
  /** Keys in the file → their row, for references to records the same file creates. */
  fileKeys: ReadonlyMap<string, number>;
};

export type RowPlan<R> = { record: R } | { problems: Record<string, LocalizedText> };

export type PlannedRow<R, E> = {
  row: number;
  key: string;
  /** The existing id, or a new one chosen now (so rows of the same file can reference each other). */
  id: string;
  record: R;
  existing: E | undefined;
  action: 'create' | 'update' | 'unchanged';
  fields: string[];
};

export type WriteEnv<Ctx, Refs> = { ctx: Ctx; refs: Refs; idOf: (key: string) => string | undefined };

/** A row refused by the per-row checks, with the fields that failed (for cross-row rules to skip it). */
export type RejectedRow = { input: ImportRow; fields: ReadonlySet<string> };

export type ImportDefinition<Ctx, Refs, R, E extends { id: string }> = {
  entity: ImportEntity;
  /**
   * The field that identifies a record across imports (a stable code); its header also finds the header
   * row. With `naturalKey`, only the latter, and where key problems are reported.
   */
  keyField: string;
  /**
   * Rows identified by several fields instead of a code (an append-only ledger): `of` builds the key from
   * a row's parsed values. Identical rows are told apart by occurrence — the n-th identical row of the file
   * gets the key `<key>#<n>` — and `loadExisting` returns the n-th identical stored record under that key.
   */
  naturalKey?: { fields: readonly string[]; of(values: Record<string, unknown>): string };
  /** May the actor import this entity at all (rows are checked one by one in `plan`). */
  canImport(actor: Actor): boolean;
  /** Catalogues the columns need (e.g. enumeration options kept in the database). */
  prepare(db: Db): Promise<Ctx>;
  columns(ctx: Ctx): readonly ColumnDef[];
  /** Every reference code of the file resolved, one query per kind of reference. */
  loadReferences(db: Db, rows: readonly ImportRow[], ctx: Ctx): Promise<Refs>;
  /** The existing records with these keys, in as few queries as possible (or from `refs`). */
  loadExisting(db: Db, keys: string[], refs: Refs): Promise<Map<string, E>>;
  /** One row → the record to store, or its problems by field (validation and authorization). */
  plan(row: ImportRow, existing: E | undefined, env: PlanEnv<Ctx, Refs>): RowPlan<R>;
  /**
   * Rules across rows (a project's ledger: the stored events and the file's together), after every row was
   * planned on its own: problems by row and field. Rows with a problem are not written.
   */
  validatePlan?(
    planned: readonly PlannedRow<R, E>[],
    rejected: readonly RejectedRow[],
    env: PlanEnv<Ctx, Refs>,
  ): { row: number; field: string; message: LocalizedText }[];
  /** Fields that differ between the stored record and the imported one (empty: unchanged). */
  diff(existing: E, record: R): string[];
  /** Keys of other records this one references; those created by the same file are written first. */
  dependsOn?: { field: string; keys(record: R): (string | null)[] };
  /** Runs once before the first batch is written, with every row to write (e.g. to release unique values). */
  prepareWrite?(db: Db, rows: readonly PlannedRow<R, E>[], env: WriteEnv<Ctx, Refs>): Promise<void>;
  /** Writes one batch of created/updated rows; throws if any was changed by someone else meanwhile. */
  write(db: Db, rows: readonly PlannedRow<R, E>[], env: WriteEnv<Ctx, Refs>): Promise<void>;
  audit(row: PlannedRow<R, E>): AuditChange;
};

const BATCH = 500;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type Plan<R, E, Refs> = {
  rows: number;
  planned: PlannedRow<R, E>[];
  errors: ImportError[];
  ordered: PlannedRow<R, E>[];
  refs: Refs | undefined;
};

/**
 * Orders the rows to write so that a record created by the file comes before the rows that reference it
 * (Kahn's algorithm, stable by row); rows left in a reference cycle are returned apart.
 */
function writeOrder<R, E>(
  changed: PlannedRow<R, E>[],
  keysOf: (record: R) => (string | null)[],
): { ordered: PlannedRow<R, E>[]; cyclic: PlannedRow<R, E>[] } {
  const created = new Map(changed.filter((p) => p.action === 'create').map((p) => [p.key, p]));
  const waitingOn = new Map<PlannedRow<R, E>, number>();
  const dependents = new Map<string, PlannedRow<R, E>[]>();
  for (const p of changed) {
    const deps = [...new Set(keysOf(p.record))].filter(
      (k): k is string => !!k && k !== p.key && created.has(k),
    );
    waitingOn.set(p, deps.length);
    for (const k of deps) {
      const list = dependents.get(k);
      if (list) list.push(p);
      else dependents.set(k, [p]);
    }
  }
  const ordered: PlannedRow<R, E>[] = [];
  const ready = changed.filter((p) => waitingOn.get(p) === 0);
  for (let i = 0; i < ready.length; i++) {
    const p = ready[i]!;
    ordered.push(p);
    for (const d of dependents.get(p.key) ?? []) {
      const left = waitingOn.get(d)! - 1;
      waitingOn.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  return { ordered, cyclic: changed.filter((p) => waitingOn.get(p)! > 0) };
}

/** How a finished import is counted in the metrics: written, checked only, or refused for its errors. */
function importOutcome(result: ImportResult, mode: ImportMode): string {
  if (result.committed) return 'committed';
  return mode === 'commit' ? 'refused' : 'dry_run';
}

/**
 * Runs one import, at most one per user at a time across every IZIS process (the `import_run` row):
 * a second one while the first runs is refused with 429 `import.busy`.
 */
export async function runImport<Ctx, Refs, R, E extends { id: string }>(
  deps: ServiceDeps,
  definition: ImportDefinition<Ctx, Refs, R, E>,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  const actor = requireActor(deps);
  if (!definition.canImport(actor)) throw new AppError('forbidden');
  const counted = (result: Promise<ImportResult>) =>
    result.then(
      (done) => {
        importRuns.inc({ entity: definition.entity, outcome: importOutcome(done, options.mode) });
        return done;
      },
      (error: unknown) => {
        importRuns.inc({ entity: definition.entity, outcome: 'refused' });
        throw error;
      },
    );
  // The command line (a system actor, no user) is one process run by hand.
  if (!actor.userId) return counted(importOnce(deps, actor, definition, file, options));
  const token = await claimImportRun(deps.db, actor.userId, definition.entity);
  if (!token) throw new AppError('import.busy');
  try {
    return await counted(importOnce(deps, actor, definition, file, options));
  } finally {
    await releaseImportRun(deps.db, actor.userId, token);
  }
}

async function importOnce<Ctx, Refs, R, E extends { id: string }>(
  deps: ServiceDeps,
  actor: Actor,
  definition: ImportDefinition<Ctx, Refs, R, E>,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  const started = performance.now();
  const ctx = await definition.prepare(deps.db);
  const defs = definition.columns(ctx);
  const keyDef = defs.find((d) => d.field === definition.keyField);
  const keyLabels = new Set(keyDef ? [foldLabel(keyDef.vi), foldLabel(keyDef.en)] : []);
  const table = await readTable(file, {
    ...(options.sheet ? { sheet: options.sheet } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    isHeader: (cells) => cells.some((c) => typeof c === 'string' && keyLabels.has(foldLabel(c))),
  });
  const headers = matchHeaders(table.headers, defs, table.headerRow);
  const parsed = parseRows(table, headers);
  const fieldOfHeader = new Map([...headers.headerOf].map(([field, header]) => [header, field]));
  const keyHeader = headerForField(definition.keyField, headers, defs);
  const total = parsed.length * (options.mode === 'commit' ? 2 : 1);
  let reported = -1;
  const progress = (done: number, phase: ImportPhase) => {
    if (done === reported) return;
    reported = done;
    options.onProgress?.(done, total, phase);
  };

  const toError = (issue: ImportIssue): ImportError => issue;
  const fieldError = (row: number, field: string, message: LocalizedText): ImportError => ({
    row,
    field: headerForField(field, headers, defs),
    message,
  });

  /** Everything that needs the database: existing records, references, the per-row plan. */
  async function makePlan(db: Db): Promise<Plan<R, E, Refs>> {
    const errors: ImportError[] = headers.issues.map(toError);
    const keyFields = definition.naturalKey?.fields ?? [definition.keyField];
    if (keyFields.some((f) => !headers.headerOf.has(f))) {
      return { rows: parsed.length, planned: [], errors, ordered: [], refs: undefined };
    }
    // Keys and duplicates (or, for natural keys, occurrences).
    const fileKeys = new Map<string, number>();
    const occurrences = new Map<string, number>();
    const rows: { input: ImportRow; failed: Set<string>; issues: ImportIssue[] }[] = [];
    const rejected: RejectedRow[] = [];
    for (const p of parsed) {
      const issues = [...p.issues];
      const failed = new Set(
        issues.map((i) => (i.field ? fieldOfHeader.get(i.field) : undefined)).filter((f): f is string => !!f),
      );
      const missing = keyFields.filter((f) => {
        const v = p.values[f];
        return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
      });
      if (missing.length || keyFields.some((f) => failed.has(f))) {
        for (const field of missing.filter((f) => !failed.has(f))) {
          const header = headerForField(field, headers, defs);
          issues.push({
            row: p.row,
            field: header,
            message: { vi: `Thiếu "${header}".`, en: `"${header}" is missing.` },
          });
          failed.add(field);
        }
        const present = new Set([...p.present].filter((f) => !failed.has(f)));
        // Never written, but the row's other cells are still checked: every problem of the row is reported
        // at once, not only its missing key.
        rows.push({ input: { row: p.row, key: '', values: p.values, present }, failed, issues });
        continue;
      }
      let key: string;
      if (definition.naturalKey) {
        const natural = definition.naturalKey.of(p.values);
        const n = (occurrences.get(natural) ?? 0) + 1;
        occurrences.set(natural, n);
        key = `${natural}#${n}`;
      } else {
        key = String(p.values[definition.keyField]).trim().toUpperCase();
      }
      const first = fileKeys.get(key);
      if (first !== undefined) {
        issues.push({
          row: p.row,
          field: keyHeader,
          message: {
            vi: `Mã "${key}" đã có ở dòng ${first}; mỗi mã chỉ được xuất hiện một lần trong tệp.`,
            en: `Code "${key}" already appears in row ${first}; each code may appear once per file.`,
          },
        });
        failed.add(definition.keyField);
        const present = new Set([...p.present].filter((f) => !failed.has(f)));
        // Checked like the first row of the code (its other problems reported too), never written.
        rows.push({ input: { row: p.row, key: '', values: p.values, present }, failed, issues });
        continue;
      }
      fileKeys.set(key, p.row);
      const present = new Set([...p.present].filter((f) => !failed.has(f)));
      rows.push({ input: { row: p.row, key, values: p.values, present }, failed, issues });
    }
    const refs = await definition.loadReferences(
      db,
      rows.map((r) => r.input),
      ctx,
    );
    const existing = await definition.loadExisting(db, [...fileKeys.keys()], refs);
    const env: PlanEnv<Ctx, Refs> = { actor, ctx, refs, fileKeys };
    let planned: PlannedRow<R, E>[] = [];
    let done = 0;
    for (const { input, failed, issues } of rows) {
      const current = input.key ? existing.get(input.key) : undefined;
      const outcome = definition.plan(input, current, env);
      errors.push(...issues);
      if ('problems' in outcome) {
        const fields = new Set(failed);
        for (const [field, message] of Object.entries(outcome.problems)) {
          fields.add(field.split('.')[0]!);
          if (!failed.has(field.split('.')[0]!)) errors.push(fieldError(input.row, field, message));
        }
        rejected.push({ input, fields });
      } else if (issues.length) {
        rejected.push({ input, fields: failed });
      } else {
        const fields = current ? definition.diff(current, outcome.record) : [];
        planned.push({
          row: input.row,
          key: input.key,
          id: current?.id ?? randomUUID(),
          record: outcome.record,
          existing: current,
          action: !current ? 'create' : fields.length ? 'update' : 'unchanged',
          fields,
        });
      }
      done++;
      if (done % BATCH === 0) {
        progress(done, 'validate');
        await yieldToEventLoop();
      }
    }
    if (definition.validatePlan) {
      const problems = definition.validatePlan(planned, rejected, env);
      for (const p of problems) errors.push(fieldError(p.row, p.field, p.message));
      const refused = new Set(problems.map((p) => p.row));
      planned = planned.filter((p) => !refused.has(p.row));
    }
    const changed = planned.filter((p) => p.action !== 'unchanged');
    const { ordered, cyclic } = definition.dependsOn
      ? writeOrder(changed, definition.dependsOn.keys)
      : { ordered: changed, cyclic: [] };
    for (const p of cyclic) {
      errors.push(
        fieldError(p.row, definition.dependsOn!.field, {
          vi: 'Tham chiếu vòng giữa các dòng của tệp (các bản ghi tham chiếu lẫn nhau).',
          en: 'Circular reference between rows of the file.',
        }),
      );
    }
    // Row by row, and within a row in the order of the file's columns (problems of no column last).
    const positions = new Map(table.headers.map((h, i) => [h.trim(), i] as const).reverse());
    const column = (e: ImportError) =>
      (e.field === null ? undefined : positions.get(e.field)) ?? Number.MAX_SAFE_INTEGER;
    errors.sort((a, b) => a.row - b.row || column(a) - column(b));
    progress(parsed.length, 'validate');
    return { rows: parsed.length, planned, errors, ordered, refs };
  }

  const result = (plan: Plan<R, E, Refs>, committed: boolean): ImportResult => {
    const count = (action: PlannedRow<R, E>['action']) =>
      plan.planned.filter((p) => p.action === action).length;
    const changes: ImportChange[] = plan.planned
      .filter((p) => p.action !== 'unchanged')
      .map((p) => ({ row: p.row, key: p.key, action: p.action as 'create' | 'update', fields: p.fields }));
    return {
      entity: definition.entity,
      mode: options.mode,
      committed,
      rows: plan.rows,
      toCreate: count('create'),
      toUpdate: count('update'),
      unchanged: count('unchanged'),
      errors: plan.errors,
      changes,
      durationMs: Math.round(performance.now() - started),
    };
  };

  if (options.mode === 'dry-run') return result(await makePlan(deps.db), false);

  return deps.db.transaction(async (tx) => {
    const plan = await makePlan(tx);
    if (plan.errors.length) return result(plan, false);
    const ids = new Map(plan.planned.map((p) => [p.key, p.id]));
    const env: WriteEnv<Ctx, Refs> = { ctx, refs: plan.refs as Refs, idOf: (key) => ids.get(key) };
    const auditDeps = { ...deps, db: tx };
    if (plan.ordered.length) await definition.prepareWrite?.(tx, plan.ordered, env);
    for (let i = 0; i < plan.ordered.length; i += BATCH) {
      const batch = plan.ordered.slice(i, i + BATCH);
      await definition.write(tx, batch, env);
      await recordAudits(
        tx,
        auditDeps,
        batch.map((p) => definition.audit(p)),
      );
      progress(plan.rows + Math.round((plan.rows * (i + batch.length)) / plan.ordered.length), 'write');
    }
    progress(total, 'write');
    return result(plan, true);
  });
}
