import { Forbidden } from '../../components/ui/forbidden';
import { useTerritory } from '../../features/map/api/territory-api';
import { ZonesMap } from '../../features/zone/components/zones-map';
import { PERMISSIONS } from '../../lib/paths';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';

/** Bản đồ: the register's zones (features/zone) over the province's communes (features/map's territory). */
export function MapPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.zones) ? <ZonesMapWithTerritory /> : <Forbidden />;
}

function ZonesMapWithTerritory() {
  const territory = useTerritory();
  return <ZonesMap territory={territory.data} />;
}
