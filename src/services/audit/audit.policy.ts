import { hasPermission, type Actor } from '../../domain/identity/roles';

/**
 * The whole audit trail spans every family and commune, so only province-wide readers (system
 * administrators, city leaders) may browse it. Scoped users see a record's history on that record's page,
 * through the record's own scope check.
 */
export function canBrowseAudit(actor: Actor): boolean {
  return hasPermission(actor, 'audit.read') && actor.assignments.some((a) => a.scopeKind === 'all');
}
