import type { Random } from './random.js';

/** Picks items with probability proportional to their weight; the cumulative table is built once. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  /** From `[item, weight]` pairs, as `Object.entries` gives them. */
  static fromEntries<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      entries.map(([item]) => item),
      entries.map(([, weight]) => weight),
    );
  }

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('weights must match a non-empty list');
    let sum = 0;
    for (const weight of weights) {
      sum += Math.max(0, weight);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('at least one weight must be positive');
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
