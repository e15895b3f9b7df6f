import type { ImportEntity, ImportMode, ImportResult } from '../../../../domain/import/import.schema';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, buildUrl, CLIENT_ERROR_CODES, notifyUnauthorized } from '../../../lib/api';
import { getLocale } from '../../../lib/locale-store';
import { apiErrorOf, LineReader, parseStreamLine, type ImportProgress } from './import-stream';

// POST /api/import/<list>, the templates and the exports; typed by src/domain/import/import.schema.ts
// (type-only imports: zod stays out of the bundle).

export type { ImportEntity, ImportError, ImportResult } from '../../../../domain/import/import.schema';
export type { ImportProgress } from './import-stream';

/** Largest accepted upload (MAX_IMPORT_BYTES of the contract; the schema module would bring zod along). */
export const MAX_IMPORT_MB = 20;

/** The lists that import, in the order the page offers them, with who may import them (the services' policies). */
export const IMPORT_LISTS = [
  { entity: 'zones', anyOf: ['zone.manage', 'zone.create'], exports: ['xlsx', 'csv', 'geojson'] },
  { entity: 'organisations', anyOf: ['organisation.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'projects', anyOf: ['project.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'investment-events', anyOf: ['project.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'obstacles', anyOf: ['zone.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'schedule-steps', anyOf: ['zone.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'inspections', anyOf: ['zone.manage'], exports: ['xlsx', 'csv'] },
  { entity: 'plan-targets', anyOf: ['report.sign'], exports: ['xlsx', 'csv'] },
] as const satisfies readonly {
  entity: ImportEntity;
  anyOf: readonly string[];
  exports: readonly ('xlsx' | 'csv' | 'geojson')[];
}[];

/**
 * The lists this user may import, as the server's policies decide (GET /api/import/lists): the page offers
 * only these, so no one chooses a list to be refused 403 on upload.
 */
export function useImportableLists() {
  return useQuery({
    queryKey: ['import', 'lists'],
    queryFn: ({ signal }) => api.get('/api/import/lists', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Everyone who may import at least one list (the navigation entry and the page). */
export const IMPORT_PERMISSIONS = [...new Set(IMPORT_LISTS.flatMap((list) => list.anyOf))];

export const templateUrl = (entity: ImportEntity) => `/api/import/templates/${entity}.xlsx`;
export const exportUrl = (entity: ImportEntity, format: 'xlsx' | 'csv' | 'geojson') =>
  `/api/${entity}/export.${format}`;

/**
 * Sends the file for a dry run or a commit and follows it: the upload's bytes (XMLHttpRequest upload
 * progress), then the server's own progress lines (rows checked, rows written) until the result line.
 * Failures arrive as `ApiError`, like every other call of the app.
 */
export function uploadImport(input: {
  entity: ImportEntity;
  file: File;
  mode: ImportMode;
  csrfToken: string | null;
  onProgress: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const reader = new LineReader();
    let settled = false;
    let result: ImportResult | null = null;
    let failure: ApiError | null = null;
    const requestId = () => xhr.getResponseHeader('x-request-id');
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    const consume = (final: boolean) => {
      for (const line of reader.read(xhr.responseText, final)) {
        const parsed = parseStreamLine(line, requestId());
        if (!parsed) continue;
        if (parsed.kind === 'progress') input.onProgress(parsed.progress);
        else if (parsed.kind === 'result') result = parsed.result;
        else failure = parsed.error;
      }
    };

    xhr.open('POST', buildUrl(`/api/import/${input.entity}`, { mode: input.mode }));
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    xhr.setRequestHeader('Accept-Language', getLocale());
    if (input.csrfToken) xhr.setRequestHeader('x-csrf-token', input.csrfToken);

    xhr.upload.onprogress = (event) =>
      input.onProgress({
        stage: 'upload',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : input.file.size,
      });
    // Every byte is sent: until the first progress line the server is reading the workbook.
    xhr.upload.onload = () => input.onProgress({ stage: 'read' });
    xhr.onprogress = () => {
      if (xhr.status === 200) consume(false);
    };
    xhr.onload = () =>
      settle(() => {
        if (xhr.status !== 200) {
          let body: unknown = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            body = null;
          }
          if (xhr.status === 401) notifyUnauthorized();
          reject(apiErrorOf(xhr.status, body, requestId()));
          return;
        }
        consume(true);
        if (result) resolve(result);
        else
          reject(
            failure ??
              new ApiError({
                status: xhr.status,
                code: CLIENT_ERROR_CODES.badResponse,
                message: '',
                requestId: requestId(),
              }),
          );
      });
    xhr.onerror = () =>
      settle(() => reject(new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, message: '' })));
    xhr.onabort = () => settle(() => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    input.signal?.addEventListener('abort', () => xhr.abort(), { once: true });

    const body = new FormData();
    body.append('file', input.file, input.file.name);
    xhr.send(body);
  });
}
