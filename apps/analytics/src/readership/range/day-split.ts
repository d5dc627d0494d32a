export interface Span {
  from: Date;
  to: Date;
}

export interface DaySplit {
  /** Whole UTC days, as spans from midnight to midnight. */
  days: Span[];
  /** The rest: the edges of a range that does not start or end on a UTC midnight. */
  hours: Span[];
}

const DAY_MS = 86_400_000;

/**
 * Cuts [from, to) into whole UTC days and the hours around them, so a query
 * can read daily rollup rows where it may and hourly ones elsewhere. No day
 * straddles a cut (a period boundary), and with `days: false` all is hours.
 */
export function splitByUtcDays(range: Span, cuts: readonly Date[] = [], options = { days: true }): DaySplit {
  const points = [range.from, ...cuts.filter((cut) => cut > range.from && cut < range.to), range.to]
    .map((point) => point.getTime())
    .sort((a, b) => a - b);
  const split: DaySplit = { days: [], hours: [] };
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i] as number, points[i + 1] as number];
    const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
    const lastDay = Math.floor(to / DAY_MS) * DAY_MS;
    if (!options.days || firstDay >= lastDay) {
      push(split.hours, from, to);
      continue;
    }
    push(split.hours, from, firstDay);
    push(split.days, firstDay, lastDay);
    push(split.hours, lastDay, to);
  }
  return split;
}

/** Appends [from, to), joined to the last span when they touch. */
function push(spans: Span[], from: number, to: number) {
  if (from >= to) return;
  const last = spans.at(-1);
  if (last && last.to.getTime() === from) last.to = new Date(to);
  else spans.push({ from: new Date(from), to: new Date(to) });
}
