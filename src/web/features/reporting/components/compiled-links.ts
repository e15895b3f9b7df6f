import type { SessionUser } from '../../../lib/session';

/**
 * The compiled reports a user opens from the reports home, as the server's compilation policy allows them: a
 * commune officer its commune's Biểu 03 (signed there, read by nobody else below the Department); the clusters'
 * department officer, leaders of the city or of the clusters and administrators the city's Biểu 04.
 */
export function compiledReportsOf(user: SessionUser): {
  b03: { commune: string; label: string | null }[];
  b04: boolean;
} {
  const b03 = user.assignments
    .filter((a) => a.role === 'commune_officer' && a.scopeKind === 'commune' && a.scopeRef)
    .map((a) => ({ commune: a.scopeRef!, label: a.scopeLabel || null }));
  const b04 =
    user.permissions.includes('report.read') &&
    user.assignments.some(
      (a) =>
        a.role === 'system_admin' ||
        (a.role === 'department_officer' && a.scopeRef === 'CCN') ||
        (a.role === 'leader' && (a.scopeKind === 'all' || a.scopeRef === 'CCN')),
    );
  return { b03, b04 };
}
