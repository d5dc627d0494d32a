import type { ClickHouseClient } from '@clickhouse/client';
import DataLoader from 'dataloader';
import type { Ingest } from './ingest/ingest.js';

/** What every resolver receives; built fresh for each request. */
export interface Context {
  clickhouse: ClickHouseClient;
  /** One clock reading per request, so every field sees the same "now". */
  now: Date;
  timeZone: string;
  ingest: Ingest;
  /** Request-scoped batchers, one per (query kind, arguments). */
  loaders: Map<string, DataLoader<string, unknown>>;
  /** The caller's IP and user agent, for `recordView`/`recordShare` from server-side clients. */
  client: { ip: string; userAgent: string };
}

/**
 * Batches the lookups of one kind and arguments made while resolving a
 * request into one call: 50 articles' `views` become one ClickHouse query.
 */
export function batched<V>(
  ctx: Context,
  key: string,
  load: (ids: readonly string[]) => Promise<Map<string, V>>,
  empty: V,
) {
  let loader = ctx.loaders.get(key) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? empty);
    });
    ctx.loaders.set(key, loader as DataLoader<string, unknown>);
  }
  return loader;
}
