import type { Db } from '../../db/client';
import { cacheLookups } from './metrics';

/**
 * Memoised computations, per database, each stored with the fingerprint of the inputs it was computed from:
 * the reports' input fingerprint (`loadInputFingerprint`) or the database's data version (`loadDataVersion`).
 * A request reads the current fingerprint first and uses an entry only if it is equal, so a figure is still
 * computed live: any committed change to what it reads changes the fingerprint, and the next request computes
 * afresh. Data read after the fingerprint can only be newer than it, so an entry is never older than its
 * fingerprint says. Keys name their module first (`dashboard|…`, `accepted|…`).
 *
 * Only the top-level database handle is cached on; inside a transaction the services compute directly.
 */
const MAX_ENTRIES = 128;

type Entry = { fingerprint: string; value: Promise<unknown> };

const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * The value stored under `key` for `fingerprint`, or `compute()`'s (stored for the next request). Concurrent
 * requests for the same key and fingerprint share one computation; a failed computation is not kept.
 */
export function memo<T>(db: Db, key: string, fingerprint: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  const bar = key.indexOf('|');
  const view = bar === -1 ? key : key.slice(0, bar);
  cacheLookups.inc({ view, result: hit && hit.fingerprint === fingerprint ? 'hit' : 'miss' });
  if (hit && hit.fingerprint === fingerprint) {
    // Most recently used last: the oldest entry is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { fingerprint, value };
  cache.delete(key);
  cache.set(key, entry);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return value;
}

/** Forgets everything cached for a database (tests, and a database being closed). */
export function forgetCache(db: Db): void {
  caches.delete(db);
}
