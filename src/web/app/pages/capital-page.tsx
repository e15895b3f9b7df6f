import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { ExchangeRates } from '../../features/exchange-rate/components/exchange-rates';
import { CapitalView } from '../../features/project/components/capital-view';
import { PERMISSIONS } from '../../lib/paths';

export function CapitalPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.projects) ? (
    <CapitalView rates={<ExchangeRates />} />
  ) : (
    <Forbidden />
  );
}
