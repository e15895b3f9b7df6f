import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type ApiResponse, type ApiSchema } from '../../../lib/api';

// GET /api/audit, /api/audit/head and /api/audit/verify, typed by the server's contract (decision 0026).

export type { AuditEntry } from '../../../components/record-history/record-history';
export type AuditVerification = ApiSchema<'AuditVerification'>;
export type AuditChainHead = ApiResponse<'/api/audit/head', 'get'>;

export type AuditListParams = {
  entityType?: string | undefined;
  actorId?: string | undefined;
  page: number;
  pageSize: number;
};

export const auditKeys = {
  list: (params: AuditListParams) => ['audit', 'list', params] as const,
};

export function useAuditEntries(params: AuditListParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => api.get('/api/audit', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole chain on the server: run on request, never on page load (it reads every row). */
export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => api.get('/api/audit/verify'),
  });
}

export function useAuditChainHead() {
  return useQuery({
    queryKey: ['audit', 'head'] as const,
    queryFn: ({ signal }) => api.get('/api/audit/head', { signal }),
  });
}
