import { hasPermission, type Actor } from '../../domain/identity/roles';

/**
 * Who signs, reads and is told of Biểu 03/04 (Circular 14): a commune's Biểu 03 is its own; the city's Biểu 04
 * the Department of Industry and Trade's (the clusters' department officers).
 */
export type CompilationScope = { kind: 'commune' | 'city'; code: string };

/** Signing: the commune for its Biểu 03, the Department of Industry and Trade for Biểu 04; administrators. */
export function canSignCompilation(actor: Actor, scope: CompilationScope): boolean {
  if (!hasPermission(actor, 'report.sign')) return false;
  return actor.assignments.some((a) => {
    if (a.role === 'system_admin') return true;
    if (scope.kind === 'city') return a.role === 'department_officer' && a.scopeRef === 'CCN';
    return (
      (a.role === 'commune_officer' && a.scopeKind === 'commune' && a.scopeRef === scope.code) ||
      (a.role === 'department_officer' && a.scopeRef === 'CCN')
    );
  });
}

/**
 * Who is told when the report is signed — the next level up: the Department of Industry and Trade (the
 * clusters' department officers) for a commune's Biểu 03, the leaders of the province or of the clusters for
 * the city's Biểu 04.
 */
export function receivesSigned(actor: Actor, scope: { kind: 'commune' | 'city' }): boolean {
  if (!hasPermission(actor, 'report.read')) return false;
  return actor.assignments.some((a) =>
    scope.kind === 'commune'
      ? a.role === 'department_officer' && a.scopeKind === 'family' && a.scopeRef === 'CCN'
      : a.role === 'leader' && (a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === 'CCN')),
  );
}

/** Reading: whoever signs it, the department and leaders of the clusters' family or the province. */
export function canReadCompilation(actor: Actor, scope: CompilationScope): boolean {
  if (!hasPermission(actor, 'report.read')) return false;
  if (canSignCompilation(actor, scope)) return true;
  return actor.assignments.some(
    (a) =>
      a.role === 'leader' && (a.scopeKind === 'all' || (a.scopeKind === 'family' && a.scopeRef === 'CCN')),
  );
}
