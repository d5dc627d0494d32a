const MAX_BACKOFF_MS = 30_000;

/**
 * How long the poller waits after its `failures`-th failure in a row: the
 * server's Retry-After (seconds) when it sent one, else the poll interval
 * doubled per failure, at most 30 s.
 */
export function retryDelayMs(retryAfter: string | null, failures: number, everyMs: number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_BACKOFF_MS);
  return Math.min(everyMs * 2 ** failures, MAX_BACKOFF_MS);
}
