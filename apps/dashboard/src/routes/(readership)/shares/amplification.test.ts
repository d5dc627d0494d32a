import { describe, expect, it } from 'vitest';
import { totalAmplification } from './amplification';

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
});
