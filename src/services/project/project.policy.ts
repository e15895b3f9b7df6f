import { hasPermission, type Actor } from '../../domain/identity/roles';
import { canEditZone, zoneVisibility, type ZoneFacts, type ZoneVisibility } from '../zone/zone.policy';

/**
 * Who may see and change tenant projects and their capital. A project is visible when its zone is visible
 * (zone.policy.ts), or — for an enterprise — when the actor's organisation is its investor; an enterprise
 * does not see the other tenants of its zone. `projectVisibility` becomes a SQL filter in
 * project.repository.ts; writes need the project's zone to be editable by the actor.
 */
export type ProjectVisibility =
  { kind: 'all' } | { kind: 'scoped'; zones: ZoneVisibility; investorOrgCodes: string[] };

export function projectVisibility(actor: Actor): ProjectVisibility {
  const zones = zoneVisibility(actor);
  if (zones.kind === 'all') return { kind: 'all' };
  // Seeing a zone because one invests in it must not reveal the zone's other projects.
  return {
    kind: 'scoped',
    zones: { ...zones, investorOrgCodes: [] },
    investorOrgCodes: zones.investorOrgCodes,
  };
}

export function canReadProjects(actor: Actor): boolean {
  return hasPermission(actor, 'project.read');
}

/** The coarse gate at the top of every project write; the zone-specific check is `canEditProject`. */
export function canManageProjects(actor: Actor): boolean {
  return hasPermission(actor, 'project.manage');
}

/** Creating, editing a project or adding to its ledger: project.manage and the zone editable by the actor. */
export function canEditProject(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'project.manage') && canEditZone(actor, zone);
}

/**
 * Changing an existing project's investor hands the project — its figures and its reports — to another
 * enterprise. Only a registry officer (administrator, department, commune) whose scope covers the project's
 * zone may do it; a developer registers its tenants' projects but cannot reassign one to another enterprise.
 */
export function canChangeProjectInvestor(actor: Actor, zone: ZoneFacts): boolean {
  return (
    canEditProject(actor, zone) &&
    hasPermission(actor, 'organisation.manage') &&
    actor.assignments.some((a) => ['system_admin', 'department_officer', 'commune_officer'].includes(a.role))
  );
}

/** Capital totals cover the projects the actor may see. */
export function canReadCapital(actor: Actor): boolean {
  return hasPermission(actor, 'project.read');
}
