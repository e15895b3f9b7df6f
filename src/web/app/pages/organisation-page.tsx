import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { OrganisationView } from '../../features/organisation/components/organisation-view';
import { PERMISSIONS } from '../../lib/paths';

export function OrganisationPage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.organisations)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous organisation.
  return <OrganisationView key={code} code={code} />;
}
