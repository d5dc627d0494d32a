import { arrivalColumns, type EngagementRow, type ShareRow, type ViewRow } from '@byline/analytics';
import { chance, exponential, intBetween, mix, mulberry32, uuidFrom, WeightedPicker } from '@byline/random';
import { arrivalsOf } from './arrivals.js';
import type { DemoArticle } from './catalogue.js';
import { TrafficClock } from './clock.js';
import { SHARE_RATE, shareNetworksOf } from './networks.js';
import { Popularity } from './popularity.js';
import { ReaderPools } from './readers.js';

export const DEMO_SEED = 20_250_129;
export const DEMO_DAYS = 90;
export const DEMO_SITE_HOST = 'byline.example';
/** Share of views whose reader stays long enough to send engagement heartbeats. */
const ENGAGED = 0.4;
/** Rows a view brings on average (itself, ~0.8 heartbeats, ~0.02 shares): sizes the reader pools. */
const ROWS_PER_VIEW = 1.8;
const MINUTE = 60_000;

export interface DemoOptions {
  articles: readonly DemoArticle[];
  /** The demo's traffic ends just before this instant. */
  endAt: Date;
  /** The newsroom's zone: the daily cycle follows its clocks. */
  timeZone: string;
  /** Rows to generate, views, shares and heartbeats together (the last view's may add a few more). */
  events: number;
  seed?: number;
  days?: number;
  /** The site's own host, for internal referrers; one of SITE_HOSTS. */
  siteHost?: string;
  /** Rows per batch, per table. */
  batchSize?: number;
}

export type DemoBatch = { index: number } & (
  | { table: 'views'; rows: ViewRow[] }
  | { table: 'shares'; rows: ShareRow[] }
  | { table: 'engagement'; rows: EngagementRow[] }
);

/**
 * Demo readership for `days` before `endAt`, as batches of ClickHouse rows per
 * table, numbered per table. The same options always give the same rows.
 */
export function* generateDemoEvents(options: DemoOptions): Generator<DemoBatch> {
  const seed = options.seed ?? DEMO_SEED;
  const days = options.days ?? DEMO_DAYS;
  const siteHost = options.siteHost ?? DEMO_SITE_HOST;
  const batchSize = options.batchSize ?? 100_000;
  const end = options.endAt.getTime();
  const random = mulberry32(mix(seed));
  const popularity = new Popularity(options.articles, new TrafficClock(end, days, options.timeZone), random);
  const { articles } = popularity;
  if (articles.length === 0 || options.events <= 0) return;

  const editions = [...new Set(articles.map((article) => article.edition))].sort();
  const editionOf = articles.map((article) => editions.indexOf(article.edition));
  const viewsPerDay = options.events / ROWS_PER_VIEW / days;
  const dailyViews = editions.map((_, e) =>
    editionOf.reduce((sum, edition, i) => sum + (edition === e ? (popularity.share[i] ?? 0) * viewsPerDay : 0), 0),
  );
  const readers = new ReaderPools(seed, editions, dailyViews);
  const arrivals = editions.map((edition) =>
    [false, true].map((hit) => WeightedPicker.fromEntries(arrivalsOf(edition, hit, siteHost))),
  );
  const networks = editions.map((edition) => WeightedPicker.fromEntries(shareNetworksOf(edition)));

  let views: ViewRow[] = [];
  let shares: ShareRow[] = [];
  let engagement: EngagementRow[] = [];
  const index = { views: 0, shares: 0, engagement: 0 };
  let rows = 0;
  while (rows < options.events) {
    const i = popularity.pickArticle(random);
    const article = articles[i] as DemoArticle;
    const e = editionOf[i] ?? 0;
    const hit = popularity.hit[i] ?? false;
    const facts = {
      article_id: article.article_id,
      section_id: article.section_id,
      edition: article.edition,
      author_ids: article.author_ids,
    };
    const time = popularity.viewTime(i, random);
    const person = readers.pick(e, random);
    const { country, region, agent } = readers.reader(e, person);
    const arrival = arrivals[e]?.[hit ? 1 : 0]?.pick(random);
    if (!arrival) throw new Error('no arrivals for an edition');
    const view: ViewRow = {
      event_id: uuidFrom(random),
      time,
      ...facts,
      visitor_id: readers.visitorId(e, person, time),
      country,
      region,
      ...arrivalColumns(agent, arrival),
      path: `/${article.edition}/${article.article_id}`,
    };
    views.push(view);
    rows += 1;

    if (chance(random, hit ? SHARE_RATE.hit : SHARE_RATE.normal)) {
      const at = time + 5_000 + Math.round(exponential(random, 2 * MINUTE));
      const network = networks[e]?.pick(random) ?? 'copy_link';
      if (at < end) {
        shares.push({
          event_id: uuidFrom(random),
          time: at,
          ...facts,
          network,
          visitor_id: readers.visitorId(e, person, at),
          country,
          region,
        });
        rows += 1;
      }
    }

    if (chance(random, ENGAGED)) {
      // Skewed: most engaged readers stay a minute or two, a few read to the end.
      const seconds = 5 + Math.floor(595 * random() ** 3);
      const scroll = Math.min(100, 10 + Math.round(90 * Math.min(1, Math.sqrt(seconds / 300) * (0.5 + random()))));
      const beats = seconds < 30 ? 1 : intBetween(random, 2, 3);
      for (let beat = 1; beat <= beats; beat++) {
        const engaged = Math.round((seconds * beat) / beats);
        // Heartbeats are cumulative; wall time runs ahead of engaged time (tabs in the background).
        const at = time + Math.round(engaged * 1000 * (1.1 + 0.6 * random()));
        if (at >= end) break;
        engagement.push({
          event_id: uuidFrom(random),
          time: at,
          view_id: view.event_id,
          ...facts,
          visitor_id: readers.visitorId(e, person, at),
          country,
          region,
          engaged_seconds: engaged,
          previous_seconds: Math.round((seconds * (beat - 1)) / beats),
          scroll_depth: Math.max(10, Math.round((scroll * beat) / beats)),
        });
        rows += 1;
      }
    }

    if (views.length >= batchSize) {
      yield { table: 'views', index: index.views++, rows: views };
      views = [];
    }
    if (shares.length >= batchSize) {
      yield { table: 'shares', index: index.shares++, rows: shares };
      shares = [];
    }
    if (engagement.length >= batchSize) {
      yield { table: 'engagement', index: index.engagement++, rows: engagement };
      engagement = [];
    }
  }
  if (views.length > 0) yield { table: 'views', index: index.views, rows: views };
  if (shares.length > 0) yield { table: 'shares', index: index.shares, rows: shares };
  if (engagement.length > 0) yield { table: 'engagement', index: index.engagement, rows: engagement };
}
