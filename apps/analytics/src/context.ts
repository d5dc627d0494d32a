import type { Identity } from '@byline/auth';
import { type Batchers, batcher } from '@byline/graphql';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Ingest, Reader } from './ingest/ingest.js';
import type { PastAnswers } from './readership/shared/past-answers.js';

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
