import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalysisQuery } from '../../../../domain/analysis/analysis.schema';
import { api, buildUrl } from '../../../lib/api';

export type { Analysis, AnalysisQuery } from '../../../../domain/analysis/analysis.schema';

export function useAnalysis(query: AnalysisQuery) {
  return useQuery({
    queryKey: ['analysis', query],
    queryFn: ({ signal }) => api.get('/api/analysis', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function analysisExportUrl(query: AnalysisQuery): string {
  return buildUrl('/api/analysis/export.xlsx', query);
}
