import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/shared/errors';
import { readSheetRows, type ReadRequest } from './spreadsheet-read';

/**
 * The worker thread that reads an upload (spreadsheet.ts starts one per import): parsing a large sheet
 * here leaves the server's event loop free for everyone else, and the worker's capped heap bounds memory.
 * Answers `{ rows }`, or `{ error: { code, details } }` for a refusal the user should see.
 */
const request = workerData as ReadRequest;
readSheetRows(request).then(
  (rows) => parentPort!.postMessage({ rows }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof AppError
        ? { error: { code: error.code, details: error.details } }
        : { failure: error instanceof Error ? error.message : String(error) },
    ),
);
