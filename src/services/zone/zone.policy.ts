import { hasPermission, type Actor, type ZoneFamily } from '../../domain/identity/roles';
import { assignmentCoversZone } from './zone-scope';

/**
 * Which zones an actor may see and change, by role and scope. `zoneVisibility` becomes a SQL filter in
 * zone.repository.ts; `canSeeZone`/`canEditZone` check one loaded zone. Developers keep their own zones
 * current; commune officers the zones on their territory; departments their family.
 */
export type ZoneVisibility =
  | { kind: 'all' }
  | {
      kind: 'scoped';
      families: ZoneFamily[];
      communeCodes: string[];
      zoneCodes: string[];
      developerOrgCodes: string[];
      investorOrgCodes: string[];
    };

export type ZoneFacts = {
  code: string;
  family: ZoneFamily;
  communeCode: string | null;
  developerCode: string | null;
  investorCodes?: readonly string[];
};

export function zoneVisibility(actor: Actor): ZoneVisibility {
  const v = {
    families: [] as ZoneFamily[],
    communeCodes: [] as string[],
    zoneCodes: [] as string[],
    developerOrgCodes: [] as string[],
    investorOrgCodes: [] as string[],
  };
  for (const a of actor.assignments) {
    if (a.scopeKind === 'all') return { kind: 'all' };
    if (!a.scopeRef) continue;
    if (a.scopeKind === 'family') v.families.push(a.scopeRef as ZoneFamily);
    if (a.scopeKind === 'commune') v.communeCodes.push(a.scopeRef);
    if (a.scopeKind === 'zone') v.zoneCodes.push(a.scopeRef);
    if (a.scopeKind === 'organisation' && a.role === 'developer') v.developerOrgCodes.push(a.scopeRef);
    if (a.scopeKind === 'organisation' && a.role === 'enterprise') v.investorOrgCodes.push(a.scopeRef);
  }
  return { kind: 'scoped', ...v };
}

function inScope(actor: Actor, zone: ZoneFacts, roles: readonly string[] | null): boolean {
  return actor.assignments.some((a) => {
    if (roles && !roles.includes(a.role)) return false;
    // Communes keep clusters' records; parks on their territory are the Management Board's to edit.
    if (roles && a.role === 'commune_officer' && zone.family !== 'CCN') return false;
    // An enterprise sees the zones of its projects; every other scope as zone-scope.ts says.
    if (a.scopeKind === 'organisation' && a.role !== 'developer') {
      return a.scopeRef !== null && (zone.investorCodes ?? []).includes(a.scopeRef);
    }
    return assignmentCoversZone(a, zone);
  });
}

export function canSeeZone(actor: Actor, zone: ZoneFacts): boolean {
  return hasPermission(actor, 'zone.read') && inScope(actor, zone, null);
}

/** Editing needs zone.manage through an assignment whose scope covers the zone (leaders never edit). */
export function canEditZone(actor: Actor, zone: ZoneFacts): boolean {
  return (
    hasPermission(actor, 'zone.manage') &&
    inScope(actor, zone, ['system_admin', 'department_officer', 'commune_officer', 'developer'])
  );
}

/**
 * An edit that moves a zone to another commune or developer needs the right over the destination as well as
 * the source: a commune officer cannot hand its cluster to another commune, nor a developer its park to
 * another organisation (which would then gain the zone and lose it to nobody's review).
 */
export function canMoveZone(actor: Actor, from: ZoneFacts, to: ZoneFacts): boolean {
  if (!canEditZone(actor, from) || !canEditZone(actor, to)) return false;
  // Who develops a zone is a registry fact: a developer (even one assigned the zone itself) cannot change it.
  if ((from.developerCode ?? null) !== (to.developerCode ?? null)) {
    const registry = ['system_admin', 'department_officer', 'commune_officer'];
    return inScope(actor, from, registry) && inScope(actor, to, registry);
  }
  return true;
}

/** Creating a zone: system administrators, or the department of the zone's family. */
export function canCreateZone(actor: Actor, family: ZoneFamily): boolean {
  return (
    hasPermission(actor, 'zone.create') &&
    actor.assignments.some(
      (a) => a.role === 'system_admin' || (a.role === 'department_officer' && a.scopeRef === family),
    )
  );
}
