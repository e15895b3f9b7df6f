import { Forbidden } from '../../components/ui/forbidden';
import { hasPermission, useCurrentUser } from '../../lib/session';
import { PlanYearView } from '../../features/plan/components/plan-view';

/** `/targets?year=2026&family=CCN`: the year's plans with each target's live % and the Decree 32 gates. */
export function PlanPage() {
  const user = useCurrentUser();
  if (!hasPermission(user, 'report.read') && !hasPermission(user, 'zone.read')) return <Forbidden />;
  return <PlanYearView />;
}
