import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ConfigError } from '@byline/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnalyticsConfig } from '../src/index.js';
import { SITE_HOST, startTestAnalytics, TEST_SECRET, type TestAnalytics } from './support/analytics.js';

const ARTICLE = { article_id: '7', section_id: '1', edition: 'en', author_ids: ['1'] };
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36';
const OTHER_SITE = 'other.example';
/** A site of `limited` that only the per-IP test uses. */
const THIRD_SITE = 'third.example';
const SITE_LIMIT = 10;
const METRICS_TOKEN = 'metrics-token-of-at-least-32-characters';

const START = Date.UTC(2026, 1, 2, 12);
let main: TestAnalytics;
/** Three sites, a low per-site limit, a low per-IP limit and an explicit CORS origin. */
let limited: TestAnalytics;

let readers = 0;
/** A reader of its own, so the per-IP limit stays out of the way unless a test wants it. */
function newReader() {
  readers += 1;
  return { ip: `85.132.${Math.floor(readers / 250)}.${(readers % 250) + 1}`, userAgent: USER_AGENT };
}

function view(url: string, extra: Record<string, unknown> = {}) {
  return { type: 'view', articleId: '7', url, ...extra };
}

async function post(
  analytics: TestAnalytics,
  body: unknown,
  headers: Record<string, string> = {},
  reader = newReader(),
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(analytics.collectUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-forwarded-for': reader.ip, 'user-agent': reader.userAgent, ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Views stored under a path prefix, once everything spooled is in ClickHouse. */
async function storedViews(analytics: TestAnalytics, prefix: string): Promise<number> {
  await analytics.service.flush();
  const result = await analytics.service.store.client.query({
    query: 'SELECT count() AS n FROM views WHERE startsWith(path, {prefix:String})',
    query_params: { prefix },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ n: string }>();
  return Number(row?.n);
}

async function rejected(analytics: TestAnalytics): Promise<Record<string, number>> {
  const metrics = (await (await fetch(analytics.collectUrl.replace(/\/collect$/, '/metrics'))).json()) as {
    rejected: Record<string, number>;
  };
  return metrics.rejected;
}

function preflight(analytics: TestAnalytics, origin: string) {
  return fetch(analytics.collectUrl, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

const prefix = () => `/abuse/${randomUUID()}/`;

describe('a collector for one site', () => {
  beforeAll(async () => {
    main = await startTestAnalytics([ARTICLE], START);
  });
  afterAll(() => main?.close());

  describe('the allow-list of site hosts', () => {
    it('refuses a whole batch when one event is for a foreign host, naming it, and writes none of it', async () => {
      const path = prefix();
      const batch = [0, 1, 2, 4].map((i) => view(`https://${SITE_HOST}${path}${i}`));
      batch.splice(3, 0, view(`https://evil.example${path}3`));
      const before = (await rejected(main)).foreign_host ?? 0;
      const answer = await post(main, { events: batch });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ error: expect.stringContaining('events[3].url'), field: 'events[3].url' });
      expect(await storedViews(main, path)).toBe(0);
      expect((await rejected(main)).foreign_host).toBe(before + 1);
    });

    it('names the field as the payload was sent: a bare array or a single event', async () => {
      const path = prefix();
      const array = await post(main, [view(`https://${SITE_HOST}${path}a`), view(`https://evil.example${path}b`)]);
      expect([array.status, array.body.field]).toEqual([403, '[1].url']);
      const single = await post(main, view(`https://evil.example${path}c`));
      expect([single.status, single.body.field]).toEqual([403, 'url']);
      expect(await storedViews(main, path)).toBe(0);
    });

    it.each([
      ['a look-alike suffix', `https://evil${SITE_HOST}`],
      ['the site as a subdomain of another', `https://${SITE_HOST}.evil.example`],
      ['the site as user info', `https://${SITE_HOST}@evil.example`],
      ['the site in the query', `https://evil.example/?u=https://${SITE_HOST}/`],
      ['a parent of the site', 'https://example'],
      ['an IP address', 'https://127.0.0.1'],
    ])('refuses %s', async (_name, origin) => {
      const path = prefix();
      const answer = await post(main, view(`${origin}${path}`));
      expect([answer.status, answer.body.field]).toEqual([403, 'url']);
      expect(await storedViews(main, path)).toBe(0);
    });

    it('accepts the site, its subdomains, any port, any case and a trailing dot', async () => {
      const path = prefix();
      const urls = [
        `https://${SITE_HOST}${path}1`,
        `http://www.${SITE_HOST}${path}2`,
        `https://m.${SITE_HOST}:8443${path}3`,
        `https://${SITE_HOST.toUpperCase()}${path}4`,
        `https://${SITE_HOST}.${path}5`,
      ];
      const answer = await post(main, { events: urls.map((url) => view(url)) });
      expect(answer).toMatchObject({ status: 202, body: { accepted: urls.length, dropped: 0 } });
      expect(await storedViews(main, path)).toBe(urls.length);
    });
  });

  describe('referrer spam', () => {
    it('drops views referred by listed spammers or their subdomains, like bots, and counts them', async () => {
      const path = prefix();
      const spam = [
        'https://semalt.com/',
        'http://sub.semalt.com/page?x=1',
        'https://WWW.Darodar.com/',
        'https://ilovevitaly.ru.',
      ];
      const fine = ['https://notsemalt.com/', 'https://semalt.com.news-review.example/', 'https://www.google.com/', ''];
      const events = [
        ...spam.map((referrer, i) => view(`https://${SITE_HOST}${path}spam${i}`, { referrer })),
        ...fine.map((referrer, i) => view(`https://${SITE_HOST}${path}fine${i}`, { referrer })),
        // Dropped before its article is looked up: an unknown id does not turn spam into a 400.
        { ...view(`https://${SITE_HOST}${path}spam-unknown`, { referrer: 'https://semalt.com/' }), articleId: '999' },
      ];
      const before = (await rejected(main)).referrer_spam ?? 0;
      const answer = await post(main, { events });
      expect(answer).toMatchObject({ status: 202, body: { accepted: fine.length, dropped: spam.length + 1 } });
      expect(await storedViews(main, `${path}fine`)).toBe(fine.length);
      expect(await storedViews(main, `${path}spam`)).toBe(0);
      expect((await rejected(main)).referrer_spam).toBe(before + spam.length + 1);
    });
  });

  describe('CORS on /collect', () => {
    it.each([`https://${SITE_HOST}`, `http://${SITE_HOST}`, `https://www.${SITE_HOST}`, `http://m.${SITE_HOST}:5173`])(
      'answers a preflight from the site origin %s',
      async (origin) => {
        const response = await preflight(main, origin);
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
        expect(response.headers.get('access-control-allow-methods')).toContain('POST');
        expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      },
    );

    it.each(['https://evil.example', `https://evil${SITE_HOST}`, `ftp://${SITE_HOST}`, 'null'])(
      'gives no CORS headers to %s, and refuses its POSTs',
      async (origin) => {
        const response = await preflight(main, origin);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        const path = prefix();
        const answer = await post(main, view(`https://${SITE_HOST}${path}`), { origin });
        expect([answer.status, answer.body.field]).toEqual([403, 'origin']);
        expect(answer.headers.get('access-control-allow-origin')).toBeNull();
        expect(await storedViews(main, path)).toBe(0);
      },
    );

    it("lets a site page's POST through with its origin echoed, and requests without Origin too", async () => {
      const path = prefix();
      const fromPage = await post(main, view(`https://${SITE_HOST}${path}1`), { origin: `https://${SITE_HOST}` });
      expect(fromPage.status).toBe(202);
      expect(fromPage.headers.get('access-control-allow-origin')).toBe(`https://${SITE_HOST}`);
      expect(fromPage.headers.get('vary')).toContain('origin');
      expect((await post(main, view(`https://${SITE_HOST}${path}2`))).status).toBe(202);
      expect(await storedViews(main, path)).toBe(2);
    });

    it('sends no CORS headers on the other routes: /graphql is reached only through the gateway', async () => {
      const origin = `https://${SITE_HOST}`;
      const base = main.collectUrl.replace(/\/collect$/, '');
      for (const response of [
        await fetch(`${base}/healthz`, { headers: { origin } }),
        await fetch(`${base}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: '{}',
        }),
      ]) {
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });
});

describe('a collector for three sites with low limits', () => {
  beforeAll(async () => {
    limited = await startTestAnalytics([ARTICLE], START, {
      SITE_HOSTS: `${SITE_HOST},${OTHER_SITE},${THIRD_SITE}`,
      RATE_LIMIT_PER_SITE_PER_MINUTE: String(SITE_LIMIT),
      RATE_LIMIT_PER_MINUTE: '3',
      COLLECT_CORS_ORIGINS: 'https://app.partner.example',
    });
  });
  afterAll(() => limited?.close());

  describe('the per-site rate limit', () => {
    it('counts events per site, answers 429 with Retry-After and a reason, and leaves other sites alone', async () => {
      const path = prefix();
      const views = (site: string, n: number) =>
        Array.from({ length: n }, (_, i) => view(`https://${site}${path}${site}/${i}`));
      const statuses: number[] = [];
      let accepted = 0;
      let refusedEvents = 0;
      const send = async (events: ReturnType<typeof view>[]) => {
        const answer = await post(limited, { events });
        statuses.push(answer.status);
        if (answer.status === 202) accepted += events.length;
        else refusedEvents += events.length;
        return answer;
      };
      const before = (await rejected(limited)).site_rate_limited ?? 0;

      await send(views(SITE_HOST, 4));
      await send(views(SITE_HOST, 4));
      const over = await send(views(SITE_HOST, 3)); // 8 + 3 > 10: refused whole, nothing counted
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(over.body.error).toEqual(expect.stringContaining(`${SITE_LIMIT} a minute`));
      await send(views(SITE_HOST, 2)); // exactly 10
      await send(views(`m.${SITE_HOST}`, 1)); // a subdomain counts for its site
      await send(views(OTHER_SITE, 5));
      await send([...views(SITE_HOST, 1), ...views(OTHER_SITE, 1)]); // one full site refuses the batch, charging neither
      await send(views(OTHER_SITE, 5)); // still room for 5
      await send(views(OTHER_SITE, 1));
      expect(statuses).toEqual([202, 202, 429, 202, 429, 202, 429, 202, 429]);

      expect(await storedViews(limited, path)).toBe(accepted);
      expect(accepted).toBe(2 * SITE_LIMIT);
      expect((await rejected(limited)).site_rate_limited).toBe(before + refusedEvents);
    });

    it('keeps the per-IP limit, counted in requests, checked first', async () => {
      const reader = newReader();
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await post(limited, view(`https://${THIRD_SITE}/ip/${i}`), {}, reader));
      expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 429, 429]);
      expect(answers[3]?.body.error).toBe('too many requests');
      expect(Number(answers[3]?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another reader is not affected.
      expect((await post(limited, view(`https://${THIRD_SITE}/ip/5`))).status).toBe(202);
    });
  });

  describe('CORS', () => {
    it('follows COLLECT_CORS_ORIGINS instead of the site hosts when it is set', async () => {
      const partner = await preflight(limited, 'https://app.partner.example');
      expect(partner.headers.get('access-control-allow-origin')).toBe('https://app.partner.example');
      const site = await preflight(limited, `https://${SITE_HOST}`);
      expect(site.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('configuration', () => {
  it.each([
    ['SITE_HOSTS', 'https://news.example'],
    ['SITE_HOSTS', 'news.example:8080'],
    ['SITE_HOSTS', 'news.example/path'],
    ['SITE_HOSTS', ' , '],
    ['COLLECT_CORS_ORIGINS', 'news.example'],
    ['COLLECT_CORS_ORIGINS', 'https://news.example/'],
    ['RATE_LIMIT_PER_SITE_PER_MINUTE', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadAnalyticsConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAnalyticsConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads SITE_HOSTS in lower case', () => {
    expect(
      loadAnalyticsConfig({ SITE_HOSTS: 'News.Example,localhost', INTERNAL_SECRET: TEST_SECRET }).siteHosts,
    ).toEqual(['news.example', 'localhost']);
  });
});

describe('hardening, round two', () => {
  /** Default settings: no METRICS_TOKEN. */
  let plain: TestAnalytics;
  beforeAll(async () => {
    plain = await startTestAnalytics([ARTICLE], START);
  });
  afterAll(() => plain?.close());

  const INVISIBLE = [
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\ud800',
    '\udfff',
  ];
  const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`;

  it.each(INVISIBLE.map((char) => [codePoint(char), char]))(
    'refuses %s in a URL or a referrer with 400 naming the field, writing nothing',
    async (_name, char) => {
      const path = prefix();
      const inUrl = await post(plain, view(`https://${SITE_HOST}${path}a${char}b`));
      expect([inUrl.status, inUrl.body.field]).toEqual([400, 'url']);
      const inReferrer = await post(plain, {
        events: [view(`https://${SITE_HOST}${path}c`, { referrer: `https://ref.example/${char}x` })],
      });
      expect([inReferrer.status, inReferrer.body.field]).toEqual([400, 'events[0].referrer']);
      expect(inReferrer.body.error).toEqual(expect.any(String));
      expect(await storedViews(plain, path)).toBe(0);
    },
  );

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'android-app://x/',
    'not_a_url',
    '//evil.example/',
    'ftp://a.b/',
  ])('refuses the referrer %s: referrers are http(s) URLs, app referrers or empty', async (referrer) => {
    const path = prefix();
    const answer = await post(plain, view(`https://${SITE_HOST}${path}`, { referrer }));
    expect([answer.status, answer.body.field]).toEqual([400, 'referrer']);
    expect(await storedViews(plain, path)).toBe(0);
    const fine = await post(plain, view(`https://${SITE_HOST}${path}ok`, { referrer: '' }));
    expect(fine.status).toBe(202);
  });

  it('counts every refusal at /metrics by reason, those Fastify and Node raise before the route too', async () => {
    const before = await rejected(plain);
    const raw = async (headers: Record<string, string>, body: string | Buffer) =>
      (await fetch(plain.collectUrl, { method: 'POST', headers, body })).status;
    const ok = JSON.stringify(view(`https://${SITE_HOST}${prefix()}`));
    const bomb = gzipSync(Buffer.alloc(1_000_000, ' '));
    const statuses = [
      await raw({ 'content-type': 'text/plain' }, `[${ok},${JSON.stringify('x'.repeat(9000))}]`),
      await raw({ 'content-type': 'application/xml' }, ok),
      await raw({ 'content-type': 'text/plain', 'content-encoding': 'gzip' }, bomb),
      await raw({ 'content-type': 'text/plain', 'x-padding': 'x'.repeat(20_000) }, ok),
      await raw({ 'content-type': 'text/plain' }, '{"type":'),
    ];
    expect(statuses).toEqual([413, 415, 415, 431, 400]);
    const after = await rejected(plain);
    const grew = (reason: string) => (after[reason] ?? 0) - (before[reason] ?? 0);
    expect({
      body_too_large: grew('body_too_large'),
      unsupported_media_type: grew('unsupported_media_type'),
      unsupported_encoding: grew('unsupported_encoding'),
      header_too_large: grew('header_too_large'),
      invalid: grew('invalid'),
    }).toEqual({
      body_too_large: 1,
      unsupported_media_type: 1,
      unsupported_encoding: 1,
      header_too_large: 1,
      invalid: 1,
    });
  });

  it('answers /metrics without a token only to loopback clients, never to a proxied public one', async () => {
    const base = plain.collectUrl.replace(/\/collect$/, '');
    const local = await fetch(`${base}/metrics`);
    expect(local.status).toBe(200);
    const proxied = await fetch(`${base}/metrics`, { headers: { 'x-forwarded-for': '85.132.1.1' } });
    expect(proxied.status).toBe(403);
    expect(await proxied.json()).toEqual({ error: expect.any(String) });
  });

  it('refuses a METRICS_TOKEN shorter than 32 characters', () => {
    expect(() => loadAnalyticsConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('a collector with METRICS_TOKEN', () => {
  let hardened: TestAnalytics;
  beforeAll(async () => {
    hardened = await startTestAnalytics([ARTICLE], START, { METRICS_TOKEN });
  });
  afterAll(() => hardened?.close());

  it('answers /metrics only with METRICS_TOKEN when it is set, from loopback too', async () => {
    const metrics = hardened.collectUrl.replace(/\/collect$/, '/metrics');
    const answers = [
      await fetch(metrics),
      await fetch(metrics, { headers: { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` } }),
      await fetch(metrics, { headers: { authorization: METRICS_TOKEN } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
    expect(await answers[0]?.json()).toEqual({ error: expect.any(String) });
    const good = await fetch(metrics, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(good.status).toBe(200);
    expect(await good.json()).toHaveProperty('rejected');
  });
});

describe('a collector whose content subgraph does not answer', () => {
  let orphaned: TestAnalytics;
  let content: Server;
  beforeAll(async () => {
    // Accepts connections and never answers: the article lookup times out, as on a starved machine.
    content = createServer(() => {});
    content.listen(0, '127.0.0.1');
    await once(content, 'listening');
    const { port } = content.address() as AddressInfo;
    orphaned = await startTestAnalytics(
      [],
      START,
      { CONTENT_URL: `http://127.0.0.1:${port}/graphql` },
      { contentSubgraph: true },
    );
  });
  afterAll(async () => {
    await orphaned?.close();
    content?.closeAllConnections();
    content?.close();
  });

  it('answers 503 with Retry-After and a JSON reason, never 500, counts it, and writes nothing', async () => {
    const path = prefix();
    const before = (await rejected(orphaned)).articles_unavailable ?? 0;
    const answer = await post(orphaned, view(`https://${SITE_HOST}${path}`));
    expect(answer.status).toBe(503);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answer.body).toEqual({ error: expect.any(String) });
    expect((await rejected(orphaned)).articles_unavailable).toBe(before + 1);
    expect(await storedViews(orphaned, path)).toBe(0);
  });
});
