import { PATHS } from '../../../lib/paths';
import { buildUrl } from '../../../lib/api';
import type { SessionUser } from '../../../lib/session';

/** The parks' report page, for a period and, optionally, one park. */
export const parksReportPath = (period?: string | null, zone?: string | null) =>
  buildUrl(`${PATHS.reports}/parks`, { period, zone });

/**
 * Whether the user reads some parks' report (the server decides exactly which): the Board and the Department,
 * leaders of the city or of the parks, administrators, and zone-scoped developers (their own park).
 */
export function readsParksReport(user: SessionUser): boolean {
  if (!user.permissions.includes('report.read')) return false;
  return user.assignments.some(
    (a) =>
      a.role === 'system_admin' ||
      a.role === 'department_officer' ||
      (a.role === 'leader' && (a.scopeKind === 'all' || a.scopeRef === 'KCN')) ||
      // A park's developer: the page opens on its park (a cluster's developer gets "not found" there).
      (a.role === 'developer' && a.scopeKind === 'zone'),
  );
}

/** A developer reads its own park only: the park its assignment names, else (organisation scope) none fixed. */
export function ownPark(user: SessionUser): string | null {
  if (user.assignments.some((a) => a.role !== 'developer')) return null;
  return user.assignments.find((a) => a.scopeKind === 'zone')?.scopeRef ?? null;
}
