import { type Random, shuffled, WeightedPicker } from '@byline/random';
import type { DemoArticle } from './catalogue.js';
import type { TrafficClock } from './clock.js';

const HOUR = 3_600_000;
/**
 * An article's views by age: a burst in its first hours, a few days of
 * follow-up, a long tail from search and links. 80% fall in the first 48 h.
 */
const DECAY = [
  { share: 0.75, mean: 10 * HOUR },
  { share: 0.2, mean: 96 * HOUR },
  { share: 0.05, mean: 960 * HOUR },
];
/** Zipf exponent of article popularity: a few hits and a long tail. */
const ZIPF = 0.85;
/** The most read 1% (at least one) are hits: shared more, and read from social networks more. */
const HITS = 0.01;
/** Wall-clock rejection gives up after this many tries (only for articles with a sliver of the window). */
const MAX_TRIES = 40;

/**
 * Which article a view is of, and when: each article gets a random Zipf rank,
 * weighted by how much of its decay curve falls inside the window; a view's
 * time follows the curve, thinned by the hour's weight (daily and weekly cycles).
 */
export class Popularity {
  readonly articles: DemoArticle[];
  readonly hit: boolean[];
  /** Expected share of all views, per article. */
  readonly share: Float64Array;
  private readonly picker: WeightedPicker<number> | undefined;
  /** Per article and decay component: survival at the window's start, its drop over the window, cumulative mass. */
  private readonly survival: Float64Array;
  private readonly drop: Float64Array;
  private readonly mass: Float64Array;

  constructor(
    catalogue: readonly DemoArticle[],
    private readonly clock: TrafficClock,
    random: Random,
  ) {
    // A stable order first, so the same catalogue in any order gives the same traffic.
    const ordered = [...catalogue]
      .filter((article) => inWindow(article, clock) > 0)
      .sort((a, b) => a.published_at - b.published_at || compareIds(a.article_id, b.article_id));
    const ranks = shuffled(
      random,
      ordered.map((_, i) => i + 1),
    );
    const n = ordered.length;
    this.articles = ordered;
    this.survival = new Float64Array(n * DECAY.length);
    this.drop = new Float64Array(n * DECAY.length);
    this.mass = new Float64Array(n * DECAY.length);
    const weights = ordered.map((article, i) => {
      const from = Math.max(0, clock.start - article.published_at);
      const to = clock.end - article.published_at;
      let mass = 0;
      DECAY.forEach(({ share, mean }, k) => {
        const atFrom = Math.exp(-from / mean);
        const drop = atFrom - Math.exp(-to / mean);
        mass += share * drop;
        this.survival[i * DECAY.length + k] = atFrom;
        this.drop[i * DECAY.length + k] = drop;
        this.mass[i * DECAY.length + k] = mass;
      });
      return (ranks[i] ?? 1) ** -ZIPF * mass;
    });
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    this.share = Float64Array.from(weights, (weight) => weight / total);
    this.picker = n > 0 ? new WeightedPicker(Array.from(weights.keys()), weights) : undefined;
    const hitCount = Math.max(1, Math.round(n * HITS));
    const threshold = [...weights].sort((a, b) => b - a)[hitCount - 1] ?? Number.POSITIVE_INFINITY;
    this.hit = weights.map((weight) => weight >= threshold);
  }

  /** The index in `articles` of a view's article. */
  pickArticle(random: Random): number {
    if (!this.picker) throw new Error('no article is read in the window');
    return this.picker.pick(random);
  }

  /** A time inside the window for a view of article `i`, epoch ms. */
  viewTime(i: number, random: Random): number {
    for (let tries = 1; ; tries++) {
      const time = this.decayTime(i, random);
      if (tries >= MAX_TRIES || random() < this.clock.weight(time)) return time;
    }
  }

  private decayTime(i: number, random: Random): number {
    const base = i * DECAY.length;
    const target = random() * (this.mass[base + DECAY.length - 1] ?? 0);
    let k = 0;
    while (k < DECAY.length - 1 && (this.mass[base + k] ?? 0) <= target) k++;
    const survival = (this.survival[base + k] ?? 1) - random() * (this.drop[base + k] ?? 0);
    const age = -(DECAY[k]?.mean ?? HOUR) * Math.log(survival);
    const article = this.articles[i] as DemoArticle;
    return Math.min(this.clock.end - 1, Math.max(this.clock.start, Math.round(article.published_at + age)));
  }
}

/** The share of an article's views that falls inside the window. */
function inWindow(article: DemoArticle, clock: TrafficClock): number {
  const from = Math.max(0, clock.start - article.published_at);
  const to = clock.end - article.published_at;
  return to <= 0
    ? 0
    : DECAY.reduce((sum, { share, mean }) => sum + share * (Math.exp(-from / mean) - Math.exp(-to / mean)), 0);
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
