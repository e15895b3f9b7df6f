import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ZoneList } from '../../features/zone/components/zone-list';
import { PERMISSIONS } from '../../lib/paths';

export function ZonesPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.zones) ? <ZoneList /> : <Forbidden />;
}
