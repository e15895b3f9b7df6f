import type { ImportError, ImportResult } from '../../../../domain/import/import.schema';
import { ApiError, CLIENT_ERROR_CODES } from '../../../lib/api';

/**
 * The pure half of a streamed import (POST /api/import/<list> with `Accept: application/x-ndjson`): reading
 * the growing response text line by line, and what each line means. No I/O here, so it is tested as is.
 */

/** Where an upload is: sending the file, the server reading it, then checking (and, on commit, writing) rows. */
export type ImportProgress =
  | { stage: 'upload'; loaded: number; total: number }
  | { stage: 'read' }
  | { stage: 'validate' | 'write'; done: number; total: number };

/** Complete lines of a text that keeps growing (XHR `responseText`); a partial last line waits for more. */
export class LineReader {
  private offset = 0;

  /** The lines completed since the last call; with `final`, the unterminated rest too. */
  read(text: string, final = false): string[] {
    const lines: string[] = [];
    for (;;) {
      const end = text.indexOf('\n', this.offset);
      if (end < 0) break;
      lines.push(text.slice(this.offset, end));
      this.offset = end + 1;
    }
    if (final && this.offset < text.length) {
      lines.push(text.slice(this.offset));
      this.offset = text.length;
    }
    return lines.filter((line) => line.trim() !== '');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server's error body `{code, message, details, requestId}` (a status line or a streamed error line). */
export function apiErrorOf(status: number, body: unknown, requestId: string | null): ApiError {
  if (isRecord(body) && typeof body['code'] === 'string') {
    return new ApiError({
      status,
      code: body['code'],
      message: typeof body['message'] === 'string' ? body['message'] : '',
      details: isRecord(body['details']) ? body['details'] : undefined,
      requestId: typeof body['requestId'] === 'string' ? body['requestId'] : requestId,
    });
  }
  return new ApiError({ status, code: CLIENT_ERROR_CODES.badResponse, message: '', requestId });
}

export type StreamLine =
  | { kind: 'progress'; progress: ImportProgress }
  | { kind: 'result'; result: ImportResult }
  | { kind: 'error'; error: ApiError };

/** One line of the stream; null for a line that is not ours (it is skipped). */
export function parseStreamLine(line: string, requestId: string | null): StreamLine | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  if (value['type'] === 'progress') {
    const phase = value['phase'] === 'write' ? 'write' : 'validate';
    const done = Number(value['done']);
    const total = Number(value['total']);
    if (!Number.isFinite(done) || !Number.isFinite(total)) return null;
    return { kind: 'progress', progress: { stage: phase, done, total } };
  }
  if (value['type'] === 'result') {
    const { type: _type, ...result } = value;
    return { kind: 'result', result: result as ImportResult };
  }
  if (value['type'] === 'error') {
    // A failure after the answer had started (status 200): reported as the request's error.
    return { kind: 'error', error: apiErrorOf(400, value, requestId) };
  }
  return null;
}

/** 0–100 for a progress bar; null when the stage has no measure (the server is reading the file). */
export function progressPercent(progress: ImportProgress): number | null {
  if (progress.stage === 'read') return null;
  const [done, total] =
    progress.stage === 'upload' ? [progress.loaded, progress.total] : [progress.done, progress.total];
  if (total <= 0) return progress.stage === 'upload' ? 0 : 100;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** How many distinct spreadsheet rows have a problem (a column problem counts its header row once). */
export function badRowCount(errors: readonly ImportError[]): number {
  return new Set(errors.map((error) => error.row)).size;
}

/** A result that may be written: checked without a problem, and something to write. */
export function canCommit(result: ImportResult): boolean {
  return result.errors.length === 0 && result.toCreate + result.toUpdate > 0;
}
