import type { Actor, Assignment, RoleCode, ZoneFamily } from '../../domain/identity/roles';

/** What of a zone decides whose scope covers it (zone.policy.ts's ZoneFacts has these). */
export type ScopedZone = {
  code: string;
  family: ZoneFamily;
  communeCode: string | null;
  developerCode: string | null;
};

/**
 * Whether one role assignment's scope covers a zone, for the policies of what happens on a zone (inquiries,
 * obstacles, the watch list): the whole city, the zone's family, the officer's commune being the zone's, the
 * zone itself, or a developer's organisation being the zone's developer. An enterprise's organisation scope
 * covers no zone here: tenants take no part in these.
 */
export function assignmentCoversZone(a: Assignment, zone: ScopedZone): boolean {
  switch (a.scopeKind) {
    case 'all':
      return true;
    case 'family':
      return a.scopeRef === zone.family;
    case 'commune':
      return a.scopeRef !== null && a.scopeRef === zone.communeCode;
    case 'zone':
      return a.scopeRef === zone.code;
    case 'organisation':
      return a.role === 'developer' && a.scopeRef !== null && a.scopeRef === zone.developerCode;
  }
}

/** The actor's assignments, of one of `roles`, whose scope covers the zone. */
export function assignmentsCoveringZone(
  actor: Actor,
  zone: ScopedZone,
  roles: readonly RoleCode[],
): Assignment[] {
  return actor.assignments.filter((a) => roles.includes(a.role) && assignmentCoversZone(a, zone));
}
