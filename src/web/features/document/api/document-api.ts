import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ApiResponse } from '../../../lib/api';

// Documents of a record. A zone's list (GET/POST /api/zones/{code}/documents) includes the documents of its
// lifecycle events; a project's is GET /api/documents?entityType=project&entityRef={code}, uploads POST
// /api/documents. The file is at /api/documents/{id}/file, withdrawal at POST /api/documents/{id}/withdraw.

export type { DocumentView } from '../../../../domain/document/document';
/** A record's documents, as GET /api/zones/{code}/documents (and /api/documents) answer. */
export type DocumentList = ApiResponse<'/api/zones/{code}/documents', 'get'>;

/** The record documents belong to. */
export type DocumentOwner = { kind: 'zone' | 'project'; code: string };

/** Query keys under the owner's detail, so that the owner's history is refreshed with them. */
function ownerKey(owner: DocumentOwner) {
  return [owner.kind === 'zone' ? 'zones' : 'projects', 'detail', owner.code] as const;
}

export const documentKeys = {
  list: (owner: DocumentOwner) => [...ownerKey(owner), 'documents'] as const,
};

/** Where the browser downloads a document's file (or opens it in place with `inline`). */
export function documentFileUrl(id: string, inline = false): string {
  return `/api/documents/${encodeURIComponent(id)}/file${inline ? '?inline=true' : ''}`;
}

export function useDocuments(owner: DocumentOwner) {
  return useQuery({
    queryKey: documentKeys.list(owner),
    queryFn: ({ signal }) =>
      owner.kind === 'zone'
        ? api.get('/api/zones/{code}/documents', { params: { code: owner.code }, signal })
        : api.get('/api/documents', {
            query: { entityType: 'project', entityRef: owner.code },
            signal,
          }),
  });
}

/** After a change: the list and the owner's history are read again. */
function useDocumentsWritten(owner: DocumentOwner) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: documentKeys.list(owner) });
    void queryClient.invalidateQueries({ queryKey: [...ownerKey(owner), 'history'] });
  };
}

export type UploadDocumentInput = {
  file: File;
  title?: string | undefined;
  docNo?: string | undefined;
  docDate?: string | undefined;
};

export function useUploadDocument(owner: DocumentOwner) {
  const written = useDocumentsWritten(owner);
  return useMutation({
    mutationFn: (input: UploadDocumentInput) => {
      const body = new FormData();
      body.append('file', input.file, input.file.name);
      if (input.title) body.append('title', input.title);
      if (input.docNo) body.append('docNo', input.docNo);
      if (input.docDate) body.append('docDate', input.docDate);
      if (owner.kind === 'zone')
        return api.post('/api/zones/{code}/documents', body, { params: { code: owner.code } });
      body.append('entityType', owner.kind);
      body.append('entityRef', owner.code);
      return api.post('/api/documents', body);
    },
    onSuccess: written,
  });
}

export function useWithdrawDocument(owner: DocumentOwner) {
  const written = useDocumentsWritten(owner);
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api.post('/api/documents/{id}/withdraw', { reason: input.reason }, { params: { id: input.id } }),
    onSuccess: written,
  });
}
