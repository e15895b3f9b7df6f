import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { CapitalView } from '../../features/project/components/capital-view';
import { PERMISSIONS } from '../../lib/paths';

export function CapitalPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.projects) ? <CapitalView /> : <Forbidden />;
}
