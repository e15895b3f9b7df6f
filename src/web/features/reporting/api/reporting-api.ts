import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  annotateInputSchema,
  compilationItemSchema,
  compilationViewSchema,
  completenessReportSchema,
  signedCompilationSchema,
  signInputSchema,
} from '../../../../domain/reporting/compilation.schema';
import type {
  FilingDetail,
  FilingStatus,
  filingSummarySchema,
  SaveDraftInputBody,
} from '../../../../domain/reporting/filing.schema';
import type { parksReportViewSchema } from '../../../../domain/reporting/parks-report.schema';
import type {
  planTargetInputSchema,
  planTargetListSchema,
} from '../../../../domain/reporting/plan-target.schema';
import { api, buildUrl } from '../../../lib/api';

// /api/filings…, /api/completeness and /api/compilations…, typed by the contracts' zod schemas in
// src/domain/reporting (type-only imports: zod stays out of the bundle).

export type { FilingDetail, FilingStatus } from '../../../../domain/reporting/filing.schema';
export type FilingSummary = z.infer<typeof filingSummarySchema>;
export type FilingRevision = FilingDetail['revisions'][number];
export type CompletenessReport = z.infer<typeof completenessReportSchema>;
export type CompletenessRow = CompletenessReport['rows'][number];
export type Outstanding = CompletenessReport['outstanding']['items'][number];
export type CompilationView = z.infer<typeof compilationViewSchema>;
export type CompiledItem = CompilationView['report']['items'][number];
/** An item with a page of the records behind it (`/api/compilations/items/{no}`). */
export type CompiledItemPage = z.infer<typeof compilationItemSchema>;
export type SignedCompilation = z.infer<typeof signedCompilationSchema>;
export type SignInput = z.infer<typeof signInputSchema>;
export type AnnotateInput = z.infer<typeof annotateInputSchema>;
export type SaveDraftInput = SaveDraftInputBody;

/** (The schema module's own list would bring zod along.) */
export const FILING_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'accepted',
] as const satisfies readonly FilingStatus[];

export type CompilationQuery = { formCode: 'B03' | 'B04'; period: string; commune?: string | undefined };

export const filingPath = (id: string) => `/api/filings/${encodeURIComponent(id)}`;

export const reportingKeys = {
  filings: ['filings'] as const,
  filingList: (params: FilingListParams) => ['filings', 'list', params] as const,
  filing: (id: string) => ['filings', 'detail', id] as const,
  completeness: (period: string, groupBy: string, page: number, pageSize: number) =>
    ['completeness', period, groupBy, page, pageSize] as const,
  compilations: ['compilations'] as const,
  compilation: (q: CompilationQuery) => ['compilations', q] as const,
  signed: (q: CompilationQuery, n: number) => ['compilations', q, 'signed', n] as const,
};

export type FilingListParams = {
  period: string;
  formCode?: string | undefined;
  status?: FilingStatus | undefined;
  page: number;
  pageSize: number;
};

export function useFilings(params: FilingListParams) {
  return useQuery({
    queryKey: reportingKeys.filingList(params),
    queryFn: ({ signal }) => api.get('/api/filings', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFiling(id: string | null) {
  return useQuery({
    queryKey: reportingKeys.filing(id ?? ''),
    queryFn: ({ signal }) => api.get('/api/filings/{id}', { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

/** The completeness table, with one page of the outstanding list (`pageSize` of them, the server's default 20). */
export function useCompleteness(
  period: string,
  groupBy: 'form' | 'commune' | 'zone',
  page = 1,
  pageSize = 20,
) {
  return useQuery({
    queryKey: reportingKeys.completeness(period, groupBy, page, pageSize),
    queryFn: ({ signal }) =>
      api.get('/api/completeness', { query: { period, groupBy, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After any change to a filing: its page, the lists, completeness and the compiled reports are stale. */
function useInvalidateReporting() {
  const queryClient = useQueryClient();
  return (detail?: FilingDetail) => {
    if (detail) queryClient.setQueryData(reportingKeys.filing(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: reportingKeys.filings });
    void queryClient.invalidateQueries({ queryKey: ['completeness'] });
    void queryClient.invalidateQueries({ queryKey: reportingKeys.compilations });
  };
}

export function useSaveDraft() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (body: SaveDraftInput) => api.put('/api/filings/draft', body),
    onSuccess: (detail) => invalidate(detail),
  });
}

export type FilingAction =
  | { action: 'submit'; id: string; version: number }
  | { action: 'accept'; id: string; version: number }
  | { action: 'return'; id: string; version: number; reason: string };

export function useFilingAction() {
  const invalidate = useInvalidateReporting();
  return useMutation({
    mutationFn: (input: FilingAction) => {
      const { id, version } = input;
      switch (input.action) {
        case 'submit':
          return api.post('/api/filings/{id}/submit', { version }, { params: { id } });
        case 'accept':
          return api.post('/api/filings/{id}/accept', { version }, { params: { id } });
        case 'return':
          return api.post('/api/filings/{id}/return', { version, reason: input.reason }, { params: { id } });
      }
    },
    onSuccess: (detail) => invalidate(detail),
  });
}

const compilationQuery = (q: CompilationQuery) => ({
  formCode: q.formCode,
  period: q.period,
  commune: q.formCode === 'B03' ? q.commune : undefined,
});

export function useCompilation(q: CompilationQuery, enabled = true) {
  return useQuery({
    queryKey: reportingKeys.compilation(q),
    queryFn: ({ signal }) => api.get('/api/compilations', { query: compilationQuery(q), signal }),
    enabled,
  });
}

/** One page of the sources and gaps behind an item of the live report, fetched when the item is opened. */
export function useCompilationItem(q: CompilationQuery, no: string, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...reportingKeys.compilation(q), 'item', no, page.offset, page.limit] as const,
    queryFn: ({ signal }) =>
      api.get('/api/compilations/items/{no}', {
        params: { no },
        query: { ...compilationQuery(q), offset: page.offset, limit: page.limit },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSignedCompilation(q: CompilationQuery, versionNo: number | null) {
  return useQuery({
    queryKey: reportingKeys.signed(q, versionNo ?? 0),
    queryFn: ({ signal }) =>
      api.get('/api/compilations/versions/{versionNo}', {
        params: { versionNo: versionNo ?? 0 },
        query: compilationQuery(q),
        signal,
      }),
    enabled: versionNo !== null,
  });
}

export function useAnnotate(q: CompilationQuery) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnotateInput) =>
      api.put('/api/compilations/annotations', body, { query: compilationQuery(q) }),
    onSuccess: (view) => queryClient.setQueryData(reportingKeys.compilation(q), view),
  });
}

export function useSign(q: CompilationQuery) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInput) => api.post('/api/compilations/sign', body, { query: compilationQuery(q) }),
    onSuccess: (view) => queryClient.setQueryData(reportingKeys.compilation(q), view),
  });
}

/** Download addresses (plain links: the browser saves the file with the server's name). */
export const compilationExportUrl = (
  q: CompilationQuery,
  format: 'docx' | 'xlsx' | 'pdf',
  version?: number | undefined,
) => buildUrl(`/api/compilations/export.${format}`, { ...compilationQuery(q), version });
export const filingExportUrl = (id: string, format: 'docx' | 'pdf') => `${filingPath(id)}/export.${format}`;

// The parks' periodic report (/api/parks-reports…) and the year's targets (/api/plan-targets).

export type ParksReportView = z.infer<typeof parksReportViewSchema>;
export type ParksItem = ParksReportView['report']['items'][number];
export type PlanTargetList = z.infer<typeof planTargetListSchema>;
export type PlanTarget = PlanTargetList['items'][number];
export type PlanTargetInput = z.input<typeof planTargetInputSchema>;

export type ParksQuery = { period: string; zone?: string | undefined };

export const parksKeys = {
  report: (q: ParksQuery) => ['parks-reports', q] as const,
  targets: (year: number, zone: string | undefined) => ['plan-targets', year, zone ?? null] as const,
  parks: ['parks-reports', 'parks'] as const,
};

/** Live figures: refetched whenever the page is shown again (an accepted tenant report shows at once). */
export function useParksReport(q: ParksQuery) {
  return useQuery({
    queryKey: parksKeys.report(q),
    queryFn: ({ signal }) => api.get('/api/parks-reports', { query: q, signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The parks the user may pick (the zone list is already limited to the user's scope). */
export function useParkChoices() {
  return useQuery({
    queryKey: parksKeys.parks,
    queryFn: ({ signal }) =>
      api.get('/api/zones', {
        query: { family: 'KCN', sort: 'name', pageSize: 500 },
        signal,
      }),
  });
}

export function usePlanTargets(year: number, zone: string | undefined, enabled = true) {
  return useQuery({
    queryKey: parksKeys.targets(year, zone),
    queryFn: ({ signal }) => api.get('/api/plan-targets', { query: { year, zone }, signal }),
    enabled,
  });
}

export function useSetPlanTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanTargetInput) => api.put('/api/plan-targets', body),
    onSuccess: (list) => {
      queryClient.setQueryData(
        parksKeys.targets(list.year, list.scope.kind === 'zone' ? list.scope.code : undefined),
        list,
      );
      void queryClient.invalidateQueries({ queryKey: ['parks-reports'] });
    },
  });
}

export const parksExportUrl = (q: ParksQuery, format: 'docx' | 'xlsx' | 'pdf') =>
  buildUrl(`/api/parks-reports/export.${format}`, { period: q.period, zone: q.zone });
