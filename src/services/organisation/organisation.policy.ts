import { hasPermission, type Actor, type RoleCode } from '../../domain/identity/roles';

/**
 * Who may see and change organisations. They are public business-registry facts, so anyone with
 * organisation.read sees all of them — except enterprises, which see only their own. `organisationVisibility`
 * becomes a SQL filter in organisation.repository.ts.
 */
export type OrganisationVisibility = { kind: 'all' } | { kind: 'own'; codes: string[] };

export function organisationVisibility(actor: Actor): OrganisationVisibility {
  if (actor.assignments.some((a) => a.role !== 'enterprise')) return { kind: 'all' };
  return {
    kind: 'own',
    codes: actor.assignments
      .filter((a) => a.scopeKind === 'organisation' && a.scopeRef)
      .map((a) => a.scopeRef!.toUpperCase()),
  };
}

export function canReadOrganisations(actor: Actor): boolean {
  return hasPermission(actor, 'organisation.read');
}

/** Registry officers keep organisations current: administrators, departments (any family), communes. */
const registryRoles: readonly RoleCode[] = ['system_admin', 'department_officer', 'commune_officer'];

export function canManageOrganisations(actor: Actor): boolean {
  return (
    hasPermission(actor, 'organisation.manage') &&
    actor.assignments.some((a) => registryRoles.includes(a.role))
  );
}
