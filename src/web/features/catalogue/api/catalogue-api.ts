import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DescriptionInput, Publication } from '../../../../domain/catalogue/catalogue.schema';
import { api, type ApiRequestBody } from '../../../lib/api';

// /api/catalogue/…: officers' publishing, typed by src/domain/catalogue/catalogue.schema.ts.

export type { Publication, PublicationList } from '../../../../domain/catalogue/catalogue.schema';
/** What the officer sends: its sectors are the contract's VSIC codes, not any string. */
export type PublicationInput = ApiRequestBody<'/api/catalogue/zones/{code}', 'put'>;

export const catalogueKeys = {
  all: ['catalogue'] as const,
  list: ['catalogue', 'list'] as const,
  zone: (code: string) => ['catalogue', 'zone', code] as const,
};

/** The zones the officer may publish, published first. */
export function usePublications() {
  return useQuery({
    queryKey: catalogueKeys.list,
    queryFn: ({ signal }) => api.get('/api/catalogue/zones', { signal }),
  });
}

/** One zone's publication, descriptions and documents. */
export function usePublication(code: string | null) {
  return useQuery({
    queryKey: catalogueKeys.zone(code ?? ''),
    queryFn: ({ signal }) => api.get('/api/catalogue/zones/{code}', { params: { code: code! }, signal }),
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
      api.put('/api/catalogue/zones/{code}', input, { params: { code } }),
    onSuccess: saved,
  });
}

export function useSaveDescription(code: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ lang, ...input }: DescriptionInput & { lang: string }) =>
      api.put('/api/catalogue/zones/{code}/descriptions/{lang}', input, { params: { code, lang } }),
    onSuccess: saved,
  });
}

export function useRemoveDescription(code: string) {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ lang, version }: { lang: string; version: number }) =>
      api.delete('/api/catalogue/zones/{code}/descriptions/{lang}', {
        params: { code, lang },
        query: { version },
      }),
    onSuccess: saved,
  });
}

export function useSetDocumentPublic() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, isPublic }: { id: string; isPublic: boolean }) =>
      api.put('/api/catalogue/documents/{id}', { public: isPublic }, { params: { id } }),
    onSuccess: saved,
  });
}
