import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List state (page, page size, filters) kept in the URL, so that a filtered list can be reloaded, shared and
 * reached with the back button.
 */
type Patch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

function applyPatch(
  previous: URLSearchParams,
  patch: Record<string, string | number | null | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

export function useUrlState<K extends string>(
  keys: readonly K[],
): [Record<K, string>, (patch: Patch<K>) => void, (patch: Patch<K>) => string] {
  const [params, setParams] = useSearchParams();
  const values = {} as Record<K, string>;
  for (const key of keys) values[key] = params.get(key) ?? '';
  const update = useCallback(
    (patch: Patch<K>) => setParams((previous) => applyPatch(previous, patch)),
    [setParams],
  );
  /** The `?search` of the same page with `patch` applied, for real links (keyboard, new tab, copy). */
  const searchWith = useCallback(
    (patch: Patch<K>) => {
      const search = applyPatch(params, patch).toString();
      return search ? `?${search}` : '?';
    },
    [params],
  );
  return [values, update, searchWith];
}

export function positiveInt(text: string, fallback: number): number {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
