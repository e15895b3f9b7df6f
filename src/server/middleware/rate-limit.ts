import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/shared/errors';
import { clientAddress } from '../client-address';
import type { AppEnv } from '../context';

/**
 * A per-client-address fixed-window rate limit for the public routes (the catalogue, open data, investor
 * inquiries). In memory: each route group counts requests per address in windows of `windowMs`; a client over
 * `limit` in a window gets 429 `rate_limited` with `Retry-After` (seconds to the window's end) in the standard
 * error body. The map of addresses is bounded (`maxClients`): when full, the expired windows are dropped first,
 * then the oldest windows — so a flood of forged addresses cannot grow memory, at worst it resets old counts.
 * A request whose address is unknown (no socket, as in tests through `app.request`) shares one bucket.
 */
export type RateLimitOptions = {
  /** Requests allowed per client address and window. */
  limit: number;
  /** Length of a window, ms. */
  windowMs: number;
  /** Most addresses remembered at once (default 10 000). */
  maxClients?: number;
  /** Reverse proxies whose X-Forwarded-For names the client (as the sign-in throttle). */
  trustedProxies?: readonly string[];
  /** The clock (tests). */
  now?: () => number;
};

type Window = { start: number; count: number };

export type RateLimiter = {
  /** Counts one request of `address`; the seconds to wait when it is over the limit, else 0. */
  take(address: string): number;
  /** Addresses currently remembered. */
  size(): number;
};

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const maxClients = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  const evict = (at: number) => {
    for (const [key, w] of windows) if (at - w.start >= options.windowMs) windows.delete(key);
    // Still full: Map keeps insertion order, and a window is re-inserted when it restarts, so the first
    // entries are the oldest windows.
    while (windows.size >= maxClients) windows.delete(windows.keys().next().value!);
  };

  return {
    take(address) {
      const at = now();
      let w = windows.get(address);
      if (!w || at - w.start >= options.windowMs) {
        if (w) windows.delete(address);
        else if (windows.size >= maxClients) evict(at);
        w = { start: at, count: 0 };
        windows.set(address, w);
      }
      w.count += 1;
      if (w.count <= options.limit) return 0;
      return Math.max(1, Math.ceil((w.start + options.windowMs - at) / 1000));
    },
    size: () => windows.size,
  };
}

/** The middleware of one route group: `app.use('/api/public/*', rateLimit({ limit: 600, windowMs: 60_000 }))`. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const limiter = createRateLimiter(options);
  return async (c, next) => {
    const address = clientAddress(c, options.trustedProxies) ?? 'unknown';
    const retryAfterSeconds = limiter.take(address);
    if (retryAfterSeconds > 0) {
      c.header('Retry-After', String(retryAfterSeconds));
      throw new AppError('rate_limited', { retryAfterSeconds });
    }
    await next();
  };
}
