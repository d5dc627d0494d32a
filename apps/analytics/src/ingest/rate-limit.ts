import { LRUCache } from 'lru-cache';

interface Window {
  start: number;
  count: number;
}

/**
 * A fixed-window limit per key (a client IP, a site): at most `limit` units a
 * minute. Keys live in a bounded LRU, so a flood of addresses cannot grow memory.
 */
export function createRateLimit(limit: number, windowMs = 60_000) {
  const windows = new LRUCache<string, Window>({ max: 100_000 });

  function current(key: string, now: number): Window {
    const window = windows.get(key);
    if (window && now - window.start < windowMs) return window;
    const fresh = { start: now, count: 0 };
    windows.set(key, fresh);
    return fresh;
  }

  const secondsLeft = (window: Window, now: number) => Math.ceil((window.start + windowMs - now) / 1000);

  /**
   * Counts `units` against each key when all of them fit, and answers 0; otherwise
   * counts nothing and answers the seconds until the fullest window ends.
   */
  function take(units: ReadonlyMap<string, number>, now = Date.now()): number {
    let wait = 0;
    for (const [key, count] of units) {
      const window = current(key, now);
      if (window.count + count > limit) wait = Math.max(wait, secondsLeft(window, now));
    }
    if (wait > 0) return wait;
    for (const [key, count] of units) current(key, now).count += count;
    return 0;
  }

  return {
    take,
    /** Seconds to wait when `key` is over the limit, or 0 when one more call is allowed (and counted). */
    retryAfter(key: string, now = Date.now()): number {
      const window = current(key, now);
      if (window.count + 1 > limit) return secondsLeft(window, now);
      window.count += 1;
      return 0;
    },
  };
}
