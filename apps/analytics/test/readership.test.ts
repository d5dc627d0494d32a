import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleFacts } from '../src/ingest/events.js';
import { SITE_HOST, startTestAnalytics, type TestAnalytics } from './support/analytics.js';

/** Readers whose IPs the bundled geo database places (checked by hand). */
const PLACES = [
  { ip: '85.132.1.1', country: 'AZ', region: '' },
  { ip: '95.173.136.70', country: 'RU', region: 'Moscow' },
  { ip: '81.2.69.142', country: 'GB', region: 'England' },
  { ip: '8.8.8.8', country: 'US', region: '' },
];
const AGENTS = [
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    device: 'desktop',
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    device: 'mobile',
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
    device: 'mobile',
  },
  {
    ua: 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    device: 'tablet',
  },
];
const ARRIVALS = [
  { referrer: '', query: '', channel: 'direct' },
  { referrer: 'https://www.google.com/search?q=news', query: '', channel: 'search' },
  {
    referrer: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example',
    query: '',
    channel: 'social',
    network: 'facebook',
  },
  { referrer: 'https://t.co/AbCd1234', query: '', channel: 'social', network: 'x' },
  { referrer: `https://${SITE_HOST}/world/another-story`, query: '', channel: 'internal' },
  { referrer: 'https://example.org/blog/post', query: '', channel: 'other' },
  { referrer: '', query: '?utm_source=newsletter&utm_medium=email&utm_campaign=daily', channel: 'email' },
];
const NETWORKS = ['facebook', 'x', 'telegram', 'whatsapp', 'copy_link', 'print'];

const ARTICLES: ArticleFacts[] = [
  { article_id: '11', section_id: '1', edition: 'en', author_ids: ['1'] },
  { article_id: '12', section_id: '1', edition: 'ru', author_ids: ['1', '2'] },
  { article_id: '13', section_id: '2', edition: 'en', author_ids: ['2'] },
  { article_id: '14', section_id: '2', edition: 'az', author_ids: ['3'] },
  { article_id: '15', section_id: '3', edition: 'ru', author_ids: ['3', '1'] },
  { article_id: '16', section_id: '3', edition: 'en', author_ids: ['4'] },
];

// 18:00 UTC is 22:00 in Baku: the events cross the newsroom's midnight, then UTC's.
const START = Date.UTC(2026, 0, 10, 18, 0, 0);
const HOUR = 3_600_000;
const RANGE = {
  from: new Date(START - HOUR).toISOString(),
  to: new Date(START + 48 * HOUR).toISOString(),
  timeZone: 'Asia/Baku',
};

interface TruthView {
  id: string;
  article: ArticleFacts;
  country: string;
  region: string;
  device: string;
  channel: string;
  network?: string;
  time: number;
  visitor: string;
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

let analytics: TestAnalytics;
const views: TruthView[] = [];
const shares: { article: ArticleFacts; network: string; time: number }[] = [];
/** Engaged seconds of each engaged view (its largest heartbeat). */
const engaged = new Map<string, number>();

beforeAll(async () => {
  analytics = await startTestAnalytics(ARTICLES, START);
  const next = random(42);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)] as T;
  const times = Array.from({ length: 500 }, () => START + Math.floor(next() * 36 * 60) * 60_000 + 17_000).sort();
  for (const time of times) {
    const [article, place, agent, arrival] = [pick(ARTICLES), pick(PLACES), pick(AGENTS), pick(ARRIVALS)];
    analytics.clock.now = time;
    const id = `00000000-0000-4000-8000-${String(views.length).padStart(12, '0')}`;
    const event = {
      type: 'view',
      id,
      articleId: article.article_id,
      url: `https://${SITE_HOST}/a/${article.article_id}${arrival.query}`,
      referrer: arrival.referrer,
    };
    const response = await analytics.collect(event, { ip: place.ip, userAgent: agent.ua });
    expect(response.status).toBe(202);
    const day = new Date(time).toISOString().slice(0, 10);
    views.push({
      id,
      article,
      ...place,
      device: agent.device,
      ...arrival,
      time,
      visitor: `${place.ip}|${agent.ua}|${day}`,
    });
    if (next() < 0.25) {
      const seconds = 20 + Math.floor(next() * 300);
      const beat = (engagedSeconds: number, previousSeconds: number) => ({
        type: 'engagement',
        articleId: article.article_id,
        viewId: id,
        engagedSeconds,
        previousSeconds,
        scrollDepth: 50,
        url: event.url,
      });
      // Sent once the reader has had the time: the collector caps a view's seconds by the time since it.
      analytics.clock.now = time + seconds * 1000;
      const beats = await analytics.collect(
        { events: [beat(10, 0), beat(seconds, 10)] },
        { ip: place.ip, userAgent: agent.ua },
      );
      analytics.clock.now = time;
      expect(beats.status).toBe(202);
      engaged.set(id, seconds);
    }
    if (next() < 0.3) {
      const network = pick(NETWORKS);
      const shared = await analytics.collect(
        { events: [{ type: 'share', articleId: article.article_id, network, url: event.url }] },
        { ip: place.ip, userAgent: agent.ua },
      );
      expect(shared.status).toBe(202);
      shares.push({ article, network, time });
    }
  }
  await analytics.service.flush();
}, 180_000);
afterAll(() => analytics?.close());

/** views and distinct readers per key, from the ground truth. */
function expected(key: (view: TruthView) => string[], keep: (view: TruthView) => boolean = () => true) {
  const groups = new Map<string, { views: number; readers: Set<string> }>();
  for (const view of views.filter(keep)) {
    for (const value of key(view)) {
      const group = groups.get(value) ?? { views: 0, readers: new Set() };
      group.views += 1;
      group.readers.add(view.visitor);
      groups.set(value, group);
    }
  }
  return Object.fromEntries(
    [...groups].map(([value, group]) => [value, { views: group.views, uniqueReaders: group.readers.size }]),
  );
}

type Row = Record<string, unknown> & { views: number; uniqueReaders: number };

async function grouped(by: string, field: string, filter?: Record<string, unknown>) {
  const result = await analytics.graphql<{ readership: Row[] }>(
    `query($by: [Dimension!]!, $range: RangeInput, $filter: ReadershipFilter) {
      readership(by: $by, range: $range, filter: $filter, first: 1000) {
        section { id } article { id } author { id } edition country region channel device views uniqueReaders
      }
    }`,
    { by: [by], range: RANGE, filter },
  );
  expect(result.errors).toBeUndefined();
  return Object.fromEntries(
    (result.data?.readership ?? []).map((row) => {
      const value = row[field] as string | { id: string };
      return [typeof value === 'object' ? value.id : value, { views: row.views, uniqueReaders: row.uniqueReaders }];
    }),
  );
}

describe('readership aggregates equal the ground truth', () => {
  it.each([
    ['SECTION', 'section', (v: TruthView) => [v.article.section_id]],
    ['ARTICLE', 'article', (v: TruthView) => [v.article.article_id]],
    ['AUTHOR', 'author', (v: TruthView) => v.article.author_ids],
    ['EDITION', 'edition', (v: TruthView) => [v.article.edition]],
    ['COUNTRY', 'country', (v: TruthView) => [v.country]],
    ['REGION', 'region', (v: TruthView) => [v.region]],
    ['CHANNEL', 'channel', (v: TruthView) => [v.channel]],
    ['DEVICE', 'device', (v: TruthView) => [v.device]],
  ])('grouped by %s', async (by, field, key) => {
    expect(await grouped(by, field)).toEqual(expected(key));
  });

  it('filtered by country and channel', async () => {
    const filter = { countries: ['RU', 'GB'], channels: ['social', 'direct'] };
    const keep = (v: TruthView) => ['RU', 'GB'].includes(v.country) && ['social', 'direct'].includes(v.channel);
    expect(await grouped('SECTION', 'section', filter)).toEqual(expected((v) => [v.article.section_id], keep));
    expect(await grouped('ARTICLE', 'article', { authorIds: ['1'] })).toEqual(
      expected(
        (v) => [v.article.article_id],
        (v) => v.article.author_ids.includes('1'),
      ),
    );
  });

  it('per day in the newsroom time zone, across its midnight', async () => {
    const result = await analytics.graphql<{ readership: { bucket: string; views: number; uniqueReaders: number }[] }>(
      `query($range: RangeInput) { readership(by: [], range: $range, interval: DAY) { bucket views uniqueReaders } }`,
      { range: RANGE },
    );
    const bakuDay = (time: number) => {
      const local = new Date(time + 4 * HOUR); // Asia/Baku is UTC+4 all year
      return new Date(
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 4 * HOUR,
      ).toISOString();
    };
    const truth = expected((v) => [bakuDay(v.time)]);
    expect(Object.keys(truth).length).toBeGreaterThanOrEqual(2);
    expect(
      Object.fromEntries(
        (result.data?.readership ?? []).map((r) => [r.bucket, { views: r.views, uniqueReaders: r.uniqueReaders }]),
      ),
    ).toEqual(truth);
  });

  it('per hour', async () => {
    const result = await analytics.graphql<{ readership: { bucket: string; views: number }[] }>(
      `query($range: RangeInput) { readership(by: [], range: $range, interval: HOUR, first: 5000) { bucket views } }`,
      { range: RANGE },
    );
    const truth = expected((v) => [new Date(Math.floor(v.time / HOUR) * HOUR).toISOString()]);
    expect(Object.fromEntries((result.data?.readership ?? []).map((r) => [r.bucket, r.views]))).toEqual(
      Object.fromEntries(Object.entries(truth).map(([bucket, figures]) => [bucket, figures.views])),
    );
  });

  it('shares per network and per section', async () => {
    const result = await analytics.graphql<{
      n: { key: string; shares: number }[];
      s: { key: string; shares: number }[];
    }>(
      `query($range: RangeInput) { n: shareStats(by: NETWORK, range: $range) { key shares } s: shareStats(by: SECTION, range: $range) { key shares } }`,
      { range: RANGE },
    );
    const count = (key: (s: (typeof shares)[number]) => string) => {
      const counts: Record<string, number> = {};
      for (const share of shares) counts[key(share)] = (counts[key(share)] ?? 0) + 1;
      return counts;
    };
    expect(Object.fromEntries((result.data?.n ?? []).map((r) => [r.key, r.shares]))).toEqual(count((s) => s.network));
    expect(Object.fromEntries((result.data?.s ?? []).map((r) => [r.key, r.shares]))).toEqual(
      count((s) => s.article.section_id),
    );
  });
});

describe('federated article fields', () => {
  it('answers many articles with one ClickHouse query per readership field', async () => {
    const spy = vi.spyOn(analytics.service.store.client, 'query');
    const result = await analytics.graphql<{
      _entities: { id: string; views: number; uniqueReaders: number; shares: { total: number } }[];
    }>(
      `query($r: [_Any!]!, $range: RangeInput) {
        _entities(representations: $r) { ... on Article { id views(range: $range) uniqueReaders(range: $range) shares(range: $range) { total } } }
      }`,
      { r: ARTICLES.map((a) => ({ __typename: 'Article', id: a.article_id })), range: RANGE },
    );
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(result.errors).toBeUndefined();
    const truth = expected((v) => [v.article.article_id]);
    expect(result.data?._entities.map((entity) => entity.id)).toEqual(ARTICLES.map((a) => a.article_id));
    for (const entity of result.data?._entities ?? []) {
      expect({ views: entity.views, uniqueReaders: entity.uniqueReaders }).toEqual(truth[entity.id]);
      expect(entity.shares.total).toBe(shares.filter((s) => s.article.article_id === entity.id).length);
    }
    // views and uniqueReaders share one query; shares another.
    expect(calls).toBe(2);
  });

  it('gives lifetime views and shares without a range, in one ClickHouse query', async () => {
    const ids = [...ARTICLES.map((a) => a.article_id), '99'];
    const spy = vi.spyOn(analytics.service.store.client, 'query');
    const result = await analytics.graphql<{
      _entities: { id: string; views: number; shares: { total: number; byNetwork: unknown[] } }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Article {
        id views shares { total byNetwork { network count } } } } }`,
      { r: ids.map((id) => ({ __typename: 'Article', id })) },
    );
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    expect(result.errors).toBeUndefined();
    expect(calls).toBe(1);
    const truth = ids.map((id) => {
      const counts = new Map<string, number>();
      for (const share of shares.filter((s) => s.article.article_id === id)) {
        counts.set(share.network, (counts.get(share.network) ?? 0) + 1);
      }
      const byNetwork = [...counts]
        .map(([network, count]) => ({ network, count }))
        .sort((a, b) => b.count - a.count || (a.network < b.network ? -1 : 1));
      return {
        id,
        views: views.filter((v) => v.article.article_id === id).length,
        shares: { total: byNetwork.reduce((sum, n) => sum + n.count, 0), byNetwork },
      };
    });
    expect(truth.some((article) => article.shares.byNetwork.length > 1)).toBe(true);
    expect(result.data?._entities).toEqual(truth);
  });

  it('checks the time zone of a range that asks for all time', async () => {
    const query = `query($r: [_Any!]!, $range: RangeInput) {
      _entities(representations: $r) { ... on Article { views(range: $range) } } }`;
    const r = [{ __typename: 'Article', id: '11' }];
    const utc = await analytics.graphql<{ _entities: { views: number }[] }>(query, { r, range: { timeZone: 'UTC' } });
    expect(utc.data?._entities[0]?.views).toBe(views.filter((v) => v.article.article_id === '11').length);
    const mars = await analytics.graphql(query, { r, range: { timeZone: 'Mars/Olympus' } });
    expect(mars.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'range.timeZone' });
  });
});

describe('article, section and author figures', () => {
  const within = (from: number, to: number) => (v: { time: number }) => v.time >= from && v.time < to;

  it('per-article timeline, breakdown, amplification and engaged time', async () => {
    const article = ARTICLES[0] as ArticleFacts;
    const result = await analytics.graphql<{
      _entities: {
        viewsTimeline: { at: string; views: number }[];
        readership: { value: string; views: number }[];
        amplification: { network: string; shares: number; viewsBack: number }[];
        engagedTime: { engagedViews: number; totalSeconds: number };
      }[];
    }>(
      `query($r: [_Any!]!, $range: RangeInput) { _entities(representations: $r) { ... on Article {
        viewsTimeline(range: $range, interval: DAY) { at views }
        readership(by: COUNTRY, range: $range) { value views }
        amplification(range: $range) { network shares viewsBack }
        engagedTime(range: $range) { engagedViews totalSeconds }
      } } }`,
      { r: [{ __typename: 'Article', id: article.article_id }], range: RANGE },
    );
    expect(result.errors).toBeUndefined();
    const entity = result.data?._entities[0];
    const mine = views.filter((v) => v.article.article_id === article.article_id);
    expect(entity?.viewsTimeline.reduce((sum, point) => sum + point.views, 0)).toBe(mine.length);
    expect(entity?.viewsTimeline.length).toBe(3); // 22:00 Baku on day one, then two more local days
    expect(Object.fromEntries(entity?.readership.map((r) => [r.value, r.views]) ?? [])).toEqual(
      Object.fromEntries(
        Object.entries(
          expected(
            (v) => [v.country],
            (v) => v.article === article,
          ),
        ).map(([k, f]) => [k, f.views]),
      ),
    );
    expect(entity?.amplification.map((row) => row.network).sort()).toEqual(
      [
        ...new Set([
          ...shares.filter((s) => s.article === article).map((s) => s.network),
          ...mine.filter((v) => v.channel === 'social').map((v) => v.network as string),
        ]),
      ].sort(),
    );
    for (const row of entity?.amplification ?? []) {
      expect(row.shares).toBe(shares.filter((s) => s.article === article && s.network === row.network).length);
      expect(row.viewsBack).toBe(mine.filter((v) => v.channel === 'social' && v.network === row.network).length);
    }
    const engagedMine = mine.filter((v) => engaged.has(v.id));
    expect(engagedMine.length).toBeGreaterThan(0);
    expect(entity?.engagedTime).toEqual({
      engagedViews: engagedMine.length,
      totalSeconds: engagedMine.reduce((sum, v) => sum + (engaged.get(v.id) ?? 0), 0),
    });
  });

  it('section and author performance against the previous period', async () => {
    const split = START + 18 * HOUR;
    const end = START + 48 * HOUR;
    const current = { from: new Date(split).toISOString(), to: new Date(end).toISOString(), timeZone: 'UTC' };
    const result = await analytics.graphql<{
      _entities: { id: string; performance: Record<string, Record<string, number | null>> }[];
    }>(
      `query($r: [_Any!]!, $range: RangeInput) { _entities(representations: $r) {
        ... on Section { id performance(range: $range) { current { views uniqueReaders articlesRead shares averageEngagedSeconds }
                                                         previous { views uniqueReaders shares } change { views } } }
        ... on Author { id performance(range: $range) { current { views uniqueReaders articlesRead } previous { views } } }
      } }`,
      {
        r: [
          { __typename: 'Section', id: '1' },
          { __typename: 'Section', id: '3' },
          { __typename: 'Author', id: '1' },
        ],
        range: current,
      },
    );
    expect(result.errors).toBeUndefined();
    const previousPeriod = within(split - (end - split), split);
    const currentPeriod = within(split, end);
    const [s1, s3, a1] = result.data?._entities ?? [];
    for (const section of [s1, s3]) {
      const inSection = (v: { article: ArticleFacts }) => v.article.section_id === section?.id;
      const now = views.filter((v) => inSection(v) && currentPeriod(v));
      const before = views.filter((v) => inSection(v) && previousPeriod(v));
      const engagedNow = now.filter((v) => engaged.has(v.id));
      expect(engagedNow.length).toBeGreaterThan(0);
      const { averageEngagedSeconds, ...counts } = section?.performance.current ?? {};
      expect(counts).toEqual({
        views: now.length,
        uniqueReaders: new Set(now.map((v) => v.visitor)).size,
        articlesRead: new Set(now.map((v) => v.article.article_id)).size,
        shares: shares.filter((s) => inSection(s) && currentPeriod(s)).length,
      });
      expect(averageEngagedSeconds).toBeCloseTo(
        engagedNow.reduce((sum, v) => sum + (engaged.get(v.id) ?? 0), 0) / engagedNow.length,
        9,
      );
      expect(section?.performance.previous).toEqual({
        views: before.length,
        uniqueReaders: new Set(before.map((v) => v.visitor)).size,
        shares: shares.filter((s) => inSection(s) && previousPeriod(s)).length,
      });
      expect(section?.performance.change?.views).toBeCloseTo(((now.length - before.length) / before.length) * 100, 6);
    }
    const byAuthor = views.filter((v) => v.article.author_ids.includes('1'));
    expect(a1?.performance.current).toEqual({
      views: byAuthor.filter(currentPeriod).length,
      uniqueReaders: new Set(byAuthor.filter(currentPeriod).map((v) => v.visitor)).size,
      articlesRead: new Set(byAuthor.filter(currentPeriod).map((v) => v.article.article_id)).size,
    });
    expect(a1?.performance.previous).toEqual({ views: byAuthor.filter(previousPeriod).length });
  });

  it('top articles by views and by shares', async () => {
    const result = await analytics.graphql<{
      v: { article: { id: string }; views: number }[];
      s: { article: { id: string }; shares: number; views: number }[];
    }>(
      `query($range: RangeInput) {
        v: topArticles(by: VIEWS, range: $range, first: 3) { article { id } views }
        s: topArticles(by: SHARES, range: $range, first: 3) { article { id } shares views }
      }`,
      { range: RANGE },
    );
    const viewsOf = (id: string) => views.filter((v) => v.article.article_id === id).length;
    const sharesOf = (id: string) => shares.filter((s) => s.article.article_id === id).length;
    const ids = ARTICLES.map((a) => a.article_id);
    const byViews = [...ids].sort((a, b) => viewsOf(b) - viewsOf(a) || a.localeCompare(b)).slice(0, 3);
    const byShares = [...ids].sort((a, b) => sharesOf(b) - sharesOf(a) || a.localeCompare(b)).slice(0, 3);
    expect(result.data?.v).toEqual(byViews.map((id) => ({ article: { id }, views: viewsOf(id) })));
    expect(result.data?.s).toEqual(
      byShares.map((id) => ({ article: { id }, shares: sharesOf(id), views: viewsOf(id) })),
    );
  });

  const LIVE = `query($filter: ReadershipFilter, $first: Int!) {
    live(filter: $filter, first: $first) {
      activeReaders
      viewsPerMinute { at views uniqueReaders }
      topArticles { article { id } views uniqueReaders }
      readersBySection { section { id } views uniqueReaders }
      readersByChannel { channel views uniqueReaders }
    }
  }`;
  type LiveAnswer = {
    activeReaders: number;
    viewsPerMinute: { at: string; views: number; uniqueReaders: number }[];
    topArticles: { article: { id: string }; views: number; uniqueReaders: number }[];
    readersBySection: { section: { id: string }; views: number; uniqueReaders: number }[];
    readersByChannel: { channel: string; views: number; uniqueReaders: number }[];
  };
  /** Groups of the ground truth as a ranked list: most views first, then by key. */
  const ranked = (groups: ReturnType<typeof expected>) =>
    Object.entries(groups).sort(([a, x], [b, y]) => y.views - x.views || a.localeCompare(b));

  it.each([
    ['no filter', undefined, () => true],
    [
      'a channel (from the minute rollup)',
      { channels: ['search', 'social'] },
      (v: TruthView) => ['search', 'social'].includes(v.channel),
    ],
    ['an author (from raw views)', { authorIds: ['1'] }, (v: TruthView) => v.article.author_ids.includes('1')],
  ])(
    'live with %s: readers in the last 5 minutes, minutes, top articles, sections and channels',
    async (_name, filter, keep) => {
      // The busiest half hour of the ground truth, so every answer has rows.
      const counts = views.map((v) => views.filter((w) => w.time > v.time - 30 * 60_000 && w.time <= v.time).length);
      const busiest = views[counts.indexOf(Math.max(...counts))] as TruthView;
      analytics.clock.now = busiest.time + 10_000;
      const result = await analytics.graphql<{ live: LiveAnswer }>(LIVE, { filter, first: 3 });
      expect(result.errors).toBeUndefined();
      const live = result.data?.live as LiveAnswer;
      const minute = Math.floor(analytics.clock.now / 60_000) * 60_000;
      const inLastHalfHour = (v: TruthView) => keep(v) && v.time >= minute - 29 * 60_000 && v.time < minute + 60_000;
      const inLastFive = (v: TruthView) => inLastHalfHour(v) && v.time >= minute - 4 * 60_000;
      expect(views.filter(inLastFive).length).toBeGreaterThan(0);

      expect(live.activeReaders).toBe(new Set(views.filter(inLastFive).map((v) => v.visitor)).size);
      expect(live.viewsPerMinute).toHaveLength(30);
      const perMinute = expected((v) => [String(Math.floor(v.time / 60_000) * 60_000)], inLastHalfHour);
      expect(live.viewsPerMinute).toEqual(
        Array.from({ length: 30 }, (_, i) => {
          const at = minute - (29 - i) * 60_000;
          return { at: new Date(at).toISOString(), ...(perMinute[String(at)] ?? { views: 0, uniqueReaders: 0 }) };
        }),
      );
      const top = ranked(expected((v) => [v.article.article_id], inLastHalfHour)).slice(0, 3);
      expect(live.topArticles).toEqual(top.map(([id, figures]) => ({ article: { id }, ...figures })));
      const sections = ranked(expected((v) => [v.article.section_id], inLastFive));
      expect(live.readersBySection).toEqual(sections.map(([id, figures]) => ({ section: { id }, ...figures })));
      const channels = ranked(expected((v) => [v.channel], inLastFive));
      expect(live.readersByChannel).toEqual(channels.map(([channel, figures]) => ({ channel, ...figures })));
    },
  );
});

describe('readership input errors', () => {
  const QUERY = `query($by: [Dimension!]!, $range: RangeInput, $interval: Interval) {
    readership(by: $by, range: $range, interval: $interval) { views } }`;
  it.each([
    ['an unknown dimension', { by: ['WEATHER'] }, undefined],
    ['an inverted range', { by: [], range: { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, 'range.to'],
    [
      'an oversized range',
      { by: [], range: { from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      'range.from',
    ],
    [
      'a preset and dates together',
      { by: [], range: { preset: 'TODAY', from: '2026-01-01T00:00:00Z' } },
      'range.preset',
    ],
    ['an unknown time zone', { by: [], range: { preset: 'TODAY', timeZone: 'Mars/Olympus' } }, 'range.timeZone'],
    ['too many buckets', { by: [], range: { preset: 'LAST_90_DAYS' }, interval: 'MINUTE' }, 'interval'],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables, field) => {
    const result = await analytics.graphql(QUERY, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
  });
});

describe('storage', () => {
  it('keeps rollups equal to the raw tables', async () => {
    const rows = async (sql: string) =>
      (await analytics.service.store.client.query({ query: sql, format: 'JSONEachRow' })).json<
        Record<string, string>
      >();
    const raw = await rows(`SELECT section_id, country, channel, count() AS views, uniq(visitor_id) AS readers
                              FROM views GROUP BY section_id, country, channel ORDER BY section_id, country, channel`);
    const rollup = await rows(`SELECT section_id, country, channel, sum(views) AS views, uniqMerge(visitors) AS readers
                    FROM views_by_minute GROUP BY section_id, country, channel ORDER BY section_id, country, channel`);
    expect(rollup).toEqual(raw);
    expect(raw.reduce((sum, row) => sum + Number(row.views), 0)).toBe(views.length);
    // Section rollups: per UTC day, readers in the same sketch, articles exact, engaged time as increments.
    const bySectionDay = `SELECT section_id, day, sum(views) AS views, sum(readers) AS readers, sum(articles) AS articles,
                                 sum(shares) AS shares, sum(engaged_views) AS engaged_views, sum(engaged_seconds) AS engaged_seconds
                            FROM (%s) GROUP BY section_id, day ORDER BY section_id, day`;
    const fromRaw = `
      SELECT section_id, toDate(time) AS day, count() AS views, uniqCombined(12)(visitor_id) AS readers,
             uniqExact(article_id) AS articles, 0 AS shares, 0 AS engaged_views, 0 AS engaged_seconds
        FROM views GROUP BY section_id, day
      UNION ALL SELECT section_id, toDate(time), 0, 0, 0, count(), 0, 0 FROM shares GROUP BY section_id, toDate(time)
      UNION ALL SELECT section_id, toDate(time), 0, 0, 0, 0, uniqExact(view_id), sum(seconds)
        FROM (SELECT section_id, view_id, min(time) AS time, max(engaged_seconds) AS seconds FROM engagement GROUP BY ALL)
       GROUP BY section_id, toDate(time)`;
    const fromRollup = (table: string, time: string) => `
      SELECT section_id, toDate(${time}) AS day, sum(views) AS views, uniqCombinedMerge(12)(readers) AS readers,
             groupBitmapMerge(articles) AS articles, sum(shares) AS shares, sum(engaged_views) AS engaged_views,
             sum(engaged_seconds) AS engaged_seconds
        FROM ${table} GROUP BY section_id, day`;
    const truth = await rows(bySectionDay.replace('%s', fromRaw));
    expect(truth.length).toBeGreaterThan(0);
    expect(await rows(bySectionDay.replace('%s', fromRollup('section_days', 'day')))).toEqual(truth);
    expect(await rows(bySectionDay.replace('%s', fromRollup('section_hours', 'hour')))).toEqual(truth);
  });

  it('never stores an IP address', async () => {
    for (const table of ['views', 'shares', 'engagement', 'views_by_minute', 'shares_by_minute', 'section_hours']) {
      const text = await (
        await analytics.service.store.client.query({ query: `SELECT * FROM ${table}`, format: 'JSONEachRow' })
      ).text();
      for (const { ip } of PLACES) expect(text).not.toContain(ip);
    }
  });

  it('counts the same reader once a day and anew the next day', async () => {
    const reader = {
      ip: '95.173.136.70',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
    };
    const view = { type: 'view', articleId: '16', url: `https://${SITE_HOST}/a/16`, referrer: '' };
    const day = Date.UTC(2026, 1, 1, 10);
    for (const time of [day, day + HOUR, day + 24 * HOUR]) {
      analytics.clock.now = time;
      expect((await analytics.collect(view, reader)).status).toBe(202);
    }
    await analytics.service.flush();
    const result = await analytics.service.store.client.query({
      query: `SELECT toDate(time) AS day, uniqExact(visitor_id) AS ids, count() AS views FROM views
               WHERE time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') GROUP BY day ORDER BY day`,
      query_params: { from: day },
      format: 'JSONEachRow',
    });
    const days = await result.json<{ ids: string; views: string }>();
    expect(days.map((d) => [Number(d.ids), Number(d.views)])).toEqual([
      [1, 2],
      [1, 1],
    ]);
    const ids = await (
      await analytics.service.store.client.query({
        query: `SELECT DISTINCT toString(visitor_id) AS id FROM views WHERE time >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')`,
        query_params: { from: day },
        format: 'JSONEachRow',
      })
    ).json<{ id: string }>();
    expect(ids).toHaveLength(2);
  });

  it('counts a batch delivered twice once', async () => {
    analytics.clock.now = Date.UTC(2026, 2, 1, 12);
    const reader = {
      ip: (PLACES[2] as (typeof PLACES)[number]).ip,
      userAgent: (AGENTS[1] as (typeof AGENTS)[number]).ua,
    };
    const batch = {
      events: [
        { type: 'view', id: '0b7e3c1a-5f7e-4a0e-9c1e-2d2b1f6c9a01', articleId: '13', url: `https://${SITE_HOST}/a/13` },
        {
          type: 'share',
          id: '0b7e3c1a-5f7e-4a0e-9c1e-2d2b1f6c9a02',
          articleId: '13',
          network: 'vk',
          url: `https://${SITE_HOST}/a/13`,
        },
      ],
    };
    expect(await analytics.collect(batch, reader)).toEqual({ status: 202, body: { accepted: 2, dropped: 0 } });
    expect(await analytics.collect(batch, reader)).toEqual({ status: 202, body: { accepted: 0, dropped: 2 } });
    await analytics.service.flush();
    const result = await analytics.graphql<{ readership: { views: number }[]; shareStats: { shares: number }[] }>(
      `query($range: RangeInput) { readership(by: [], range: $range) { views } shareStats(by: NETWORK, range: $range) { shares } }`,
      { range: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } },
    );
    expect(result.data).toEqual({ readership: [{ views: 1 }], shareStats: [{ shares: 1 }] });
  });

  it('drops bots without writing them', async () => {
    const response = await analytics.collect(
      { type: 'view', articleId: '11', url: `https://${SITE_HOST}/a/11` },
      { ip: '66.249.66.1', userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
    );
    expect(response).toEqual({ status: 202, body: { accepted: 0, dropped: 1 } });
  });

  it('refuses an unknown article and malformed beacons, writing nothing', async () => {
    const before = views.length;
    analytics.clock.now = START + HOUR;
    const reader = {
      ip: (PLACES[0] as (typeof PLACES)[number]).ip,
      userAgent: (AGENTS[0] as (typeof AGENTS)[number]).ua,
    };
    const unknown = await analytics.collect(
      {
        events: [
          { type: 'view', articleId: '11', url: 'https://news.example/a' },
          { type: 'view', articleId: '999', url: 'https://news.example/b' },
        ],
      },
      reader,
    );
    expect(unknown).toMatchObject({ status: 400, body: { field: 'events[1].articleId' } });
    const broken = await analytics.collect('{"type":"view"', reader);
    expect(broken.status).toBe(400);
    await analytics.service.flush();
    const [row] = await (
      await analytics.service.store.client.query({
        query: `SELECT count() AS n FROM views WHERE time < fromUnixTimestamp64Milli({until:Int64}, 'UTC')`,
        query_params: { until: START + 48 * HOUR },
        format: 'JSONEachRow',
      })
    ).json<{ n: string }>();
    expect(Number(row?.n)).toBe(before);
  });
});

describe('recordView and recordShare', () => {
  it('record through the same pipeline, and refuse bad input naming the field', async () => {
    analytics.clock.now = Date.UTC(2026, 3, 1, 9);
    const record = `mutation($view: RecordViewInput!, $share: RecordShareInput!) {
      recordView(input: $view) { accepted dropped } recordShare(input: $share) { accepted } }`;
    const reader = { ip: '95.173.136.70', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0' };
    const ok = await analytics.graphql(record, {
      view: { articleId: '14', url: `https://${SITE_HOST}/a/14`, referrer: 'https://yandex.ru/search/?text=x', reader },
      share: { articleId: '14', network: 'telegram', url: `https://${SITE_HOST}/a/14`, reader },
    });
    expect(ok).toEqual({ data: { recordView: { accepted: 1, dropped: 0 }, recordShare: { accepted: 1 } } });
    await analytics.service.flush();
    const stored = await analytics.graphql<{ readership: { country: string; channel: string; views: number }[] }>(
      `{ readership(by: [COUNTRY, CHANNEL], range: { from: "2026-04-01T00:00:00Z", to: "2026-04-02T00:00:00Z" }) { country channel views } }`,
    );
    expect(stored.data?.readership).toEqual([{ country: 'RU', channel: 'search', views: 1 }]);

    for (const [variables, field] of [
      [
        {
          view: { articleId: '14', url: 'not a url', reader },
          share: { articleId: '14', network: 'x', url: 'https://a.b/', reader },
        },
        'input.url',
      ],
      [
        {
          view: { articleId: '404', url: 'https://a.b/', reader },
          share: { articleId: '14', network: 'x', url: 'https://a.b/', reader },
        },
        'input.articleId',
      ],
      [
        {
          view: { articleId: '14', url: 'https://a.b/', reader },
          share: { articleId: '14', network: 'myspace', url: 'https://a.b/', reader },
        },
        'input.network',
      ],
    ] as const) {
      const result = await analytics.graphql(record, variables);
      expect(result.errors?.[0]?.extensions, JSON.stringify(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
