import type { Interval, RangeInput } from '$lib/graphql/generated';
import type { Filters } from './filters';
import { bucketStarts, intervalFor, previousSpan, resolveSpan, type Span, spanInput, toRangeInput } from './range';

/** A page's period: the range asked for, the one it is compared with, and their buckets. */
export interface Period {
  span: Span;
  previous: Span;
  interval: Interval;
  starts: Date[];
  previousStarts: Date[];
  /** The range argument for the gateway (a preset when the filters name one). */
  range: RangeInput;
  previousRange: RangeInput;
}

export function periodOf(filters: Filters, now: Date, interval?: Interval): Period {
  const span = resolveSpan(filters, now);
  const previous = previousSpan(span);
  const chosen = interval ?? intervalFor(span);
  return {
    span,
    previous,
    interval: chosen,
    starts: bucketStarts(span, chosen),
    previousStarts: bucketStarts(previous, chosen),
    range: toRangeInput(filters),
    previousRange: spanInput(previous),
  };
}
