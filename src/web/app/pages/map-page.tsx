import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ZonesMap } from '../../features/map/components/zones-map';
import { PERMISSIONS } from '../../lib/paths';

export function MapPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.zones) ? <ZonesMap /> : <Forbidden />;
}
