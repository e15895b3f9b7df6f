import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createOrganisationInputSchema,
  OrganisationDetail,
  OrganisationRole,
  OrganisationSort,
  Ownership,
  UpdateOrganisationInput,
} from '../../../../domain/organisation/organisation.schema';
import { api, buildUrl } from '../../../lib/api';
import { organisationSearchKey } from '../../../lib/organisation-search';
import type { AuditEntry } from '../../../components/record-history/record-history';

// /api/organisations…, typed by the contract's zod schemas in src/domain/organisation (type-only imports:
// zod stays out of the bundle).

export type {
  Organisation,
  OrganisationDetail,
  OrganisationRole,
  OrganisationSort,
  Ownership,
  UpdateOrganisationInput,
} from '../../../../domain/organisation/organisation.schema';
export type { AuditEntry } from '../../../components/record-history/record-history';

/** What the create form sends; the server trims, upper-cases and validates it with the same schema. */
export type CreateOrganisationInput = z.input<typeof createOrganisationInputSchema>;

/** (The schema module's own lists would bring zod along.) */
export const OWNERSHIPS = [
  'fdi',
  'domestic_state',
  'domestic_private',
  'household',
  'agency',
] as const satisfies readonly Ownership[];
export const ORGANISATION_ROLES = [
  'developer',
  'tenant',
  'agency',
] as const satisfies readonly OrganisationRole[];
export const ORGANISATION_SORTS = [
  'name',
  'code',
  'taxCode',
  'country',
] as const satisfies readonly OrganisationSort[];

/** The list filters, shared by the list and its exports. */
export type OrganisationFilters = {
  q?: string | undefined;
  role?: OrganisationRole | undefined;
  country?: string | undefined;
  /** An ownership kind, or `unknown` for organisations no source has classified. */
  ownership?: Ownership | 'unknown' | undefined;
};

export type OrganisationListParams = OrganisationFilters & {
  sort: OrganisationSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** The body of a 409 on PATCH: the organisation as it is now, and the changes made since our version. */
export type OrganisationConflict = { current: OrganisationDetail; changes: AuditEntry[] };

export const organisationPath = (code: string) => `/api/organisations/${encodeURIComponent(code)}`;

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (params: OrganisationListParams) => ['organisations', 'list', params] as const,
  search: organisationSearchKey,
  detail: (code: string) => ['organisations', 'detail', code] as const,
  history: (code: string) => ['organisations', 'detail', code, 'history'] as const,
};

export function useOrganisations(params: OrganisationListParams) {
  return useQuery({
    queryKey: organisationKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/organisations', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export { useOrganisationSearch } from '../../../lib/organisation-search';

export function useOrganisation(code: string) {
  return useQuery({
    queryKey: organisationKeys.detail(code),
    queryFn: ({ signal }) => api.get('/api/organisations/{code}', { params: { code }, signal }),
  });
}

export function useOrganisationHistory(code: string) {
  return useQuery({
    queryKey: organisationKeys.history(code),
    queryFn: ({ signal }) => api.get('/api/organisations/{code}/history', { params: { code }, signal }),
    select: (data) => data.items,
  });
}

/** The whole filtered list as a file: `/api/organisations/export.xlsx?…` (no paging). */
export function organisationExportUrl(
  format: 'xlsx' | 'csv',
  filters: OrganisationFilters & { sort?: string; order?: string },
) {
  return buildUrl(`/api/organisations/export.${format}`, filters);
}

/** After a write: the detail is the server's answer; lists, pickers and the history are read again. */
function useOrganisationWritten() {
  const queryClient = useQueryClient();
  return (detail: OrganisationDetail) => {
    queryClient.setQueryData(organisationKeys.detail(detail.code), detail);
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const [root, kind, code] = query.queryKey;
        if (root === 'projects') return true; // investor names and FDI/domestic shown beside projects
        if (root !== 'organisations') return false;
        return kind !== 'detail' || (code === detail.code && query.queryKey.length > 3);
      },
    });
  };
}

export function useCreateOrganisation() {
  const written = useOrganisationWritten();
  return useMutation({
    mutationFn: (input: CreateOrganisationInput) => api.post('/api/organisations', input),
    onSuccess: written,
  });
}

export function useUpdateOrganisation(code: string) {
  const written = useOrganisationWritten();
  return useMutation({
    mutationFn: (input: UpdateOrganisationInput) =>
      api.patch('/api/organisations/{code}', input, { params: { code } }),
    onSuccess: written,
  });
}
