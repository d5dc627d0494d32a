import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, createGeoLookup, describeAgent, MIGRATIONS_DIR } from '@byline/analytics';
import { applyMigrations, type ClickHouse, openClickHouse, readMigrations } from '@byline/clickhouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_IPS } from '../src/live/public-ips.js';
import { DEMO_AGENTS } from '../src/readership/agents.js';
import { type DemoArticle, loadDemoCatalogue } from '../src/readership/catalogue.js';
import { type DemoBatch, type DemoOptions, generateDemoEvents } from '../src/readership/generate.js';
import { seedDemoReadership } from '../src/readership/seed-if-empty.js';
import { type DemoCounts, writeDemoEvents } from '../src/readership/write.js';

const DAY = 86_400_000;
const END = new Date('2026-03-14T09:17:00Z');
const TIME_ZONE = 'Asia/Baku';
const EVENTS = 50_000;
const SEED = 8;

/** 30 articles in three editions, published across the 90 days (and one before them). */
const ARTICLES: DemoArticle[] = Array.from({ length: 30 }, (_, i) => ({
  article_id: String(5_000 + i),
  section_id: String(1 + (i % 5)),
  edition: ['en', 'ru', 'az'][i % 3] ?? 'en',
  author_ids: i % 4 === 0 ? [String(1 + (i % 7)), String(8 + (i % 3))] : [String(1 + (i % 7))],
  published_at: END.getTime() - (i * 3 + 0.3) * DAY - (i % 9) * 3_600_000,
}));
const OPTIONS: DemoOptions = { articles: ARTICLES, endAt: END, timeZone: TIME_ZONE, events: EVENTS, seed: SEED };

/** Row counts and a digest of every row, in generation order. */
function summarise(batches: Iterable<DemoBatch>) {
  const hash = createHash('sha256');
  const counts: DemoCounts = { views: 0, shares: 0, engagement: 0 };
  for (const batch of batches) {
    counts[batch.table] += batch.rows.length;
    hash.update(`${batch.table}:${batch.index}:${JSON.stringify(batch.rows)}`);
  }
  return { counts, digest: hash.digest('hex') };
}

/** The content subgraph's `articles` query over ARTICLES, 12 per page, newest first, as the catalogue reads it. */
function startContentStub(): Promise<{ server: Server; url: string; requests: Record<string, unknown>[] }> {
  const requests: Record<string, unknown>[] = [];
  const newest = [...ARTICLES].sort((a, b) => b.published_at - a.published_at);
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { after: string | null; publishedAfter: string } };
      requests.push(variables);
      const from = variables.after ? Number(variables.after) : 0;
      const page = newest.filter((article) => article.published_at >= Date.parse(variables.publishedAfter));
      const edges = page.slice(from, from + 12).map((article) => ({
        node: {
          id: article.article_id,
          edition: article.edition,
          publishedAt: new Date(article.published_at).toISOString(),
          section: { id: article.section_id },
          authors: article.author_ids.map((id) => ({ id })),
        },
      }));
      const hasNextPage = from + 12 < page.length;
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          data: { articles: { edges, pageInfo: { hasNextPage, endCursor: hasNextPage ? String(from + 12) : null } } },
        }),
      );
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/graphql`, requests });
    }),
  );
}

describe('demo readership generator', () => {
  it('gives the same rows for the same seed, and other rows for another', () => {
    const first = summarise(generateDemoEvents({ ...OPTIONS, batchSize: 7_000 }));
    const again = summarise(generateDemoEvents({ ...OPTIONS, batchSize: 7_000 }));
    const reordered = summarise(
      generateDemoEvents({ ...OPTIONS, articles: [...ARTICLES].reverse(), batchSize: 7_000 }),
    );
    const other = summarise(generateDemoEvents({ ...OPTIONS, seed: SEED + 1, batchSize: 7_000 }));
    expect(again).toEqual(first);
    expect(reordered).toEqual(first);
    expect(other.digest).not.toBe(first.digest);
  });

  it('writes at least the events asked for, a few more at most', () => {
    const { counts } = summarise(generateDemoEvents(OPTIONS));
    const total = counts.views + counts.shares + counts.engagement;
    expect(total).toBeGreaterThanOrEqual(EVENTS);
    expect(total).toBeLessThan(EVENTS + 5);
    expect(counts.shares / counts.views).toBeGreaterThan(0.01);
    expect(counts.shares / counts.views).toBeLessThan(0.03);
  });

  it('writes nothing without articles or events', () => {
    expect([...generateDemoEvents({ ...OPTIONS, articles: [] })]).toEqual([]);
    expect([...generateDemoEvents({ ...OPTIONS, events: 0 })]).toEqual([]);
  });
});

describe('demo readership in ClickHouse', () => {
  let folder: string;
  let clickhouse: ClickHouse;
  let content: Awaited<ReturnType<typeof startContentStub>>;
  const logged: string[] = [];
  const log = { info: (line: string) => logged.push(line), error: (line: string) => logged.push(`ERROR ${line}`) };
  const expected = summarise(generateDemoEvents(OPTIONS)).counts;

  async function rows<T>(query: string): Promise<T[]> {
    return (await clickhouse.client.query({ query, format: 'JSONEachRow' })).json<T>();
  }
  async function number(query: string): Promise<number> {
    const [row] = await rows<{ n: string | number }>(query);
    return Number(row?.n);
  }
  async function tableCounts(): Promise<DemoCounts> {
    return {
      views: await number('SELECT count() AS n FROM views'),
      shares: await number('SELECT count() AS n FROM shares'),
      engagement: await number('SELECT count() AS n FROM engagement'),
    };
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'byline-demo-'));
    clickhouse = await openClickHouse({ database: 'byline', dataDir: folder });
    await applyMigrations(clickhouse.client, await readMigrations(MIGRATIONS_DIR));
    content = await startContentStub();
    const outcome = await seedDemoReadership(clickhouse.client, {
      contentUrl: content.url,
      contentHeaders: () => ({ 'x-byline-identity': 'signed' }),
      endAt: END,
      timeZone: TIME_ZONE,
      events: EVENTS,
      seed: SEED,
      log,
    });
    expect(outcome).toBe('seeded');
  });

  afterAll(async () => {
    await clickhouse?.close();
    content?.server.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('reads the catalogue page by page, published articles of the last 120 days only', async () => {
    expect(content.requests.length).toBeGreaterThan(1);
    expect(content.requests[0]).toEqual({
      after: null,
      publishedAfter: new Date(END.getTime() - 120 * DAY).toISOString(),
    });
    const catalogue = await loadDemoCatalogue(content.url, { publishedAfter: new Date(0) });
    expect(new Set(catalogue.map((article) => article.article_id))).toEqual(
      new Set(ARTICLES.map((article) => article.article_id)),
    );
    expect(catalogue.find((article) => article.article_id === '5004')).toEqual(ARTICLES[4]);
    expect(await loadDemoCatalogue(content.url, { publishedAfter: new Date(0), limit: 5 })).toHaveLength(5);
  });

  it('stores exactly the rows the generator made, and logs the count', async () => {
    expect(await tableCounts()).toEqual(expected);
    const total = expected.views + expected.shares + expected.engagement;
    expect(logged.at(-1)).toMatch(new RegExp(`^demo readership: ${total.toLocaleString('en')} events`));
    expect(logged.filter((line) => line.startsWith('ERROR'))).toEqual([]);
  });

  it('adds nothing when run again: the same seed is deduplicated, a non-empty store is left alone', async () => {
    const counts = await writeDemoEvents(clickhouse.client, generateDemoEvents({ ...OPTIONS, articles: ARTICLES }), {
      seed: SEED,
    });
    expect(counts).toEqual(expected);
    expect(await tableCounts()).toEqual(expected);
    const outcome = await seedDemoReadership(clickhouse.client, {
      contentUrl: content.url,
      contentHeaders: () => ({ 'x-byline-identity': 'signed' }),
      endAt: END,
      timeZone: TIME_ZONE,
      events: EVENTS,
      log,
    });
    expect(outcome).toBe('not empty');
    expect(await tableCounts()).toEqual(expected);
  });

  it('fills the rollups with exactly what the raw tables hold', async () => {
    const raw = await rows(
      `SELECT toString(toStartOfHour(time)) AS hour, section_id, edition,
              count() AS views, uniqCombined(12)(visitor_id) AS readers, uniqExact(article_id) AS articles
         FROM views GROUP BY ALL ORDER BY ALL`,
    );
    const hourly = await rows(
      `SELECT toString(hour) AS hour, section_id, edition,
              sum(views) AS views, uniqCombinedMerge(12)(readers) AS readers, groupBitmapMerge(articles) AS articles
         FROM section_hours GROUP BY ALL HAVING views > 0 ORDER BY ALL`,
    );
    expect(hourly).toEqual(raw);
    const byArticle = `SELECT article_id, count() AS views, uniq(visitor_id) AS readers FROM views GROUP BY ALL ORDER BY ALL`;
    expect(
      await rows(
        'SELECT article_id, sum(views) AS views, uniqMerge(visitors) AS readers FROM views_by_minute GROUP BY ALL ORDER BY ALL',
      ),
    ).toEqual(await rows(byArticle));
    expect(
      await rows(
        'SELECT article_id, sum(views) AS views, uniqMerge(visitors) AS readers FROM article_views_by_hour GROUP BY ALL ORDER BY ALL',
      ),
    ).toEqual(await rows(byArticle));
    expect(
      await rows('SELECT network, article_id, sum(shares) AS n FROM shares_by_minute GROUP BY ALL ORDER BY ALL'),
    ).toEqual(await rows('SELECT network, article_id, count() AS n FROM shares GROUP BY ALL ORDER BY ALL'));
  });

  it('keeps every event inside the 90 days, and the events of a view after it', async () => {
    const start = END.getTime() - 90 * DAY;
    for (const table of ['views', 'shares', 'engagement']) {
      expect(await number(`SELECT min(toUnixTimestamp64Milli(time)) AS n FROM ${table}`)).toBeGreaterThanOrEqual(start);
      expect(await number(`SELECT max(toUnixTimestamp64Milli(time)) AS n FROM ${table}`)).toBeLessThan(END.getTime());
    }
    expect(
      await number(
        `SELECT count() AS n FROM engagement AS e LEFT JOIN views AS v ON e.view_id = v.event_id
          WHERE v.event_id IS NULL OR e.time < v.time OR e.article_id != v.article_id`,
      ),
    ).toBe(0);
    expect(await number('SELECT count() - uniqExact(event_id) AS n FROM views')).toBe(0);
  });

  it('never lets a visitor id span two UTC days, and counts fewer readers than views', async () => {
    const spanning = await number(
      `SELECT count() AS n FROM (
         SELECT visitor_id FROM (
           SELECT visitor_id, time FROM views UNION ALL SELECT visitor_id, time FROM shares
           UNION ALL SELECT visitor_id, time FROM engagement)
         GROUP BY visitor_id HAVING uniqExact(toDate(time, 'UTC')) > 1)`,
    );
    expect(spanning).toBe(0);
    const daily = await rows<{ views: string; readers: string }>(
      `SELECT count() AS views, uniqExact(visitor_id) AS readers FROM views GROUP BY toDate(time) HAVING views > 200`,
    );
    expect(daily.length).toBeGreaterThan(30);
    for (const day of daily) expect(Number(day.readers)).toBeLessThan(Number(day.views));
  });

  it('follows a daily cycle in the newsroom zone', async () => {
    const hours = await rows<{ views: string }>(
      `SELECT toHour(time, '${TIME_ZONE}') AS hour, count() AS views FROM views GROUP BY hour ORDER BY hour`,
    );
    const views = hours.map((hour) => Number(hour.views));
    expect(views).toHaveLength(24);
    expect(Math.max(...views)).toBeGreaterThan(2 * Math.min(...views));
  });

  it('has a few hits and a long tail', async () => {
    const perArticle = await rows<{ views: string }>(
      'SELECT article_id, count() AS views FROM views GROUP BY article_id ORDER BY views DESC',
    );
    const views = ARTICLES.map((_, i) => Number(perArticle[i]?.views ?? 0));
    const median = [...views].sort((a, b) => a - b)[Math.floor(views.length / 2)] ?? 0;
    expect(views[0]).toBeGreaterThan(5 * median);
  });

  it('is read mostly in Azerbaijan, the Russian edition more in Russia, Kazakhstan and Ukraine', async () => {
    const countries = await rows<{ country: string }>(
      'SELECT country, count() AS views FROM views GROUP BY country ORDER BY views DESC',
    );
    expect(countries[0]?.country).toBe('AZ');
    expect(countries.length).toBeGreaterThanOrEqual(8);
    const cis = await rows<{ edition: string; share: number }>(
      `SELECT edition, countIf(country IN ('RU', 'KZ', 'UA')) / count() AS share FROM views GROUP BY edition`,
    );
    const share = (edition: string) => cis.find((row) => row.edition === edition)?.share ?? 0;
    expect(share('ru')).toBeGreaterThan(1.5 * share('en'));
    expect(share('ru')).toBeGreaterThan(2 * share('az'));
    expect(
      await number("SELECT countIf(country = 'AZ' AND region = 'Baku City') / countIf(country = 'AZ') AS n FROM views"),
    ).toBeGreaterThan(0.5);
  });

  it('comes through every channel, mostly on phones', async () => {
    const channels = await rows<{ channel: string }>('SELECT DISTINCT channel FROM views');
    expect(new Set(channels.map((row) => row.channel))).toEqual(new Set(CHANNELS));
    const sources = await rows<{ source: string }>(
      "SELECT DISTINCT channel_source AS source FROM views WHERE channel = 'social'",
    );
    expect(sources.map((row) => row.source)).toEqual(expect.arrayContaining(['facebook', 'x', 'telegram', 'whatsapp']));
    expect(
      await number("SELECT countIf(utm_campaign != '') AS n FROM views WHERE channel IN ('email', 'campaign')"),
    ).toBeGreaterThan(0);
    const mobile = await number("SELECT countIf(device = 'mobile') / count() AS n FROM views");
    expect(mobile).toBeGreaterThan(0.55);
    expect(mobile).toBeLessThan(0.75);
  });

  it('brings views back from social networks roughly in proportion to the shares made to them', async () => {
    const amplification = await rows<{ network: string; shares: string; back: string }>(
      `SELECT network, count() AS shares,
              (SELECT count() FROM views WHERE channel = 'social' AND channel_source = network) AS back
         FROM shares WHERE network IN ('telegram', 'facebook', 'whatsapp') GROUP BY network`,
    );
    const ratios = amplification.map((row) => Number(row.back) / Number(row.shares));
    expect(ratios).toHaveLength(3);
    expect(Math.max(...ratios)).toBeLessThan(4 * Math.min(...ratios));
  });

  it('sends heartbeats for about 40% of views, 5 to 600 engaged seconds, scroll 10 to 100', async () => {
    const engaged = await number('SELECT uniqExact(view_id) / (SELECT count() FROM views) AS n FROM engagement');
    expect(engaged).toBeGreaterThan(0.35);
    expect(engaged).toBeLessThan(0.45);
    const [final] = await rows<{ low: number; high: number; median: number; lowScroll: number; highScroll: number }>(
      `SELECT min(seconds) AS low, max(seconds) AS high, median(seconds) AS median,
              min(scroll) AS lowScroll, max(scroll) AS highScroll
         FROM (SELECT view_id, max(engaged_seconds) AS seconds, max(scroll_depth) AS scroll FROM engagement GROUP BY view_id)`,
    );
    expect(final?.low).toBeGreaterThanOrEqual(5);
    expect(final?.high).toBeLessThanOrEqual(600);
    expect(final?.median).toBeLessThan(200); // skewed to short reads
    expect(final?.lowScroll).toBeGreaterThanOrEqual(10);
    expect(final?.highScroll).toBeLessThanOrEqual(100);
  });
});

describe('simulated readers', () => {
  it('use addresses the geo database places in their country', async () => {
    const geo = await createGeoLookup();
    for (const [country, addresses] of Object.entries(PUBLIC_IPS)) {
      for (const ip of addresses) expect({ ip, country: geo(ip).country }).toEqual({ ip, country });
    }
  });

  it('use browsers the collector reads as the device, browser and OS of the demo rows', () => {
    for (const agent of DEMO_AGENTS) {
      for (const userAgent of agent.userAgents) {
        expect(describeAgent(userAgent)).toEqual({
          bot: false,
          device: agent.device,
          browser: agent.browser,
          os: agent.os,
        });
      }
    }
  });
});
