import { useCallback, useEffect, useState } from 'react';
import type {
  CatalogueFacets,
  PublicZone,
  PublicZoneList,
  ScorecardMethod,
} from '../../domain/catalogue/catalogue.schema';
import type { CatalogueLang } from './i18n/i18n';

/**
 * The public API (`/api/public/…`, no sign-in) read with plain `fetch`. Types come from the domain contracts;
 * the responses are not re-validated here so that zod stays out of the public page's first load.
 */
export class PublicApiError extends Error {
  constructor(readonly status: number) {
    super(`public API answered ${status}`);
  }
}

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 50;

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: signal ?? null });
  if (!response.ok) throw new PublicApiError(response.status);
  const body = (await response.json()) as T;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(url, body);
  return body;
}

export const publicUrls = {
  zones: (query: URLSearchParams, lang: CatalogueLang) => {
    const p = new URLSearchParams(query);
    p.delete('map');
    p.set('lang', lang);
    p.set('pageSize', String(PAGE_SIZE));
    return `/api/public/zones?${p.toString()}`;
  },
  zone: (code: string, lang: CatalogueLang) =>
    `/api/public/zones/${encodeURIComponent(code)}?lang=${encodeURIComponent(lang)}`,
  facets: () => '/api/public/facets',
  geojson: () => '/api/public/zones.geojson',
  method: () => '/api/public/scorecard-method',
};

export const PAGE_SIZE = 20;

export type Resource<T> = {
  data: T | undefined;
  error: PublicApiError | Error | undefined;
  loading: boolean;
  retry: () => void;
};

type State<T> = { url: string | null; data?: T; error?: Error };

/**
 * Loads `url` (null: nothing) and reloads when it changes; an earlier answer for the same address is shown at
 * once (back and forth between pages), and a slower earlier request never overwrites a newer one.
 */
export function useResource<T>(url: string | null): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State<T>>({ url: null });
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then(
      (data) => setState({ url, data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ url, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);
  const retry = useCallback(() => {
    if (url) cache.delete(url);
    setState({ url: null });
    setAttempt((n) => n + 1);
  }, [url]);
  const current = state.url === url ? state : undefined;
  const cached = url && !current ? (cache.get(url) as T | undefined) : undefined;
  const data = current?.data ?? cached;
  return { data, error: current?.error, loading: !!url && data === undefined && !current?.error, retry };
}

export type { CatalogueFacets, PublicZone, PublicZoneList, ScorecardMethod };
