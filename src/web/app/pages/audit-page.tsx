import { Forbidden } from '../../components/ui/forbidden';
import { AuditList } from '../../features/audit/components/audit-list';
import { hasAnyPermission, useCurrentUser } from '../../features/auth/api/session';
import { PERMISSIONS } from '../paths';

export function AuditPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.audit) ? <AuditList /> : <Forbidden />;
}
