import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ZoneView } from '../../features/zone/components/zone-view';
import { PERMISSIONS } from '../../lib/paths';

export function ZonePage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.zones)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous zone.
  return <ZoneView key={code} code={code} />;
}
