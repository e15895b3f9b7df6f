import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { OrganisationList } from '../../features/organisation/components/organisation-list';
import { PERMISSIONS } from '../../lib/paths';

export function OrganisationsPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.organisations) ? <OrganisationList /> : <Forbidden />;
}
