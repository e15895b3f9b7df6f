import { hasPermission, type Actor, type ZoneFamily } from '../../domain/identity/roles';

/**
 * Who reads the parks' periodic report and who sets the year's targets.
 * - The report of the city: the Management Board and the Department (department officers of either family),
 *   leaders of the province or of the parks' family, administrators.
 * - The report of one park: the same, and that park's developer (by zone or by organisation scope).
 * - Targets: read by whoever reads the report of their scope; set by the department officer of the family
 *   (the Board for KCN, the Department for CCN) and administrators — never by a developer or a commune.
 */
export type ParksScope = { kind: 'city' } | { kind: 'zone'; code: string; developerCode: string | null };

export function canReadParksReport(actor: Actor, scope: ParksScope): boolean {
  if (!hasPermission(actor, 'report.read')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin' || a.role === 'department_officer') return true;
    if (a.role === 'leader')
      return a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === 'KCN');
    if (a.role === 'developer' && scope.kind === 'zone') {
      if (a.scopeKind === 'zone') return a.scopeRef !== null && a.scopeRef === scope.code;
      if (a.scopeKind === 'organisation') return a.scopeRef !== null && a.scopeRef === scope.developerCode;
    }
    return false;
  });
}

export function canSetTargets(actor: Actor, family: ZoneFamily): boolean {
  if (!hasPermission(actor, 'report.sign')) return false;
  return actor.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      (a.role === 'department_officer' && a.scopeKind === 'family' && a.scopeRef === family),
  );
}

export function canReadTargets(actor: Actor, family: ZoneFamily, scope: ParksScope): boolean {
  if (canSetTargets(actor, family)) return true;
  if (family === 'KCN') return canReadParksReport(actor, scope);
  if (!hasPermission(actor, 'report.read')) return false;
  return actor.assignments.some(
    (a) =>
      a.role === 'department_officer' ||
      (a.role === 'leader' && (a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === family))),
  );
}
