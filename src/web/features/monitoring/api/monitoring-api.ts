import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ObstacleActionInput,
  ObstacleInput,
  ObstacleListQuery,
} from '../../../../domain/monitoring/obstacle.schema';
import type { ManualWatchInput, WatchListQuery } from '../../../../domain/monitoring/watch-list.schema';
import { api, type QueryValue } from '../../../lib/api';

// The watch list (/api/monitoring/watch-list), its manual entries and obstacles (/api/obstacles). Type-only
// imports of the contracts.

export type {
  ObstacleActionInput,
  ObstacleCategory,
  ObstacleDetail,
  ObstacleInput,
  ObstacleList,
  ObstacleView,
} from '../../../../domain/monitoring/obstacle.schema';
export type {
  ManualWatchInput,
  WatchEntryView,
  WatchList,
} from '../../../../domain/monitoring/watch-list.schema';

export const monitoringKeys = {
  all: ['monitoring'] as const,
  watch: (q: Partial<WatchListQuery>) => ['monitoring', 'watch', q] as const,
  obstacles: (q: Partial<ObstacleListQuery>) => ['monitoring', 'obstacles', q] as const,
  obstacle: (id: string) => ['monitoring', 'obstacle', id] as const,
  categories: ['monitoring', 'categories'] as const,
};

const clean = (q: object): Record<string, QueryValue> =>
  Object.fromEntries(
    Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  ) as Record<string, QueryValue>;

/** The address of an export with the list's current filters. */
export function exportHref(path: string, q: object): string {
  const params = new URLSearchParams(
    Object.entries(clean(q)).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
  return params ? `${path}?${params}` : path;
}

export function useWatchList(q: Partial<WatchListQuery>) {
  return useQuery({
    queryKey: monitoringKeys.watch(q),
    queryFn: ({ signal }) => api.get('/api/monitoring/watch-list', { query: clean(q), signal }),
  });
}

export function useObstacles(q: Partial<ObstacleListQuery>) {
  return useQuery({
    queryKey: monitoringKeys.obstacles(q),
    queryFn: ({ signal }) => api.get('/api/obstacles', { query: clean(q), signal }),
  });
}

export function useObstacle(id: string | null) {
  return useQuery({
    queryKey: monitoringKeys.obstacle(id ?? ''),
    queryFn: ({ signal }) => api.get('/api/obstacles/{id}', { params: { id: id! }, signal }),
    enabled: !!id,
  });
}

export function useObstacleCategories() {
  return useQuery({
    queryKey: monitoringKeys.categories,
    queryFn: ({ signal }) => api.get('/api/monitoring/obstacle-categories', { signal }),
    staleTime: 10 * 60_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
}

export function useRaiseObstacle() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ObstacleInput) => api.post('/api/obstacles', input),
    onSuccess: invalidate,
  });
}

export function useObstacleAction(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ObstacleActionInput) =>
      api.post('/api/obstacles/{id}/actions', input, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useAddManualWatch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ManualWatchInput) => api.post('/api/monitoring/watch-list/manual', input),
    onSuccess: invalidate,
  });
}

export function useRemoveManualWatch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post('/api/monitoring/watch-list/manual/{id}/remove', { reason }, { params: { id } }),
    onSuccess: invalidate,
  });
}
