import type { ChartSpec, Tone } from '$lib/charts/spec';
import type { Format } from '$lib/format/format';
import type { Interval } from '$lib/graphql/generated';
import type { Table } from '$lib/tables/table';

export interface TimelinePoint {
  at: string;
  views: number;
  previous?: number;
}

/** Bucket starts and their values as points; `previous[i]` is the previous period's bucket i. */
export function pointsOf(
  starts: readonly Date[],
  views: readonly number[],
  previous?: readonly number[],
): TimelinePoint[] {
  return starts.map((start, i) => ({
    at: start.toISOString(),
    views: views[i] ?? 0,
    ...(previous ? { previous: previous[i] ?? 0 } : {}),
  }));
}

/** Views per bucket as an area line, with the previous period dashed when given. */
export function timelineView(
  name: string,
  points: readonly TimelinePoint[],
  interval: Interval,
  format: Format,
  tone: Tone = 'accent',
  legend = true,
): { table: Table; spec: ChartSpec } {
  const compared = points.some((point) => point.previous !== undefined);
  return {
    table: {
      name,
      columns: [
        { label: 'Bucket', kind: 'bucket', interval },
        { label: 'Views', kind: 'integer' },
        ...(compared ? [{ label: 'Views, previous period', kind: 'integer' as const }] : []),
      ],
      rows: points.map((point) => ({
        cells: [point.at, point.views, ...(compared ? [point.previous ?? 0] : [])],
      })),
    },
    spec: {
      type: 'line',
      area: true,
      legend: legend && compared,
      labels: points.map((point) => format.bucket(point.at, interval)),
      series: [
        { label: 'Views', data: points.map((point) => point.views), tone },
        ...(compared
          ? [{ label: 'Previous period', data: points.map((point) => point.previous ?? 0), tone, dashed: true }]
          : []),
      ],
    },
  };
}
