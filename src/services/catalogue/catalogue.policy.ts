import { hasPermission, type Actor } from '../../domain/identity/roles';

/** The facts of a zone its publication is decided on. */
export type PublicationFacts = { family: 'KCN' | 'CCN'; communeCode: string | null };

/**
 * Who publishes a zone in the investor catalogue: the system administrator; a department officer for the zones
 * of their family (the Management Board's parks, the Department's clusters); a commune officer for the zones
 * on their commune. Developers and leaders do not publish (they may ask an officer). Needs `zone.manage`.
 */
export function canPublishZone(actor: Actor, zone: PublicationFacts): boolean {
  if (!hasPermission(actor, 'zone.manage')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin') return a.scopeKind === 'all';
    if (a.role === 'department_officer') {
      return a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === zone.family);
    }
    if (a.role === 'commune_officer') {
      return a.scopeKind === 'commune' && a.scopeRef !== null && a.scopeRef === zone.communeCode;
    }
    return false;
  });
}

/** Who sees the publishing page: anyone who may publish some zone. */
export function canManageCatalogue(actor: Actor): boolean {
  return (
    hasPermission(actor, 'zone.manage') &&
    actor.assignments.some((a) => ['system_admin', 'department_officer', 'commune_officer'].includes(a.role))
  );
}
