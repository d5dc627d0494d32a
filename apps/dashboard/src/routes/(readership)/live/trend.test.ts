import { describe, expect, it } from 'vitest';
import { trendOf } from './trend';

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
