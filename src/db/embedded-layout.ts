import { join } from 'node:path';

/**
 * Where the embedded database lives in an IZIS data directory: its files; the marker a completed first start
 * (or a restore) writes — a directory without it is what an interrupted first start left, never accepted data;
 * and the lock naming the process that has it open.
 */
export function embeddedDatabasePaths(dataDir: string): { dir: string; readyMarker: string; lock: string } {
  return {
    dir: join(dataDir, 'pglite'),
    readyMarker: join(dataDir, 'pglite.ready'),
    lock: join(dataDir, 'pglite.lock'),
  };
}
