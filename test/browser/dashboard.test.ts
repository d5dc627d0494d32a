import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '@byline/random';
import { type DashboardProcess, startDashboardProcess } from '@byline/testing';
import type { Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Stack, startStack } from '../support/stack.js';
import { launchBrowser, type TestBrowser, type WatchedPage } from './support/browser.js';
import { type Article, readerPool, send, traffic } from './support/readers.js';
import { sessionFor } from './support/session.js';
import { cells, parseCsv, readTable } from './support/tables.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const VIEWS = 900;
const RANGE = { preset: 'LAST_7_DAYS', timeZone: 'Asia/Baku' };

let stack: Stack;
let dashboard: DashboardProcess;
let browser: TestBrowser;
let articles: (Article & { sectionSlug: string; sectionId: string })[];
let collectUrl: string;
/** An analyst's session: every page is opened signed in with it. */
let session: Cookie;
let analystToken: string;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const { body } = await stack.query<T>(query, variables, { token: analystToken });
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function totalViews(): Promise<number> {
  const data = await gql<{ readership: { views: number }[] }>(
    'query($range: RangeInput) { readership(by: [], range: $range) { views } }',
    { range: RANGE },
  );
  return data.readership[0]?.views ?? 0;
}

beforeAll(async () => {
  stack = await startStack({
    articles: 400,
    analyticsEnv: { TRUSTED_PROXY_HEADER: 'x-forwarded-for', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  collectUrl = stack.analytics.url.replace(/\/graphql$/, '/collect');
  analystToken = await stack.tokenFor('analyst');
  // Three published articles of every section, spread over the editions.
  articles = await stack.content.db.query(
    `SELECT a.id::text AS id, a.slug, a.edition, s.slug AS "sectionSlug", s.id::text AS "sectionId"
       FROM (SELECT *, row_number() OVER (PARTITION BY section_id ORDER BY id) AS n
               FROM articles WHERE status = 'published') a
       JOIN sections s ON s.id = a.section_id
      WHERE a.n <= 3 ORDER BY a.n, a.id`,
  );
  const random = mulberry32(20_260_101);
  const byReader = [...traffic(random, articles, readerPool(random, 160), VIEWS)];
  for (let i = 0; i < byReader.length; i += 8) {
    await Promise.all(byReader.slice(i, i + 8).map(([reader, beacons]) => send(collectUrl, reader, beacons)));
  }
  await vi.waitFor(async () => expect(await totalViews()).toBe(VIEWS), { timeout: 20_000, interval: 200 });
  [dashboard, browser] = await Promise.all([startDashboardProcess(stack.gateway.url), launchBrowser()]);
  const signingIn = await browser.open();
  session = await sessionFor(signingIn.page, dashboard.url, stack.users.analyst);
  await signingIn.context.close();
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await stack?.close();
});

/** Opens a dashboard path signed in as an analyst and waits until its charts are drawn. */
async function visit(path: string, options?: Parameters<TestBrowser['open']>[0]): Promise<WatchedPage> {
  const watched = await browser.open({ ...options, cookies: [session] });
  await watched.page.goto(`${dashboard.url}${path}`);
  await watched.page.locator('main h1').waitFor();
  // Chart.js sizes a canvas once it has drawn it, which happens after hydration.
  await watched.page.locator('main canvas[style*="box-sizing"]').first().waitFor();
  return watched;
}

describe('every page', () => {
  const pages = () => [
    { name: 'live', path: '/live' },
    { name: 'sections', path: '/sections' },
    { name: 'section', path: `/sections/${articles[0]?.sectionSlug}` },
    { name: 'regions', path: '/regions' },
    { name: 'shares', path: '/shares' },
    { name: 'article', path: `/articles/${articles[0]?.id}` },
  ];

  it('loads with no console error, with data in every card, and is saved as a screenshot', async () => {
    for (const { name, path } of pages()) {
      const { page, context, errors } = await visit(path);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTIFACTS}dashboard-${name}.png`, fullPage: true });
      expect(errors, name).toEqual([]);
      expect(await page.locator('main [data-empty]').count(), name).toBe(0);
      await context.close();
    }
  }, 90_000);

  it('fits a phone and follows a dark system theme', async () => {
    for (const { name, path } of pages().slice(0, 2)) {
      const phone = await visit(path, { width: 390, height: 844, colorScheme: 'dark' });
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      await phone.page.screenshot({ path: `${ARTIFACTS}dashboard-${name}-phone-dark.png`, fullPage: true });
      expect(phone.errors).toEqual([]);
      await phone.context.close();
    }
  }, 60_000);
});

describe('charts show what the gateway returns', () => {
  it('live: views per minute, readers by section and channel', async () => {
    const { page, context } = await visit('/live');
    const live = () =>
      gql<{ live: { viewsPerMinute: { at: string; views: number }[] } }>('{ live { viewsPerMinute { at views } } }');
    await expect
      .poll(async () => (await readTable(page, 'views-per-minute')).rows)
      .toEqual((await live()).live.viewsPerMinute.map((point) => cells(point.at, point.views)));

    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const lastFive = {
      from: new Date(minute - 4 * 60_000).toISOString(),
      to: new Date(minute + 60_000).toISOString(),
      timeZone: 'UTC',
    };
    const now = await gql<{
      bySection: { uniqueReaders: number; section: { name: string } }[];
      byChannel: { uniqueReaders: number; channel: string }[];
    }>(
      `query($range: RangeInput!) {
        bySection: readership(by: [SECTION], range: $range, first: 50) { uniqueReaders section { name } }
        byChannel: readership(by: [CHANNEL], range: $range, first: 20) { uniqueReaders channel }
      }`,
      { range: lastFive },
    );
    expect(now.bySection.length).toBeGreaterThan(0);
    expect(now.byChannel.length).toBeGreaterThan(0);
    expect((await readTable(page, 'readers-by-section-now')).rows).toEqual(
      now.bySection.map((row) => cells(row.section.name, row.uniqueReaders)),
    );
    expect((await readTable(page, 'readers-by-channel-now')).rows.map((row) => row[1])).toEqual(
      now.byChannel.map((row) => String(row.uniqueReaders)),
    );
    await context.close();
  });

  it('sections: the side-by-side table and each section series', async () => {
    const { page, context } = await visit('/sections');
    const data = await gql<{
      sections: {
        slug: string;
        name: string;
        performance: {
          current: { views: number; uniqueReaders: number; sharesPerThousandViews: number | null };
          change: { views: number | null };
        };
      }[];
    }>(
      `query($range: RangeInput) { sections { slug name performance(range: $range) {
        current { views uniqueReaders sharesPerThousandViews } change { views } } } }`,
      { range: RANGE },
    );
    const table = await readTable(page, 'sections');
    const shown = table.rows
      .map((row) => [row[0], row[1], row[2], row[3], row[8]])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const expected = data.sections
      .map((section) => {
        const { current, change } = section.performance;
        return cells(section.name, current.views, change.views, current.uniqueReaders, current.sharesPerThousandViews);
      })
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(shown).toEqual(expected);

    const section = articles[0] as (typeof articles)[number];
    const series = await gql<{ readership: { bucket: string; views: number }[] }>(
      `query($range: RangeInput, $ids: [ID!]) {
        readership(by: [SECTION], interval: DAY, range: $range, filter: { sectionIds: $ids }, first: 5000) { bucket views } }`,
      { range: RANGE, ids: [section.sectionId] },
    );
    const rows = (await readTable(page, `views-over-time-${section.sectionSlug}`)).rows;
    expect(rows).toHaveLength(7);
    const byBucket = new Map(series.readership.map((row) => [row.bucket, String(row.views)]));
    for (const row of rows) expect(row[1]).toBe(byBucket.get(row[0] as string) ?? '0');
    const total = series.readership.reduce((sum, row) => sum + row.views, 0);
    expect(total).toBeGreaterThan(0);
    expect(rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(total);
    await context.close();
  });

  it('section drill-down: its top articles and authors', async () => {
    const section = articles[0] as (typeof articles)[number];
    const { page, context } = await visit(`/sections/${section.sectionSlug}`);
    const data = await gql<{
      topArticles: { views: number; uniqueReaders: number; article: { title: string } }[];
      authors: { views: number; author: { name: string } }[];
    }>(
      `query($range: RangeInput, $ids: [ID!]) {
        topArticles(first: 20, range: $range, filter: { sectionIds: $ids }) { views uniqueReaders article { title } }
        authors: readership(by: [AUTHOR], range: $range, filter: { sectionIds: $ids }, first: 15) { views author { name } }
      }`,
      { range: RANGE, ids: [section.sectionId] },
    );
    expect((await readTable(page, 'section-top-articles')).rows.map((row) => [row[0], row[3], row[4]])).toEqual(
      data.topArticles.map((row) => cells(row.article.title, row.views, row.uniqueReaders)),
    );
    expect((await readTable(page, 'section-top-authors')).rows.map((row) => [row[0], row[1]])).toEqual(
      data.authors.map((row) => cells(row.author.name, row.views)),
    );
    await context.close();
  });

  it('regions: readers by country and by region', async () => {
    const { page, context } = await visit('/regions');
    const data = await gql<{
      countries: { country: string; views: number; uniqueReaders: number }[];
      regions: { country: string; region: string; views: number }[];
    }>(
      `query($range: RangeInput) {
        countries: readership(by: [COUNTRY], range: $range, first: 250) { country views uniqueReaders }
        regions: readership(by: [COUNTRY, REGION], range: $range, first: 500) { country region views }
      }`,
      { range: RANGE },
    );
    expect(data.countries.length).toBeGreaterThan(3);
    expect((await readTable(page, 'readers-by-country')).rows.map((row) => row.slice(0, 3))).toEqual(
      data.countries.map((row) => cells(row.country, row.views, row.uniqueReaders)),
    );
    expect((await readTable(page, 'readers-by-region')).rows.map((row) => row.slice(0, 3))).toEqual(
      data.regions.map((row) => cells(row.country, row.region, row.views)),
    );
    await context.close();
  });

  it('shares: networks over time, most shared articles, share rate by section', async () => {
    const { page, context } = await visit('/shares');
    const data = await gql<{
      shareStats: { key: string; shares: number }[];
      topArticles: { shares: number; views: number; article: { title: string } }[];
    }>(
      `query($range: RangeInput) {
        shareStats(by: NETWORK, range: $range) { key shares }
        topArticles(by: SHARES, first: 20, range: $range) { shares views article { title } }
      }`,
      { range: RANGE },
    );
    const timeline = await readTable(page, 'shares-by-network-over-time');
    const total = data.shareStats.reduce((sum, row) => sum + row.shares, 0);
    expect(total).toBeGreaterThan(0);
    expect(timeline.rows.reduce((sum, row) => sum + Number(row.at(-1)), 0)).toBe(total);
    expect((await readTable(page, 'top-shared-articles')).rows.map((row) => [row[0], row[2], row[3]])).toEqual(
      data.topArticles.map((row) => cells(row.article.title, row.shares, row.views)),
    );
    await context.close();
  });

  it('article: views over time, channels and shares', async () => {
    const article = articles[0] as (typeof articles)[number];
    const { page, context } = await visit(`/articles/${article.id}`);
    const data = await gql<{
      article: {
        viewsTimeline: { at: string; views: number }[];
        channels: { views: number }[];
        shares: { byNetwork: { count: number }[] };
      };
    }>(
      `query($id: ID!, $range: RangeInput) { article(id: $id) {
        viewsTimeline(range: $range, interval: DAY) { at views }
        channels: readership(range: $range, by: CHANNEL) { views }
        shares(range: $range) { byNetwork { count } } } }`,
      { id: article.id, range: RANGE },
    );
    expect((await readTable(page, 'article-views-over-time')).rows).toEqual(
      data.article.viewsTimeline.map((point) => cells(point.at, point.views)),
    );
    expect((await readTable(page, 'article-channels')).rows.map((row) => row[1])).toEqual(
      data.article.channels.map((row) => String(row.views)),
    );
    const shares = (await readTable(page, 'article-shares-by-network')).rows.map((row) => Number(row[1]));
    expect(shares.reduce((sum, count) => sum + count, 0)).toBe(
      data.article.shares.byNetwork.reduce((sum, row) => sum + row.count, 0),
    );
    await context.close();
  });
});

describe('filters', () => {
  it('a filter changes the URL and the data; back restores both', async () => {
    const { page, context } = await visit('/regions');
    const before = await readTable(page, 'readers-by-country');
    await page.selectOption('[data-filter="channel"]', 'social');
    await page.waitForURL(/[?&]channel=social/);
    const social = await gql<{ readership: { country: string; views: number }[] }>(
      `query($range: RangeInput) { readership(by: [COUNTRY], range: $range, filter: { channels: ["social"] }, first: 250) { country views } }`,
      { range: RANGE },
    );
    await expect
      .poll(async () => (await readTable(page, 'readers-by-country')).rows.map((row) => row.slice(0, 2)))
      .toEqual(social.readership.map((row) => cells(row.country, row.views)));
    expect((await readTable(page, 'readers-by-country')).rows).not.toEqual(before.rows);

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('channel='));
    await expect.poll(async () => (await readTable(page, 'readers-by-country')).rows).toEqual(before.rows);
    expect(await page.inputValue('[data-filter="channel"]')).toBe('');
    await context.close();
  });
});

describe('live page', () => {
  it('shows beacons posted during the test within 3 seconds', async () => {
    const { page, context, errors } = await visit('/live');
    const viewsInWindow = async () =>
      (await readTable(page, 'views-per-minute')).rows.reduce((sum, row) => sum + Number(row[1]), 0);
    const before = await viewsInWindow();
    const article = articles[1] as Article;
    const sent = Date.now();
    await send(
      collectUrl,
      { ip: '213.154.0.251', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0' },
      Array.from({ length: 5 }, () => ({
        type: 'view',
        articleId: article.id,
        url: `https://byline.example/${article.edition}/${article.slug}`,
      })),
    );
    await expect.poll(viewsInWindow, { timeout: 3_000, interval: 50 }).toBe(before + 5);
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stops polling while the tab is hidden', async () => {
    const { page, context } = await visit('/live');
    let polls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/live/data')) polls++;
    });
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => page.getAttribute('[data-live-state]', 'data-live-state')).toBe('paused');
    const whileHidden = polls;
    await page.waitForTimeout(4_500);
    expect(polls).toBe(whileHidden);
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => polls).toBeGreaterThan(whileHidden);
    await context.close();
  });
});

describe('quality', () => {
  it('a CSV download holds exactly its table', async () => {
    const { page, context } = await visit('/regions');
    const table = await readTable(page, 'readers-by-country');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-card="readers-by-country"] [data-action="csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('readers-by-country.csv');
    const csv = parseCsv(await readFile((await download.path()) as string, 'utf8'));
    expect(csv).toEqual([table.columns, ...table.rows]);
    await context.close();
  });

  it('every chart has a table view to switch to', async () => {
    const { page, context } = await visit('/sections');
    const card = page.locator('[data-card="section-views-vs-previous"]');
    await card.locator('[data-action="table"]').click();
    await expect.poll(() => card.locator('canvas').count()).toBe(0);
    expect(await card.locator('table').isVisible()).toBe(true);
    expect(await card.locator('[data-action="table"]').getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('says so when nothing matches the filters', async () => {
    const { page, context, errors } = await browser.open({ cookies: [session] });
    await page.goto(`${dashboard.url}/regions?country=JP`);
    expect(await page.locator('[data-card="readers-by-country"] [data-empty]').textContent()).toContain('No readers');
    expect(await page.locator('[data-kpi="views"]').textContent()).toContain('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the theme toggle is remembered across visits', async () => {
    const { page, context } = await visit('/shares');
    while ((await page.getAttribute('[data-theme-choice]', 'data-theme-choice')) !== 'dark') {
      await page.click('[data-theme-choice]');
    }
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.reload();
    await page.locator('main canvas').first().waitFor();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.screenshot({ path: `${ARTIFACTS}dashboard-shares-dark.png`, fullPage: true });
    await context.close();
  });
});
