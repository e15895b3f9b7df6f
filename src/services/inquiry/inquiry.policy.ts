import { hasPermission, type Actor, type RoleCode } from '../../domain/identity/roles';
import {
  inquiryActions,
  nextInquiryStatus,
  type InquiryAction,
  type InquiryStatus,
} from '../../domain/inquiry/inquiry';
import { zoneVisibility, type ZoneFacts, type ZoneVisibility } from '../zone/zone.policy';
import { assignmentCoversZone, assignmentsCoveringZone } from '../zone/zone-scope';

/**
 * Who reads and handles investor inquiries (yêu cầu của nhà đầu tư). An inquiry belongs to its zone: the
 * officers responsible for the zone (the commune officers of its commune, the department officers of its
 * family, the administrator) and the zone's developer answer and close it; only officers release a held one
 * (a developer should not be the one to judge spam sent to its own zone); leaders read. Enterprises (tenants)
 * never see inquiries. Outside one's scope an inquiry does not exist (404).
 */

const OFFICER_ROLES: readonly RoleCode[] = ['system_admin', 'department_officer', 'commune_officer'];
const HANDLER_ROLES: readonly RoleCode[] = [...OFFICER_ROLES, 'developer'];
const READER_ROLES: readonly RoleCode[] = [...HANDLER_ROLES, 'leader'];

function coveredBy(actor: Actor, zone: ZoneFacts, roles: readonly RoleCode[]): boolean {
  return assignmentsCoveringZone(actor, zone, roles).length > 0;
}

/** Whether the actor has any inquiry page at all (the menu entry, the list). */
export function canReadInquiries(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read') && actor.assignments.some((a) => READER_ROLES.includes(a.role));
}

/** The zones whose inquiries the actor reads, as the repository's SQL filter (enterprise scopes dropped). */
export function inquiryVisibility(actor: Actor): ZoneVisibility {
  return zoneVisibility({
    ...actor,
    assignments: actor.assignments.filter((a) => READER_ROLES.includes(a.role)),
  });
}

export function canReadInquiry(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'zone.read') && coveredBy(actor, zone, READER_ROLES);
}

/** Answering and closing: officers responsible for the zone and the zone's developer (not leaders). */
export function canAnswerInquiry(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'zone.manage') && coveredBy(actor, zone, HANDLER_ROLES);
}

/** Releasing a held inquiry: an officer responsible for the zone. */
export function canReleaseInquiry(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'zone.manage') && coveredBy(actor, zone, OFFICER_ROLES);
}

/**
 * Who is told of a new inquiry: the commune officers of the zone's commune, the department officers of its
 * family and the zone's developer's users (organisation or zone scope). Not the administrator nor leaders.
 */
export function receivesInquiry(actor: Actor, zone: ZoneFacts): boolean {
  return actor.assignments.some(
    (a) =>
      (a.role === 'commune_officer' && a.scopeKind === 'commune' && assignmentCoversZone(a, zone)) ||
      (a.role === 'department_officer' && a.scopeKind === 'family' && assignmentCoversZone(a, zone)) ||
      (a.role === 'developer' &&
        (a.scopeKind === 'organisation' || a.scopeKind === 'zone') &&
        assignmentCoversZone(a, zone)),
  );
}

export function canTakeInquiryAction(
  actor: Actor,
  zone: ZoneFacts,
  status: InquiryStatus,
  action: InquiryAction,
): boolean {
  if (nextInquiryStatus(status, action) === null) return false;
  if (action === 'release') return canReleaseInquiry(actor, zone);
  // A held inquiry is judged by an officer: closing it (as spam) is theirs too.
  if (status === 'held') return canReleaseInquiry(actor, zone);
  return canAnswerInquiry(actor, zone);
}

export function inquiryActionsFor(actor: Actor, zone: ZoneFacts, status: InquiryStatus): InquiryAction[] {
  return inquiryActions.filter((a) => canTakeInquiryAction(actor, zone, status, a));
}
