import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ProjectList } from '../../features/project/components/project-list';
import { PERMISSIONS } from '../../lib/paths';

export function ProjectsPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.projects) ? <ProjectList /> : <Forbidden />;
}
