import { LRUCache } from 'lru-cache';

export const LOGIN_LIMIT = { failures: 5, windowMs: 60_000 };

/**
 * Failed logins per key (an account's email, a client IP) over a sliding
 * minute. In memory, per process: with several accounts instances behind a
 * balancer an attacker gets that many times the budget, which still bounds
 * guessing; a shared store (Redis, PostgreSQL) would make it exact.
 */
export class LoginLimiter {
  // Bounded, so a flood of made-up emails cannot grow memory without limit.
  private readonly failures = new LRUCache<string, number[]>({ max: 100_000 });

  constructor(private readonly limit = LOGIN_LIMIT) {}

  /**
   * Counts an attempt against every key before the password is checked, so
   * that guesses sent in parallel count too. Refused: the seconds until the
   * busiest key may try again. Allowed: `succeeded` takes the attempt back.
   */
  begin(keys: string[], now: number): { retryAfterSeconds: number } | { succeeded: () => void } {
    const wait = Math.max(0, ...keys.map((key) => this.retryAfterSeconds(key, now)));
    if (wait > 0) return { retryAfterSeconds: wait };
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    return {
      succeeded: () => {
        for (const key of keys) {
          const attempts = this.failures.get(key);
          const index = attempts?.lastIndexOf(now) ?? -1;
          if (attempts && index >= 0) attempts.splice(index, 1);
        }
      },
    };
  }

  private retryAfterSeconds(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit.failures) return 0;
    const oldest = recent[recent.length - this.limit.failures] ?? now;
    return Math.max(1, Math.ceil((oldest + this.limit.windowMs - now) / 1000));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.limit.windowMs);
  }
}
