import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InspectionInput, RemedyInput } from '../../../../domain/inspection/inspection.schema';
import { api } from '../../../lib/api';

// Inspections of a zone (GET/POST /api/zones/{code}/inspections), kinds and remedies. Type-only contract imports.
export type {
  Finding,
  Inspection,
  InspectionInput,
  InspectionKind,
  RemedyInput,
  ZoneInspections,
} from '../../../../domain/inspection/inspection.schema';

export const inspectionKeys = {
  zone: (code: string) => ['zones', 'detail', code, 'inspections'] as const,
  kinds: ['inspection-kinds'] as const,
};

export function useZoneInspections(code: string) {
  return useQuery({
    queryKey: inspectionKeys.zone(code),
    queryFn: ({ signal }) => api.get('/api/zones/{code}/inspections', { params: { code }, signal }),
  });
}

export function useInspectionKinds() {
  return useQuery({
    queryKey: inspectionKeys.kinds,
    queryFn: ({ signal }) => api.get('/api/inspection-kinds', { signal }),
    staleTime: Infinity,
  });
}

export function useRecordInspection(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionInput) =>
      api.post('/api/zones/{code}/inspections', input, { params: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inspectionKeys.zone(code) }),
  });
}

export function useRemedyFinding(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      inspectionId,
      findingId,
      input,
    }: {
      inspectionId: string;
      findingId: string;
      input: RemedyInput;
    }) =>
      api.post('/api/inspections/{id}/findings/{findingId}/remedy', input, {
        params: { id: inspectionId, findingId },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inspectionKeys.zone(code) }),
  });
}
