import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { ReportsHome } from '../../features/reporting/components/reports-home';

export function ReportsPage() {
  const user = useCurrentUser();
  return hasPermission(user, 'report.read') ? <ReportsHome /> : <Forbidden />;
}
