import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditChainHead, AuditEntry, AuditVerification } from '../../../../domain/audit/audit.schema';
import { api, type Page } from '../../../lib/api';

// GET /api/audit, /api/audit/head and /api/audit/verify, typed by the contract's schema in src/domain.

export type { AuditChainHead, AuditEntry, AuditVerification } from '../../../../domain/audit/audit.schema';

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
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Walks the whole chain on the server: run on request, never on page load (it reads every row). */
export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => api.get<AuditVerification>('/api/audit/verify'),
  });
}

export function useAuditChainHead() {
  return useQuery({
    queryKey: ['audit', 'head'] as const,
    queryFn: ({ signal }) => api.get<AuditChainHead>('/api/audit/head', { signal }),
  });
}
