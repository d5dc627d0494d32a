import { describe, expect, it } from 'vitest';
import { trendOf } from '../../routes/(readership)/live/trend';
import { totalAmplification } from '../../routes/(readership)/shares/amplification';
import { toStacks } from '../../routes/(readership)/shares/stacks';
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

describe('trend of the last five minutes', () => {
  it('compares the last five minutes with the five before', () => {
    expect(trendOf([9, 9, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2])).toEqual({
      recent: 10,
      before: 5,
      change: 100,
      direction: 'rising',
    });
    expect(trendOf([2, 2, 2, 2, 2, 1, 1, 1, 1, 1]).direction).toBe('falling');
    expect(trendOf([10, 10, 10, 10, 10, 10, 10, 10, 10, 10.5]).direction).toBe('steady');
  });

  it('calls an article read only lately rising, and one never read steady', () => {
    expect(trendOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 3])).toMatchObject({ change: null, direction: 'rising' });
    expect(trendOf([0, 0, 0])).toMatchObject({ change: null, direction: 'steady' });
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

describe('shares', () => {
  it('sums amplification over articles, most shared network first', () => {
    expect(
      totalAmplification([
        [
          { network: 'facebook', shares: 2, viewsBack: 10 },
          { network: 'x', shares: 1, viewsBack: 0 },
        ],
        [
          { network: 'facebook', shares: 1, viewsBack: 2 },
          { network: 'telegram', shares: 0, viewsBack: 4 },
        ],
      ]),
    ).toEqual([
      { network: 'facebook', shares: 3, viewsBack: 12, viewsPerShare: 4 },
      { network: 'x', shares: 1, viewsBack: 0, viewsPerShare: 0 },
      { network: 'telegram', shares: 0, viewsBack: 4, viewsPerShare: null },
    ]);
  });

  it('stacks per-bucket counts, folding the smallest networks into other', () => {
    const buckets = [
      [
        { key: 'facebook', shares: 5 },
        { key: 'x', shares: 1 },
        { key: 'vk', shares: 1 },
      ],
      [
        { key: 'telegram', shares: 4 },
        { key: 'facebook', shares: 1 },
        { key: 'print', shares: 0 },
      ],
    ];
    expect(toStacks(buckets, 3)).toEqual({
      keys: ['facebook', 'telegram', 'other'],
      series: [
        [5, 1],
        [0, 4],
        [2, 0],
      ],
    });
    expect(toStacks(buckets)).toEqual({
      keys: ['facebook', 'telegram', 'vk', 'x'],
      series: [
        [5, 1],
        [0, 4],
        [1, 0],
        [1, 0],
      ],
    });
  });
});
