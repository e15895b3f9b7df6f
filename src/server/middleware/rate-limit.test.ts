import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('lets an address make `limit` requests in a window, then tells it how long to wait', () => {
    let t = 1_000_000;
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => t });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    t += 15_000;
    expect(limiter.take('a')).toBe(45);
    expect(limiter.take('b')).toBe(0);
  });

  it('starts a new window once the old one is over', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000, now: () => t });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    t = 1_000;
    expect(limiter.take('a')).toBe(0);
  });

  it('remembers at most maxClients addresses, dropping the oldest windows', () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, maxClients: 100, now: () => t });
    for (let i = 0; i < 1_000; i++) {
      t += 1;
      limiter.take(`10.0.${Math.floor(i / 256)}.${i % 256}`);
    }
    expect(limiter.size()).toBeLessThanOrEqual(100);
    // The newest address is still counted: a second request in its window is refused.
    expect(limiter.take('10.0.3.231')).toBeGreaterThan(0);
  });
});
