import type { Format } from '$lib/format/format';
import type { Interval } from '$lib/graphql/generated';

/** How a column's values are shown; the CSV always holds the raw values. */
export type Kind = 'text' | 'integer' | 'decimal' | 'share' | 'change' | 'duration' | 'bucket' | 'date' | 'country';

export interface Column {
  label: string;
  kind: Kind;
  /** The bucket size, for `bucket` columns. */
  interval?: Interval;
}

export type Value = string | number | null;

export interface Row {
  cells: Value[];
  /** Where the first cell links to. */
  href?: string;
}

/** The data behind a chart, or a table in its own right. */
export interface Table {
  /** File name stem of its CSV export. */
  name: string;
  columns: Column[];
  rows: Row[];
}

const NUMERIC: ReadonlySet<Kind> = new Set(['integer', 'decimal', 'share', 'change', 'duration']);

export const isNumeric = (kind: Kind) => NUMERIC.has(kind);

/** A cell as the reader sees it. */
export function display(value: Value, column: Column, format: Format): string {
  if (value === null) return '—';
  if (typeof value === 'string') {
    if (column.kind === 'country') return format.country(value);
    if (column.kind === 'bucket') return format.bucket(value, column.interval ?? 'DAY');
    if (column.kind === 'date') return format.date(value);
    return value === '' ? '(none)' : value;
  }
  switch (column.kind) {
    case 'integer':
      return format.integer(value);
    case 'decimal':
      return format.decimal(value);
    case 'share':
      return format.share(value);
    case 'change':
      return format.change(value);
    case 'duration':
      return format.duration(value);
    default:
      return String(value);
  }
}

/** Rows ordered by one column; empty values last whichever the direction. */
export function sortRows(rows: readonly Row[], column: number, direction: 'ascending' | 'descending'): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [a.cells[column] ?? null, b.cells[column] ?? null];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y)) * sign;
  });
}
