import type { ClickHouse } from '@byline/clickhouse';

type Client = ClickHouse['client'];

export interface RecordedQuery {
  query: string;
  query_params?: Record<string, unknown>;
}

/**
 * Spies on the ClickHouse client the analytics resolvers use, so the exact
 * SQL and parameters one GraphQL operation ran can be replayed straight
 * against ClickHouse.
 */
export function recordQueries(client: Client) {
  let calls: RecordedQuery[] | undefined;
  const query = client.query.bind(client);
  client.query = ((params: RecordedQuery & Record<string, unknown>) => {
    calls?.push({ query: params.query, query_params: params.query_params });
    return query(params as never);
  }) as Client['query'];
  return {
    async during(run: () => Promise<unknown>): Promise<RecordedQuery[]> {
      calls = [];
      try {
        await run();
        return calls;
      } finally {
        calls = undefined;
      }
    },
  };
}

/** Runs the queries as the resolvers do, all at once, reading every row of every result. */
export async function replay(client: Client, queries: readonly RecordedQuery[]): Promise<void> {
  await Promise.all(queries.map(async (call) => (await client.query({ ...call, format: 'JSONEachRow' })).json()));
}
