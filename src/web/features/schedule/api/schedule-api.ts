import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgressReadingInput } from '../../../../domain/schedule/schedule.schema';
import { api } from '../../../lib/api';

// A zone's schedule (GET /api/zones/{code}/schedule) and its progress readings. Type-only contract imports.
export type {
  ProgressReading,
  ProgressReadingInput,
  ZoneSchedule,
} from '../../../../domain/schedule/schedule.schema';

export const scheduleKeys = { zone: (code: string) => ['zones', 'detail', code, 'schedule'] as const };

export function useZoneSchedule(code: string) {
  return useQuery({
    queryKey: scheduleKeys.zone(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}/schedule', { params: { code }, signal }),
  });
}

export function useAddReading(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProgressReadingInput) =>
      api.post('/api/zones/{code}/progress-readings', input, { params: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.zone(code) }),
  });
}
