import { AppError } from '../../domain/shared/errors';
import { readSheetRows, type ReadRequest } from './spreadsheet-read';
import type { WorkerAnswer } from './spreadsheet-pool';

/**
 * The task the reading threads run (spreadsheet-pool.ts keeps them): parsing a large sheet here leaves the
 * server's event loop free for everyone else, and the thread's capped heap bounds memory. Answers `{ rows }`,
 * or `{ error: { code, details } }` for a refusal the user should see, or `{ failure }`.
 */
export default async function readRows(request: ReadRequest): Promise<WorkerAnswer> {
  try {
    return { rows: await readSheetRows(request) };
  } catch (error) {
    return error instanceof AppError
      ? { error: { code: error.code, details: error.details } }
      : { failure: error instanceof Error ? error.message : String(error) };
  }
}
