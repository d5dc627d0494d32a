import type { Table } from './metrics.js';
import { COLUMNS } from './spool-lines.js';

/**
 * The spool's lines, one JSON array of values each, are JSONCompactEachRow. Spelt as
 * CustomSeparated with JSON fields, because @clickhouse/client passes only such raw
 * formats through as they are: the writer sends a segment's bytes without parsing
 * and serialising every row again.
 */
export const ROW_FORMAT = 'CustomSeparated';

/**
 * What follows `INSERT INTO` for one table's rows of a segment: the table, its
 * columns in spool order and the settings as the statement's own SETTINGS clause.
 * Not as `clickhouse_settings`: chDB's adapter runs those as SET statements ahead of
 * the INSERT, and in a query of several statements chDB reads the whole inline body
 * as SQL, which more than doubles the insert's CPU. `token` deduplicates a repeat.
 * `optimize_on_insert = 0`: the rollups' materialised views already group each block,
 * so merging it again on insert found nothing to merge and cost ClickHouse a tenth of
 * its CPU a row (6.9 → 6.1 µs, bench/ingestion ceiling, alternated in one run).
 */
export function insertTarget(table: Table, token: string): string {
  const settings: Record<string, string | number> = {
    format_custom_escaping_rule: 'JSON',
    format_custom_field_delimiter: ',',
    format_custom_row_before_delimiter: '[',
    format_custom_row_after_delimiter: ']\n',
    insert_deduplication_token: token,
    deduplicate_blocks_in_dependent_materialized_views: 1,
    async_insert: 0,
    optimize_on_insert: 0,
  };
  const clause = Object.entries(settings).map(([name, value]) => `${name} = ${literal(value)}`);
  return `${table} (${COLUMNS[table].join(', ')}) SETTINGS ${clause.join(', ')}`;
}

function literal(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}
