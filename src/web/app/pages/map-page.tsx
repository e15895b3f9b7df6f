import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../features/auth/api/session';
import { ZonesMap } from '../../features/map/components/zones-map';
import { PERMISSIONS } from '../paths';

export function MapPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.zones) ? <ZonesMap /> : <Forbidden />;
}
