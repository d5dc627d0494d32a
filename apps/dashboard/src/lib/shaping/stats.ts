/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

/** Share of `values` strictly below `value`, 0 to 1: 0.9 means "more than 90% of them". */
export function rankAmong(value: number, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.filter((other) => other < value).length / values.length;
}

/** a / b, or null when b is 0. */
export const ratio = (a: number, b: number, scale = 1): number | null => (b > 0 ? (a / b) * scale : null);
