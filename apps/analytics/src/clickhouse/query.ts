import type { ClickHouseClient } from '@clickhouse/client';

/** Runs one parameterised SELECT and returns its rows; every value is bound as `{name:Type}`. */
export async function selectRows<T>(
  client: ClickHouseClient,
  query: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

/**
 * SQL for a bound list of 64-bit ids. They travel as strings (JSON numbers
 * lose precision past 2^53) and become UInt64 inside ClickHouse.
 */
export function idList(param: string): string {
  return `arrayMap(x -> toUInt64(x), {${param}:Array(String)})`;
}
