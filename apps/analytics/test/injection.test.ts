import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HOST, startTestAnalytics, type TestAnalytics } from './support/analytics.js';
import { INJECTIONS, leaksIn } from './support/hostile.js';

/**
 * SQL-injection strings in every free-text event field and every string argument of
 * the analytics graph: accepted text is stored and read back verbatim (after the
 * documented normalisation), refused text gets a clean error naming the field, and
 * no answer leaks SQL, a ClickHouse message or a stack trace.
 */

const START = Date.UTC(2026, 3, 6, 9);
const ARTICLES = [
  { article_id: '1', section_id: '1', edition: 'en', author_ids: ['1'] },
  { article_id: '2', section_id: '1', edition: 'en', author_ids: ['1'] },
];
const READER = {
  ip: '85.132.10.10',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
};
const RANGE = { from: new Date(START - 3_600_000).toISOString(), to: new Date(START + 3_600_000).toISOString() };
const CASES = INJECTIONS.map((text, i) => ({ text, i }));

/** What the payload rules refuse in URL fields: browsers percent-encode these. */
const hasSpaceOrControl = (text: string) => /[\s\p{Cc}]/u.test(text);
/** What the payload rules refuse as a referrer: the above, invisible characters, or no http(s) or app URL. */
const refusedReferrer = (text: string) =>
  hasSpaceOrControl(text) ||
  /[\p{Cs}\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u.test(text) ||
  !(text === '' || /^(https?:\/\/[^/]|android-app:\/\/[a-z]\w*(\.[a-z]\w*)+\/?$)/i.test(text));
/** How the collector keeps a UTM value: trimmed, lower-cased, at most 100 characters. */
const utmValue = (text: string) => text.trim().toLowerCase().slice(0, 100);
/** How a host or source name is compared: lower-case, without a trailing dot or a leading `www.`. */
const hostName = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
/** A referrer whose host carries the text, when URLs allow it there (quotes do). */
const hostileHost = (text: string) => {
  const url = `https://x${text}.example/`;
  return URL.canParse(url) && new URL(url).hostname.includes(text.toLowerCase()) ? url : undefined;
};

let analytics: TestAnalytics;
let tablesBefore: string[];
/** Views the collector accepted, by path: the ground truth of what ClickHouse must hold. */
const accepted = new Map<string, { url: string; referrer?: string }>();

type GraphQLAnswer = Awaited<ReturnType<TestAnalytics['graphql']>>;

async function tables(): Promise<string[]> {
  const result = await analytics.service.store.client.query({
    query: 'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name',
    format: 'JSONEachRow',
  });
  return (await result.json<{ name: string }>()).map((row) => row.name);
}

async function collect(event: Record<string, unknown>) {
  return analytics.collect({ type: 'view', articleId: '1', ...event }, READER);
}

/**
 * No error of the answer leaks anything; each is BAD_USER_INPUT naming `field`, in
 * `extensions.field` or, for a variable GraphQL itself refused, in the message.
 */
function expectCleanRefusal(answer: GraphQLAnswer, text: string, field: string) {
  const context = `${JSON.stringify(text)} → ${JSON.stringify(answer)}`;
  expect(answer.errors?.length, context).toBeGreaterThan(0);
  // The NUL check names the very string: the field, or one element of a list field.
  const named = new RegExp(`^${field.replaceAll('.', '\\.')}(?:\\[\\d+\\])?$`);
  for (const error of answer.errors ?? []) {
    expect(leaksIn(JSON.stringify(error), [text]), context).toEqual([]);
    expect(error.extensions?.stacktrace, context).toBeUndefined();
    expect(error.extensions?.code, context).toBe('BAD_USER_INPUT');
    const extensionField = String(error.extensions?.field ?? '');
    const ok =
      extensionField === field ||
      error.message.includes(`"${field}"`) ||
      (text.includes('\u0000') && named.test(extensionField));
    expect(ok, context).toBe(true);
  }
}

function expectNoErrors(answer: GraphQLAnswer, text: string) {
  expect(answer.errors, `${JSON.stringify(text)} → ${JSON.stringify(answer)}`).toBeUndefined();
}

beforeAll(async () => {
  analytics = await startTestAnalytics(ARTICLES, START);
  tablesBefore = await tables();
  expect(tablesBefore).toContain('views');
});
afterAll(() => analytics?.close());

describe('injection strings in event fields, through POST /collect', () => {
  it.each(CASES)(
    'a page path $text: stored verbatim as the URL carries it, or refused naming url',
    async ({ text, i }) => {
      const url = `https://${SITE_HOST}/inj/${i}/raw/${text}`;
      const answer = await collect({ url });
      if (hasSpaceOrControl(text)) {
        expect(answer).toEqual({ status: 400, body: { error: expect.any(String), field: 'url' } });
        expect(leaksIn(JSON.stringify(answer.body), [text])).toEqual([]);
      } else {
        expect(answer).toEqual({ status: 202, body: { accepted: 1, dropped: 0 } });
        accepted.set(new URL(url).pathname, { url });
      }
    },
  );

  it.each(CASES)('a raw referrer $text: accepted, or refused naming referrer', async ({ text, i }) => {
    const url = `https://${SITE_HOST}/inj/${i}/referrer`;
    const answer = await collect({ url, referrer: text });
    if (refusedReferrer(text)) {
      expect(answer).toEqual({ status: 400, body: { error: expect.any(String), field: 'referrer' } });
    } else {
      expect(answer).toEqual({ status: 202, body: { accepted: 1, dropped: 0 } });
      accepted.set(new URL(url).pathname, { url, referrer: text });
    }
  });

  it.each(CASES)('encoded in the path, UTM tags and referrer host: $text', async ({ text, i }) => {
    const value = encodeURIComponent(text);
    const url = `https://${SITE_HOST}/inj/${i}/enc/${value}?utm_source=${value}&utm_medium=social&utm_campaign=${value}`;
    const referrer = hostileHost(text) ?? `https://ref.example/${value}`;
    expect(await collect({ url, referrer })).toEqual({ status: 202, body: { accepted: 1, dropped: 0 } });
    accepted.set(new URL(url).pathname, { url, referrer });
  });

  it('stores each accepted event verbatim, and nothing else', async () => {
    await analytics.service.flush();
    const result = await analytics.service.store.client.query({
      query: `SELECT path, referrer_host, utm_source, utm_campaign FROM views WHERE startsWith(path, '/inj/')`,
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ path: string; referrer_host: string; utm_source: string; utm_campaign: string }>();
    expect(rows.map((row) => row.path).sort()).toEqual([...accepted.keys()].sort());
    for (const row of rows) {
      const sent = accepted.get(row.path);
      if (!sent) continue; // reported by the assertion above
      const page = new URL(sent.url);
      const referrerHost =
        sent.referrer && URL.canParse(sent.referrer) ? hostName(new URL(sent.referrer).hostname) : '';
      expect(row, sent.url).toEqual({
        path: page.pathname,
        referrer_host: referrerHost,
        utm_source: utmValue(page.searchParams.get('utm_source') ?? ''),
        utm_campaign: utmValue(page.searchParams.get('utm_campaign') ?? ''),
      });
    }
    // The encoded forms round-trip to the very strings sent.
    const decoded = rows
      .filter((row) => row.path.includes('/enc/'))
      .map((row) => decodeURIComponent(row.path.split('/enc/')[1] ?? ''));
    expect(decoded.sort()).toEqual([...INJECTIONS].sort());
  });

  it('reads the tagged sources back verbatim through the graph (Article.amplification)', async () => {
    const expected = new Map<string, number>();
    for (const text of INJECTIONS) {
      const network = hostName(utmValue(text));
      expected.set(network, (expected.get(network) ?? 0) + 1);
    }
    const answer = await analytics.graphql<{
      _entities: { amplification: { network: string; viewsBack: number }[] }[];
    }>(
      `query($representations: [_Any!]!, $range: RangeInput) {
        _entities(representations: $representations) { ... on Article { amplification(range: $range) { network viewsBack } } }
      }`,
      { representations: [{ __typename: 'Article', id: '1' }], range: RANGE },
    );
    expectNoErrors(answer, 'amplification');
    const networks = answer.data?._entities[0]?.amplification ?? [];
    expect(new Map(networks.map((row) => [row.network, row.viewsBack]))).toEqual(expected);
  });
});

const FILTER_FIELDS = ['sectionIds', 'articleIds', 'authorIds', 'editions', 'countries', 'channels', 'devices'];

describe('injection strings in every string argument of the graph', () => {
  it.each(CASES)('readership, topArticles and live filters: $text', async ({ text }) => {
    for (const key of FILTER_FIELDS) {
      for (const query of [
        'query($filter: ReadershipFilter) { readership(by: [CHANNEL], filter: $filter) { channel views } }',
        'query($filter: ReadershipFilter) { topArticles(filter: $filter) { views } }',
        'query($filter: ReadershipFilter) { live(filter: $filter) { activeReaders } }',
      ]) {
        expectCleanRefusal(await analytics.graphql(query, { filter: { [key]: [text] } }), text, `filter.${key}`);
      }
    }
    // Any region name of up to 100 characters may be asked for (but NUL): none matches, so the answer is empty.
    const regions = await analytics.graphql<{ readership: unknown[] }>(
      'query($filter: ReadershipFilter, $range: RangeInput) { readership(by: [REGION], filter: $filter, range: $range) { region views } }',
      { filter: { regions: [text] }, range: RANGE },
    );
    if (text.includes('\u0000')) expectCleanRefusal(regions, text, 'filter.regions');
    else {
      expectNoErrors(regions, text);
      expect(regions.data?.readership).toEqual([]);
    }
  });

  it.each(CASES)('range time zone and bounds: $text', async ({ text }) => {
    const readership = 'query($range: RangeInput) { readership(by: [], range: $range) { views } }';
    expectCleanRefusal(await analytics.graphql(readership, { range: { timeZone: text } }), text, 'range.timeZone');
    expectCleanRefusal(
      await analytics.graphql(readership, { range: { from: text, to: RANGE.to } }),
      text,
      'range.from',
    );
    expectCleanRefusal(
      await analytics.graphql(readership, { range: { from: RANGE.from, to: text } }),
      text,
      'range.to',
    );
    const entities = `query($representations: [_Any!]!, $range: RangeInput) {
      _entities(representations: $representations) {
        ... on Article { views(range: $range) viewsTimeline(range: $range) { views } }
        ... on Section { performance(range: $range) { current { views } } }
        ... on Author { performance(range: $range) { current { views } } }
      }
    }`;
    const representations = ['Article', 'Section', 'Author'].map((__typename) => ({ __typename, id: '1' }));
    expectCleanRefusal(
      await analytics.graphql(entities, { representations, range: { timeZone: text } }),
      text,
      'range.timeZone',
    );
  });

  it.each(['asia/baku', 'ASIA/BAKU', 'utc', 'US/Pacific', 'EST'])(
    'takes the time zone %s in any case or alias, as the zone it names',
    async (timeZone) => {
      const query = `query($range: RangeInput) {
        readership(by: [], interval: HOUR, range: $range) { bucket views }
        _entities(representations: [{ __typename: "Article", id: "1" }]) { ... on Article { viewsTimeline(range: $range, interval: DAY) { at views } } }
      }`;
      const asked = await analytics.graphql(query, { range: { ...RANGE, timeZone } });
      expectNoErrors(asked, timeZone);
      const canonical = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
      expect(asked).toEqual(await analytics.graphql(query, { range: { ...RANGE, timeZone: canonical } }));
    },
  );

  it.each(CASES)('entity ids: $text (no such entity: zeros, the id echoed)', async ({ text }) => {
    const answer = await analytics.graphql<{ _entities: Record<string, unknown>[] }>(
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Article { id views uniqueReaders shares { total } engagedTime { engagedViews } }
          ... on Section { id performance { current { views } } }
          ... on Author { id performance { current { views } } }
        }
      }`,
      { representations: ['Article', 'Section', 'Author'].map((__typename) => ({ __typename, id: text })) },
    );
    expectNoErrors(answer, text);
    const zero = { performance: { current: { views: 0 } } };
    expect(answer.data?._entities).toEqual([
      { id: text, views: 0, uniqueReaders: 0, shares: { total: 0 }, engagedTime: { engagedViews: 0 } },
      { id: text, ...zero },
      { id: text, ...zero },
    ]);
  });

  it.each(CASES)('recordView and recordShare inputs: $text', async ({ text, i }) => {
    const url = `https://${SITE_HOST}/inj/${i}/record`;
    const view = 'mutation($input: RecordViewInput!) { recordView(input: $input) { accepted dropped } }';
    const share = 'mutation($input: RecordShareInput!) { recordShare(input: $input) { accepted dropped } }';
    expectCleanRefusal(await analytics.graphql(view, { input: { articleId: text, url } }), text, 'input.articleId');
    expectCleanRefusal(await analytics.graphql(view, { input: { articleId: '2', url: text } }), text, 'input.url');
    expectCleanRefusal(await analytics.graphql(view, { input: { articleId: '2', url, id: text } }), text, 'input.id');
    expectCleanRefusal(
      await analytics.graphql(share, { input: { articleId: '2', url, network: text } }),
      text,
      'input.network',
    );
    const referred = await analytics.graphql(view, { input: { articleId: '2', url, referrer: text, reader: READER } });
    if (refusedReferrer(text)) expectCleanRefusal(referred, text, 'input.referrer');
    else expect(referred, text).toEqual({ data: { recordView: { accepted: 1, dropped: 0 } } });
    // The reader is used for the visitor id, geo and device, never stored as given: any text will do
    // (a user agent unlike any browser's counts as a bot's, and is dropped).
    for (const [key, reader] of [
      ['ip', { ...READER, ip: text }],
      ['userAgent', { ...READER, userAgent: text }],
    ] as const) {
      const answer = await analytics.graphql<{ recordView: { accepted: number; dropped: number } }>(view, {
        input: { articleId: '2', url, reader },
      });
      if (text.includes('\u0000')) expectCleanRefusal(answer, text, `input.reader.${key}`);
      else if (key === 'ip') expect(answer, text).toEqual({ data: { recordView: { accepted: 1, dropped: 0 } } });
      else {
        expectNoErrors(answer, text);
        const { accepted, dropped } = answer.data?.recordView ?? { accepted: 0, dropped: 0 };
        expect(accepted + dropped, text).toBe(1);
      }
    }
  });

  it('leaves every table in place, holding what was accepted', async () => {
    expect(await tables()).toEqual(tablesBefore);
    await analytics.service.flush();
    const result = await analytics.service.store.client.query({
      query: `SELECT count() AS n FROM views WHERE article_id = 1`,
      format: 'JSONEachRow',
    });
    const [row] = await result.json<{ n: string }>();
    expect(Number(row?.n)).toBe(accepted.size);
  });
});
