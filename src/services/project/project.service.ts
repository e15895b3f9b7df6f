import type { Ownership } from '../../domain/organisation/organisation.schema';
import { checkInvestmentEvent, type InvestmentEventKind } from '../../domain/project/capital';
import {
  checkVsicCode,
  type CreateProjectInput,
  type InvestmentEvent,
  type InvestmentEventInput,
  type ProjectDetail,
  type ProjectFields,
  type ProjectStatus,
  type ProjectSummary,
  type UpdateProjectInput,
} from '../../domain/project/project.schema';
import { AppError, validationError, type LocalizedText } from '../../domain/shared/errors';
import { foldVietnamese, foldedLikePattern } from '../../domain/shared/text';
import type { AuditEntry } from '../../domain/audit/audit.schema';
import type { Actor } from '../../domain/identity/roles';
import type { Db } from '../../db/client';
import { recordAudit, recordHistory } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { isUniqueViolation } from '../organisation/organisation.repository';
import { zoneVisibility, type ZoneFacts } from '../zone/zone.policy';
import {
  canChangeProjectInvestor,
  canEditProject,
  canManageProjects,
  canReadProjects,
  projectVisibility,
} from './project.policy';
import {
  findInvestmentEvents,
  findOrganisationRef,
  findProjectByCode,
  findProjects,
  findZoneFacts,
  insertInvestmentEvent,
  insertProject,
  projectCodeExists,
  updateProject as updateProjectRow,
  type InvestmentEventRow,
  type ProjectListFilter,
  type ProjectRow,
  type ProjectWrite,
} from './project.repository';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function capitalOf(row: ProjectRow): { currency: string; amount: string }[] {
  return typeof row.registeredCapital === 'string'
    ? (JSON.parse(row.registeredCapital) as { currency: string; amount: string }[])
    : row.registeredCapital;
}

function toSummary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    zoneCode: row.zoneCode,
    zoneName: row.zoneName,
    investorCode: row.investorCode,
    investorName: row.investorName,
    ownership: row.ownership as Ownership | null,
    certificateNo: row.certificateNo,
    certificateDate: row.certificateDate,
    vsicCode: row.vsicCode,
    leasedHa: num(row.leasedHa),
    lot: row.lot,
    workers: row.workers,
    status: row.status as ProjectStatus,
    registeredCapital: capitalOf(row),
    isSynthetic: row.isSynthetic,
    version: row.version,
  };
}

function toEvent(row: InvestmentEventRow): InvestmentEvent {
  return {
    id: row.id,
    kind: row.kind as InvestmentEventKind,
    eventDate: row.eventDate,
    amount: row.amount,
    currency: row.currency,
    note: row.note,
    registeredAfter: row.registeredAfter,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

async function toDetail(db: Db, row: ProjectRow, actor: Actor): Promise<ProjectDetail> {
  const events = await findInvestmentEvents(db, row.id);
  return {
    ...toSummary(row),
    zoneKind: row.zoneKind,
    canEdit: canEditProject(actor, zoneFactsOf(row)),
    events: events.map(toEvent),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function zoneFactsOf(row: ProjectRow): ZoneFacts {
  return {
    code: row.zoneCode,
    family: row.zoneFamily as 'KCN' | 'CCN',
    communeCode: row.zoneCommuneCode,
    developerCode: row.zoneDeveloperCode,
  };
}

/** The writable facts as recorded in the audit trail: the API's names and units. */
function auditView(p: ProjectSummary) {
  return {
    code: p.code,
    zoneCode: p.zoneCode,
    investorCode: p.investorCode,
    name: p.name,
    certificateNo: p.certificateNo,
    certificateDate: p.certificateDate,
    vsicCode: p.vsicCode,
    leasedHa: p.leasedHa,
    lot: p.lot,
    workers: p.workers,
    status: p.status,
    version: p.version,
  };
}

export async function listProjects(deps: ServiceDeps, query: Omit<ProjectListFilter, 'searchPattern'>) {
  const actor = requireActor(deps);
  if (!canReadProjects(actor)) throw new AppError('forbidden');
  const { rows, total } = await findProjects(deps.db, projectVisibility(actor), {
    ...query,
    ...(query.q ? { searchPattern: foldedLikePattern(query.q) } : {}),
  });
  return { items: rows.map(toSummary), total, asOf: deps.clock.now().toISOString() };
}

async function loadVisible(deps: ServiceDeps, code: string, db: Db = deps.db, forUpdate = false) {
  const actor = requireActor(deps);
  if (!canReadProjects(actor)) throw new AppError('forbidden');
  const row = await findProjectByCode(db, projectVisibility(actor), code.toUpperCase(), { forUpdate });
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getProject(deps: ServiceDeps, code: string): Promise<ProjectDetail> {
  return toDetail(deps.db, await loadVisible(deps, code), requireActor(deps));
}

/** Who changed what and when — edits and ledger events — from the audit trail, newest first. */
export async function projectHistory(deps: ServiceDeps, code: string): Promise<{ items: AuditEntry[] }> {
  const row = await loadVisible(deps, code);
  return { items: await recordHistory(deps.db, 'project', row.id) };
}

/**
 * Resolves the zone and investor codes, checks the fields, and checks that the actor may manage projects in
 * the (new) zone. A zone outside the actor's sight is reported like a zone that does not exist.
 */
async function toColumns(db: Db, actor: Actor, fields: Partial<ProjectFields>): Promise<ProjectWrite> {
  const problems: Record<string, LocalizedText> = {};
  const values: ProjectWrite = {};
  let zoneFacts: ZoneFacts | undefined;
  if (fields.zoneCode !== undefined) {
    const found = await findZoneFacts(db, zoneVisibility(actor), fields.zoneCode);
    if (!found) {
      problems.zoneCode = {
        vi: `Không có khu/cụm công nghiệp mã ${fields.zoneCode}.`,
        en: `No park or cluster has code ${fields.zoneCode}.`,
      };
    } else {
      values.zoneId = found.id;
      zoneFacts = found;
    }
  }
  if (fields.investorCode !== undefined) {
    const found = await findOrganisationRef(db, fields.investorCode);
    if (!found) {
      problems.investorCode = {
        vi: `Không có tổ chức (nhà đầu tư) mã ${fields.investorCode}.`,
        en: `No organisation (investor) has code ${fields.investorCode}.`,
      };
    } else values.investorId = found.id;
  }
  if (fields.vsicCode) {
    const problem = checkVsicCode(fields.vsicCode);
    if (problem) problems.vsicCode = problem;
  }
  if (fields.certificateNo !== undefined) values.certificateNo = fields.certificateNo || null;
  if (fields.certificateDate !== undefined) values.certificateDate = fields.certificateDate ?? null;
  if (fields.vsicCode !== undefined) values.vsicCode = fields.vsicCode || null;
  if (fields.leasedHa !== undefined)
    values.leasedHa = fields.leasedHa === null ? null : String(fields.leasedHa);
  if (fields.lot !== undefined) values.lot = fields.lot || null;
  if (fields.workers !== undefined) values.workers = fields.workers ?? null;
  if (fields.name !== undefined) values.name = fields.name;
  if (fields.status !== undefined) values.status = fields.status;
  if (Object.keys(problems).length) throw validationError(problems);
  if (zoneFacts && !canEditProject(actor, zoneFacts)) throw new AppError('forbidden');
  return values;
}

/** `options.synthetic` marks generated demo records (never set from the API). */
export async function createProject(
  deps: ServiceDeps,
  input: CreateProjectInput,
  options: { synthetic?: boolean } = {},
): Promise<ProjectDetail> {
  const actor = requireActor(deps);
  if (!canManageProjects(actor)) throw new AppError('forbidden');
  const { code, ...fields } = input;
  const values = await toColumns(deps.db, actor, fields);
  const duplicate = () =>
    validationError({
      code: { vi: `Mã dự án "${code}" đã tồn tại.`, en: `Project code "${code}" already exists.` },
    });
  if (await projectCodeExists(deps.db, code)) throw duplicate();
  try {
    return await deps.db.transaction(async (tx) => {
      await insertProject(tx, {
        ...values,
        code,
        zoneId: values.zoneId!,
        investorId: values.investorId!,
        name: input.name,
        status: input.status,
        searchText: foldVietnamese(`${code} ${input.name} ${input.certificateNo ?? ''}`),
        isSynthetic: options.synthetic ?? false,
      });
      const created = await toDetail(tx, (await findProjectByCode(tx, { kind: 'all' }, code))!, actor);
      await recordAudit(tx, deps, {
        action: 'project.create',
        entityType: 'project',
        entityId: created.id,
        after: auditView(created),
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** A stale edit: the project as it is now and the changes made since the version the caller read. */
async function conflict(db: Db, actor: Actor, code: string, version: number): Promise<never> {
  const row = await findProjectByCode(db, { kind: 'all' }, code);
  throw new AppError('conflict', {
    current: row ? await toDetail(db, row, actor) : null,
    changes: row ? await recordHistory(db, 'project', row.id, version) : [],
  });
}

/**
 * Edits a project. The caller names the version it read; a stale write changes nothing and the 409 carries
 * the current record. Moving a project to another zone needs the right to manage both.
 */
export async function updateProject(
  deps: ServiceDeps,
  code: string,
  input: UpdateProjectInput,
): Promise<ProjectDetail> {
  const actor = requireActor(deps);
  const row = await loadVisible(deps, code);
  if (!canEditProject(actor, zoneFactsOf(row))) throw new AppError('forbidden');
  const { version, ...fields } = input;
  if (
    fields.investorCode !== undefined &&
    fields.investorCode.toUpperCase() !== row.investorCode?.toUpperCase() &&
    !canChangeProjectInvestor(actor, zoneFactsOf(row))
  ) {
    throw new AppError('forbidden', {
      fields: {
        investorCode: {
          vi: 'Chỉ cán bộ quản lý (Sở, xã/phường) mới được chuyển dự án sang nhà đầu tư khác.',
          en: 'Only a registry officer (department, commune) may hand the project to another investor.',
        },
      },
    });
  }
  if (version !== row.version) await conflict(deps.db, actor, row.code, version);
  const values = await toColumns(deps.db, actor, fields);
  if (fields.name !== undefined || fields.certificateNo !== undefined) {
    const certificateNo = fields.certificateNo !== undefined ? fields.certificateNo : row.certificateNo;
    values.searchText = foldVietnamese(`${row.code} ${fields.name ?? row.name} ${certificateNo ?? ''}`);
  }
  const before = toSummary(row);
  return deps.db.transaction(async (tx) => {
    if (!(await updateProjectRow(tx, row.id, version, values))) await conflict(tx, actor, row.code, version);
    const after = await toDetail(tx, (await findProjectByCode(tx, { kind: 'all' }, row.code))!, actor);
    await recordAudit(tx, deps, {
      action: 'project.update',
      entityType: 'project',
      entityId: row.id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export async function listInvestmentEvents(deps: ServiceDeps, code: string) {
  const row = await loadVisible(deps, code);
  const events = await findInvestmentEvents(deps.db, row.id);
  return { items: events.map(toEvent), registeredCapital: capitalOf(row) };
}

/**
 * Appends an event to a project's capital ledger — append-only: a correction is a new event. The project
 * row is locked while the event is checked against the whole ledger, so concurrent appends cannot both
 * pass (two "new" registrations, two decreases that together go negative). A termination also sets the
 * project's status to terminated.
 */
export async function addInvestmentEvent(
  deps: ServiceDeps,
  code: string,
  input: InvestmentEventInput,
): Promise<InvestmentEvent> {
  const actor = requireActor(deps);
  const visible = await loadVisible(deps, code);
  if (!canEditProject(actor, zoneFactsOf(visible))) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const row = (await findProjectByCode(tx, { kind: 'all' }, visible.code, { forUpdate: true }))!;
    const history = await findInvestmentEvents(tx, row.id);
    const problems = checkInvestmentEvent(
      history.map((e) => ({ ...e, kind: e.kind as InvestmentEventKind })),
      { kind: input.kind, eventDate: input.eventDate, amount: input.amount, currency: input.currency },
    );
    if (Object.keys(problems).length) throw validationError(problems);
    const id = await insertInvestmentEvent(tx, {
      projectId: row.id,
      kind: input.kind,
      eventDate: input.eventDate,
      amount: input.amount,
      currency: input.currency,
      note: input.note || null,
    });
    const before = toSummary(row);
    if (input.kind === 'termination' && row.status !== 'terminated') {
      await updateProjectRow(tx, row.id, row.version, { status: 'terminated' });
    }
    const after = toSummary((await findProjectByCode(tx, { kind: 'all' }, row.code))!);
    const event = (await findInvestmentEvents(tx, row.id)).find((e) => e.id === id)!;
    await recordAudit(tx, deps, {
      action: 'project.investment_event',
      entityType: 'project',
      entityId: row.id,
      before: { status: before.status, version: before.version, registeredCapital: before.registeredCapital },
      after: {
        event: {
          id,
          kind: input.kind,
          eventDate: input.eventDate,
          amount: event.amount,
          currency: input.currency,
        },
        status: after.status,
        version: after.version,
        registeredCapital: after.registeredCapital,
      },
    });
    return toEvent(event);
  });
}
