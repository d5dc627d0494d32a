/** A series colour: a palette slot, the accent, or the muted tone for comparisons. */
export type Tone = number | 'accent' | 'muted';

export interface Series {
  label: string;
  data: number[];
  tone: Tone;
  /** Drawn dashed: a previous period. */
  dashed?: boolean;
}

/** What a chart shows, independent of Chart.js. */
export interface ChartSpec {
  type: 'line' | 'bar';
  labels: string[];
  series: Series[];
  /** Bars grow sideways (long category names). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Lines filled down to the axis. */
  area?: boolean;
  /** Bars whose label index is here are drawn faded (e.g. the minute still running). */
  faded?: number[];
  /** Shown by default when there is more than one series. */
  legend?: boolean;
}

/** A height that fits every bar of a sideways chart (and its legend); 260 px for the others. */
export function fitHeight(spec: ChartSpec): number {
  if (!spec.horizontal) return 260;
  const legend = (spec.legend ?? spec.series.length > 1) ? 32 : 0;
  return Math.max(120, spec.labels.length * (14 + 12 * spec.series.length) + 40 + legend);
}
