import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CapitalQuery, InvestmentEventKind } from '../../../../domain/project/capital';
import type {
  createProjectInputSchema,
  InvestmentEventInput,
  ProjectDetail,
  ProjectSort,
  ProjectStatus,
  UpdateProjectInput,
} from '../../../../domain/project/project.schema';
import { api, buildUrl, type ApiResponse } from '../../../lib/api';
import type { AuditEntry } from '../../../components/record-history/record-history';

// /api/projects… and /api/capital, typed by the contract's zod schemas in src/domain/project (type-only
// imports: zod stays out of the bundle).

export type { CapitalQuery, CapitalReport, InvestmentEventKind } from '../../../../domain/project/capital';
export type {
  InvestmentEvent,
  InvestmentEventInput,
  ProjectDetail,
  ProjectSort,
  ProjectStatus,
  ProjectSummary,
  UpdateProjectInput,
} from '../../../../domain/project/project.schema';
export type { AuditEntry } from '../../../components/record-history/record-history';

/** What the create form sends; the server trims, upper-cases and validates it with the same schema. */
export type CreateProjectInput = z.input<typeof createProjectInputSchema>;

/** (The schema module's own lists would bring zod along.) */
export const PROJECT_STATUSES = [
  'licensed',
  'building',
  'operating',
  'stopped',
  'proposed_revocation',
  'terminated',
] as const satisfies readonly ProjectStatus[];
export const INVESTMENT_EVENT_KINDS = [
  'new',
  'increase',
  'decrease',
  'termination',
] as const satisfies readonly InvestmentEventKind[];
export const PROJECT_SORTS = [
  'code',
  'name',
  'zone',
  'investor',
  'certificateDate',
  'leasedHa',
  'workers',
] as const satisfies readonly ProjectSort[];
export const PROJECT_OWNERSHIPS = ['fdi', 'domestic', 'unknown'] as const;
export type ProjectOwnership = (typeof PROJECT_OWNERSHIPS)[number];

/** The list filters, shared by the list and its exports. */
export type ProjectFilters = {
  q?: string | undefined;
  zone?: string | undefined;
  investor?: string | undefined;
  status?: ProjectStatus | undefined;
  vsic?: string | undefined;
  ownership?: ProjectOwnership | undefined;
};

export type ProjectListParams = ProjectFilters & {
  sort: ProjectSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export type ProjectList = ApiResponse<'/api/projects', 'get'>;

/** The body of a 409 on PATCH: the project as it is now, and the changes made since our version. */
export type ProjectConflict = { current: ProjectDetail; changes: AuditEntry[] };

export const projectPath = (code: string) => `/api/projects/${encodeURIComponent(code)}`;

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
  detail: (code: string) => ['projects', 'detail', code] as const,
  history: (code: string) => ['projects', 'detail', code, 'history'] as const,
  capital: (query: CapitalQuery) => ['capital', query] as const,
};

export function useProjects(params: ProjectListParams, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/projects', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(code: string) {
  return useQuery({
    queryKey: projectKeys.detail(code),
    queryFn: ({ signal }) => api.get('/api/projects/{code}', { params: { code }, signal }),
  });
}

export function useProjectHistory(code: string) {
  return useQuery({
    queryKey: projectKeys.history(code),
    queryFn: ({ signal }) => api.get('/api/projects/{code}/history', { params: { code }, signal }),
    select: (data) => data.items,
  });
}

/** Capital attracted in a period and registered at its end, over the caller's scope (GET /api/capital). */
export function useCapital(query: CapitalQuery, enabled = true) {
  return useQuery({
    queryKey: projectKeys.capital(query),
    queryFn: ({ signal }) => api.get('/api/capital', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The whole filtered list as a file: `/api/projects/export.xlsx?…` (no paging). */
export function projectExportUrl(
  format: 'xlsx' | 'csv',
  filters: ProjectFilters & { sort?: string; order?: string },
) {
  return buildUrl(`/api/projects/export.${format}`, filters);
}

/**
 * After a write: the detail is the server's answer (or read again); project lists, zones' tenant tabs and
 * figures, capital totals and the project's history are read again.
 */
function useProjectWritten() {
  const queryClient = useQueryClient();
  return (code: string, detail: ProjectDetail | null) => {
    if (detail) queryClient.setQueryData(projectKeys.detail(code), detail);
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const [root, kind, which] = query.queryKey;
        if (root === 'capital' || root === 'zones') return true;
        if (root !== 'projects') return false;
        if (kind !== 'detail') return true;
        return which === code && (detail === null || query.queryKey.length > 3);
      },
    });
  };
}

export function useCreateProject() {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (input: CreateProjectInput) => api.post('/api/projects', input),
    onSuccess: (detail) => written(detail.code, detail),
  });
}

export function useUpdateProject(code: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (input: UpdateProjectInput) => api.patch('/api/projects/{code}', input, { params: { code } }),
    onSuccess: (detail) => written(code, detail),
  });
}

export function useAddInvestmentEvent(code: string) {
  const written = useProjectWritten();
  return useMutation({
    mutationFn: (input: InvestmentEventInput) =>
      api.post('/api/projects/{code}/investment-events', input, { params: { code } }),
    // The ledger, the registered capital (and, for a termination, the status) changed: read them again.
    onSuccess: () => written(code, null),
  });
}
