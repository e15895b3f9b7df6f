import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ImportView } from '../../features/import/components/import-view';
import { PERMISSIONS } from '../../lib/paths';

export function ImportPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.import) ? <ImportView /> : <Forbidden />;
}
