import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';

// A zone's incidents (GET /api/zones/{code}/incidents). Type-only contract imports.
export type { Incident, ZoneIncidents } from '../../../../domain/incident/incident.schema';

export function useZoneIncidents(code: string) {
  return useQuery({
    queryKey: ['zones', 'detail', code, 'incidents'] as const,
    queryFn: ({ signal }) => api.get('/api/zones/{code}/incidents', { params: { code }, signal }),
  });
}
