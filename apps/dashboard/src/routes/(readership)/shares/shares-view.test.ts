import { describe, expect, it } from 'vitest';
import { createFormat } from '$lib/format/format';
import { timelineView } from './shares-view';

const format = createFormat('en-GB', 'Asia/Baku');
const days = ['2026-11-23T20:00:00.000Z', '2026-11-24T20:00:00.000Z'].map((at) => new Date(at));

describe('the shares page', () => {
  it('stacks shares by network with a total per bucket, other networks in grey', () => {
    const { table, spec } = timelineView(
      {
        keys: ['telegram', 'other'],
        series: [
          [5, 1],
          [2, 0],
        ],
      },
      days,
      'DAY',
      format,
    );
    expect(table.columns.map((column) => column.label)).toEqual(['Bucket', 'Telegram', 'Other networks', 'Total']);
    expect(table.rows.map((row) => row.cells.slice(1))).toEqual([
      [5, 2, 7],
      [1, 0, 1],
    ]);
    expect(spec.stacked).toBe(true);
    expect(spec.series.map((series) => series.tone)).toEqual([0, 'muted']);
  });
});
