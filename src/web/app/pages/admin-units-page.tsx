import { Forbidden } from '../../components/ui/forbidden';
import { AdminUnitList } from '../../features/admin-unit/components/admin-unit-list';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { PERMISSIONS } from '../../lib/paths';

export function AdminUnitsPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.adminUnits) ? <AdminUnitList /> : <Forbidden />;
}
