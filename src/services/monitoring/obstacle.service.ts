import { toIsoDate } from '../../domain/format/format';
import type { Actor, RoleCode, ScopeKind, ZoneFamily } from '../../domain/identity/roles';
import {
  closingActions,
  nextObstacleStatus,
  obstacleCategoryProblem,
  obstacleDaysOverdue,
  obstacleDeadlineProblem,
  obstacleProjectMissing,
  obstacleRaisedOnProblem,
  reasonRequired,
  type ObstacleStatus,
} from '../../domain/monitoring/obstacle';
import type {
  ObstacleActionInput,
  ObstacleCategory,
  ObstacleDetail,
  ObstacleEvent,
  ObstacleInput,
  ObstacleList,
  ObstacleListQuery,
  ObstacleUpdate,
  ObstacleView,
} from '../../domain/monitoring/obstacle.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { zoneVisibility } from '../zone/zone.policy';
import { findZoneScopeByCode } from '../zone/zone-facts.repository';
import {
  canEditObstacle,
  canReadMonitoring,
  canTakeObstacleAction,
  isAgency,
  obstacleActionsFor,
  raisingParty,
  type ObstacleFacts,
  type RaiserParty,
} from './obstacle.policy';
import {
  findCategories,
  findCategory,
  findObstacle,
  findObstacleDocuments,
  findObstacleEvents,
  findObstacles,
  findProjectInZone,
  findZoneDocumentIds,
  insertObstacle,
  insertObstacleEvent,
  linkDocuments,
  updateObstacle,
  type ObstacleRow,
} from './obstacle.repository';
import { loadTolerances } from './tolerance.repository';

/**
 * Obstacles (vướng mắc) on zones and tenant projects: raised within one's scope, answered by anyone who keeps
 * the zone, moved along the domain's state machine under the close policy (obstacle.policy.ts). Every change
 * writes an `obstacle_event` (the history the page shows) and an audit row, in one transaction.
 */

export const today = (deps: Pick<ServiceDeps, 'clock'>) => toIsoDate(deps.clock.now());

function readerVisibility(deps: ServiceDeps) {
  const actor = requireActor(deps);
  if (!canReadMonitoring(actor)) throw new AppError('forbidden');
  return { actor, visibility: zoneVisibility(actor) };
}

export function obstacleFacts(row: ObstacleRow): ObstacleFacts {
  return {
    zone: {
      code: row.zoneCode,
      family: row.family as ZoneFamily,
      communeCode: row.communeCode,
      developerCode: row.developerCode,
    },
    status: row.status as ObstacleStatus,
    raiser: {
      role: row.raiserRole as RoleCode,
      scopeKind: row.raiserScopeKind as ScopeKind,
      scopeRef: row.raiserScopeRef,
    },
    raiserAgreed: row.raiserAgreedAt !== null,
  };
}

function toView(deps: ServiceDeps, row: ObstacleRow, asOf: string, graceDays: number): ObstacleView {
  const actor = requireActor(deps);
  const facts = obstacleFacts(row);
  const status = row.status as ObstacleStatus;
  return {
    id: row.id,
    zone: { code: row.zoneCode, name: row.zoneName },
    project: row.projectCode ? { code: row.projectCode, name: row.projectName ?? row.projectCode } : null,
    categoryCode: row.categoryCode,
    categoryName: { vi: row.categoryVi, en: row.categoryEn },
    title: row.title,
    description: row.description,
    agency: row.agency,
    raisedOn: row.raisedOn,
    deadline: row.deadline,
    status,
    resolution: row.resolution,
    daysOverdue: obstacleDaysOverdue({ status, deadline: row.deadline }, asOf, graceDays),
    raisedBy: { name: row.raisedByName, role: row.raiserRole },
    raiserAgreed: facts.raiserAgreed,
    isSynthetic: row.isSynthetic,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    actions: obstacleActionsFor(actor, facts),
    canEdit: canEditObstacle(actor, facts),
  };
}

export async function listObstacleCategories(deps: ServiceDeps): Promise<ObstacleCategory[]> {
  readerVisibility(deps);
  return (await findCategories(deps.db)).map((c) => ({ code: c.code, name: { vi: c.nameVi, en: c.nameEn } }));
}

/** The obstacles the reader may see, with the filters of the list (status, category, overdue, zone). */
export async function listObstacles(
  deps: ServiceDeps,
  query: Partial<ObstacleListQuery>,
  options: { all?: boolean } = {},
): Promise<ObstacleList> {
  const { actor, visibility } = readerVisibility(deps);
  const asOf = today(deps);
  const grace = (await loadTolerances(deps.db))['obstacle_overdue.grace_days'];
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await findObstacles(
    deps.db,
    visibility,
    query,
    asOf,
    grace,
    options.all ? null : { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return {
    items: rows.map((r) => toView(deps, r, asOf, grace)),
    total,
    page,
    pageSize,
    asOf,
    canRaise: isAgency(actor) || actor.assignments.some((a) => a.role === 'developer'),
  };
}

async function detail(deps: ServiceDeps, row: ObstacleRow): Promise<ObstacleDetail> {
  const asOf = today(deps);
  const grace = (await loadTolerances(deps.db))['obstacle_overdue.grace_days'];
  const events = await findObstacleEvents(deps.db, row.id);
  return {
    ...toView(deps, row, asOf, grace),
    history: events.map((e): ObstacleEvent => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      fromStatus: (e.fromStatus as ObstacleStatus | null) ?? null,
      toStatus: (e.toStatus as ObstacleStatus | null) ?? null,
      text: e.text,
      changes: (e.changes as Record<string, unknown> | null) ?? null,
    })),
    documents: await findObstacleDocuments(deps.db, row.id),
  };
}

async function load(deps: ServiceDeps, id: string, lock = false): Promise<ObstacleRow> {
  const { visibility } = readerVisibility(deps);
  const row = await findObstacle(deps.db, visibility, id, lock);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getObstacle(deps: ServiceDeps, id: string): Promise<ObstacleDetail> {
  return detail(deps, await load(deps, id));
}

const sameAs = (row: ObstacleRow) => ({
  zone: row.zoneCode,
  project: row.projectCode,
  category: row.categoryCode,
  title: row.title,
  description: row.description,
  agency: row.agency,
  raisedOn: row.raisedOn,
  deadline: row.deadline,
  status: row.status,
  resolution: row.resolution,
});

async function checkCategory(deps: ServiceDeps, code: string) {
  const problem = obstacleCategoryProblem(code, await findCategory(deps.db, code));
  if (problem) throw validationError({ categoryCode: problem });
}

function checkDeadline(raisedOn: string, deadline: string | null | undefined) {
  const problem = obstacleDeadlineProblem(raisedOn, deadline);
  if (problem) throw validationError({ deadline: problem });
}

export type RaisedObstacle = {
  zoneId: string;
  projectId: string | null;
  categoryCode: string;
  title: string;
  description: string | null;
  agency: string;
  raisedOn: string;
  deadline: string | null;
};

/**
 * What raising an obstacle stores — the obstacle (open, raised under `party`) and its first history row —
 * the same for the API and the spreadsheet import.
 */
export function raisedObstacleRows(actor: Actor, party: RaiserParty, now: Date, input: RaisedObstacle) {
  return {
    obstacle: {
      ...input,
      raisedBy: actor.userId || null,
      raisedByName: actor.username,
      raiserRole: party.role,
      raiserScopeKind: party.scopeKind,
      raiserScopeRef: party.scopeRef,
      createdAt: now,
      updatedAt: now,
    },
    event: (obstacleId: string) => ({
      obstacleId,
      at: now,
      actorId: actor.userId || null,
      actorName: actor.username,
      action: 'raise',
      fromStatus: null,
      toStatus: 'open',
      text: input.description,
      changes: { title: input.title, agency: input.agency, deadline: input.deadline },
    }),
  };
}

/** Records an obstacle on a zone (or one of its projects) the actor keeps. */
export async function raiseObstacle(deps: ServiceDeps, input: ObstacleInput): Promise<ObstacleDetail> {
  const { actor, visibility } = readerVisibility(deps);
  const zone = await findZoneScopeByCode(deps.db, visibility, input.zoneCode.toUpperCase());
  if (!zone) throw new AppError('not_found');
  const party = raisingParty(actor, zone);
  if (!party) throw new AppError('forbidden');
  await checkCategory(deps, input.categoryCode);
  checkDeadline(input.raisedOn, input.deadline);
  const raisedOnProblem = obstacleRaisedOnProblem(input.raisedOn, today(deps));
  if (raisedOnProblem) throw validationError({ raisedOn: raisedOnProblem });
  let projectId: string | null = null;
  if (input.projectCode) {
    const p = await findProjectInZone(deps.db, zone.id, input.projectCode.toUpperCase());
    if (!p) throw validationError({ projectCode: obstacleProjectMissing(zone.code, input.projectCode) });
    projectId = p.id;
  }
  const documentIds = [...new Set(input.documentIds ?? [])];
  const found = await findZoneDocumentIds(deps.db, zone.id, documentIds);
  const missing = documentIds.filter((d) => !found.includes(d));
  if (missing.length) {
    throw validationError({
      documentIds: {
        vi: `Tài liệu ${missing.join(', ')} không thuộc khu/cụm hay dự án của nó.`,
        en: `Documents ${missing.join(', ')} are not the zone's or its projects'.`,
      },
    });
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    const rows = raisedObstacleRows(actor, party, now, {
      zoneId: zone.id,
      projectId,
      categoryCode: input.categoryCode,
      title: input.title,
      description: input.description ?? null,
      agency: input.agency,
      raisedOn: input.raisedOn,
      deadline: input.deadline ?? null,
    });
    const id = await insertObstacle(tx, rows.obstacle);
    await linkDocuments(tx, id, found);
    await insertObstacleEvent(tx, rows.event(id));
    const row = await findObstacle(tx, { kind: 'all' }, id);
    await recordAudit(tx, deps, {
      action: 'obstacle.raise',
      entityType: 'obstacle',
      entityId: id,
      after: { ...sameAs(row!), documents: found },
    });
    return id;
  });
  return getObstacle(deps, id);
}

/** Corrects what was recorded (the raiser or a department); `version` must be the one read (409). */
export async function changeObstacle(
  deps: ServiceDeps,
  id: string,
  input: ObstacleUpdate,
): Promise<ObstacleDetail> {
  const actor = requireActor(deps);
  const seen = await load(deps, id);
  if (!canEditObstacle(actor, obstacleFacts(seen))) throw new AppError('forbidden');
  if (input.categoryCode !== undefined) await checkCategory(deps, input.categoryCode);
  const deadline = input.deadline === undefined ? seen.deadline : input.deadline;
  checkDeadline(seen.raisedOn, deadline);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await load({ ...deps, db: tx }, id, true);
    if (row.version !== input.version) throw await conflict({ ...deps, db: tx }, row);
    const values = {
      ...(input.categoryCode !== undefined ? { categoryCode: input.categoryCode } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description ?? null } : {}),
      ...(input.agency !== undefined ? { agency: input.agency } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline ?? null } : {}),
    };
    const before = sameAs(row);
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      const key = k === 'categoryCode' ? 'category' : k;
      if ((before as Record<string, unknown>)[key] !== v)
        changes[key] = { from: (before as Record<string, unknown>)[key], to: v };
    }
    if (!Object.keys(changes).length) return;
    await updateObstacle(tx, id, row.version, { ...values, updatedAt: now });
    await insertObstacleEvent(tx, {
      obstacleId: id,
      at: now,
      actorId: actor.userId || null,
      actorName: actor.username,
      action: 'update',
      fromStatus: row.status,
      toStatus: row.status,
      text: null,
      changes,
    });
    const after = await findObstacle(tx, { kind: 'all' }, id);
    await recordAudit(tx, deps, {
      action: 'obstacle.update',
      entityType: 'obstacle',
      entityId: id,
      before,
      after: sameAs(after!),
    });
  });
  return getObstacle(deps, id);
}

async function conflict(deps: ServiceDeps, row: ObstacleRow) {
  return new AppError('conflict', { current: await detail(deps, row) });
}

/**
 * Moves an obstacle along the state machine (start, escalate, resolve, drop, reopen), answers it (comment) or
 * records the raiser's agreement that another agency closes it. Escalating, closing and reopening need a
 * reason; a resolution is the resolve's text.
 */
export async function actOnObstacle(
  deps: ServiceDeps,
  id: string,
  input: ObstacleActionInput,
): Promise<ObstacleDetail> {
  const actor = requireActor(deps);
  await load(deps, id);
  const text = input.text?.trim() || null;
  if (reasonRequired.includes(input.action) && !text) {
    throw validationError({
      text: {
        vi: input.action === 'comment' ? 'Vui lòng nhập nội dung trả lời.' : 'Vui lòng nêu lý do.',
        en: input.action === 'comment' ? 'Please write the answer.' : 'Please give the reason.',
      },
    });
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await load({ ...deps, db: tx }, id, true);
    if (row.version !== input.version) throw await conflict({ ...deps, db: tx }, row);
    const facts = obstacleFacts(row);
    const to = nextObstacleStatus(facts.status, input.action);
    if (to === null) {
      throw validationError({
        action: {
          vi: `Không thể "${input.action}" vướng mắc đang ở trạng thái "${facts.status}".`,
          en: `Cannot ${input.action} an obstacle that is ${facts.status}.`,
        },
      });
    }
    if (!canTakeObstacleAction(actor, facts, input.action)) throw new AppError('forbidden');
    const closing = closingActions.includes(input.action);
    await updateObstacle(tx, id, row.version, {
      status: to,
      updatedAt: now,
      ...(closing ? { resolution: text, closedOn: today(deps) } : {}),
      ...(input.action === 'reopen' ? { resolution: null, closedOn: null, raiserAgreedAt: null } : {}),
      ...(input.action === 'agree' ? { raiserAgreedAt: now } : {}),
    });
    await insertObstacleEvent(tx, {
      obstacleId: id,
      at: now,
      actorId: actor.userId || null,
      actorName: actor.username,
      action: input.action,
      fromStatus: row.status,
      toStatus: to,
      text,
      changes: null,
    });
    await recordAudit(tx, deps, {
      action: `obstacle.${input.action}`,
      entityType: 'obstacle',
      entityId: id,
      before: { status: row.status, resolution: row.resolution },
      after: { status: to, ...(text ? { text } : {}), ...(closing ? { resolution: text } : {}) },
    });
  });
  return getObstacle(deps, id);
}
