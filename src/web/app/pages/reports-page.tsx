import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../features/auth/api/session';
import { ReportsHome } from '../../features/reporting/components/reports-home';

export function ReportsPage() {
  const user = useCurrentUser();
  return hasPermission(user, 'report.read') ? <ReportsHome /> : <Forbidden />;
}
