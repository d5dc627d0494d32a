import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePayload } from './payload.js';

const VIEW_ID = '6f1c1f0e-8a5b-4c1d-9f3e-2b7a4d5c6e70';
const view = { type: 'view', articleId: '123', url: 'https://byline.example/news/123', referrer: '', id: VIEW_ID };
const share = { type: 'share', articleId: '123', network: 'telegram', url: 'https://byline.example/news/123' };
const engagement = {
  type: 'engagement',
  articleId: '123',
  viewId: VIEW_ID,
  engagedSeconds: 42,
  previousSeconds: 27,
  scrollDepth: 80,
  url: 'https://byline.example/news/123',
};

const json = (value: unknown) => JSON.stringify(value);
const events = (...list: unknown[]) => json({ events: list });
/** The events' page URLs, as parsePayload hands them on parsed. */
const pages = (...list: { url: string }[]) => list.map((event) => new URL(event.url));

describe('parsePayload accepts', () => {
  it('a single event', () => {
    expect(parsePayload(json(view))).toEqual({ ok: true, events: [view], pages: pages(view), form: 'single' });
  });

  it('a batch object', () => {
    expect(parsePayload(events(view, share, engagement))).toEqual({
      ok: true,
      events: [view, share, engagement],
      pages: pages(view, share, engagement),
      form: 'envelope',
    });
  });

  it('a bare array', () => {
    expect(parsePayload(json([share, engagement]))).toEqual({
      ok: true,
      events: [share, engagement],
      pages: pages(share, engagement),
      form: 'array',
    });
  });

  it('100 events, optional fields left out, every share network', () => {
    const { referrer: _r, id: _i, ...minimalView } = view;
    expect(parsePayload(json(minimalView))).toEqual({
      ok: true,
      events: [minimalView],
      pages: pages(minimalView),
      form: 'single',
    });
    expect(parsePayload(events(...Array.from({ length: 100 }, () => view)))).toMatchObject({ ok: true });
    for (const network of ['facebook', 'x', 'whatsapp', 'vk', 'linkedin', 'reddit', 'email', 'copy_link', 'print']) {
      expect(parsePayload(json({ ...share, network }))).toMatchObject({ ok: true });
    }
  });

  it('a view with a referrer from an Android app and boundary numbers', () => {
    const fromApp = { ...view, referrer: 'android-app://org.telegram.messenger/' };
    expect(parsePayload(json(fromApp))).toEqual({ ok: true, events: [fromApp], pages: pages(fromApp), form: 'single' });
    const bounds = { ...engagement, engagedSeconds: 86_400, scrollDepth: 0 };
    expect(parsePayload(json(bounds))).toEqual({ ok: true, events: [bounds], pages: pages(bounds), form: 'single' });
  });
});

const malformed: [name: string, body: string, field: string][] = [
  ['empty body', '', 'body'],
  ['not JSON', 'type=view&articleId=1', 'body'],
  ['truncated JSON', '{"type":"view"', 'body'],
  ['JSON string', json('view'), 'body'],
  ['JSON number', '42', 'body'],
  ['JSON null', 'null', 'body'],
  ['JSON true', 'true', 'body'],
  ['empty array', '[]', 'body'],
  ['empty batch', events(), 'events'],
  ['101 events', events(...Array.from({ length: 101 }, () => view)), 'events'],
  ['events not an array', json({ events: view }), 'events'],
  ['events nested in events', json({ events: { events: [view] } }), 'events'],
  ['batch with an extra key', json({ events: [view], site: 'x' }), 'site'],
  ['array nested in a batch', events([view]), 'events[0]'],
  ['null event in a batch', events(view, null), 'events[1]'],
  ['batch nested in a batch', events({ events: [view] }), 'events[0].type'],
  ['missing type', json({ articleId: '1', url: view.url }), 'type'],
  ['unknown type', json({ ...view, type: 'click' }), 'type'],
  ['type with another case', json({ ...view, type: 'View' }), 'type'],
  ['missing articleId', json({ type: 'view', url: view.url }), 'articleId'],
  ['numeric articleId', json({ ...view, articleId: 123 }), 'articleId'],
  ['articleId with letters', json({ ...view, articleId: '12a' }), 'articleId'],
  ['negative articleId', json({ ...view, articleId: '-1' }), 'articleId'],
  ['articleId with a leading zero', json({ ...view, articleId: '0123' }), 'articleId'],
  ['19-digit articleId', json({ ...view, articleId: '1234567890123456789' }), 'articleId'],
  ['articleId with SQL', json({ ...view, articleId: "1' OR 1=1" }), 'articleId'],
  ['articleId as array', json({ ...view, articleId: ['1'] }), 'articleId'],
  ['missing url', json({ type: 'view', articleId: '1' }), 'url'],
  ['relative url', json({ ...view, url: '/news/123' }), 'url'],
  ['javascript: url', json({ ...view, url: 'javascript:alert(1)' }), 'url'],
  ['ftp url', json({ ...view, url: 'ftp://byline.example/file' }), 'url'],
  ['url with a newline', json({ ...view, url: 'https://byline.example/\nx' }), 'url'],
  ['url over 2000 characters', json({ ...view, url: `https://byline.example/${'a'.repeat(2000)}` }), 'url'],
  ['referrer over 2000 characters', json({ ...view, referrer: `https://a.example/${'a'.repeat(2000)}` }), 'referrer'],
  ['referrer as object', json({ ...view, referrer: { href: 'https://a.example/' } }), 'referrer'],
  ['malformed id', json({ ...view, id: 'not-a-uuid' }), 'id'],
  ['unknown key', json({ ...view, ip: '1.2.3.4' }), 'ip'],
  ['user agent smuggled', json({ ...view, userAgent: 'Googlebot' }), 'userAgent'],
  [
    '__proto__ key',
    `{"type":"view","articleId":"1","url":"https://a.example/","__proto__":{"polluted":1}}`,
    '__proto__',
  ],
  ['constructor key', json({ ...view, constructor: { prototype: { polluted: 1 } } }), 'constructor'],
  ['__proto__ on a batch', `{"events":[${json(view)}],"__proto__":{"polluted":1}}`, '__proto__'],
  ['unknown share network', json({ ...share, network: 'myspace' }), 'network'],
  ['missing share network', json({ type: 'share', articleId: '1', url: view.url }), 'network'],
  ['network on a view', json({ ...view, network: 'x' }), 'network'],
  ['engagement without viewId', json({ ...engagement, viewId: undefined }), 'viewId'],
  ['engagedSeconds as string', json({ ...engagement, engagedSeconds: '42' }), 'engagedSeconds'],
  ['fractional engagedSeconds', json({ ...engagement, engagedSeconds: 1.5 }), 'engagedSeconds'],
  ['negative engagedSeconds', json({ ...engagement, engagedSeconds: -1 }), 'engagedSeconds'],
  ['engagedSeconds over a day', json({ ...engagement, engagedSeconds: 86_401 }), 'engagedSeconds'],
  ['previousSeconds over engagedSeconds', json({ ...engagement, previousSeconds: 43 }), 'previousSeconds'],
  ['missing previousSeconds', json({ ...engagement, previousSeconds: undefined }), 'previousSeconds'],
  ['huge engagedSeconds', '{"type":"engagement","engagedSeconds":1e400}', 'articleId'],
  ['scrollDepth over 100', json({ ...engagement, scrollDepth: 101 }), 'scrollDepth'],
  ['scrollDepth as boolean', json({ ...engagement, scrollDepth: true }), 'scrollDepth'],
  ['bad field deep in a batch', events(view, share, engagement, { ...share, network: 'fax' }), 'events[3].network'],
  ['bad field in a bare array', json([view, { ...view, url: 'nope' }]), '[1].url'],
  ['unknown key with control characters', json({ ...view, 'a\nb\u0000': 1 }), 'a?b?'],
  ['very long unknown key', json({ ...view, ['k'.repeat(10_000)]: 1 }), 'k'.repeat(64)],
];

describe('parsePayload rejects', () => {
  it.each(malformed)('%s', (_name, body, field) => {
    const result = parsePayload(body);
    expect(result).toMatchObject({ ok: false, field });
    if (!result.ok) expect(result.reason).toContain(field);
  });

  it.each([
    ['body', 'not valid JSON', 'type=view'],
    ['body', 'expected an object', 'null'],
    ['events', 'expected 1 to 100 events', events()],
    ['events', 'expected an array', json({ events: view })],
    ['site', 'unknown field', json({ events: [view], site: 'x' })],
    ['events[1]', 'expected an object', events(view, null)],
    ['type', 'expected "view", "share" or "engagement"', json({ ...view, type: 'click' })],
    ['articleId', 'expected a string of digits', json({ ...view, articleId: 123 })],
    ['articleId', 'expected a positive decimal id of at most 18 digits', json({ ...view, articleId: '0123' })],
    ['url', 'expected a string', json({ type: 'view', articleId: '1' })],
    ['url', 'contains whitespace or control characters', json({ ...view, url: 'https://byline.example/\nx' })],
    ['url', 'longer than 2000 characters', json({ ...view, url: `https://byline.example/${'a'.repeat(2000)}` })],
    ['url', 'expected an absolute http(s) URL', json({ ...view, url: '/news/123' })],
    ['id', 'expected a UUID', json({ ...view, id: 'not-a-uuid' })],
    [
      'network',
      'expected one of facebook, x, telegram, whatsapp, vk, linkedin, reddit, email, copy_link, print, native_share',
      json({ ...share, network: 'myspace' }),
    ],
    ['engagedSeconds', 'expected an integer from 0 to 86400', json({ ...engagement, engagedSeconds: 1.5 })],
    ['scrollDepth', 'expected an integer from 0 to 100', json({ ...engagement, scrollDepth: 101 })],
    ['previousSeconds', 'must not exceed engagedSeconds', json({ ...engagement, previousSeconds: 43 })],
  ])('names %s: %s', (field, message, body) => {
    expect(parsePayload(body)).toEqual({ ok: false, field, message, reason: `${field}: ${message}` });
  });

  it('has at least 30 malformed cases', () => {
    expect(malformed.length).toBeGreaterThanOrEqual(30);
  });

  it('does not pollute Object.prototype', () => {
    parsePayload('{"events":[{"type":"view","__proto__":{"polluted":true}}]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a big numeric value with the failing field', () => {
    const body = json(engagement).replace('"scrollDepth":80', '"scrollDepth":1e400');
    expect(body).toContain('1e400');
    expect(parsePayload(body)).toMatchObject({ field: 'scrollDepth' });
  });
});

describe('parsePayload on random input', () => {
  const check = (body: string) => {
    const result = parsePayload(body);
    if (result.ok) {
      expect(result.events.length).toBeGreaterThan(0);
    } else {
      expect(result.reason.length).toBeGreaterThan(0);
      expect(result.field.length).toBeGreaterThan(0);
    }
  };

  it('never throws on random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => check(JSON.stringify(value) ?? '')),
      { numRuns: 500 },
    );
  });

  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 300 });
  });

  it('never throws on events with random field values', () => {
    const anyValue = fc.oneof(fc.jsonValue(), fc.constantFrom(...Object.values(view), VIEW_ID, 'telegram', 42));
    const event = fc.record(
      { type: fc.constantFrom('view', 'share', 'engagement'), articleId: anyValue, url: anyValue, viewId: anyValue },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 3 }), (list) => check(json({ events: list }))),
      { numRuns: 300 },
    );
  });
});
