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
 * lose precision past 2^53) and become UInt64 inside ClickHouse. A CAST, not
 * arrayMap: `IN arrayMap(…)` turns into has() and cannot use the primary key.
 */
export function idList(param: string): string {
  return `CAST({${param}:Array(String)}, 'Array(UInt64)')`;
}

/** SQL keeping rows whose `column` lies in the bound window [{from}, {to}) (epoch milliseconds, see `windowParams`). */
export function inWindow(column: string): string {
  return `${column} >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ${column} < fromUnixTimestamp64Milli({to:Int64}, 'UTC')`;
}

export function windowParams(window: { from: Date; to: Date }): { from: number; to: number } {
  return { from: window.from.getTime(), to: window.to.getTime() };
}
