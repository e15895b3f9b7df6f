import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BriefingCreate, BriefingUpdate } from '../../../../domain/briefing/briefing.schema';
import { api } from '../../../lib/api';

export type { BriefingList, BriefingView } from '../../../../domain/briefing/briefing.schema';

export function useBriefings() {
  return useQuery({
    queryKey: ['briefings'],
    queryFn: ({ signal }) => api.get('/api/briefings', { signal }),
  });
}

export function useBriefing(id: string | null) {
  return useQuery({
    queryKey: ['briefing', id],
    queryFn: ({ signal }) => api.get('/api/briefings/{id}', { params: { id: id! }, signal }),
    enabled: id !== null,
  });
}

export function useCreateBriefing() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BriefingCreate) => api.post('/api/briefings', input),
    onSuccess: (view) => {
      client.setQueryData(['briefing', view.id], view);
      void client.invalidateQueries({ queryKey: ['briefings'] });
    },
  });
}

export function useUpdateBriefing(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BriefingUpdate) => api.patch('/api/briefings/{id}', input, { params: { id } }),
    onSuccess: (view) => client.setQueryData(['briefing', id], view),
  });
}

export function useIssueBriefing(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post('/api/briefings/{id}/issue', { version }, { params: { id } }),
    onSuccess: (view) => {
      client.setQueryData(['briefing', id], view);
      void client.invalidateQueries({ queryKey: ['briefings'] });
    },
  });
}

export const briefingFileUrl = (id: string, format: 'docx' | 'xlsx' | 'pdf') =>
  `/api/briefings/${id}/export.${format}`;
