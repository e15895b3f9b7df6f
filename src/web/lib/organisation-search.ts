import { useQuery } from '@tanstack/react-query';
import type { OrganisationRole } from '../../domain/organisation/organisation.schema';
import { api } from './api';

/**
 * Organisations for a picker (investor, developer): searched on the server, diacritics optional. Shared by
 * every feature that picks one (components/ui/organisation-select.tsx); under the organisation feature's cache
 * keys (`['organisations', …]`), so its edits refresh the pickers too.
 */
export const organisationSearchKey = (q: string, role: OrganisationRole | undefined) =>
  ['organisations', 'search', q, role ?? null] as const;

export function useOrganisationSearch(q: string, role?: OrganisationRole, enabled = true) {
  return useQuery({
    queryKey: organisationSearchKey(q, role),
    queryFn: ({ signal }) =>
      api.get('/api/organisations', {
        query: { q: q || undefined, role, page: 1, pageSize: 30 },
        signal,
      }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}
