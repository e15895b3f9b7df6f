import { useParams } from 'react-router';
import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { DocumentsPanel } from '../../features/document/components/documents-panel';
import { ObstacleListPanel } from '../../features/monitoring/components/obstacle-list-panel';
import { ProjectView, type ProjectTabsOfOtherFeatures } from '../../features/project/components/project-view';
import { PERMISSIONS } from '../../lib/paths';

/** The project page composes the project with its documents and obstacles (features never import each other). */
const PROJECT_TABS: ProjectTabsOfOtherFeatures = {
  documents: (code) => <DocumentsPanel owner={{ kind: 'project', code }} />,
  obstacles: (project) => <ObstacleListPanel zoneCode={project.zoneCode} projectCode={project.code} />,
};

export function ProjectPage() {
  const user = useCurrentUser();
  const { code = '' } = useParams();
  if (!hasAnyPermission(user, PERMISSIONS.projects)) return <Forbidden />;
  // A new code is a new page: no state (tabs, forms) carried over from the previous project.
  return <ProjectView key={code} code={code} tabs={PROJECT_TABS} />;
}
