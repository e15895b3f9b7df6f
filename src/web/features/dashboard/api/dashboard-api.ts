import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export type { Dashboard, DashboardFigure } from '../../../../domain/dashboard/dashboard.schema';

/** /api/dashboard: computed on every load, so an accepted report shows on the next one. */
export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: ({ signal }) => api.get('/api/dashboard', { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
