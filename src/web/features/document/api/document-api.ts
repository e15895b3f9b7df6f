import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentView } from '../../../../domain/zone/document';
import { api } from '../../../lib/api';

// Documents of a zone (and of its lifecycle events): GET/POST /api/zones/{code}/documents, the file at
// /api/documents/{id}/file, withdrawal at POST /api/documents/{id}/withdraw.

export type { DocumentView } from '../../../../domain/zone/document';
export type DocumentList = { items: DocumentView[]; canEdit: boolean; maxBytes: number };

const zonePath = (code: string) => `/api/zones/${encodeURIComponent(code)}`;

export const documentKeys = {
  zone: (code: string) => ['zones', 'detail', code, 'documents'] as const,
};

/** Where the browser downloads a document's file (or opens it in place with `inline`). */
export function documentFileUrl(id: string, inline = false): string {
  return `/api/documents/${encodeURIComponent(id)}/file${inline ? '?inline=true' : ''}`;
}

export function useZoneDocuments(code: string) {
  return useQuery({
    queryKey: documentKeys.zone(code),
    queryFn: ({ signal }) => api.get<DocumentList>(`${zonePath(code)}/documents`, { signal }),
  });
}

/** After a change: the list and the zone's history are read again. */
function useDocumentsWritten(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.zone(code) });
    void queryClient.invalidateQueries({ queryKey: ['zones', 'detail', code, 'history'] });
  };
}

export type UploadDocumentInput = {
  file: File;
  title?: string | undefined;
  docNo?: string | undefined;
  docDate?: string | undefined;
};

export function useUploadZoneDocument(code: string) {
  const written = useDocumentsWritten(code);
  return useMutation({
    mutationFn: (input: UploadDocumentInput) => {
      const body = new FormData();
      body.append('file', input.file, input.file.name);
      if (input.title) body.append('title', input.title);
      if (input.docNo) body.append('docNo', input.docNo);
      if (input.docDate) body.append('docDate', input.docDate);
      return api.post<DocumentView>(`${zonePath(code)}/documents`, body);
    },
    onSuccess: written,
  });
}

export function useWithdrawDocument(code: string) {
  const written = useDocumentsWritten(code);
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api.post<DocumentView>(`/api/documents/${encodeURIComponent(input.id)}/withdraw`, {
        reason: input.reason,
      }),
    onSuccess: written,
  });
}
