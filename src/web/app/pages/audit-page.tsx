import { Forbidden } from '../../components/ui/forbidden';
import { AuditList } from '../../features/audit/components/audit-list';
import { UserSelect } from '../../features/user/components/user-select';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { PERMISSIONS } from '../../lib/paths';

export function AuditPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.audit) ? (
    <AuditList actorPicker={(props) => <UserSelect {...props} />} />
  ) : (
    <Forbidden />
  );
}
