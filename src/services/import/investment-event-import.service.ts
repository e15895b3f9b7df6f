import type { ImportResult } from '../../domain/import/import.schema';
import {
  canonicalAmount,
  checkLedgerAppend,
  investmentEventColumns,
  investmentEventExportFileName,
  investmentEventKey,
  investmentEventKeyFields,
  investmentEventSheetName,
  investmentEventTemplateFileName,
  type InvestmentEventExportQuery,
  type InvestmentEventRecord,
  type LedgerCandidate,
} from '../../domain/import/investment-event-import';
import { toIsoDate } from '../../domain/format/format';
import type { Actor } from '../../domain/identity/roles';
import type { InvestmentEventKind, LedgerEvent } from '../../domain/project/capital';
import { AppError, type LocalizedText } from '../../domain/shared/errors';
import { familyOfKind, type ZoneKind } from '../../domain/zone/zone.schema';
import { requireActor, type ServiceDeps } from '../deps';
import { canEditProject, projectVisibility } from '../project/project.policy';
import { canSeeZone, type ZoneFacts } from '../zone/zone.policy';
import { guideText, sheetExport, type ExportFile } from './export-file';
import { canExportInvestmentEvents, canImportInvestmentEvents } from './import.policy';
import {
  runImport,
  type ImportDefinition,
  type ImportOptions,
  type ImportRow,
  type PlannedRow,
} from './import.pipeline';
import {
  findEventsForExport,
  findLedgers,
  findProjectLedgerRefs,
  insertInvestmentEvents,
  terminateProjects,
  type StoredEvent,
} from './investment-event-import.repository';
import { entityWorkbook, type SpreadsheetFile } from './spreadsheet';

/**
 * The capital ledger through spreadsheets. Events have no code: a row is matched to a stored event by its
 * natural key (project, kind, date, amount, currency) and its occurrence, so re-importing a file finds
 * every event it created and writes nothing; stored events are never updated or deleted. New events are
 * checked together with the project's stored ledger and the file's other rows (one new registration, and
 * first; nothing after a termination; no currency's registered capital below zero), each row against the
 * policy of its project's zone, and appended with plain INSERTs; a termination also closes its project,
 * as adding it through the API does.
 */

type ProjectRef = { id: string; code: string; version: number; status: string; zone: ZoneFacts };

type EventRefs = {
  projects: Map<string, ProjectRef>;
  /** Per project id, the stored ledger in recording order. */
  ledgers: Map<string, StoredEvent[]>;
  /** Stored events under their occurrence key (`<natural key>#<n>`). */
  stored: Map<string, StoredEvent>;
};

type EventExisting = { id: string };

/** A row to append, and — once the ledger check accepted it — where it goes in the ledger. */
type EventPlan = {
  record: InvestmentEventRecord;
  project: ProjectRef;
  step?: {
    seq: number;
    registeredBefore: { currency: string; amount: string }[];
    registeredAfter: { currency: string; amount: string }[];
    terminates: boolean;
  };
};

const ledgerFields: readonly string[] = ['kind', 'eventDate', 'amount', 'currency'];

function naturalKeyOf(values: Record<string, unknown>): string {
  return investmentEventKey({
    projectCode: values.projectCode as string,
    kind: values.kind as InvestmentEventKind,
    eventDate: values.eventDate as string,
    amount: values.amount as string,
    currency: values.currency as string,
  });
}

function visibleProject(actor: Actor, refs: EventRefs, code: unknown): ProjectRef | undefined {
  const found = typeof code === 'string' ? refs.projects.get(code) : undefined;
  return found && canSeeZone(actor, found.zone) ? found : undefined;
}

/**
 * One row: its project visible and the actor's to edit, a currency code, a positive amount. Every field is
 * checked even when another is missing or unreadable, so that one dry run lists all of a row's problems.
 */
function planEvent(
  row: ImportRow,
  env: { actor: Actor; refs: EventRefs },
): { record: EventPlan } | { problems: Record<string, LocalizedText> } {
  const { values } = row;
  const problems: Record<string, LocalizedText> = {};
  const code = values.projectCode;
  // A project outside the actor's sight is reported like a project that does not exist.
  const found = visibleProject(env.actor, env.refs, code);
  if (typeof code === 'string' && code) {
    if (!found)
      problems.projectCode = { vi: `Không có dự án mã ${code}.`, en: `No project has code ${code}.` };
    else if (!canEditProject(env.actor, found.zone)) {
      problems.projectCode = {
        vi: `Bạn không có quyền ghi vốn đầu tư của dự án "${code}" (ngoài phạm vi được giao).`,
        en: `You may not record capital of project "${code}" (outside your scope).`,
      };
    }
  }
  const currency = values.currency;
  if (typeof currency === 'string' && currency && !/^[A-Z]{3}$/.test(currency)) {
    problems.currency = {
      vi: 'Loại tiền ghi bằng mã ISO 4217 gồm 3 chữ cái (ví dụ VND, USD, JPY).',
      en: 'The currency is a 3-letter ISO 4217 code (e.g. VND, USD, JPY).',
    };
  }
  const amount = values.amount;
  if (typeof amount === 'string' && amount.startsWith('-')) {
    problems.amount = {
      vi: 'Số vốn không được âm: vốn giảm ghi loại "Giảm vốn" với số dương.',
      en: 'The amount cannot be negative: record a reduction as a "decrease" with a positive amount.',
    };
  }
  const note = row.present.has('note') ? (values.note as string | null) : null;
  if (note && note.length > 2000) {
    problems.note = {
      vi: `Không được quá 2000 ký tự (đang có ${note.length}).`,
      en: `At most 2000 characters (got ${note.length}).`,
    };
  }
  if (Object.keys(problems).length || !found || !row.key) return { problems };
  return {
    record: {
      record: {
        projectCode: found.code,
        kind: values.kind as InvestmentEventKind,
        eventDate: values.eventDate as string,
        amount: canonicalAmount(amount as string),
        currency: currency as string,
        note: note || null,
      },
      project: found,
    },
  };
}

const asLedgerEvent = (e: {
  kind: string;
  eventDate: string;
  amount: string;
  currency: string;
}): LedgerEvent => ({
  kind: e.kind as InvestmentEventKind,
  eventDate: e.eventDate,
  amount: e.amount,
  currency: e.currency,
});

/**
 * The ledger rules across the stored events and the file: per project, every new row (and every row
 * refused only for another reason, such as a long note, since it would be appended once fixed) is
 * checked in ledger order. A project with a row whose ledger facts are themselves unreadable is not
 * checked — its rows' own problems say what to fix first — rather than reported with guesses.
 */
function ledgerProblems(
  planned: readonly PlannedRow<EventPlan, EventExisting>[],
  rejected: readonly { input: ImportRow; fields: ReadonlySet<string> }[],
  env: { actor: Actor; refs: EventRefs },
): { row: number; field: string; message: LocalizedText }[] {
  const { refs } = env;
  const unreadable = new Set<string>();
  const candidates = new Map<string, LedgerCandidate[]>();
  const add = (projectId: string, candidate: LedgerCandidate) => {
    const list = candidates.get(projectId);
    if (list) list.push(candidate);
    else candidates.set(projectId, [candidate]);
  };
  for (const { input, fields } of rejected) {
    const found = visibleProject(env.actor, refs, input.values.projectCode);
    if (!found || fields.has('projectCode')) continue;
    if (ledgerFields.some((f) => fields.has(f))) {
      unreadable.add(found.id);
      continue;
    }
    if (input.key && refs.stored.has(input.key)) continue;
    add(found.id, {
      row: input.row,
      ...asLedgerEvent({
        kind: input.values.kind as string,
        eventDate: input.values.eventDate as string,
        amount: canonicalAmount(input.values.amount as string),
        currency: input.values.currency as string,
      }),
    });
  }
  const byRow = new Map<number, PlannedRow<EventPlan, EventExisting>>();
  for (const p of planned) {
    if (p.action !== 'create') continue;
    byRow.set(p.row, p);
    add(p.record.project.id, { row: p.row, ...asLedgerEvent(p.record.record) });
  }
  const problems: { row: number; field: string; message: LocalizedText }[] = [];
  let seq = 0;
  // Projects in the order of their first row, so the recording sequence follows the file.
  const projects = [...candidates.entries()].sort(
    ([, a], [, b]) => Math.min(...a.map((c) => c.row)) - Math.min(...b.map((c) => c.row)),
  );
  for (const [projectId, list] of projects) {
    if (unreadable.has(projectId)) continue;
    const stored = (refs.ledgers.get(projectId) ?? []).map(asLedgerEvent);
    const result = checkLedgerAppend(stored, list);
    for (const [row, found] of result.problems) {
      for (const [field, message] of Object.entries(found)) problems.push({ row, field, message });
    }
    for (const step of result.accepted) {
      const p = byRow.get(step.row);
      if (!p) continue;
      const project = p.record.project;
      p.record.step = {
        seq: seq++,
        registeredBefore: step.registeredBefore,
        registeredAfter: step.registeredAfter,
        terminates: p.record.record.kind === 'termination' && project.status !== 'terminated',
      };
    }
  }
  return problems;
}

/** The audit entry of an appended event: the shape the project service writes for API appends. */
function auditOf(p: PlannedRow<EventPlan, EventExisting>) {
  const { record, project, step } = p.record;
  const terminates = step?.terminates ?? false;
  return {
    action: 'project.investment_event',
    entityType: 'project',
    entityId: project.id,
    before: {
      status: project.status,
      version: project.version,
      registeredCapital: step?.registeredBefore ?? [],
    },
    after: {
      event: {
        id: p.id,
        kind: record.kind,
        eventDate: record.eventDate,
        amount: record.amount,
        currency: record.currency,
      },
      status: terminates ? 'terminated' : project.status,
      version: terminates ? project.version + 1 : project.version,
      registeredCapital: step?.registeredAfter ?? [],
    },
  };
}

/** The investment-event sheet plugged into the generic import. */
export const investmentEventImportDefinition: ImportDefinition<null, EventRefs, EventPlan, EventExisting> = {
  entity: 'investment-events',
  keyField: 'projectCode',
  naturalKey: { fields: investmentEventKeyFields, of: naturalKeyOf },
  canImport: canImportInvestmentEvents,
  prepare: async () => null,
  columns: () => investmentEventColumns(),
  async loadReferences(db, rows) {
    const codes = rows
      .map((r) => r.values.projectCode)
      .filter((v): v is string => typeof v === 'string' && v !== '');
    // Locked, so that no event is appended to these ledgers between the check and the write.
    const found = await findProjectLedgerRefs(db, codes, { lock: true });
    const projects = new Map(
      found.map((p) => [
        p.code,
        {
          id: p.id,
          code: p.code,
          version: p.version,
          status: p.status,
          zone: {
            code: p.zoneCode,
            family: familyOfKind(p.zoneKind as ZoneKind),
            communeCode: p.zoneCommuneCode,
            developerCode: p.zoneDeveloperCode,
          },
        },
      ]),
    );
    const codeOf = new Map(found.map((p) => [p.id, p.code]));
    const ledgers = new Map<string, StoredEvent[]>();
    const stored = new Map<string, StoredEvent>();
    const occurrences = new Map<string, number>();
    for (const event of await findLedgers(
      db,
      found.map((p) => p.id),
    )) {
      const list = ledgers.get(event.projectId);
      if (list) list.push(event);
      else ledgers.set(event.projectId, [event]);
      const natural = investmentEventKey({
        projectCode: codeOf.get(event.projectId)!,
        kind: event.kind as InvestmentEventKind,
        eventDate: event.eventDate,
        amount: event.amount,
        currency: event.currency,
      });
      const n = (occurrences.get(natural) ?? 0) + 1;
      occurrences.set(natural, n);
      stored.set(`${natural}#${n}`, event);
    }
    return { projects, ledgers, stored };
  },
  async loadExisting(_db, keys, refs) {
    const existing = new Map<string, EventExisting>();
    for (const key of keys) {
      const event = refs.stored.get(key);
      if (event) existing.set(key, { id: event.id });
    }
    return existing;
  },
  plan: (row, _existing, env) => planEvent(row, env),
  validatePlan: (planned, rejected, env) => ledgerProblems(planned, rejected, env),
  // A matched event is the same event: an import never changes a stored one.
  diff: () => [],
  async write(db, rows) {
    const written = await insertInvestmentEvents(
      db,
      rows.map((p) => ({
        id: p.id,
        projectId: p.record.project.id,
        ...p.record.record,
        seq: p.record.step!.seq,
      })),
    );
    const closing = rows
      .filter((p) => p.record.step!.terminates)
      .map((p) => ({ id: p.record.project.id, version: p.record.project.version }));
    const closed = await terminateProjects(db, closing);
    if (written !== rows.length || closed !== closing.length) {
      throw new AppError('conflict', {
        reason: {
          vi: 'Một số dự án vừa được người khác sửa trong lúc nhập; không có dữ liệu nào được ghi. Hãy chạy lại.',
          en: 'Some projects were changed by someone else during the import; nothing was saved. Run it again.',
        },
      });
    }
  },
  audit: auditOf,
};

/** Imports capital-ledger events from an .xlsx or .csv file: a dry run, or an all-or-nothing commit. */
export async function importInvestmentEvents(
  deps: ServiceDeps,
  file: SpreadsheetFile,
  options: ImportOptions,
): Promise<ImportResult> {
  return runImport(deps, investmentEventImportDefinition, file, options);
}

/** Fails fast (before a streamed response starts) when the actor may not import capital events at all. */
export function assertCanImportInvestmentEvents(deps: ServiceDeps): void {
  if (!canImportInvestmentEvents(requireActor(deps))) throw new AppError('forbidden');
}

const guide = guideText('Hướng dẫn nhập sự kiện vốn đầu tư của dự án (IZIS)', [
  'Mỗi dòng là một sự kiện vốn của một dự án: đăng ký mới, tăng vốn, giảm vốn hoặc chấm dứt. Sổ vốn chỉ ghi thêm: nhập không bao giờ sửa hay xoá sự kiện đã có; muốn điều chỉnh, ghi thêm một sự kiện tăng hoặc giảm vốn.',
  'Một dòng trùng (cùng dự án, loại, ngày, số vốn, loại tiền) với sự kiện đã có được coi là chính sự kiện đó và bỏ qua; nếu tệp có hai dòng giống hệt nhau thì đó là hai sự kiện. Vì vậy nhập lại cùng một tệp không thay đổi gì.',
  'Quy tắc sổ vốn được kiểm tra cùng với các sự kiện đã có: mỗi dự án có đúng một "Đăng ký mới" và là sự kiện sớm nhất; sau "Chấm dứt" không còn sự kiện nào; giảm vốn không làm vốn đăng ký của loại tiền đó âm tại bất kỳ ngày nào. "Chấm dứt" chuyển trạng thái dự án sang "Đã chấm dứt".',
  'Số vốn luôn là số dương (loại sự kiện quyết định cộng hay trừ), tối đa 2 chữ số thập phân, ghi theo loại tiền của sự kiện (không quy đổi).',
]);

/** The import template: headers, a guide sheet, no rows. */
export async function investmentEventImportTemplate(
  deps: ServiceDeps,
): Promise<{ fileName: string; body: Uint8Array }> {
  requireActor(deps);
  return {
    fileName: investmentEventTemplateFileName,
    body: await entityWorkbook(investmentEventSheetName, investmentEventColumns(), [], guide),
  };
}

/**
 * The capital events of the projects the actor may see — one project's ledger, or all of them, narrowed by
 * zone, investor, kind and dates — as XLSX or CSV with the import template's columns.
 */
export async function exportInvestmentEvents(
  deps: ServiceDeps,
  query: InvestmentEventExportQuery,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const actor = requireActor(deps);
  if (!canExportInvestmentEvents(actor)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const rows = await findEventsForExport(deps.db, projectVisibility(actor), query);
  return sheetExport({
    format,
    fileName: investmentEventExportFileName(toIsoDate(now), format),
    sheetName: investmentEventSheetName,
    columns: investmentEventColumns(),
    records: rows,
    guide,
    now,
  });
}
