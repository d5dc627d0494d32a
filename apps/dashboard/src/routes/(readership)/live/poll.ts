import { retryDelayMs } from './retry-delay';

export type PollState = 'live' | 'paused' | 'retrying';

export interface PollOptions<T> {
  /** Read at every request, so a filter change takes effect on the next one. */
  url: () => string;
  everyMs: number;
  /** Gets the URL the data was asked with, to drop answers to a question no longer asked. */
  onData: (data: T, url: string) => void;
  onState: (state: PollState) => void;
}

/**
 * Fetches `url` every `everyMs` (start to start) while the page is visible;
 * a hidden tab stops asking and catches up at once when shown again. After a
 * failure (a 503 when the gateway is overloaded) it waits as the answer's
 * Retry-After says, or backs off, and resumes. Returns the stop function.
 */
export function poll<T>(options: PollOptions<T>): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let stopped = false;
  let failures = 0;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped && !document.hidden) timer = setTimeout(tick, delay);
  };

  async function tick() {
    if (stopped || document.hidden) return;
    const started = performance.now();
    inFlight = new AbortController();
    const url = options.url();
    let retryAfter: string | null = null;
    try {
      const response = await fetch(url, { signal: inFlight.signal, headers: { accept: 'application/json' } });
      retryAfter = response.headers.get('retry-after');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = (await response.json()) as T;
      if (stopped) return;
      options.onData(data, url);
      options.onState('live');
      failures = 0;
    } catch {
      if (stopped || document.hidden) return;
      options.onState('retrying');
      failures += 1;
      schedule(retryDelayMs(retryAfter, failures, options.everyMs));
      return;
    }
    schedule(Math.max(0, options.everyMs - (performance.now() - started)));
  }

  const onVisibility = () => {
    if (document.hidden) {
      clearTimeout(timer);
      inFlight?.abort();
      options.onState('paused');
    } else {
      schedule(0);
    }
  };

  document.addEventListener('visibilitychange', onVisibility);
  schedule(options.everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
    inFlight?.abort();
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
