import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { ParksReportView } from '../../features/reporting/components/parks-report-view';

/** `/reports/parks?period=2026-Q3[&zone=KCN-THANG-LONG]`: the Management Board's periodic report. */
export function ParksReportPage() {
  const user = useCurrentUser();
  if (!hasPermission(user, 'report.read')) return <Forbidden />;
  return <ParksReportView />;
}
