import { Forbidden } from '../../components/ui/forbidden';
import { hasAnyPermission, useCurrentUser } from '../../lib/session';
import { type RegistryFieldLabels } from '../../features/import/components/import-field-labels';
import { ImportView } from '../../features/import/components/import-view';
import { organisationVocabulary } from '../../features/organisation/components/organisation-labels';
import { projectVocabulary } from '../../features/project/components/project-labels';
import { fieldLabel as zoneFieldLabel } from '../../features/zone/components/zone-fields';
import { PERMISSIONS } from '../../lib/paths';

/** The registry lists' field labels, from the features that own the lists (the import view names none). */
const registryFieldLabels: RegistryFieldLabels = {
  zones:
    ({ t }) =>
    (field) =>
      zoneFieldLabel(field, t),
  organisations: ({ t, locale }) => organisationVocabulary(t, locale).fieldLabel,
  projects: ({ t, format }) => projectVocabulary(t, format).fieldLabel,
};

export function ImportPage() {
  const user = useCurrentUser();
  return hasAnyPermission(user, PERMISSIONS.import) ? (
    <ImportView fieldLabels={registryFieldLabels} />
  ) : (
    <Forbidden />
  );
}
