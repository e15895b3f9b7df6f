import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DescriptionInput,
  Publication,
  PublicationInput,
  PublicationList,
} from '../../../../domain/catalogue/catalogue.schema';
import { api } from '../../../lib/api';

// /api/catalogue/…: officers' publishing, typed by src/domain/catalogue/catalogue.schema.ts.

export type {
  Publication,
  PublicationInput,
  PublicationList,
} from '../../../../domain/catalogue/catalogue.schema';

export const catalogueKeys = {
  all: ['catalogue'] as const,
  list: ['catalogue', 'list'] as const,
  zone: (code: string) => ['catalogue', 'zone', code] as const,
};

/** The zones the officer may publish, published first. */
export function usePublications() {
  return useQuery({
    queryKey: catalogueKeys.list,
    queryFn: ({ signal }) => api.get<PublicationList>('/api/catalogue/zones', { signal }),
  });
}

/** One zone's publication, descriptions and documents. */
export function usePublication(code: string | null) {
  return useQuery({
    queryKey: catalogueKeys.zone(code ?? ''),
    queryFn: ({ signal }) =>
      api.get<Publication>(`/api/catalogue/zones/${encodeURIComponent(code!)}`, { signal }),
    enabled: code !== null,
  });
}

function useSaved() {
  const queryClient = useQueryClient();
  return (publication: Publication) => {
    queryClient.setQueryData(catalogueKeys.zone(publication.zoneCode), publication);
    void queryClient.invalidateQueries({ queryKey: catalogueKeys.list });
  };
}

export function useSavePublication(code: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: PublicationInput) =>
      api.put<Publication>(`/api/catalogue/zones/${encodeURIComponent(code)}`, input),
    onSuccess: saved,
  });
}

export function useSaveDescription(code: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ lang, ...input }: DescriptionInput & { lang: string }) =>
      api.put<Publication>(`/api/catalogue/zones/${encodeURIComponent(code)}/descriptions/${lang}`, input),
    onSuccess: saved,
  });
}

export function useRemoveDescription(code: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ lang, version }: { lang: string; version: number }) =>
      api.delete<Publication>(
        `/api/catalogue/zones/${encodeURIComponent(code)}/descriptions/${lang}?version=${version}`,
      ),
    onSuccess: saved,
  });
}

export function useSetDocumentPublic() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, isPublic }: { id: string; isPublic: boolean }) =>
      api.put<Publication>(`/api/catalogue/documents/${id}`, { public: isPublic }),
    onSuccess: saved,
  });
}
