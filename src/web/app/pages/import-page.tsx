import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../features/auth/api/session';
import { ImportView } from '../../features/import/components/import-view';
import { PERMISSIONS } from '../paths';

export function ImportPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.import) ? <ImportView /> : <Forbidden />;
}
