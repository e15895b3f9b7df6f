/**
 * The bounds of one spreadsheet upload, all configuration (services/system/config.ts): bytes are counted
 * while the body streams in, rows and cells while the sheet streams out of the file (in a worker thread
 * whose heap is capped), so a huge file is refused long before it is parsed whole.
 */
export type ImportLimits = {
  /** Largest upload, in bytes (IZIS_IMPORT_MAX_MB). */
  maxBytes: number;
  /** Most data rows read from one sheet (IZIS_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** Most non-empty cells read from one sheet (IZIS_IMPORT_MAX_CELLS). */
  maxCells: number;
  /** Heap of the worker that reads the file, in MB (IZIS_IMPORT_WORKER_MB). */
  workerHeapMb: number;
};

export const defaultImportLimits: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 100_000,
  maxCells: 3_000_000,
  workerHeapMb: 384,
};

/** "1.000.000" — limits are quoted in the Vietnamese way. */
export const viCount = (n: number) => n.toLocaleString('vi-VN');
export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
