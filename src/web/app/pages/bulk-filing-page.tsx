import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { BulkFilingView } from '../../features/reporting/components/bulk-filing-view';

/** `/reports/bulk?period=&zone=`: a developer files Biểu 01 for the tenants of its clusters from one workbook. */
export function BulkFilingPage() {
  const user = useCurrentUser();
  return hasPermission(user, 'report.file') ? <BulkFilingView /> : <Forbidden />;
}
