/** One beacon sent: its unique path, what came back and how long it took. */
export interface Sent {
  path: string;
  /** HTTP status, or 0 when no answer came (connection refused or reset, timed out). */
  status: number;
  /** When it was sent, on the `performance.now()` clock. */
  at: number;
  ms: number;
}

export interface BeaconLoad {
  collectUrl: string;
  articleIds: string[];
  /** A path prefix unique to the run: each beacon's page is `${prefix}/${n}`, its marker. */
  prefix: string;
  /** Concurrent senders, each posting one view beacon after the other. */
  senders: number;
  /** Senders stop once this returns true (checked before each beacon). */
  done(): boolean;
  /** Called before each beacon, e.g. to kill the collector at the n-th one. */
  onSend?(n: number): void;
}

/** A reader's browser, so no beacon is dropped as a bot. */
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0';

/** Single-event view beacons from concurrent senders until `done()`; returns every one sent, with its outcome. */
export async function sendBeacons(load: BeaconLoad): Promise<Sent[]> {
  const sent: Sent[] = [];
  let next = 0;
  const sender = async () => {
    while (!load.done()) {
      const n = next++;
      load.onSend?.(n);
      const path = `${load.prefix}/${n}`;
      const at = performance.now();
      let status = 0;
      try {
        const response = await fetch(load.collectUrl, {
          method: 'POST',
          headers: { 'content-type': 'text/plain', 'user-agent': USER_AGENT },
          body: JSON.stringify({
            type: 'view',
            articleId: load.articleIds[n % load.articleIds.length],
            url: `https://byline.example${path}`,
          }),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // No answer: the event may or may not have been spooled.
      }
      sent.push({ path, status, at, ms: performance.now() - at });
    }
  };
  await Promise.all(Array.from({ length: load.senders }, sender));
  return sent;
}

/** The paths the collector acknowledged (202: fsynced in its spool). */
export function acknowledged(sent: Sent[]): Set<string> {
  return new Set(sent.filter((beacon) => beacon.status === 202).map((beacon) => beacon.path));
}
