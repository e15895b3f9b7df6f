import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../domain/audit/audit.schema';
import { api, type Page } from '../../../lib/api';

// GET /api/audit, typed by the contract's schema in src/domain.

export type { AuditEntry } from '../../../../domain/audit/audit.schema';

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
