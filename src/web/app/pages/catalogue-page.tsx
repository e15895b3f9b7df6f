import { Forbidden } from '../../components/ui/forbidden';
import { CataloguePublishing } from '../../features/catalogue/components/catalogue-publishing';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { PERMISSIONS } from '../../lib/paths';

export function CataloguePage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.catalogue) ? <CataloguePublishing /> : <Forbidden />;
}
