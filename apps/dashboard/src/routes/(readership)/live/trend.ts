type Direction = 'rising' | 'falling' | 'steady';

export interface Trend {
  /** Views in the last five minutes of the series. */
  recent: number;
  /** Views in the five minutes before those. */
  before: number;
  /** Change in percent; null when nothing came before. */
  change: number | null;
  direction: Direction;
}

const WINDOW = 5;
/** Changes smaller than this (in percent, either way) read as steady. */
const STEADY_PERCENT = 10;

/** Last five minutes against the five before, from a per-minute series (oldest first). */
export function trendOf(perMinute: readonly number[]): Trend {
  const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
  const recent = total(perMinute.slice(-WINDOW));
  const before = total(perMinute.slice(-2 * WINDOW, -WINDOW));
  const change = before > 0 ? ((recent - before) / before) * 100 : null;
  const direction: Direction =
    change === null
      ? recent > 0
        ? 'rising'
        : 'steady'
      : change >= STEADY_PERCENT
        ? 'rising'
        : change <= -STEADY_PERCENT
          ? 'falling'
          : 'steady';
  return { recent, before, change, direction };
}
