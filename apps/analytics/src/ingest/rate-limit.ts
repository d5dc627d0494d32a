import { LRUCache } from 'lru-cache';

/**
 * A fixed-window limit per key (client IP): at most `limit` calls a minute.
 * Keys live in a bounded LRU, so a flood of addresses cannot grow memory.
 */
export function createRateLimit(limit: number, windowMs = 60_000) {
  const windows = new LRUCache<string, { start: number; count: number }>({ max: 100_000 });
  return {
    /** Seconds to wait when over the limit, or 0 when the call is allowed. */
    retryAfter(key: string, now = Date.now()): number {
      const window = windows.get(key);
      if (!window || now - window.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return 0;
      }
      window.count += 1;
      return window.count > limit ? Math.ceil((window.start + windowMs - now) / 1000) : 0;
    },
  };
}
