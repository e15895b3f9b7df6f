import { hasPermission, type Actor, type RoleCode } from '../../domain/identity/roles';
import type { ReporterKind } from '../../domain/schedule/schedule';
import { canEditZone, canSeeZone, type ZoneFacts } from '../zone/zone.policy';

/**
 * Who may do what with a zone's schedule, progress and commitments. Departments act on their family, communes
 * on their territory (clusters), developers on their own zones — but deadlines and commitments are set by
 * agencies (decisions, plans), so a developer only records progress readings.
 */
const agencyRoles: readonly RoleCode[] = ['system_admin', 'department_officer', 'commune_officer'];

/** The actor with only its agency assignments (no developer, enterprise or leader scope). */
export function asAgency(actor: Actor): Actor {
  return { ...actor, assignments: actor.assignments.filter((a) => agencyRoles.includes(a.role)) };
}

export function canSeeSchedule(actor: Actor, zone: ZoneFacts): boolean {
  return canSeeZone(actor, zone);
}

/** Planned dates and commitments: the agencies keeping the zone's records. */
export function canPlanSchedule(actor: Actor, zone: ZoneFacts): boolean {
  return canEditZone(asAgency(actor), zone);
}

/**
 * Whether the actor plans some zone's schedule (the spreadsheet import of planned steps; each row is then
 * checked with `canPlanSchedule` on its zone).
 */
export function canPlanSchedules(actor: Actor): boolean {
  return hasPermission(actor, 'zone.manage') && asAgency(actor).assignments.length > 0;
}

/** Progress readings: the agencies keeping the zone and its own developer. */
export function canRecordProgress(actor: Actor, zone: ZoneFacts): boolean {
  return canEditZone(actor, zone);
}

/** Who a reading comes from, by the role under which the actor may record it. */
export function reporterKindOf(actor: Actor, zone: ZoneFacts): ReporterKind {
  if (canPlanSchedule(actor, zone)) {
    return actor.assignments.some((a) => a.role === 'commune_officer') ? 'commune' : 'department';
  }
  return 'developer';
}
