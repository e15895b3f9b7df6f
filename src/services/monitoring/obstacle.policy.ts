import { hasPermission, type Actor, type RoleCode, type ScopeKind } from '../../domain/identity/roles';
import {
  closingActions,
  nextObstacleStatus,
  obstacleActions,
  type ObstacleAction,
  type ObstacleStatus,
} from '../../domain/monitoring/obstacle';
import type { ZoneFacts } from '../zone/zone.policy';
import { assignmentCoversZone, assignmentsCoveringZone } from '../zone/zone-scope';

/**
 * Who may do what to an obstacle (vướng mắc). Developers, communes and departments raise them within their
 * scope; anyone who keeps the zone may answer. Closing is the rule of the issue: the raiser closes its own;
 * **only an agency closes one it did not raise, after the raiser agrees, or a department decides** — so a
 * developer can answer an obstacle an agency raised but never close it.
 */

/** The office that raised an obstacle: the role assignment it was raised under. */
export type RaiserParty = { role: RoleCode; scopeKind: ScopeKind; scopeRef: string | null };

export type ObstacleFacts = {
  zone: ZoneFacts;
  status: ObstacleStatus;
  raiser: RaiserParty;
  raiserAgreed: boolean;
};

/** State agencies (cơ quan nhà nước); a developer is not one. */
const AGENCY_ROLES: readonly RoleCode[] = ['system_admin', 'department_officer', 'commune_officer'];
/** The roles that raise and answer obstacles. */
const KEEPER_ROLES: readonly RoleCode[] = [...AGENCY_ROLES, 'developer'];
/** The roles that decide for the city (a department, or the administrator). */
const DEPARTMENT_ROLES: readonly RoleCode[] = ['system_admin', 'department_officer'];

/** Reading the monitoring pages: anyone who reads zones, except enterprises (tenants). */
export function canReadMonitoring(actor: Actor): boolean {
  return hasPermission(actor, 'zone.read') && actor.assignments.some((a) => a.role !== 'enterprise');
}

/** The assignment an obstacle is raised under on this zone (null: may not raise one here). */
export function raisingParty(actor: Actor, zone: ZoneFacts): RaiserParty | null {
  if (!hasPermission(actor, 'zone.manage')) return null;
  const a = assignmentsCoveringZone(actor, zone, KEEPER_ROLES)[0];
  return a ? { role: a.role, scopeKind: a.scopeKind, scopeRef: a.scopeRef } : null;
}

export function canRaiseObstacle(actor: Actor, zone: ZoneFacts): boolean {
  return raisingParty(actor, zone) !== null;
}

/**
 * Whether the actor raises obstacles anywhere at all (the spreadsheet import; each row is then checked with
 * `raisingParty` on its zone).
 */
export function canRaiseObstacles(actor: Actor): boolean {
  return (
    canReadMonitoring(actor) &&
    hasPermission(actor, 'zone.manage') &&
    actor.assignments.some((a) => KEEPER_ROLES.includes(a.role))
  );
}

/** Answering (commenting, starting work on it): the raiser or anyone who keeps the zone. */
export function canAnswerObstacle(actor: Actor, o: ObstacleFacts): boolean {
  return canRaiseObstacle(actor, o.zone);
}

/** Whether the actor speaks for the office that raised the obstacle. */
export function isRaiser(actor: Actor, o: ObstacleFacts): boolean {
  return actor.assignments.some(
    (a) =>
      a.role === o.raiser.role &&
      a.scopeKind === o.raiser.scopeKind &&
      a.scopeRef === o.raiser.scopeRef &&
      assignmentCoversZone(a, o.zone),
  );
}

function decidesFor(actor: Actor, o: ObstacleFacts): boolean {
  return assignmentsCoveringZone(actor, o.zone, DEPARTMENT_ROLES).length > 0;
}

/**
 * Closing (resolve, drop): the raiser; a department (or the administrator) in scope, which decides; another
 * agency in scope only after the raiser agreed. A developer that did not raise it never closes it.
 */
export function canCloseObstacle(actor: Actor, o: ObstacleFacts): boolean {
  if (!canAnswerObstacle(actor, o)) return false;
  if (isRaiser(actor, o) || decidesFor(actor, o)) return true;
  return o.raiserAgreed && assignmentsCoveringZone(actor, o.zone, AGENCY_ROLES).length > 0;
}

/** Escalating to the city is an agency's act (a developer asks its commune or department to escalate). */
export function canEscalateObstacle(actor: Actor, o: ObstacleFacts): boolean {
  return canAnswerObstacle(actor, o) && assignmentsCoveringZone(actor, o.zone, AGENCY_ROLES).length > 0;
}

/** Changing what was recorded (category, text, agency, deadline), or reopening: the raiser or a department. */
export function canEditObstacle(actor: Actor, o: ObstacleFacts): boolean {
  return canAnswerObstacle(actor, o) && (isRaiser(actor, o) || decidesFor(actor, o));
}

/** Whether the actor may take this action now: the state machine allows it and the policy does. */
export function canTakeObstacleAction(actor: Actor, o: ObstacleFacts, action: ObstacleAction): boolean {
  if (nextObstacleStatus(o.status, action) === null) return false;
  if (closingActions.includes(action)) return canCloseObstacle(actor, o);
  switch (action) {
    case 'escalate':
      return canEscalateObstacle(actor, o);
    case 'reopen':
      return canEditObstacle(actor, o);
    case 'agree':
      return isRaiser(actor, o) && !o.raiserAgreed;
    default:
      return canAnswerObstacle(actor, o);
  }
}

/** Every action the reader may take now (the web shows only these). */
export function obstacleActionsFor(actor: Actor, o: ObstacleFacts): ObstacleAction[] {
  return obstacleActions.filter((a) => canTakeObstacleAction(actor, o, a));
}

/** Adding or removing a manual watch-list entry: an agency that keeps the zone (not a developer). */
export function canManageManualWatch(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'zone.manage') && assignmentsCoveringZone(actor, zone, AGENCY_ROLES).length > 0;
}

/** Whether the actor is an agency anywhere (the "add to the watch list" button). */
export function isAgency(actor: Actor): boolean {
  return hasPermission(actor, 'zone.manage') && actor.assignments.some((a) => AGENCY_ROLES.includes(a.role));
}
