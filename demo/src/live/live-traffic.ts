import type { ClientEvent } from '@byline/analytics';
import { chance, intBetween, pick, type Random, uuidFrom, WeightedPicker } from '@byline/random';
import { DEMO_AGENTS } from '../readership/agents.js';
import { type Arrival, arrivalsOf } from '../readership/arrivals.js';
import type { DemoArticle } from '../readership/catalogue.js';
import { countriesOf } from '../readership/geography.js';
import { SHARE_RATE, shareNetworksOf } from '../readership/networks.js';

const HOUR = 3_600_000;
const READERS_PER_COUNTRY = 80;
/** Views still open in readers' tabs, sending heartbeats. */
const OPEN_VIEWS = 300;
const HEARTBEAT_SHARE = 0.3;
const MAX_HEARTBEATS = 12;

/** One beacon as a browser would send it. */
export interface Beacon {
  ip: string;
  userAgent: string;
  event: ClientEvent;
}

interface Reader {
  ip: string;
  userAgent: string;
}

interface OpenView {
  reader: Reader;
  article: DemoArticle;
  url: string;
  viewId: string;
  engagedSeconds: number;
  scrollDepth: number;
  beats: number;
}

/**
 * Live readers of recent articles: new views (newer and luckier articles
 * more), heartbeats of views still open, and now and then a share. Readers
 * are (address, browser) pairs from the article's edition's countries, so
 * the collector derives their place, device and visitor id as for real ones.
 */
export class LiveTraffic {
  private readonly articles: WeightedPicker<{ article: DemoArticle; hit: boolean }>;
  private readonly readers = new Map<string, Reader[]>();
  private readonly countries = new Map<string, WeightedPicker<string>>();
  private readonly arrivals = new Map<string, WeightedPicker<Arrival>>();
  private readonly open: OpenView[] = [];

  constructor(
    catalogue: readonly DemoArticle[],
    private readonly addresses: ReadonlyMap<string, readonly string[]>,
    private readonly random: Random,
    private readonly siteHost: string,
    now: number,
  ) {
    // Luck (a random Zipf rank) times freshness: the newest stories and a few lucky ones lead.
    const weights = catalogue.map(
      (article) =>
        intBetween(random, 1, catalogue.length) ** -0.85 *
        (0.1 + Math.exp(-(now - article.published_at) / (48 * HOUR))),
    );
    const hitFloor = [...weights].sort((a, b) => b - a)[Math.max(0, Math.round(catalogue.length / 100) - 1)] ?? 0;
    this.articles = new WeightedPicker(
      catalogue.map((article, i) => ({ article, hit: (weights[i] ?? 0) >= hitFloor })),
      weights,
    );
  }

  next(): Beacon {
    const roll = this.random();
    const view = this.open.length > 0 ? pick(this.random, this.open) : undefined;
    if (view && roll < HEARTBEAT_SHARE) return this.heartbeat(view);
    if (view && roll < HEARTBEAT_SHARE + SHARE_RATE.hit) return this.share(view);
    return this.view();
  }

  private view(): Beacon {
    const { article, hit } = this.articles.pick(this.random);
    const reader = this.reader(article.edition);
    const arrival = this.arrivalFor(article.edition, hit);
    const url = `https://${this.siteHost}/${article.edition}/${article.article_id}`;
    const viewId = uuidFrom(this.random);
    if (chance(this.random, 0.4)) {
      if (this.open.length >= OPEN_VIEWS) this.open.splice(intBetween(this.random, 0, this.open.length - 1), 1);
      this.open.push({ reader, article, url, viewId, engagedSeconds: 0, scrollDepth: 0, beats: 0 });
    }
    return {
      ...reader,
      event: {
        type: 'view',
        articleId: article.article_id,
        url: `${url}${arrival.query}`,
        referrer: arrival.referrer,
        id: viewId,
      },
    };
  }

  private heartbeat(view: OpenView): Beacon {
    const previousSeconds = view.engagedSeconds;
    view.engagedSeconds += intBetween(this.random, 5, 30);
    view.scrollDepth = Math.min(100, Math.max(10, view.scrollDepth + intBetween(this.random, 0, 24)));
    view.beats += 1;
    if (view.beats >= MAX_HEARTBEATS) this.open.splice(this.open.indexOf(view), 1);
    return {
      ...view.reader,
      event: {
        type: 'engagement',
        articleId: view.article.article_id,
        viewId: view.viewId,
        engagedSeconds: view.engagedSeconds,
        previousSeconds,
        scrollDepth: view.scrollDepth,
        url: view.url,
        id: uuidFrom(this.random),
      },
    };
  }

  private share(view: OpenView): Beacon {
    const network = WeightedPicker.fromEntries(shareNetworksOf(view.article.edition)).pick(this.random);
    return {
      ...view.reader,
      event: { type: 'share', articleId: view.article.article_id, network, url: view.url, id: uuidFrom(this.random) },
    };
  }

  /** A reader from one of the edition's countries; the first in a pool come back most often. */
  private reader(edition: string): Reader {
    let countries = this.countries.get(edition);
    if (!countries) {
      countries = WeightedPicker.fromEntries(
        Object.entries(countriesOf(edition)).filter(([code]) => this.addresses.has(code)),
      );
      this.countries.set(edition, countries);
    }
    const country = countries.pick(this.random);
    let pool = this.readers.get(country);
    if (!pool) {
      const addresses = this.addresses.get(country) ?? [];
      const agents = new WeightedPicker(
        DEMO_AGENTS,
        DEMO_AGENTS.map((agent) => agent.weight),
      );
      pool = Array.from({ length: READERS_PER_COUNTRY }, () => {
        const agent = agents.pick(this.random);
        return {
          ip: pick(this.random, addresses),
          userAgent: pick(this.random, agent.userAgents),
        };
      });
      this.readers.set(country, pool);
    }
    const u = this.random();
    return pool[Math.floor(pool.length * u * u)] as Reader;
  }

  private arrivalFor(edition: string, hit: boolean): Arrival {
    const key = `${edition}:${hit}`;
    let arrivals = this.arrivals.get(key);
    if (!arrivals) {
      arrivals = WeightedPicker.fromEntries(arrivalsOf(edition, hit, this.siteHost));
      this.arrivals.set(key, arrivals);
    }
    return arrivals.pick(this.random);
  }
}
