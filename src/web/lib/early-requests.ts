/**
 * The first screen's data requested while the app's code is still starting (issue 10: "the data a page needs
 * requested in parallel rather than in a chain"). A full page load records the GET requests its first screen
 * makes; the next full load of the same address — or of the same kind of address, `/zones/{code}` for any
 * code — sends them at once from the entry, before React renders, and the API client takes those answers
 * instead of asking again.
 *
 * Only GETs, matched by exact URL and language, each answer used once and only during the first screen
 * (`FIRST_SCREEN_MS`); the first request that changes something (a sign-in, a sign-out, any write) forgets
 * every answer not yet used, since it was fetched before that change. The answers are the current session's
 * own (sent with its cookie, as the page's own requests would be), so nothing crosses users; a request the
 * page no longer makes is simply not used.
 */

const STORAGE_KEY = 'izis.firstScreenRequests.v1';
export const FIRST_SCREEN_MS = 2500;
const MAX_ADDRESSES = 40;
const MAX_REQUESTS = 12;
const PARAM = '{param}';

type Store = Record<string, string[]>;
export type EarlyRequestsEnv = {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
};

type Early = { response: Promise<Response>; startedAt: number; locale: string };
type Recording = { address: string; key: string; param: string | null; urls: string[]; until: number };

/**
 * The address a recording is kept under: a path of two or more segments is taken as a record's page, its
 * last segment the record's identifier — `/zones/CCN-X` is kept as `/zones/{param}`, the identifier
 * replaced in each recorded URL too.
 */
export function addressKey(pathname: string, search: string): { key: string; param: string | null } {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length < 2) return { key: pathname + search, param: null };
  const param = segments[segments.length - 1]!;
  return { key: `/${[...segments.slice(0, -1), PARAM].join('/')}${search}`, param };
}

function encodedForms(param: string): string[] {
  let decoded = param;
  try {
    decoded = decodeURIComponent(param);
  } catch {
    // A malformed escape: match the segment as written only.
  }
  return [...new Set([param, encodeURIComponent(decoded)])].filter((form) => form.length >= 2);
}

export function createEarlyRequests(env: EarlyRequestsEnv) {
  const pending = new Map<string, Early>();
  let recording: Recording | null = null;

  const read = (): Store => {
    try {
      const parsed: unknown = JSON.parse(env.storage?.getItem(STORAGE_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Store) : {};
    } catch {
      return {};
    }
  };

  /** Keeps what the first screen asked for, the most recent addresses last, the oldest dropped. */
  function save(): void {
    const done = recording;
    recording = null;
    if (!done || !env.storage) return;
    const store = read();
    delete store[done.key];
    if (done.urls.length) store[done.key] = done.urls;
    const keys = Object.keys(store);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ADDRESSES))) delete store[key];
    try {
      env.storage.setItem(STORAGE_KEY, JSON.stringify(store));
    } catch {
      // Storage full or refused (private mode): the next load simply asks in the usual order.
    }
  }

  return {
    /** At a full page load: sends what this address's first screen asked for last time; starts recording. */
    start(location: { pathname: string; search: string }, locale: string): void {
      const { key, param } = addressKey(location.pathname, location.search);
      const now = env.now();
      recording = {
        address: location.pathname + location.search,
        key,
        param,
        urls: [],
        until: now + FIRST_SCREEN_MS,
      };
      for (const template of read()[key] ?? []) {
        const url =
          param === null ? template : template.split(PARAM).join(encodeURIComponent(decodeSafe(param)));
        const response = env.fetch(url, {
          headers: { Accept: 'application/json', 'Accept-Language': locale },
          credentials: 'same-origin',
        });
        // Marked handled: an unused request that failed is not an error anyone needs to see.
        response.catch(() => undefined);
        pending.set(url, { response, startedAt: now, locale });
      }
    },

    /**
     * For the API client, before a GET: the early answer to exactly this URL in this language, if one was
     * sent and is fresh (taken once); also records the request while the first screen is being shown.
     */
    take(url: string, locale: string, currentAddress: string): Promise<Response> | null {
      const now = env.now();
      if (recording && (now > recording.until || currentAddress !== recording.address)) save();
      if (recording && recording.urls.length < MAX_REQUESTS) {
        let template = url;
        if (recording.param !== null) {
          for (const form of encodedForms(recording.param)) template = replaceSegment(template, form);
        }
        if (!recording.urls.includes(template)) recording.urls.push(template);
      }
      const early = pending.get(url);
      if (!early) return null;
      pending.delete(url);
      if (early.locale !== locale || now - early.startedAt > FIRST_SCREEN_MS) return null;
      return early.response;
    },

    /** Before a request that changes something: answers fetched before it are not used after it. */
    forget(): void {
      pending.clear();
    },

    /** Ends the first screen's recording (called once it is over) and stores it. */
    finish: save,
  };
}

/** Replaces `value` where it stands as a whole path segment or query value of `url`. */
function replaceSegment(url: string, value: string): string {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return url.replace(new RegExp(`(?<=[/=])${escaped}(?=[/?&#]|$)`, 'g'), PARAM);
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const browser = typeof window !== 'undefined';

/** The app's one instance, on the browser's storage and fetch. */
export const earlyRequests = createEarlyRequests({
  storage: browser ? safeLocalStorage() : null,
  fetch: (url, init) => fetch(url, init),
  now: () => (typeof performance !== 'undefined' ? performance.now() : Date.now()),
});

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
