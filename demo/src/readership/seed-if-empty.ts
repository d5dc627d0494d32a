import { setTimeout as sleep } from 'node:timers/promises';
import type { ClickHouse } from '@byline/clickhouse';
import type { Logger } from '@byline/http';
import { type DemoArticle, loadDemoCatalogue } from './catalogue.js';
import { DEMO_DAYS, DEMO_SEED, generateDemoEvents } from './generate.js';
import { totalOf, writeDemoEvents } from './write.js';

const DAY = 86_400_000;
/** Articles published up to this long before the window still have tails inside it. */
const CATALOGUE_DAYS = 120;
const CATALOGUE_TRIES = 10;
const PROGRESS_EVERY = 500_000;

export interface SeedDemoOptions {
  /** The content subgraph, for the catalogue of published articles. */
  contentUrl: string;
  /** Signs the catalogue requests to the content subgraph. */
  contentHeaders: () => Record<string, string>;
  endAt: Date;
  timeZone: string;
  /** Rows to write in all. */
  events: number;
  log: Pick<Logger, 'info' | 'error'>;
  seed?: number;
  siteHost?: string;
  signal?: AbortSignal;
}

export type SeedOutcome = 'seeded' | 'not empty' | 'no articles' | 'stopped' | 'failed';

/**
 * Fills an empty analytics store with demo readership of the content
 * subgraph's articles. Does nothing when `views` has rows. Never throws:
 * failures are logged, as it runs in the background of a started service.
 */
export async function seedDemoReadership(client: ClickHouse['client'], options: SeedDemoOptions): Promise<SeedOutcome> {
  const { log } = options;
  try {
    const existing = await countViews(client);
    if (existing > 0) {
      log.info(`demo readership: views already has ${existing.toLocaleString('en')} rows, not seeding`);
      return 'not empty';
    }
    const articles = await catalogue(options);
    if (articles.length === 0) {
      log.info(`demo readership: no article published in the last ${CATALOGUE_DAYS} days, nothing to seed`);
      return 'no articles';
    }
    const seed = options.seed ?? DEMO_SEED;
    log.info(
      `demo readership: writing ${options.events.toLocaleString('en')} events for ` +
        `${articles.length.toLocaleString('en')} articles over ${DEMO_DAYS} days (seed ${seed})`,
    );
    const started = performance.now();
    let reported = 0;
    const counts = await writeDemoEvents(client, generateDemoEvents({ ...options, articles, seed }), {
      seed,
      signal: options.signal,
      onBatch: (counts) => {
        if (totalOf(counts) - reported < PROGRESS_EVERY) return;
        reported = totalOf(counts);
        log.info(`demo readership: ${reported.toLocaleString('en')} events written`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log.info(
      `demo readership: ${totalOf(counts).toLocaleString('en')} events ` +
        `(${counts.views.toLocaleString('en')} views, ${counts.shares.toLocaleString('en')} shares, ` +
        `${counts.engagement.toLocaleString('en')} engagement heartbeats) in ${seconds} s`,
    );
    return 'seeded';
  } catch (error) {
    if (options.signal?.aborted) {
      log.info('demo readership: stopped before it was complete');
      return 'stopped';
    }
    log.error('demo readership: seeding failed', error);
    return 'failed';
  }
}

async function countViews(client: ClickHouse['client']): Promise<number> {
  const result = await client.query({ query: 'SELECT count() AS rows FROM views', format: 'JSONEachRow' });
  const [row] = await result.json<{ rows: string }>();
  return Number(row?.rows ?? 0);
}

/** The content subgraph may still be starting when the analytics service is run alone: try for a while. */
async function catalogue(options: SeedDemoOptions): Promise<DemoArticle[]> {
  const publishedAfter = new Date(options.endAt.getTime() - CATALOGUE_DAYS * DAY);
  for (let attempt = 1; ; attempt++) {
    try {
      return await loadDemoCatalogue(options.contentUrl, {
        publishedAfter,
        signal: options.signal,
        headers: options.contentHeaders(),
      });
    } catch (error) {
      if (attempt >= CATALOGUE_TRIES || options.signal?.aborted) throw error;
      await sleep(3_000, undefined, { signal: options.signal });
    }
  }
}
