import { PATHS } from '../../../lib/paths';
import { buildUrl } from '../../../lib/api';
import { hasPermission, type useCurrentUser } from '../../../lib/session';

/** The bulk page: a developer files Biểu 01 for the tenants of its clusters from one workbook. */
export const bulkFilingPath = (period?: string | null, zone?: string | null) =>
  buildUrl(`${PATHS.reports}/bulk`, { period, zone });

/** Who is offered the bulk page: those who file for a cluster's tenants (developers, administrators). */
export function filesForTenants(user: ReturnType<typeof useCurrentUser>): boolean {
  return (
    hasPermission(user, 'report.file') &&
    user.assignments.some((a) => a.role === 'developer' || a.role === 'system_admin')
  );
}
