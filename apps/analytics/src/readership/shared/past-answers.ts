/**
 * Answers about UTC days that are over, kept for a short while. Those days
 * change only when late events arrive (a spool replayed after an outage, a
 * backfill), so a dashboard re-reading the past costs nothing and late events
 * show within `ttlMs`; today's hours are always read fresh.
 */
export interface PastAnswers {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function createPastAnswers(ttlMs: number, maxEntries = 500, clock = () => Date.now()): PastAnswers {
  const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = clock();
      const kept = entries.get(key);
      if (kept && kept.expires > now) return kept.value as Promise<T>;
      if (ttlMs <= 0) return load();
      const value = load();
      entries.delete(key);
      entries.set(key, { expires: now + ttlMs, value });
      // A failed read is not kept.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      for (const [oldest] of entries) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return value;
    },
  };
}
