import { describe, expect, it } from 'vitest';
import { fillSeries, seriesByKey } from './series';
import { median, rankAmong, ratio } from './stats';

const starts = ['2026-11-25T10:00:00.000Z', '2026-11-25T11:00:00.000Z', '2026-11-25T12:00:00.000Z'].map(
  (at) => new Date(at),
);

describe('time series', () => {
  it('fills the buckets readership leaves out with zeros', () => {
    expect(fillSeries(starts, [{ bucket: '2026-11-25T11:00:00.000Z', views: 7 }])).toEqual([0, 7, 0]);
  });

  it('splits grouped rows into one series per key', () => {
    const rows = [
      { key: 'a', bucket: '2026-11-25T10:00:00.000Z', views: 1 },
      { key: 'b', bucket: '2026-11-25T12:00:00.000Z', views: 2 },
      { key: 'a', bucket: '2026-11-25T12:00:00.000Z', views: 3 },
      { key: undefined, bucket: '2026-11-25T12:00:00.000Z', views: 9 },
    ];
    expect(seriesByKey(starts, rows, (row) => row.key)).toEqual(
      new Map([
        ['a', [1, 0, 3]],
        ['b', [0, 0, 2]],
      ]),
    );
  });
});

describe('statistics', () => {
  it('finds the median and where a value ranks', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(rankAmong(10, [1, 5, 10, 20])).toBe(0.5);
    expect(rankAmong(1, [])).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, 2000, 1000)).toBe(1.5);
  });
});
