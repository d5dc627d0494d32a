import { isoWeekday, wallTimeOf } from '@byline/time';

const HOUR = 3_600_000;

/** Relative readership by the newsroom's wall-clock hour: night trough, morning commute, lunch, evening peak. */
const HOURLY = [
  0.34, 0.22, 0.15, 0.11, 0.1, 0.13, 0.25, 0.45, 0.66, 0.8, 0.88, 0.93, 0.92, 0.89, 0.87, 0.86, 0.86, 0.88, 0.92, 0.97,
  1, 0.97, 0.8, 0.56,
];
/** Monday to Sunday: weekends read less. */
const WEEKLY = [1, 1, 0.98, 0.97, 0.93, 0.76, 0.72];

/**
 * The demo window (`days` before `end`) and how busy each of its hours is in
 * the newsroom's zone: an hour-by-hour table, so a time's weight is one lookup.
 */
export class TrafficClock {
  readonly start: number;
  private readonly firstHour: number;
  private readonly weights: Float64Array;

  constructor(
    readonly end: number,
    days: number,
    timeZone: string,
  ) {
    this.start = end - days * 24 * HOUR;
    this.firstHour = Math.floor(this.start / HOUR);
    const hours = Math.floor((end - 1) / HOUR) - this.firstHour + 1;
    this.weights = new Float64Array(hours);
    for (let i = 0; i < hours; i++) {
      const wall = wallTimeOf((this.firstHour + i) * HOUR, timeZone);
      this.weights[i] = (HOURLY[wall.hour] ?? 1) * (WEEKLY[isoWeekday(wall)] ?? 1);
    }
  }

  /** How busy the hour of `time` is, 0 to 1. */
  weight(time: number): number {
    return this.weights[Math.floor(time / HOUR) - this.firstHour] ?? 0;
  }
}
