import { chance, mix, mulberry32, type Random, uint64Of, WeightedPicker } from '@byline/random';
import { DEMO_AGENTS, type DemoAgent } from './agents.js';
import { COUNTRY_REGIONS, countriesOf } from './geography.js';

const DAY = 86_400_000;
/** Readers in an edition's pool per view it gets a day: with the loyal ones, about 0.6 readers per view a day. */
const READERS_PER_DAILY_VIEW = 1.2;
const MIN_POOL = 300;
/** The first tenth of a pool are loyal readers, who make 30% of the views: four a day or so. */
const LOYAL = { readers: 0.1, views: 0.3 };

export interface DemoReader {
  country: string;
  region: string;
  agent: DemoAgent;
}

/**
 * Each edition's readers: a fixed pool of people with a place and a browser,
 * some loyal (picked often), most occasional. A person's visitor id is a hash
 * of the seed, the person and the UTC day, so like the collector's salted ids
 * it never spans two days.
 */
export class ReaderPools {
  private readonly pools: DemoReader[][];

  constructor(
    private readonly seed: number,
    editions: readonly string[],
    /** Expected views a day, per edition. */
    dailyViews: readonly number[],
  ) {
    const agents = new WeightedPicker(
      DEMO_AGENTS,
      DEMO_AGENTS.map((agent) => agent.weight),
    );
    const regions = new Map(
      Object.entries(COUNTRY_REGIONS).map(([country, weights]) => [
        country,
        WeightedPicker.fromEntries(Object.entries(weights)),
      ]),
    );
    this.pools = editions.map((edition, e) => {
      const random = mulberry32(mix(seed, 0x7ead, e));
      const countries = WeightedPicker.fromEntries(Object.entries(countriesOf(edition)));
      const size = Math.max(MIN_POOL, Math.round((dailyViews[e] ?? 0) * READERS_PER_DAILY_VIEW));
      return Array.from({ length: size }, () => {
        const country = countries.pick(random);
        return { country, region: regions.get(country)?.pick(random) ?? '', agent: agents.pick(random) };
      });
    });
  }

  /** A reader of edition `e`. */
  pick(e: number, random: Random): number {
    const pool = this.pools[e]?.length ?? 0;
    const loyal = chance(random, LOYAL.views);
    return Math.floor(random() * pool * (loyal ? LOYAL.readers : 1));
  }

  reader(e: number, person: number): DemoReader {
    const reader = this.pools[e]?.[person];
    if (!reader) throw new RangeError(`no reader ${person} in edition ${e}`);
    return reader;
  }

  /** The visitor id of a person at `time`: a decimal UInt64 that changes at each UTC midnight. */
  visitorId(e: number, person: number, time: number): string {
    return uint64Of(this.seed, e, person, Math.floor(time / DAY));
  }
}
