import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CodeSearchSelect, type CodeSelectProps } from '../../../components/ui/code-search-select';
import { api } from '../../../lib/api';
import { useT } from '../../../lib/i18n';

/** Zones within the caller's sight whose name or code matches, for a picker (GET /api/zones?q=…). */
function useZoneSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['zones', 'search', q],
    queryFn: ({ signal }) =>
      api.get('/api/zones', {
        query: { q: q || undefined, sort: 'name', order: 'asc', page: 1, pageSize: 30 },
        signal,
      }),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/**
 * Picks a park or cluster by its code, searching names on the server without diacritics ("thang long"
 * finds "KCN Thăng Long").
 */
export function ZoneSelect(props: CodeSelectProps) {
  const t = useT();
  return (
    <CodeSearchSelect
      {...props}
      useSearch={useZoneSearch}
      optionLabel={(zone) => `${zone.name} (${zone.code})`}
      defaultPlaceholder={t('project.zoneSelect.placeholder')}
    />
  );
}
