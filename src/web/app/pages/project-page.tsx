import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ProjectView } from '../../features/project/components/project-view';
import { PERMISSIONS } from '../../lib/paths';

export function ProjectPage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.projects)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous project.
  return <ProjectView key={code} code={code} />;
}
