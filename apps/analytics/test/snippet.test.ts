import { randomUUID, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parsePayload } from '../src/ingest/payload.js';

const ENDPOINT = 'https://analytics.example/collect';
const PAGE = 'https://byline.example/politics/123-election-results';

const source = (name: string) => readFileSync(fileURLToPath(new URL(`../snippet/${name}`, import.meta.url)), 'utf8');

type Listener = (event?: unknown) => void;

interface FakePageOptions {
  attributes?: Record<string, string>;
  beacon?: boolean;
  prerendering?: boolean;
  /** A plain-http page, where crypto.randomUUID does not exist. */
  insecure?: boolean;
}

/** Runs the snippet against the few browser APIs it touches, recording what it sends. */
function fakePage(code: string, options: FakePageOptions = {}) {
  const attributes = options.attributes ?? { 'data-article-id': '123', 'data-endpoint': ENDPOINT };
  const sent: { url: string; body: string; via: 'beacon' | 'fetch'; init?: Record<string, unknown> }[] = [];
  const documentListeners: { type: string; listener: Listener; options: unknown }[] = [];
  const windowListeners: { type: string; listener: Listener }[] = [];
  const intervals: { callback: Listener; ms: number }[] = [];
  const clock = { now: 1_700_000_000_000 };

  const document = {
    currentScript: {
      src: 'https://byline.example/byline.min.js',
      getAttribute: (name: string) => attributes[name] ?? null,
    },
    referrer: 'https://t.co/abc123',
    visibilityState: 'visible',
    prerendering: options.prerendering ?? false,
    documentElement: { scrollHeight: 4000, scrollTop: 0 },
    addEventListener: (type: string, listener: Listener, listenerOptions?: unknown) =>
      documentListeners.push({ type, listener, options: listenerOptions }),
  };
  const context = {
    document,
    location: { href: PAGE },
    navigator:
      options.beacon === false
        ? {}
        : { sendBeacon: (url: string, body: string) => sent.push({ url, body, via: 'beacon' }) > 0 },
    fetch: (url: string, init: Record<string, unknown>) => {
      sent.push({ url, body: String(init.body), via: 'fetch', init });
      return Promise.resolve({});
    },
    crypto: options.insecure
      ? { getRandomValues: (array: Uint8Array) => webcrypto.getRandomValues(array) }
      : { randomUUID },
    Date: { now: () => clock.now },
    scrollY: 0,
    innerHeight: 1000,
    addEventListener: (type: string, listener: Listener) => windowListeners.push({ type, listener }),
    setInterval: (callback: Listener, ms: number) => intervals.push({ callback, ms }),
  };
  runInNewContext(code, context);

  const fire = (type: string, event?: unknown) => {
    for (const entry of documentListeners.filter((e) => e.type === type)) entry.listener(event);
  };
  return {
    sent,
    documentListeners,
    intervals,
    /** Every event sent, after checking each request passes the collector's own validation. */
    events: () =>
      sent.map(({ body }) => {
        const parsed = parsePayload(body);
        if (!parsed.ok) throw new Error(`collector would reject ${body}: ${parsed.reason}`);
        expect(parsed.events).toHaveLength(1);
        return parsed.events[0];
      }),
    elapse: (seconds: number) => {
      clock.now += seconds * 1000;
    },
    tick: (seconds: number) => {
      clock.now += seconds * 1000;
      for (const { callback } of intervals) callback();
    },
    scrollTo: (y: number) => {
      context.scrollY = y;
      for (const entry of windowListeners.filter((e) => e.type === 'scroll')) entry.listener();
    },
    setVisibility: (state: 'visible' | 'hidden') => {
      document.visibilityState = state;
      fire('visibilitychange');
    },
    click: (share: string | null) => {
      const button =
        share === null ? null : { getAttribute: (name: string) => (name === 'data-byline-share' ? share : null) };
      fire('click', {
        target: { closest: (selector: string) => (selector === '[data-byline-share]' ? button : null) },
      });
    },
    activate: () => {
      document.prerendering = false;
      fire('prerenderingchange');
    },
  };
}

describe('snippet/byline.min.js', () => {
  it('is under 2 KiB', () => {
    expect(Buffer.byteLength(source('byline.min.js'))).toBeLessThan(2048);
  });
});

describe.each(['byline.js', 'byline.min.js'])('snippet/%s', (file) => {
  const code = source(file);

  it('sends one view with the article id, page, referrer and a client id', () => {
    const page = fakePage(code);
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]).toMatchObject({ url: ENDPOINT, via: 'beacon' });
    const [view] = page.events();
    expect(view).toEqual({
      type: 'view',
      articleId: '123',
      url: PAGE,
      referrer: 'https://t.co/abc123',
      id: expect.any(String),
    });
  });

  it('sends a share for each delegated click on a share button, and nothing for other clicks', () => {
    const page = fakePage(code);
    expect(page.documentListeners.find((entry) => entry.type === 'click')?.options).toBe(true);
    page.click('telegram');
    page.click(null);
    page.click('print');
    page.click('copy_link');
    const shares = page.events().slice(1);
    expect(shares.map((event) => event?.type === 'share' && event.network)).toEqual(['telegram', 'print', 'copy_link']);
    expect(shares.every((event) => event?.articleId === '123' && event.url === PAGE)).toBe(true);
    expect(new Set(shares.map((event) => event?.id)).size).toBe(3);
  });

  it('sends engagement every 15 s, counting visible time only, with the deepest scroll', () => {
    const page = fakePage(code);
    expect(page.intervals.map((entry) => entry.ms)).toEqual([15_000]);
    const viewId = page.events()[0]?.id;

    page.tick(15);
    page.scrollTo(2000);
    page.scrollTo(500);
    page.elapse(5);
    page.setVisibility('hidden');
    page.tick(60); // hidden: nothing new to say
    page.setVisibility('visible');
    page.tick(10);

    const beats = page.events().slice(1);
    expect(beats).toEqual([
      expect.objectContaining({
        type: 'engagement',
        viewId,
        engagedSeconds: 15,
        previousSeconds: 0,
        scrollDepth: 25,
        url: PAGE,
      }),
      expect.objectContaining({ type: 'engagement', viewId, engagedSeconds: 20, previousSeconds: 15, scrollDepth: 75 }),
      expect.objectContaining({ type: 'engagement', viewId, engagedSeconds: 30, previousSeconds: 20, scrollDepth: 75 }),
    ]);
    expect(new Set(beats.map((event) => event?.id)).size).toBe(3);
  });

  it('sends no heartbeat before any visible time, e.g. in a background tab', () => {
    const page = fakePage(code);
    page.setVisibility('hidden');
    page.tick(15);
    expect(page.events().map((event) => event?.type)).toEqual(['view']);
  });

  it('makes valid random ids without crypto.randomUUID', () => {
    const page = fakePage(code, { insecure: true });
    page.click('x');
    const ids = page.events().map((event) => event?.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('falls back to a keepalive fetch without sendBeacon', () => {
    const page = fakePage(code, { beacon: false });
    expect(page.sent[0]).toMatchObject({ url: ENDPOINT, via: 'fetch', init: { method: 'POST', keepalive: true } });
    expect(page.events()[0]?.type).toBe('view');
  });

  it('does nothing without an article id', () => {
    const page = fakePage(code, { attributes: { 'data-endpoint': ENDPOINT } });
    expect(page.sent).toEqual([]);
    expect(page.documentListeners).toEqual([]);
    expect(page.intervals).toEqual([]);
  });

  it('waits for a prerendered page to be shown before counting the view', () => {
    const page = fakePage(code, { prerendering: true });
    expect(page.sent).toEqual([]);
    page.activate();
    expect(page.events().map((event) => event?.type)).toEqual(['view']);
  });
});
