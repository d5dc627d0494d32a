import { describe, expect, it } from 'vitest';
import { toStacks } from './stacks';

describe('shares', () => {
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
