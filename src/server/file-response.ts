import { contentDisposition } from '../domain/document/document-file';
import type { AppContext } from './context';

/** A generated file: a report, a workbook, an export. */
export type FileResponseBody = { fileName: string; contentType: string; body: Uint8Array | string };

/**
 * Sends a generated file as a download: the Vietnamese file name as RFC 5987 `filename*` with an ASCII
 * fallback (a raw non-ASCII name would be an invalid header), and `no-store`, since it is computed from records
 * that may change the next minute.
 */
export function sendFile(c: AppContext, file: FileResponseBody) {
  return c.body(typeof file.body === 'string' ? file.body : (file.body as Uint8Array<ArrayBuffer>), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'no-store',
  }) as never;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
