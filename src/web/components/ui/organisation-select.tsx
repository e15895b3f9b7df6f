import type { OrganisationRole } from '../../../domain/organisation/organisation.schema';
import { useT } from '../../lib/i18n';
import { useOrganisationSearch } from '../../lib/organisation-search';
import { CodeSearchSelect, type CodeSelectProps } from './code-search-select';

/**
 * Picks an organisation by its code, searching names, codes and tax codes on the server (diacritics
 * optional); `role` narrows the search to developers, investors….
 */
export function OrganisationSelect({ role, ...props }: CodeSelectProps & { role?: OrganisationRole }) {
  const t = useT();
  const useSearch = (term: string, enabled: boolean) => useOrganisationSearch(term, role, enabled);
  return (
    <CodeSearchSelect
      {...props}
      useSearch={useSearch}
      optionLabel={(org) => `${org.name} (${org.code}${org.taxCode ? ` · ${org.taxCode}` : ''})`}
      defaultPlaceholder={t('organisation.select.placeholder')}
    />
  );
}
