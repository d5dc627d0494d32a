import type { CDPSession } from 'playwright-core';

/** What one page load moved over the network, from Chromium's own accounting (DevTools protocol). */
export interface Transfer {
  /** Script responses: bytes on the wire (compressed, headers included) and decoded bodies. */
  scriptBytes: number;
  scriptDecodedBytes: number;
  scripts: number;
  /** Every response: bytes on the wire, and how many came over the network rather than from the cache. */
  totalBytes: number;
  requests: number;
}

interface Entry {
  type?: string;
  cached?: boolean;
  decoded: number;
  wire?: number;
}

/** Counts responses from `reset()` on; a response answered from the cache moves no bytes. */
export async function trackNetwork(cdp: CDPSession) {
  let entries = new Map<string, Entry>();
  const entry = (id: string) => {
    const found = entries.get(id) ?? { decoded: 0 };
    entries.set(id, found);
    return found;
  };
  cdp.on('Network.responseReceived', (event) => {
    const found = entry(event.requestId);
    found.type = event.type;
    if (event.response.fromDiskCache) found.cached = true;
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    entry(event.requestId).cached = true;
  });
  cdp.on('Network.dataReceived', (event) => {
    entry(event.requestId).decoded += event.dataLength;
  });
  cdp.on('Network.loadingFinished', (event) => {
    entry(event.requestId).wire = event.encodedDataLength;
  });
  await cdp.send('Network.enable');
  return {
    reset: () => {
      entries = new Map();
    },
    transfer: (): Transfer => {
      const finished = [...entries.values()].filter((e) => e.wire !== undefined && !e.cached);
      const scripts = finished.filter((e) => e.type === 'Script');
      const sum = (list: Entry[], of: (e: Entry) => number) => list.reduce((total, e) => total + of(e), 0);
      return {
        scriptBytes: sum(scripts, (e) => e.wire ?? 0),
        scriptDecodedBytes: sum(scripts, (e) => e.decoded),
        scripts: scripts.length,
        totalBytes: sum(finished, (e) => e.wire ?? 0),
        requests: finished.length,
      };
    },
  };
}
