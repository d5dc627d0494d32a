import type { ChartSpec, Tone } from '$lib/charts/spec';
import type { Table } from '$lib/tables/table';

export interface BreakdownRow {
  label: string;
  views: number;
  readers: number;
  href?: string;
}

/** Views and readers by one dimension (channel, author, device…) as a sideways bar chart and its table. */
export function breakdownView(
  name: string,
  dimension: string,
  rows: readonly BreakdownRow[],
  tone: Tone,
  chartRows = 12,
): { table: Table; spec: ChartSpec } {
  const charted = rows.slice(0, chartRows);
  return {
    table: {
      name,
      columns: [
        { label: dimension, kind: 'text' },
        { label: 'Views', kind: 'integer' },
        { label: 'Unique readers', kind: 'integer' },
      ],
      rows: rows.map((row) => ({ href: row.href, cells: [row.label, row.views, row.readers] })),
    },
    spec: {
      type: 'bar',
      horizontal: true,
      labels: charted.map((row) => row.label),
      series: [{ label: 'Views', data: charted.map((row) => row.views), tone }],
    },
  };
}
