import { CodeSearchSelect, type CodeSelectProps } from '../../../components/ui/code-search-select';
import { useT } from '../../../lib/i18n';
import { useDevelopers } from '../api/zone-api';

/** Picks an infrastructure developer by its organisation code, searching names on the server (diacritics optional). */
export function DeveloperSelect(props: CodeSelectProps) {
  const t = useT();
  return (
    <CodeSearchSelect
      {...props}
      useSearch={useDevelopers}
      optionLabel={(org) => `${org.name} (${org.code})`}
      defaultPlaceholder={t('zone.filter.developerSearch')}
    />
  );
}
