import { toIsoDate } from '../../domain/format/format';
import {
  incidentInputSchema,
  type Incident,
  type IncidentInput,
  type IncidentKind,
  type IncidentSeverity,
  type IncidentUpdate,
  type ZoneIncidents,
} from '../../domain/incident/incident.schema';
import { AppError, validationError } from '../../domain/shared/errors';
import { recordAudit } from '../audit/audit.service';
import { requireActor, type ServiceDeps } from '../deps';
import { findProjectId } from '../inspection/inspection.repository';
import { loadVisibleZone } from '../schedule/schedule.service';
import { findZoneScopeByCode } from '../zone/zone-facts.repository';
import { zoneVisibility } from '../zone/zone.policy';
import {
  findIncident,
  findIncidents,
  insertIncident,
  updateIncident,
  type IncidentRow,
} from './incident.repository';
import { canRecordIncident } from './incident.policy';

/** Incidents of a zone or its tenant projects: what happened, how bad, the response and the follow-up. */

function view({ row, zoneCode, projectCode }: IncidentRow): Incident {
  return {
    id: row.id,
    zoneCode,
    projectCode,
    kind: row.kind as IncidentKind,
    occurredOn: row.occurredOn,
    severity: row.severity as IncidentSeverity,
    peopleAffected: row.peopleAffected,
    description: row.description,
    damage: row.damage,
    damageVnd: row.damageVnd,
    response: row.response,
    followUp: row.followUp,
    closedOn: row.closedOn,
    version: row.version,
  };
}

export async function getZoneIncidents(deps: ServiceDeps, code: string): Promise<ZoneIncidents> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  const rows = await findIncidents(deps.db, zoneVisibility(actor), zone.id);
  return { incidents: rows.map(view), canRecord: canRecordIncident(actor, zone) };
}

export async function recordIncident(deps: ServiceDeps, code: string, raw: IncidentInput): Promise<Incident> {
  const zone = await loadVisibleZone(deps, code);
  const actor = requireActor(deps);
  if (!canRecordIncident(actor, zone)) throw new AppError('forbidden');
  const input = incidentInputSchema.parse(raw);
  const problems: Parameters<typeof validationError>[0] = {};
  if (input.occurredOn > toIsoDate(deps.clock.now())) {
    problems.occurredOn = { vi: 'Ngày xảy ra không thể sau hôm nay.', en: 'The date cannot be after today.' };
  }
  let projectId: string | null = null;
  if (input.projectCode) {
    projectId = (await findProjectId(deps.db, zone.id, input.projectCode)) ?? null;
    if (!projectId) {
      problems.projectCode = { vi: 'Không có dự án này trong khu/cụm.', en: 'No such project in this zone.' };
    }
  }
  if (Object.keys(problems).length) throw validationError(problems);
  const id = await deps.db.transaction(async (tx) => {
    const id = await insertIncident(tx, {
      zoneId: zone.id,
      projectId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      severity: input.severity,
      peopleAffected: input.peopleAffected,
      description: input.description,
      damage: input.damage?.trim() || null,
      damageVnd: input.damageVnd ?? null,
      response: input.response?.trim() || null,
      followUp: input.followUp?.trim() || null,
      recordedBy: actor.userId || null,
    });
    await recordAudit(tx, deps, {
      action: 'incident.record',
      entityType: 'incident',
      entityId: id,
      after: { zoneCode: zone.code, ...input },
    });
    return id;
  });
  return view((await findIncident(deps.db, zoneVisibility(actor), id))!);
}

/** Follow-up of an incident (response, follow-up, damage, closing day); `version` must be current (409). */
export async function updateIncidentFollowUp(
  deps: ServiceDeps,
  id: string,
  input: IncidentUpdate,
): Promise<Incident> {
  const actor = requireActor(deps);
  const visibility = zoneVisibility(actor);
  const found = await findIncident(deps.db, visibility, id);
  if (!found) throw new AppError('not_found');
  const zone = await findZoneScopeByCode(deps.db, visibility, found.zoneCode);
  if (!zone || !canRecordIncident(actor, zone)) throw new AppError('forbidden');
  const before = view(found);
  if (input.closedOn && input.closedOn < before.occurredOn) {
    throw validationError({
      closedOn: { vi: 'Ngày kết thúc không thể trước ngày xảy ra.', en: 'Cannot close before it occurred.' },
    });
  }
  if (before.version !== input.version) throw new AppError('conflict', { current: before });
  const next = {
    response: input.response === undefined ? before.response : input.response?.trim() || null,
    followUp: input.followUp === undefined ? before.followUp : input.followUp?.trim() || null,
    damage: input.damage === undefined ? before.damage : input.damage?.trim() || null,
    closedOn: input.closedOn === undefined ? before.closedOn : input.closedOn,
  };
  return deps.db.transaction(async (tx) => {
    if (!(await updateIncident(tx, id, input.version, next))) {
      throw new AppError('conflict', { current: before });
    }
    const after = view((await findIncident(tx, visibility, id))!);
    await recordAudit(tx, deps, {
      action: 'incident.update',
      entityType: 'incident',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
