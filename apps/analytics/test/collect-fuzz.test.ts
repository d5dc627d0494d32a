import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHARE_NETWORKS } from '../src/ingest/events.js';
import { SITE_HOST, startTestAnalytics, type TestAnalytics } from './support/analytics.js';
import { INJECTIONS } from './support/hostile.js';

/**
 * Property-based fuzzing of `POST /collect` through real HTTP into a real chDB store.
 * Every generated request carries the answer it must get: the rows it must add, or
 * none at all. Requests that must be refused use only POISON, an article no accepted
 * event uses, so a single row of it means an invalid request wrote something.
 */

const ARTICLES = ['1', '2', '3', '4', '5'];
const POISON = '666';
const UNKNOWN_ARTICLE = '424242';
const RUNS = 2_000;
const BODY_LIMIT = 8 * 1024;
const EVENT_KEYS = new Set([
  'type',
  'articleId',
  'url',
  'referrer',
  'id',
  'network',
  'viewId',
  'engagedSeconds',
  'previousSeconds',
  'scrollDepth',
]);
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0',
];
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/8.5.0',
  'python-requests/2.31.0',
];
const SPAM_REFERRERS = ['https://semalt.com/', 'http://www.darodar.com/x?y=1', 'https://a.b.ilovevitaly.ru/'];

type Table = 'views' | 'shares' | 'engagement';
type Event = Record<string, unknown>;
interface Generated {
  event: Event;
  table: Table;
  spam: boolean;
}
interface Case {
  label: string;
  body: string;
  contentType: string;
  ip: string;
  userAgent: string;
  /** Rows the request adds, one per event kept; undefined when it must be refused whole. */
  rows?: { table: Table; articleId: string }[];
  dropped?: number;
  /** The exact refusal status, when the case fixes one. */
  status?: number;
  /** Content-Encoding sent with the body, when the case sets one. */
  contentEncoding?: string;
}

// ---- strings ---------------------------------------------------------------------------

const hostile = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '\u202e', '\ufeff', 'NaN', 'Infinity', '-0', '1e999'),
);
/** As a browser sends it in `location.href`: percent-encoded (lone surrogates cannot be, so they become U+FFFD). */
const encoded = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'));
const controls = fc.constantFrom(
  '\u0000',
  '\n',
  '\r',
  '\t',
  ' ',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u00a0',
  '\u001b',
  // zero-width and bidi controls, the byte order mark, lone surrogates
  '\u200b',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\ud800',
  '\udfff',
);

// ---- valid events ----------------------------------------------------------------------

const siteHost = fc.constantFrom(SITE_HOST, `www.${SITE_HOST}`, `m.${SITE_HOST}`, SITE_HOST.toUpperCase());
const pageUrl = fc
  .record({
    host: siteHost,
    path: hostile,
    source: fc.option(hostile),
    medium: fc.option(fc.oneof(fc.constantFrom('social', 'email', 'cpc', 'newsletter'), hostile)),
    campaign: fc.option(hostile),
  })
  .map(({ host, path, source, medium, campaign }) => {
    const query = Object.entries({ utm_source: source, utm_medium: medium, utm_campaign: campaign })
      .filter(([, value]) => value !== null)
      .map(([name, value]) => `${name}=${encoded(value as string)}`)
      .join('&');
    return `https://${host}/${encoded(path)}${query ? `?${query}` : ''}`;
  });
const referrer = fc.oneof(
  fc.constant(''),
  pageUrl,
  fc.tuple(fc.domain(), hostile).map(([domain, path]) => `https://${domain}.test/${encoded(path)}`),
  fc.constant('android-app://com.google.android.gm/'),
);
/** Referrers must be http(s) URLs, Android apps' referrers or empty. */
const notHttpReferrer = fc.constantFrom(
  'android-app://x/',
  'not_a_url',
  "';DROP--",
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/',
);

function events(articleId: fc.Arbitrary<string>, spam: boolean): fc.Arbitrary<Generated> {
  const ref = spam
    ? fc.oneof({ arbitrary: referrer, weight: 9 }, { arbitrary: fc.constantFrom(...SPAM_REFERRERS), weight: 1 })
    : referrer;
  return fc.oneof(
    fc
      .record({ articleId, url: pageUrl, referrer: fc.option(ref, { nil: undefined }) })
      .map(({ referrer, ...rest }) => ({
        event: { type: 'view', ...rest, ...(referrer === undefined ? {} : { referrer }) },
        table: 'views' as const,
        spam: referrer !== undefined && SPAM_REFERRERS.includes(referrer),
      })),
    fc.record({ articleId, url: pageUrl, network: fc.constantFrom(...SHARE_NETWORKS) }).map((event) => ({
      event: { type: 'share', ...event },
      table: 'shares' as const,
      spam: false,
    })),
    fc
      .record({
        articleId,
        url: pageUrl,
        viewId: fc.uuid({ version: 4 }),
        seconds: fc.tuple(fc.integer({ min: 0, max: 86_400 }), fc.integer({ min: 0, max: 86_400 })),
        scrollDepth: fc.integer({ min: 0, max: 100 }),
      })
      .map(({ seconds: [a, b], ...event }) => ({
        event: { type: 'engagement', ...event, engagedSeconds: Math.max(a, b), previousSeconds: Math.min(a, b) },
        table: 'engagement' as const,
        spam: false,
      })),
  );
}

const countedEvent = events(fc.constantFrom(...ARTICLES), true);
/** Valid on its own, but only ever sent inside a request that must be refused. */
const poisonEvent = events(fc.constant(POISON), false).map((generated) => generated.event);

type Form = 'single' | 'envelope' | 'array';
function serialise(list: unknown[], form: Form): string {
  if (form === 'single' && list.length === 1) return JSON.stringify(list[0]);
  return JSON.stringify(form === 'array' ? list : { events: list });
}

const reader = fc.record({
  ip: fc.oneof(fc.ipV4(), fc.ipV6()),
  userAgent: fc.constantFrom(...BROWSERS),
  contentType: fc.constantFrom('text/plain', 'text/plain;charset=UTF-8', 'application/json'),
});

// ---- cases -----------------------------------------------------------------------------

const validCase: fc.Arbitrary<Case> = fc
  .record({
    list: fc.array(countedEvent, { minLength: 1, maxLength: 8 }),
    form: fc.constantFrom<Form>('single', 'envelope', 'array'),
    bot: fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: fc.constantFrom(...BOTS), weight: 1 }),
    reader,
  })
  .map(({ list, form, bot, reader }) => {
    const body = serialise(
      list.map((generated) => generated.event),
      form,
    );
    const base = { ...reader, body, userAgent: bot ?? reader.userAgent };
    if (Buffer.byteLength(body) > BODY_LIMIT) return { ...base, label: 'valid but over 8 KB', status: 413 };
    // Heartbeats name views this run never sent: the collector drops them (collect-engagement.test.ts credits real ones).
    const kept = bot ? [] : list.filter((generated) => !generated.spam && generated.table !== 'engagement');
    return {
      ...base,
      label: bot ? 'valid, from a bot' : 'valid',
      rows: kept.map(({ table, event }) => ({ table, articleId: event.articleId as string })),
      dropped: list.length - kept.length,
    };
  });

const wrongString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);
const wrongNumber = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ max: -1 }),
  fc.integer({ min: 86_401 }),
  fc.double({ noInteger: true, noDefaultInfinity: true }).filter((n) => !Number.isNaN(n)),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 0.5),
);

/** One event that makes any request holding it invalid, with the reason. */
const badEvent: fc.Arbitrary<{ event: Event | string; status?: number }> = fc.oneof(
  // a field of the wrong type or out of range
  fc.tuple(poisonEvent, wrongString, wrongNumber, fc.nat()).map(([event, text, number, pick]) => {
    const keys = Object.keys(event);
    const key = keys[pick % keys.length] as string;
    const numeric = key === 'engagedSeconds' || key === 'previousSeconds' || key === 'scrollDepth';
    return { event: { ...event, [key]: numeric ? number : text } };
  }),
  // a required field missing
  fc.tuple(poisonEvent, fc.nat()).map(([event, pick]) => {
    const required = Object.keys(event).filter((key) => key !== 'referrer');
    const { [required[pick % required.length] as string]: _gone, ...rest } = event;
    return { event: rest };
  }),
  // an unknown key, prototype-pollution keys first
  fc
    .tuple(
      poisonEvent,
      fc
        .oneof(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'),
          fc.string({ maxLength: 12 }),
        )
        .filter((key) => !EVENT_KEYS.has(key)),
      fc.jsonValue(),
    )
    .map(([event, key, value]) => ({
      event: JSON.stringify(event).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify({ polluted: value })},`),
    })),
  // numbers JSON can spell but no integer field takes
  fc.constantFrom('1e999', '-1e999', '123456789012345678901234567890', '86400.5').map((number) => ({
    event: `{"type":"engagement","articleId":"${POISON}","viewId":"0b7e3c1a-5f7e-4a0e-9c1e-2d2b1f6c9a01","engagedSeconds":${number},"previousSeconds":0,"scrollDepth":10,"url":"https://${SITE_HOST}/n"}`,
  })),
  // whitespace or a control character in a URL field
  fc.tuple(poisonEvent, hostile, controls, fc.boolean()).map(([event, text, control, inUrl]) => ({
    event: inUrl
      ? { ...event, url: `https://${SITE_HOST}/${encoded(text)}${control}` }
      : {
          ...event,
          type: 'view',
          network: undefined,
          viewId: undefined,
          engagedSeconds: undefined,
          previousSeconds: undefined,
          scrollDepth: undefined,
          referrer: `${text}${control}`,
        },
  })),
  // a referrer that is not an http(s) URL
  fc.tuple(poisonEvent, notHttpReferrer).map(([event, referrer]) => ({
    event: {
      type: 'view',
      articleId: event.articleId,
      url: event.url,
      referrer,
    },
  })),
  // a URL over 2000 characters
  poisonEvent.map((event) => ({ event: { ...event, url: `https://${SITE_HOST}/${'a'.repeat(2000)}` } })),
  // a page that is not an absolute http(s) URL
  fc
    .tuple(
      poisonEvent,
      fc.constantFrom('/relative', 'javascript:alert(1)', `ftp://${SITE_HOST}/x`, 'https://', 'not_a_url'),
    )
    .map(([event, url]) => ({ event: { ...event, url } })),
  // a page on a foreign host
  fc
    .tuple(
      poisonEvent,
      fc.oneof(
        fc.domain().filter((domain) => domain !== SITE_HOST && !domain.endsWith(`.${SITE_HOST}`)),
        fc.constantFrom(`evil${SITE_HOST}`, `${SITE_HOST}.evil.test`, `${SITE_HOST}@evil.test`, '127.0.0.1', '[::1]'),
      ),
    )
    .map(([event, host]) => ({ event: { ...event, url: `https://${host}/x` }, status: 403 })),
  // an article the content subgraph does not know
  poisonEvent.map((event) => ({ event: { ...event, articleId: UNKNOWN_ARTICLE }, status: 400 })),
  // not an event at all
  fc.jsonValue().map((value) => ({ event: JSON.stringify(value ?? null).replaceAll('"type"', '"kind"') })),
);

function withReader(label: string, body: fc.Arbitrary<{ body: string; status?: number }>): fc.Arbitrary<Case> {
  return fc.tuple(body, reader).map(([{ body, status }, reader]) => {
    // Over 8 KB the body limit answers first, whatever the body holds.
    const over = Buffer.byteLength(body) > BODY_LIMIT;
    return { label: over ? `${label}, over 8 KB` : label, body, ...reader, status: over ? 413 : status };
  });
}

const rawEvent = (event: Event | string) => (typeof event === 'string' ? event : JSON.stringify(event));

const invalidCase: fc.Arbitrary<Case> = fc.oneof(
  withReader(
    'one bad event',
    badEvent.map(({ event, status }) => ({ body: rawEvent(event), status })),
  ),
  withReader(
    'a batch with one bad event',
    fc
      .tuple(fc.array(poisonEvent, { minLength: 1, maxLength: 6 }), badEvent, fc.nat(), fc.boolean())
      .map(([good, bad, at, envelope]) => {
        const items = good.map((event) => JSON.stringify(event));
        items.splice(at % (items.length + 1), 0, rawEvent(bad.event));
        const array = `[${items.join(',')}]`;
        return { body: envelope ? `{"events":${array}}` : array, status: bad.status };
      }),
  ),
  withReader(
    'malformed JSON',
    fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.tuple(poisonEvent, fc.nat()).map(([event, cut]) => {
          const text = JSON.stringify({ events: [event] });
          return text.slice(0, cut % text.length);
        }),
        fc.constantFrom(
          '{"events":[',
          '[[[[[[[[[[',
          '{"type":"view",}',
          "{'type':'view'}",
          'NaN',
          'undefined',
          '\u0000',
        ),
      )
      .filter((text) => {
        try {
          JSON.parse(text);
          return false;
        } catch {
          return true;
        }
      })
      .map((body) => ({ body })),
  ),
  withReader(
    'empty or the wrong shape',
    fc
      .constantFrom('', '[]', '{}', '{"events":[]}', 'null', '0', '""', '{"events":{}}', '{"events":null}')
      .map((body) => ({
        body,
      })),
  ),
  withReader(
    'an envelope with an unknown key',
    fc.tuple(poisonEvent, fc.constantFrom('__proto__', 'constructor', 'extra', 'events2')).map(([event, key]) => ({
      body: `{"events":[${JSON.stringify(event)}],${JSON.stringify(key)}:{"polluted":true}}`,
    })),
  ),
  withReader(
    'more than 100 events',
    fc.constant({
      body: JSON.stringify(
        Array.from({ length: 101 }, () => ({ type: 'view', articleId: POISON, url: `https://${SITE_HOST}/` })),
      ),
    }),
  ),
  withReader(
    'over 8 KB',
    fc
      .tuple(fc.array(poisonEvent, { minLength: 1, maxLength: 3 }), fc.integer({ min: 8_200, max: 64_000 }))
      .map(([list, size]) => ({ body: JSON.stringify({ events: list, pad: 'x'.repeat(size) }), status: 413 })),
  ),
  fc
    .tuple(
      poisonEvent,
      reader,
      fc.constantFrom(
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'text/html',
        'application/xml',
      ),
    )
    .map(([event, reader, contentType]) => ({
      label: 'another content type',
      body: JSON.stringify(event),
      ...reader,
      contentType,
      status: 415,
    })),
  // a compressed body (a decompression bomb among them): never decompressed, refused before it is read
  fc
    .tuple(
      poisonEvent,
      reader,
      fc.constantFrom('gzip', 'br', 'deflate', 'GZIP', 'identity, gzip', 'x-unknown'),
      fc.boolean(),
    )
    .map(([event, reader, contentEncoding, bomb]) => ({
      label: `a ${contentEncoding} body`,
      body: bomb ? `{"pad":"${'0'.repeat(4_000)}"}` : JSON.stringify(event),
      ...reader,
      contentEncoding,
      status: 415,
    })),
);

// ---- the run ---------------------------------------------------------------------------

let analytics: TestAnalytics;

beforeAll(async () => {
  const catalogue = [...ARTICLES, POISON].map((id) => ({
    article_id: id,
    section_id: '1',
    edition: 'en',
    author_ids: ['1'],
  }));
  analytics = await startTestAnalytics(catalogue, Date.UTC(2026, 2, 3, 10));
});
afterAll(() => analytics?.close());

async function send(request: Case): Promise<{ status: number; body: unknown }> {
  const response = await fetch(analytics.collectUrl, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-forwarded-for': request.ip,
      'user-agent': request.userAgent,
      ...(request.contentEncoding ? { 'content-encoding': request.contentEncoding } : {}),
    },
    body: request.body,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the assertions below say so
  }
  return { status: response.status, body };
}

async function rejectedTotal(): Promise<number> {
  const metrics = await fetch(analytics.collectUrl.replace(/\/collect$/, '/metrics'));
  const { rejected } = (await metrics.json()) as { rejected: Record<string, number> };
  return Object.values(rejected).reduce((sum, count) => sum + count, 0);
}

async function storedRows(): Promise<Record<string, number>> {
  const result = await analytics.service.store.client.query({
    query: `SELECT 'views' AS t, toString(article_id) AS a, count() AS n FROM views GROUP BY a
            UNION ALL SELECT 'shares', toString(article_id), count() FROM shares GROUP BY article_id
            UNION ALL SELECT 'engagement', toString(article_id), count() FROM engagement GROUP BY article_id`,
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ t: string; a: string; n: string }>();
  return Object.fromEntries(rows.map((row) => [`${row.t}/${row.a}`, Number(row.n)]).sort());
}

it(`survives ${RUNS} hostile and valid requests: no 5xx, nothing from invalid input, every valid event counted once`, async () => {
  const expected: Record<string, number> = {};
  const seen = { valid: 0, refused: 0, dropped: 0 };
  const rejectedBefore = await rejectedTotal();
  const started = performance.now();

  await fc.assert(
    fc.asyncProperty(
      fc.oneof({ arbitrary: validCase, weight: 3 }, { arbitrary: invalidCase, weight: 7 }),
      async (request) => {
        const answer = await send(request);
        const context = `${request.label}: ${request.body.slice(0, 300)} → ${answer.status} ${JSON.stringify(answer.body)}`;
        expect(answer.status, context).toBeLessThan(500);
        expect(typeof answer.body, context).toBe('object');
        if (request.rows) {
          expect(answer, context).toEqual({
            status: 202,
            body: { accepted: request.rows.length, dropped: request.dropped },
          });
          for (const row of request.rows) {
            const key = `${row.table}/${row.articleId}`;
            expected[key] = (expected[key] ?? 0) + 1;
          }
          seen.valid += 1;
          seen.dropped += request.dropped ?? 0;
        } else {
          expect(answer.status, context).toBeGreaterThanOrEqual(400);
          if (request.status) expect(answer.status, context).toBe(request.status);
          expect(answer.body, context).toMatchObject({ error: expect.any(String) });
          seen.refused += 1;
        }
      },
    ),
    { numRuns: RUNS },
  );
  const elapsed = performance.now() - started;

  // Still answering, and nothing of the hostile keys reached any prototype of this process (the service runs in it).
  const base = analytics.collectUrl.replace(/\/collect$/, '');
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  // Every refused request is counted once by reason at /metrics, and every dropped event too.
  expect(await rejectedTotal()).toBe(rejectedBefore + seen.refused + seen.dropped);

  await analytics.service.flush();
  const stored = await storedRows();
  expect(Object.keys(stored).filter((key) => key.endsWith(`/${POISON}`))).toEqual([]);
  expect(stored).toEqual(Object.fromEntries(Object.entries(expected).sort()));
  // Both kinds really ran.
  expect(seen.valid).toBeGreaterThan(RUNS / 10);
  expect(seen.refused).toBeGreaterThan(RUNS / 2);
  console.info(
    `collect fuzz: ${RUNS} requests in ${(elapsed / 1000).toFixed(1)} s; ${seen.valid} valid ` +
      `(${Object.values(expected).reduce((a, b) => a + b, 0)} events stored, ${seen.dropped} dropped), ${seen.refused} refused`,
  );
}, 120_000);
