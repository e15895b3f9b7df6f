import type { Actor, RoleCode, ZoneFamily } from '../../domain/identity/roles';
import { hasPermission } from '../../domain/identity/roles';

/**
 * Who may see and administer which user accounts. Pure functions, called at the top of the user services;
 * the repository applies `userVisibility` as a SQL filter so a forgotten check fails closed.
 *
 * Every account belongs to at most one zone family (`family`): the department of that family
 * (Management Board for KCN, Department of Industry and Trade for CCN) administers it. Accounts with no
 * family (system administrators, city leaders) are administered by system administrators only.
 */
export type UserTarget = {
  id: string;
  family: ZoneFamily | null;
  assignments: readonly { role: RoleCode; scopeKind: string; scopeRef: string | null }[];
};

/** Roles a department officer may grant inside its own family. */
const delegableRoles: readonly RoleCode[] = ['commune_officer', 'developer', 'enterprise'];

export type UserVisibility =
  { kind: 'all' } | { kind: 'scoped'; selfId: string; families: ZoneFamily[]; communes: string[] };

export function userVisibility(actor: Actor): UserVisibility {
  const families: ZoneFamily[] = [];
  const communes: string[] = [];
  for (const a of actor.assignments) {
    if (a.scopeKind === 'all' && (a.role === 'system_admin' || a.role === 'leader')) return { kind: 'all' };
    if (a.scopeKind === 'family' && (a.role === 'department_officer' || a.role === 'leader') && a.scopeRef) {
      families.push(a.scopeRef as ZoneFamily);
    }
    if (a.scopeKind === 'commune' && a.role === 'commune_officer' && a.scopeRef) communes.push(a.scopeRef);
  }
  return { kind: 'scoped', selfId: actor.userId, families, communes };
}

export function canReadUser(actor: Actor, target: UserTarget): boolean {
  if (target.id === actor.userId) return true;
  if (!hasPermission(actor, 'user.read')) return false;
  const visibility = userVisibility(actor);
  if (visibility.kind === 'all') return true;
  if (target.family && visibility.families.includes(target.family)) return true;
  return target.assignments.some(
    (a) => a.scopeKind === 'commune' && a.scopeRef !== null && visibility.communes.includes(a.scopeRef),
  );
}

export function canManageUser(actor: Actor, target: Omit<UserTarget, 'id'> & { id?: string }): boolean {
  if (!hasPermission(actor, 'user.manage')) return false;
  if (actor.assignments.some((a) => a.role === 'system_admin')) return true;
  return actor.assignments.some(
    (a) =>
      a.role === 'department_officer' &&
      a.scopeKind === 'family' &&
      target.family !== null &&
      a.scopeRef === target.family &&
      target.assignments.every((t) => delegableRoles.includes(t.role)),
  );
}
