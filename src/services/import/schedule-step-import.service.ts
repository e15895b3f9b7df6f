import type { ImportResult } from '../../domain/import/import.schema';
import {
  scheduleStepColumns,
  scheduleStepExportFileName,
  scheduleStepKey,
  scheduleStepKeyFields,
  scheduleStepRecordFields,
  scheduleStepSheetName,
  scheduleStepTemplateFileName,
  type ScheduleStepExportQuery,
  type ScheduleStepRecord,
} from '../../domain/import/schedule-step-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import { scheduleStepLabels, type ScheduleStep } from '../../domain/schedule/schedule';
import { scheduleStepInputSchema } from '../../domain/schedule/schedule.schema';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { issuesToFields } from '../../domain/shared/zod-messages';
import { requireActor, type ServiceDeps } from '../deps';
import type { StepRow } from '../schedule/schedule.repository';
import { canPlanSchedule } from '../schedule/schedule.policy';
import { stepView } from '../schedule/schedule.service';
import { canSeeZone, zoneVisibility } from '../zone/zone.policy';
import type { ZoneScopeRow } from '../zone/zone-facts.repository';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportScheduleSteps, canImportScheduleSteps } from './import.policy';
import {
  runImport,
  type ImportDefinition,
  type ImportOptions,
  type ImportRow,
  type PlannedRow,
} from './import.pipeline';
import {
  findStepsForExport,
  findStepsOfZones,
  insertSteps,
  updateSteps,
  type StepWrite,
} from './schedule-step-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';
import { findZoneScopesByCode } from './zone-scope-import.repository';

/**
 * A zone's planned schedule through spreadsheets: one row per zone and step, the step planned anew or its
 * planned date, agency and source revised — with the checks of `setScheduleStep` (the domain schema, and
 * `canPlanSchedule` on the row's zone, so only the agencies keeping a zone plan it) and its audit rows
 * (`schedule.step_set` / `schedule.step_update`). Actual dates are never imported: they are the zone's
 * lifecycle events.
 */

type StepRefs = {
  zones: Map<string, ZoneScopeRow>;
  /** Stored steps under `<zone code>|<step>#1` (a zone has one row per step). */
  stored: Map<string, StepRow>;
};

type StepPlan = { record: ScheduleStepRecord; zoneId: string };

function naturalKeyOf(values: Record<string, unknown>): string {
  return scheduleStepKey({ zoneCode: values.zoneCode as string, step: values.step as string });
}

/**
 * One row: its zone visible and one the actor plans, and the step's values — the stored ones under the
 * columns the file does not have — valid as the API takes them. A zone and step repeated in the file is
 * refused (the pipeline counts identical keys by occurrence: only the first is `#1`).
 */
function planStep(
  row: ImportRow,
  existing: StepRow | undefined,
  env: { actor: Actor; refs: StepRefs; fileKeys: ReadonlyMap<string, number> },
): { record: StepPlan } | { problems: Record<string, LocalizedText> } {
  const { values, present } = row;
  const { actor, refs } = env;
  const problems: Record<string, LocalizedText> = {};
  const zoneCode = values.zoneCode;
  const zone = typeof zoneCode === 'string' ? refs.zones.get(zoneCode) : undefined;
  if (typeof zoneCode === 'string' && zoneCode) {
    // A zone outside the actor's sight is reported like a zone that does not exist.
    if (!zone || !canSeeZone(actor, zone)) {
      problems.zoneCode = {
        vi: `Không có khu/cụm công nghiệp mã ${zoneCode}.`,
        en: `No park or cluster has code ${zoneCode}.`,
      };
    } else if (!canPlanSchedule(actor, zone)) {
      problems.zoneCode = {
        vi: `Bạn không có quyền lập tiến độ kế hoạch của khu/cụm ${zoneCode} (ngoài phạm vi được giao).`,
        en: `You may not plan the schedule of ${zoneCode} (outside your scope).`,
      };
    }
  }
  const occurrence = row.key.match(/#(\d+)$/);
  if (occurrence && occurrence[1] !== '1') {
    const natural = row.key.slice(0, occurrence.index);
    const first = env.fileKeys.get(`${natural}#1`);
    const step = scheduleStepLabels[values.step as ScheduleStep]?.vi ?? String(values.step);
    problems.step = {
      vi: `Bước "${step}" của khu/cụm ${String(zoneCode)} đã có ở dòng ${first}; mỗi bước chỉ được xuất hiện một lần trong tệp.`,
      en: `Step "${String(values.step)}" of ${String(zoneCode)} already appears in row ${first}; each step may appear once per file.`,
    };
  }
  const candidate: Record<string, unknown> = existing
    ? {
        plannedDate: existing.plannedDate,
        agency: existing.agency,
        sourceKind: existing.sourceKind,
        sourceRef: existing.sourceRef,
        note: existing.note,
      }
    : {};
  for (const field of scheduleStepRecordFields) {
    if (present.has(field)) candidate[field] = values[field] ?? undefined;
  }
  const parsed = scheduleStepInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const [field, message] of Object.entries(issuesToFields(parsed.error.issues))) {
      if (!problems[field]) problems[field] = message;
    }
  }
  if (Object.keys(problems).length || !parsed.success || !zone || !row.key) return { problems };
  const data = parsed.data;
  return {
    record: {
      zoneId: zone.id,
      record: {
        zoneCode: zone.code,
        step: values.step as ScheduleStep,
        plannedDate: data.plannedDate,
        agency: data.agency,
        sourceKind: data.sourceKind,
        sourceRef: data.sourceRef,
        note: data.note?.trim() || null,
      },
    },
  };
}

function diffStep(existing: StepRow, plan: StepPlan): string[] {
  return scheduleStepRecordFields.filter((f) => (existing[f] ?? null) !== (plan.record[f] ?? null));
}

const writeOf = (p: PlannedRow<StepPlan, StepRow>): StepWrite => ({
  id: p.id,
  zoneId: p.record.zoneId,
  step: p.record.record.step,
  plannedDate: p.record.record.plannedDate,
  agency: p.record.record.agency,
  sourceKind: p.record.record.sourceKind,
  sourceRef: p.record.record.sourceRef,
  note: p.record.record.note,
  version: p.existing?.version ?? 0,
});

/** The audit entry of a planned step: the shape `setScheduleStep` writes. */
function auditOf(p: PlannedRow<StepPlan, StepRow>) {
  const { record, zoneId } = p.record;
  const after: StepRow = {
    ...(p.existing ?? { id: p.id, zoneId, step: record.step, createdAt: new Date(), updatedAt: new Date() }),
    plannedDate: record.plannedDate,
    agency: record.agency,
    sourceKind: record.sourceKind,
    sourceRef: record.sourceRef,
    note: record.note,
    version: (p.existing?.version ?? 0) + 1,
  } as StepRow;
  return {
    action: p.existing ? 'schedule.step_update' : 'schedule.step_set',
    entityType: 'zone',
    entityId: zoneId,
    before: p.existing ? stepView(p.existing) : null,
    after: stepView(after),
  };
}

const conflict = () =>
  new AppError('conflict', {
    reason: {
      vi: 'Một số bước vừa được người khác sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
      en: 'Some steps were changed by someone else during the import; nothing was saved. Run it again.',
    },
  });

/** The schedule sheet plugged into the generic import. */
export const scheduleStepImportDefinition: ImportDefinition<null, StepRefs, StepPlan, StepRow> = {
  entity: 'schedule-steps',
  keyField: 'zoneCode',
  naturalKey: { fields: scheduleStepKeyFields, of: naturalKeyOf },
  canImport: canImportScheduleSteps,
  prepare: async () => null,
  columns: () => scheduleStepColumns(),
  async loadReferences(db, rows) {
    const codes = rows.map((r) => r.values.zoneCode).filter((v): v is string => typeof v === 'string' && !!v);
    // Locked, as setting one step locks its zone: the steps read stay as read until the commit.
    const zones = await findZoneScopesByCode(db, codes, { lock: true });
    const codeOf = new Map(zones.map((z) => [z.id, z.code]));
    const stored = new Map<string, StepRow>();
    for (const s of await findStepsOfZones(
      db,
      zones.map((z) => z.id),
    )) {
      stored.set(`${scheduleStepKey({ zoneCode: codeOf.get(s.zoneId)!, step: s.step })}#1`, s);
    }
    return { zones: new Map(zones.map((z) => [z.code, z])), stored };
  },
  async loadExisting(_db, keys, refs) {
    const existing = new Map<string, StepRow>();
    for (const key of keys) {
      const found = refs.stored.get(key);
      if (found) existing.set(key, found);
    }
    return existing;
  },
  plan: (row, existing, env) => planStep(row, existing, env),
  diff: diffStep,
  async write(db, rows) {
    const created = rows.filter((p) => p.action === 'create').map(writeOf);
    const updated = rows.filter((p) => p.action === 'update').map(writeOf);
    const inserted = await insertSteps(db, created);
    const revised = await updateSteps(db, updated);
    if (inserted !== created.length || revised !== updated.length) throw conflict();
  },
  audit: auditOf,
};

/** Imports planned steps from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importScheduleSteps(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, scheduleStepImportDefinition, file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import schedules at all. */
export function assertCanImportScheduleSteps(deps: ServiceDeps): void {
  if (!canImportScheduleSteps(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập tiến độ kế hoạch của khu, cụm công nghiệp (IZIS)', [
  'Mỗi dòng là ngày kế hoạch của một bước trong tiến độ của một khu/cụm, kèm cơ quan chịu trách nhiệm và văn bản căn cứ. Dòng của bước đã có kế hoạch sẽ điều chỉnh bước đó (lịch sử thay đổi được lưu); bước chưa có sẽ được lập mới. Mỗi khu/cụm và bước chỉ được có một dòng trong tệp.',
  'Ngày thực tế hoàn thành một bước KHÔNG nhập ở đây: hệ thống lấy từ các sự kiện vòng đời của khu/cụm.',
  'Chỉ cơ quan quản lý (Sở, Ban quản lý, UBND xã/phường đối với cụm) được lập tiến độ kế hoạch của khu/cụm thuộc phạm vi được giao; dòng của khu/cụm khác bị báo lỗi.',
  'Cột không có trong tệp giữ nguyên giá trị đã lưu; ô "Ghi chú" để trống sẽ xoá ghi chú đã có.',
]);

/** The import template: headers, a guide sheet, no rows. */
export async function scheduleStepImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: scheduleStepTemplateFileName,
    body: await entityWorkbook(scheduleStepSheetName, scheduleStepColumns(), [], guide),
  };
}

/** The planned steps of the zones the actor may see — one zone, or all, narrowed — with the template's columns. */
export async function exportScheduleSteps(
  deps: ServiceDeps,
  query: ScheduleStepExportQuery,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportScheduleSteps(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const rows = await findStepsForExport(deps.db, zoneVisibility(actor), query);
  return sheetExport({
    format,
    fileName: scheduleStepExportFileName(toIsoDate(now), format),
    sheetName: scheduleStepSheetName,
    columns: scheduleStepColumns(),
    records: rows,
    guide,
    now,
  });
}
