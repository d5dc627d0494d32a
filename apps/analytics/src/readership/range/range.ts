import { badInput } from '@byline/graphql';
import { addDays, wallTimeOf, zonedTimeToUtc } from '@byline/time';
import { Field, GraphQLISODateTime, InputType, registerEnumType } from 'type-graphql';

export enum RangePreset {
  LAST_30_MINUTES = 'LAST_30_MINUTES',
  TODAY = 'TODAY',
  YESTERDAY = 'YESTERDAY',
  LAST_7_DAYS = 'LAST_7_DAYS',
  LAST_30_DAYS = 'LAST_30_DAYS',
  LAST_90_DAYS = 'LAST_90_DAYS',
}
registerEnumType(RangePreset, {
  name: 'RangePreset',
  description: 'Day presets start at midnight in the range time zone and run until now (YESTERDAY: a whole day).',
});

@InputType({ description: 'A preset, or explicit `from` and `to`; days are cut in `timeZone`.' })
export class RangeInput {
  @Field(() => RangePreset, { nullable: true })
  preset?: RangePreset | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Inclusive start.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Exclusive end.' })
  to?: Date | null;

  @Field(() => String, { nullable: true, description: "IANA time zone; default: the newsroom's." })
  timeZone?: string | null;
}

export interface TimeRange {
  from: Date;
  to: Date;
  timeZone: string;
}

/** Longest range a query may cover. */
const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;

/**
 * The zone's canonical IANA name, or undefined when it is none. Intl accepts any case and
 * aliases (`asia/baku`, `US/Pacific`) where ClickHouse wants the exact name (`Asia/Baku`).
 */
function canonicalTimeZone(zone: string): string | undefined {
  // Building the formatter costs ~45 µs and every ranged field asks: remember the few zones in use.
  if (knownZones.has(zone)) return knownZones.get(zone);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (knownZones.size < 1000) knownZones.set(zone, canonical);
  return canonical;
}
const knownZones = new Map<string, string | undefined>();

/** Midnight in `timeZone` of the local day `daysAgo` days before `now`'s. */
function localMidnight(now: Date, timeZone: string, daysAgo: number): Date {
  const today = wallTimeOf(now, timeZone);
  const day = addDays(today, -daysAgo);
  return zonedTimeToUtc({ ...day, hour: 0, minute: 0 }, timeZone);
}

function presetRange(preset: RangePreset, now: Date, timeZone: string): { from: Date; to: Date } {
  switch (preset) {
    case RangePreset.LAST_30_MINUTES:
      return { from: new Date(now.getTime() - 30 * 60_000), to: now };
    case RangePreset.TODAY:
      return { from: localMidnight(now, timeZone, 0), to: now };
    case RangePreset.YESTERDAY:
      return { from: localMidnight(now, timeZone, 1), to: localMidnight(now, timeZone, 0) };
    case RangePreset.LAST_7_DAYS:
      return { from: localMidnight(now, timeZone, 6), to: now };
    case RangePreset.LAST_30_DAYS:
      return { from: localMidnight(now, timeZone, 29), to: now };
    case RangePreset.LAST_90_DAYS:
      return { from: localMidnight(now, timeZone, 89), to: now };
  }
}

/**
 * Turns a range argument into instants, checking it. No range at all means
 * all time (an article's lifetime counter); `field` names the argument in errors.
 */
export function resolveRange(
  input: RangeInput | null | undefined,
  defaultTimeZone: string,
  now: Date,
  field = 'range',
): TimeRange {
  const asked = input?.timeZone ?? defaultTimeZone;
  const timeZone = canonicalTimeZone(asked);
  if (!timeZone) throw badInput(`${field}.timeZone`, `"${asked.slice(0, 60)}" is not an IANA time zone`);
  if (!input || (!input.preset && !input.from && !input.to)) {
    return { from: new Date(0), to: new Date(now.getTime() + DAY_MS), timeZone };
  }
  if (input.preset && (input.from || input.to)) throw badInput(`${field}.preset`, 'give a preset or from/to, not both');
  const { from, to } = input.preset
    ? presetRange(input.preset, now, timeZone)
    : { from: input.from ?? undefined, to: input.to ?? now };
  if (!from) throw badInput(`${field}.from`, 'is required with to');
  if (from.getTime() >= to.getTime()) throw badInput(`${field}.to`, 'must be later than from');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw badInput(`${field}.from`, `ranges cover at most ${MAX_RANGE_DAYS} days`);
  }
  return { from, to, timeZone };
}

/** Identifies a resolved range in batcher keys. */
export function rangeKey(range: TimeRange): string {
  return `${range.from.getTime()}-${range.to.getTime()}-${range.timeZone}`;
}

/** The period of the same length just before `range`, for period-over-period change. */
export function previousPeriod(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.from, timeZone: range.timeZone };
}
