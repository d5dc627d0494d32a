import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it("waits as long as the server's Retry-After says, up to 30 s", () => {
    expect(retryDelayMs('5', 1, 2_000)).toBe(5_000);
    expect(retryDelayMs('0', 3, 2_000)).toBe(0);
    expect(retryDelayMs('600', 1, 2_000)).toBe(30_000);
  });

  it('doubles the poll interval per failure without one, up to 30 s', () => {
    expect([1, 2, 3, 4, 5].map((failures) => retryDelayMs(null, failures, 2_000))).toEqual([
      4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(retryDelayMs('soon', 1, 2_000)).toBe(4_000);
  });
});
