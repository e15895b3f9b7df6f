import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import {
  OrganisationView,
  type OrganisationTabsOfOtherFeatures,
} from '../../features/organisation/components/organisation-view';
import { ProjectsTable } from '../../features/project/components/projects-table';
import { DevelopedZones } from '../../features/zone/components/developed-zones';
import { PERMISSIONS } from '../../lib/paths';

/** The organisation page composes it with its projects and zones (features never import each other). */
const ORGANISATION_TABS: OrganisationTabsOfOtherFeatures = {
  projects: (code) => <ProjectsTable filters={{ investor: code }} hide={['investor']} />,
  zones: (code) => <DevelopedZones developer={code} />,
};

export function OrganisationPage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.organisations)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous organisation.
  return <OrganisationView key={code} code={code} tabs={ORGANISATION_TABS} />;
}
