import { Piscina } from 'piscina';
import type { ErrorCode } from '../../domain/shared/errors';
import type { ReadRequest, SheetRow } from './spreadsheet-read';

/**
 * The threads that read uploads (docs/decisions/0028): kept by Piscina, a well-kept worker-thread pool, so
 * that an import does not pay for a new thread — loading TypeScript and exceljs took 1–3 s per file on a quiet
 * machine, and over 10 s on a busy one. At most two files are read at once (the machine's other work goes on);
 * more wait in line. Each thread's heap is capped (IZIS_IMPORT_WORKER_MB): a file that outgrows it ends the
 * thread, not the server, and the pool starts another. A thread idle for a minute ends, so an idle server holds
 * none; an idle thread does not keep a command-line run from exiting.
 */

export type WorkerAnswer =
  | { rows: SheetRow[] }
  | { error: { code: ErrorCode; details: Record<string, unknown> | undefined } }
  | { failure: string };

const entry = new URL('./spreadsheet.worker-entry.mjs', import.meta.url).href;
const MAX_THREADS = 2;
const IDLE_MS = 60_000;

/** One pool per heap cap (the server has one; tests may use another). */
const pools = new Map<number, Piscina<ReadRequest, WorkerAnswer>>();

function poolFor(heapMb: number): Piscina<ReadRequest, WorkerAnswer> {
  let pool = pools.get(heapMb);
  if (!pool) {
    pool = new Piscina<ReadRequest, WorkerAnswer>({
      filename: entry,
      minThreads: 0,
      maxThreads: MAX_THREADS,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    });
    // A thread that dies with no task to blame (e.g. out of memory while starting) is replaced by the pool;
    // the error is already the failed task's answer when there is one.
    pool.on('error', () => undefined);
    pools.set(heapMb, pool);
  }
  return pool;
}

/** Reads the sheet's rows on a pooled thread with the given heap cap. Rejects with the thread's error if it died. */
export function readInPool(request: ReadRequest, heapMb: number): Promise<WorkerAnswer> {
  return poolFor(heapMb).run(request);
}

/** Ends the reading threads (server shutdown, the end of a test file). */
export async function closeSpreadsheetPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.destroy()));
}
