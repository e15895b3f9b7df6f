import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { UserList } from '../../features/user/components/user-list';
import { PERMISSIONS } from '../../lib/paths';

export function UsersPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.users) ? <UserList /> : <Forbidden />;
}
