import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../features/auth/api/session';
import { ZoneList } from '../../features/zone/components/zone-list';
import { PERMISSIONS } from '../paths';

export function ZonesPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.zones) ? <ZoneList /> : <Forbidden />;
}
