import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExchangeImportResult,
  ExchangeSubmission,
  ExchangeSubmissionSummary,
} from '../../../../domain/exchange/exchange.schema';
import { api } from '../../../lib/api';

// The Biểu 04 exchange package (/api/compilations/exchange-package, /api/exchange/…), typed by
// src/domain/exchange/exchange.schema.ts (type-only imports: zod stays out of the bundle).

export type { ExchangeImportResult, ExchangeSubmission, ExchangeSubmissionSummary };

export { exchangePackageUrl } from '../../../lib/paths';

/** The published JSON Schema of the package format. */
export const EXCHANGE_SCHEMA_URL = '/api/exchange/schema/v1.json';

const keys = {
  all: ['exchange'] as const,
  submissions: ['exchange', 'submissions'] as const,
  submission: (id: string) => ['exchange', 'submissions', id] as const,
};

export function useExchangeSubmissions() {
  return useQuery({
    queryKey: keys.submissions,
    queryFn: ({ signal }) => api.get('/api/exchange/submissions', { signal }),
  });
}

export function useExchangeSubmission(id: string | null) {
  return useQuery({
    queryKey: keys.submission(id ?? ''),
    queryFn: ({ signal }) => api.get('/api/exchange/submissions/{id}', { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

/** Uploads a province's package; the server checks it and stores it, or says what does not hold. */
export function useImportExchangePackage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post('/api/exchange/packages', body);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
