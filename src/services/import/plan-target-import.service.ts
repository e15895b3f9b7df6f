import type { ImportResult } from '../../domain/import/import.schema';
import {
  formatTargetZones,
  parseTargetZones,
  planKey,
  planTargetColumns,
  planTargetExportFileName,
  planTargetKey,
  planTargetKeyFields,
  planTargetSheetName,
  planTargetTemplateFileName,
  type PlanTargetExportQuery,
} from '../../domain/import/plan-target-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor, ZoneFamily } from '../../domain/identity/roles';
import { targetInputSchema, type TargetInput } from '../../domain/plan/plan.schema';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import type { Db } from '../../db/client';
import { requireActor, type ServiceDeps } from '../deps';
import { canSetPlans } from '../plan/plan.policy';
import {
  findTargetZones,
  findZoneIdsByCodes,
  insertPlanTarget,
  nextOrdinal,
  replaceTargetZones,
  updatePlanTarget,
  type PlanRow,
  type PlanTargetRow,
} from '../plan/plan.repository';
import {
  checkTarget,
  figureTaken,
  figureTakenMessage,
  resolvedTarget,
  targetAudit,
  targetValues,
  type ResolvedTarget,
} from '../plan/plan-write.service';
import { CITY_SCOPE_REF } from '../reporting/plan-target.service';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportPlanTargets, canImportPlanTargets } from './import.policy';
import { runImport, type ImportDefinition, type ImportOptions, type ImportRow } from './import.pipeline';
import {
  findFigureTargetsOf,
  findPlansForExport,
  findPlansOf,
  findTargetsOfPlans,
} from './plan-target-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';

/**
 * Targets of yearly plans through spreadsheets. A row is one target of a recorded plan (family, year, number);
 * it is matched to a target of that plan by kind and indicator (a report figure) or title, counted by
 * occurrence, so re-importing a file writes nothing; a changed row updates its target (version-checked), a new
 * one is added. Every row is checked as setting it on the plan page is: the actor may set the plans of the
 * family (`canSetPlans`), the plan is in force, the input schema, and `checkTarget` (the kind's measure, step or
 * threshold, the figure's indicator among the year's, the named zones existing and of the family).
 */

type Existing = {
  id: string;
  version: number;
  row: PlanTargetRow;
  input: TargetInput;
  zoneCodes: string[];
};

type Refs = {
  plans: Map<string, PlanRow>;
  zones: Map<string, { id: string; family: string }>;
  /** The plans' targets in force under their occurrence key (`<plan>|<kind>|<indicator or title>#<n>`). */
  stored: Map<string, Existing>;
  /** Natural keys of withdrawn targets. */
  withdrawn: Map<string, PlanTargetRow>;
  /** Figure targets in force by `<family>|<year>|<indicator>` (one per indicator and year). */
  figures: Map<string, PlanTargetRow>;
};

type Planned = {
  plan: PlanRow;
  input: TargetInput;
  resolved: ResolvedTarget;
  /** Set by `write`, for the audit row. */
  saved?: PlanTargetRow;
};

const num = (v: string | null) => (v === null ? null : Number(v));

/** A stored target as the sheet (and the API's input) sees it. */
function inputOf(t: PlanTargetRow, zones: { code: string; responsible: string | null }[]): TargetInput {
  const kind = t.kind as TargetInput['kind'];
  const params = t.params as { step?: TargetInput['step']; thresholdPct?: number | null };
  return {
    kind,
    title: t.title ?? '',
    measure: kind === 'count' || kind === 'rule' ? (t.indicator as TargetInput['measure']) : null,
    step: params.step ?? null,
    thresholdPct: params.thresholdPct ?? null,
    indicator: kind === 'figure' ? t.indicator : null,
    value: Number(t.value),
    maxValue: num(t.maxValue),
    zones,
    evidenceRef: t.evidenceRef,
    evidenceDate: t.evidenceDate,
    note: t.note,
  };
}

/**
 * A checked target as it will read back once stored: only the kind's own fields kept (a count's or rule's
 * measure, a figure's indicator, the measure's step or threshold), so that a re-import compares like with like.
 */
function storedForm(input: TargetInput): TargetInput {
  const measured = input.kind === 'count' || input.kind === 'rule';
  return {
    ...input,
    measure: measured ? input.measure : null,
    indicator: input.kind === 'figure' ? input.indicator : null,
    step: measured && input.measure === 'step_reached' ? input.step : null,
    thresholdPct: measured && input.measure === 'occupancy_at_least' ? input.thresholdPct : null,
  };
}

const planOf = (values: Record<string, unknown>) =>
  planKey(values.planFamily as string, values.planYear as number, values.planNumber as string);

function naturalKeyOf(values: Record<string, unknown>): string {
  return planTargetKey(planOf(values), {
    kind: values.kind as string,
    indicator: (values.indicator as string | null | undefined) ?? null,
    title: values.title as string,
  });
}

const familyName = (family: string) => (family === 'KCN' ? 'khu công nghiệp' : 'cụm công nghiệp');

const sheetFields = [
  'kind',
  'title',
  'measure',
  'step',
  'thresholdPct',
  'indicator',
  'value',
  'maxValue',
  'zones',
  'evidenceRef',
  'evidenceDate',
  'note',
] as const;

/**
 * One row: its plan recorded and in force, the actor's to set, the target merged over the stored one (a column
 * missing from the file leaves its value) and checked as the API checks it. Every field is checked even when
 * another is wrong, so that one dry run lists all of a row's problems.
 */
function planTarget(
  row: ImportRow,
  existing: Existing | undefined,
  env: { actor: Actor; refs: Refs },
): { record: Planned } | { problems: Record<string, LocalizedText> } {
  const { values } = row;
  const { refs } = env;
  const problems: Record<string, LocalizedText> = {};
  const add = (field: string, message: LocalizedText) => {
    problems[field] ??= message;
  };
  const family = values.planFamily as ZoneFamily | null | undefined;
  const year = values.planYear as number | null | undefined;
  const number = values.planNumber as string | null | undefined;
  if (family && !canSetPlans(env.actor, family)) {
    add('planFamily', {
      vi: `Bạn không có quyền đặt chỉ tiêu kế hoạch ${familyName(family)}.`,
      en: `You may not set the targets of ${family === 'KCN' ? 'park' : 'cluster'} plans.`,
    });
  }
  let plan: PlanRow | undefined;
  if (family && year && number && !problems.planFamily) {
    plan = refs.plans.get(planKey(family, year, number));
    if (!plan) {
      add('planNumber', {
        vi: `Không có kế hoạch số ${number} năm ${year} của ${familyName(family)}: ghi kế hoạch trên trang Chỉ tiêu trước khi nhập chỉ tiêu.`,
        en: `No ${family} plan ${number} of ${year}: record the plan on the Targets page before importing its targets.`,
      });
    } else if (plan.withdrawnAt) {
      add('planNumber', {
        vi: `Kế hoạch số ${number} năm ${year} đã rút (${plan.withdrawnReason ?? ''}); không thêm, sửa chỉ tiêu.`,
        en: `Plan ${number} of ${year} is withdrawn (${plan.withdrawnReason ?? ''}); its targets cannot change.`,
      });
      plan = undefined;
    }
  }
  if (!existing && row.key) {
    const gone = refs.withdrawn.get(row.key.replace(/#\d+$/, ''));
    if (gone) {
      add('title', {
        vi: `Chỉ tiêu này đã rút (${gone.withdrawnReason ?? ''}); xoá dòng khỏi tệp, hoặc đổi tên nếu là một chỉ tiêu mới.`,
        en: `This target was withdrawn (${gone.withdrawnReason ?? ''}); remove the row, or rename it if it is a new target.`,
      });
    }
  }
  const candidate: Record<string, unknown> = existing
    ? { ...existing.input }
    : { measure: null, step: null, thresholdPct: null, indicator: null, maxValue: null, zones: [] };
  for (const field of sheetFields) {
    if (!row.present.has(field)) continue;
    candidate[field] = field === 'zones' ? parseTargetZones(values.zones as string | null) : values[field];
  }
  for (const field of ['evidenceRef', 'evidenceDate', 'note'] as const) candidate[field] ??= null;
  const parsed = targetInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [field, message] of Object.entries(issuesToFields(parsed.error.issues))) {
      add(field.split('.')[0]!, message);
    }
    return { problems };
  }
  const input = parsed.data;
  if (family && year) {
    const ids = refs.zones;
    for (const [field, message] of Object.entries(checkTarget(family, year, input, ids))) add(field, message);
    if (input.kind === 'figure' && input.indicator) {
      const taken = refs.figures.get(`${family}|${year}|${input.indicator}`);
      if (taken && taken.id !== existing?.id) add('indicator', figureTakenMessage);
    }
  }
  if (Object.keys(problems).length || !plan || !row.key) return { problems };
  const stored = storedForm(input);
  return { record: { plan, input: stored, resolved: resolvedTarget(stored, refs.zones) } };
}

/** Fields of the sheet that differ between a stored target and the imported one. */
function diffTarget(existing: Existing, record: Planned): string[] {
  const before = existing.input;
  const after = record.input;
  return sheetFields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/** Two rows of the file may not set the same figure of a year (one figure target per indicator and year). */
function figureProblems(
  planned: readonly { row: number; record: Planned; action: string }[],
): { row: number; field: string; message: LocalizedText }[] {
  const seen = new Map<string, number>();
  const problems: { row: number; field: string; message: LocalizedText }[] = [];
  for (const p of planned) {
    const { input, plan } = p.record;
    if (input.kind !== 'figure' || !input.indicator) continue;
    const key = `${plan.family}|${plan.year}|${input.indicator}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, p.row);
    else {
      problems.push({
        row: p.row,
        field: 'indicator',
        message: {
          vi: `Chỉ số "${input.indicator}" của năm ${plan.year} đã có chỉ tiêu ở dòng ${first}; mỗi chỉ số một chỉ tiêu trong năm.`,
          en: `Indicator "${input.indicator}" of ${plan.year} already has a target in row ${first}; one target per indicator and year.`,
        },
      });
    }
  }
  return problems;
}

const isUniqueViolation = (e: unknown) =>
  String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505';

/** The plan-target sheet plugged into the generic import; `now` stamps the writes. */
function planTargetImportDefinition(now: Date): ImportDefinition<null, Refs, Planned, Existing> {
  return {
    entity: 'plan-targets',
    keyField: 'planNumber',
    naturalKey: { fields: planTargetKeyFields, of: naturalKeyOf },
    canImport: canImportPlanTargets,
    prepare: async () => null,
    columns: () => planTargetColumns(),
    async loadReferences(db, rows) {
      const pairs = rows
        .filter((r) => typeof r.values.planFamily === 'string' && typeof r.values.planYear === 'number')
        .map((r) => ({ family: r.values.planFamily as string, year: r.values.planYear as number }));
      const plans = await findPlansOf(db, pairs);
      const codes = rows.flatMap((r) =>
        r.present.has('zones') ? parseTargetZones(r.values.zones as string | null).map((z) => z.code) : [],
      );
      const targets = await findTargetsOfPlans(
        db,
        plans.map((p) => p.id),
      );
      const zoneRows = await findTargetZones(
        db,
        targets.map((t) => t.id),
      );
      const planById = new Map(plans.map((p) => [p.id, p]));
      const stored = new Map<string, Existing>();
      const withdrawn = new Map<string, PlanTargetRow>();
      const occurrences = new Map<string, number>();
      for (const t of targets) {
        const p = planById.get(t.planId!)!;
        const zones = zoneRows
          .filter((z) => z.targetId === t.id)
          .map((z) => ({ code: z.code, responsible: z.responsible }));
        const input = inputOf(t, zones);
        const natural = planTargetKey(planKey(p.family, p.year, p.number), input);
        if (t.withdrawnAt) {
          withdrawn.set(natural, t);
          continue;
        }
        const n = (occurrences.get(natural) ?? 0) + 1;
        occurrences.set(natural, n);
        stored.set(`${natural}#${n}`, {
          id: t.id,
          version: t.version,
          row: t,
          input,
          zoneCodes: zones.map((z) => z.code),
        });
      }
      const figures = new Map(
        (await findFigureTargetsOf(db, pairs)).map((t) => [`${t.family}|${t.year}|${t.indicator}`, t]),
      );
      return {
        plans: new Map(plans.map((p) => [planKey(p.family, p.year, p.number), p])),
        zones: await findZoneIdsByCodes(db, [...new Set(codes)]),
        stored,
        withdrawn,
        figures,
      };
    },
    async loadExisting(_db, keys, refs) {
      const existing = new Map<string, Existing>();
      for (const key of keys) {
        const found = refs.stored.get(key);
        if (found) existing.set(key, found);
      }
      return existing;
    },
    plan: (row, existing, env) => planTarget(row, existing, env),
    validatePlan: (planned) => figureProblems(planned),
    diff: diffTarget,
    async write(db, rows) {
      const ordinals = new Map<string, number>();
      const ordinalOf = async (tx: Db, planId: string) => {
        const next = ordinals.get(planId) ?? (await nextOrdinal(tx, planId));
        ordinals.set(planId, next + 1);
        return next;
      };
      for (const p of rows) {
        const { plan, input, resolved } = p.record;
        let saved: PlanTargetRow | null;
        try {
          saved = p.existing
            ? await updatePlanTarget(db, p.id, p.existing.version, {
                ...targetValues(input, resolved),
                updatedAt: now,
              })
            : await insertPlanTarget(db, {
                ...targetValues(input, resolved),
                id: p.id,
                planId: plan.id,
                year: plan.year,
                family: plan.family,
                scopeKind: 'city',
                scopeRef: CITY_SCOPE_REF,
                ordinal: await ordinalOf(db, plan.id),
                updatedAt: now,
              });
        } catch (e) {
          if (isUniqueViolation(e)) throw figureTaken();
          throw e;
        }
        // A figure set meanwhile (insert), or a target changed or withdrawn meanwhile (update).
        if (!saved && !p.existing) throw figureTaken();
        if (!saved) {
          throw new AppError('conflict', {
            reason: {
              vi: 'Một số chỉ tiêu vừa được người khác sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
              en: 'Some targets were changed by someone else during the import; nothing was saved. Run it again.',
            },
          });
        }
        await replaceTargetZones(db, saved.id, resolved.zones);
        p.record.saved = saved;
      }
    },
    audit: (p) => {
      const zones = p.record.input.zones.map((z) => z.code);
      const after = targetAudit(p.record.saved!, zones);
      return p.existing
        ? {
            action: 'plan_target.update',
            entityType: 'plan_target',
            entityId: p.id,
            before: targetAudit(p.existing.row, p.existing.zoneCodes),
            after,
          }
        : { action: 'plan_target.create', entityType: 'plan_target', entityId: p.id, after };
    },
  };
}

/** Imports plan targets from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importPlanTargets(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, planTargetImportDefinition(deps.clock.now()), file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not set any plan. */
export function assertCanImportPlanTargets(deps: ServiceDeps): void {
  if (!canImportPlanTargets(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập chỉ tiêu kế hoạch năm (IZIS)', [
  'Mỗi dòng là một chỉ tiêu của một kế hoạch đã ghi trong IZIS (khối, năm, số kế hoạch); kế hoạch phải được ghi trên trang Chỉ tiêu trước. Chỉ cán bộ được đặt kế hoạch của khối (Ban Quản lý với khu công nghiệp, Sở Công Thương với cụm công nghiệp) mới nhập được.',
  'Chỉ tiêu được nhận biết theo kế hoạch, loại chỉ tiêu và tên chỉ tiêu (chỉ số báo cáo: theo mã chỉ số): dòng khớp với chỉ tiêu đã có thì cập nhật chỉ tiêu đó, dòng mới thì thêm chỉ tiêu mới. Đổi tên chỉ tiêu trong tệp sẽ thành một chỉ tiêu mới: đổi tên trên trang Chỉ tiêu. Nhập lại cùng một tệp không thay đổi gì.',
  'Chỉ tiêu đã rút không được nhập lại; nhập không bao giờ xoá hay rút chỉ tiêu.',
  'Theo danh sách khu/cụm: ghi "Cách đo" (đạt bước hoặc tỷ lệ lấp đầy tối thiểu), "Bước cần đạt" hoặc "Tỷ lệ lấp đầy cần đạt", và các mã khu/cụm cách nhau bởi dấu ";" (cơ quan chịu trách nhiệm sau dấu ":"); giá trị không lớn hơn số khu/cụm được nêu.',
  'Chỉ số báo cáo: ghi mã chỉ số của báo cáo năm đó; mỗi chỉ số có một chỉ tiêu trong năm. Nhiệm vụ: có thể ghi văn bản hoàn thành và ngày văn bản.',
]);

/** The import template: headers, a guide sheet, no rows. */
export async function planTargetImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: planTargetTemplateFileName,
    body: await entityWorkbook(planTargetSheetName, planTargetColumns(), [], guide),
  };
}

/**
 * The targets in force of the plans in force (by year, family, plan number) as XLSX or CSV with the import
 * template's columns, each plan's in its order: an export imports back with nothing to write.
 */
export async function exportPlanTargets(
  deps: ServiceDeps,
  query: PlanTargetExportQuery,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportPlanTargets(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const plans = await findPlansForExport(deps.db, query);
  const targets = (
    await findTargetsOfPlans(
      deps.db,
      plans.map((p) => p.id),
    )
  ).filter((t) => !t.withdrawnAt);
  const zones = await findTargetZones(
    deps.db,
    targets.map((t) => t.id),
  );
  const records = plans.flatMap((p) =>
    targets
      .filter((t) => t.planId === p.id)
      .map((t) => {
        const input = inputOf(
          t,
          zones.filter((z) => z.targetId === t.id).map((z) => ({ code: z.code, responsible: z.responsible })),
        );
        return {
          planFamily: p.family,
          planYear: p.year,
          planNumber: p.number,
          ...input,
          zones: formatTargetZones(input.zones),
        };
      }),
  );
  return sheetExport({
    format,
    fileName: planTargetExportFileName(toIsoDate(now), format),
    sheetName: planTargetSheetName,
    columns: planTargetColumns(),
    records,
    guide,
    now,
  });
}
