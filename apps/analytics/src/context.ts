import type { Identity } from '@byline/auth';
import { type Batchers, batcher } from '@byline/graphql';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Ingest, Reader } from './ingest/ingest.js';
import type { PastAnswers } from './readership/past-answers.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  clickhouse: ClickHouseClient;
  /** One clock reading per request, so every field sees the same "now". */
  now: Date;
  timeZone: string;
  ingest: Ingest;
  /** Answers about days that are over, shared by every request (see `PastAnswers`). */
  past: PastAnswers;
  /** Request-scoped batchers, one per (query kind, arguments). */
  batchers: Batchers;
  /** The caller's IP and user agent, for `recordView`/`recordShare` from server-side clients. */
  client: Reader;
  /** Who is asking, as signed by the gateway. */
  identity: Identity;
}

export type Load<V> = (ids: readonly string[]) => Promise<Map<string, V>>;

/** The request's batcher for one kind of lookup with given arguments (see `batcher`). */
export function batched<V>(ctx: Context, key: string, load: Load<V>, empty: V) {
  return batcher(ctx.batchers, key, load, empty);
}

/**
 * `load` shared by concurrent requests: ids asked for while a load runs wait
 * for it to end and go together in the next one, so ten requests cost one or
 * two queries instead of ten (embedded chDB runs parameterised queries one at
 * a time). A caller never gets a load that started before it asked.
 */
export function coalesced<V>(load: Load<V>): Load<V> {
  let running = false;
  let next: { ids: Set<string>; start(): void; result: Promise<Map<string, V>> } | undefined;

  const run = (ids: readonly string[]): Promise<Map<string, V>> => {
    running = true;
    const result = new Promise<Map<string, V>>((resolve) => resolve(load(ids)));
    const done = () => {
      running = false;
      const waiting = next;
      next = undefined;
      waiting?.start();
    };
    result.then(done, done);
    return result;
  };

  return (ids) => {
    if (!running) return run(ids);
    if (!next) {
      const waiting = new Set<string>();
      let start = () => {};
      const result = new Promise<Map<string, V>>((resolve, reject) => {
        start = () => run([...waiting]).then(resolve, reject);
      });
      next = { ids: waiting, start, result };
    }
    for (const id of ids) next.ids.add(id);
    return next.result;
  };
}
