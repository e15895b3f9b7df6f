import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../features/auth/api/session';
import { OrganisationList } from '../../features/organisation/components/organisation-list';
import { PERMISSIONS } from '../paths';

export function OrganisationsPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.organisations) ? <OrganisationList /> : <Forbidden />;
}
