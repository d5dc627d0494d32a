import { describe, expect, it } from 'vitest';
import { createFormat } from '$lib/format/format';
import { pointsOf, timelineView } from './timeline-view';

const format = createFormat('en-GB', 'Asia/Baku');
const days = ['2026-11-23T20:00:00.000Z', '2026-11-24T20:00:00.000Z'].map((at) => new Date(at));

describe('views over time', () => {
  it('draws the previous period dashed, and tabulates it beside the current one', () => {
    const { table, spec } = timelineView('views', pointsOf(days, [3, 4], [1, 2]), 'DAY', format);
    expect(table.columns.map((column) => column.label)).toEqual(['Bucket', 'Views', 'Views, previous period']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['2026-11-23T20:00:00.000Z', 3, 1],
      ['2026-11-24T20:00:00.000Z', 4, 2],
    ]);
    expect(spec.labels).toEqual(['Tue 24 Nov', 'Wed 25 Nov']);
    expect(spec.series.map((series) => series.dashed ?? false)).toEqual([false, true]);
    expect(timelineView('views', pointsOf(days, [3, 4]), 'DAY', format).table.columns).toHaveLength(2);
  });
});
