import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HOST, startTestAnalytics, type TestAnalytics } from './support/analytics.js';

const ARTICLE = { article_id: '7', section_id: '1', edition: 'en', author_ids: ['1'] };
const READER = { ip: '85.132.1.1', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36' };
const view = { type: 'view', articleId: '7', url: `https://${SITE_HOST}/a/7` };

let analytics: TestAnalytics;
let base: string;
/** Beacons accepted and refused for rate by the tests before the counters are read. */
const counted = { accepted: 0, limited: 0 };

beforeAll(async () => {
  analytics = await startTestAnalytics([ARTICLE], Date.UTC(2026, 0, 5, 12), { RATE_LIMIT_PER_MINUTE: '5' });
  base = analytics.service.url.replace(/\/graphql$/, '');
});
afterAll(() => analytics?.close());

describe('POST /collect limits', () => {
  it('refuses a body over 8 KB with 413 and a JSON reason, writing nothing', async () => {
    const response = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.9.9.9', 'user-agent': READER.userAgent },
      body: JSON.stringify({ ...view, referrer: `https://example.org/${'x'.repeat(9000)}` }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toHaveProperty('error');
    await analytics.service.flush();
    expect(
      (
        await analytics.graphql<{ readership: unknown[] }>(
          '{ readership(by: [], range: { from: "2026-01-05T00:00:00Z", to: "2026-01-06T00:00:00Z" }) { views } }',
        )
      ).data?.readership,
    ).toEqual([{ views: 0 }]);
  });

  it('refuses a streamed body that passes 8 KB with 413 without waiting for the rest, writing nothing', async () => {
    const url = new URL(`${base}/collect`);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sent = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      sent.on('error', reject);
      // Chunked, so no content-length announces the size: the limit must hold while reading.
      sent.write(`[${JSON.stringify(view)},`);
      sent.write(`${JSON.stringify({ ...view, referrer: `https://example.org/${'x'.repeat(9000)}` })}]`);
    });
    expect(status).toBe(413);
    expect(JSON.parse(body)).toHaveProperty('error');
    await analytics.service.flush();
    const metrics = (await (await fetch(`${base}/metrics`)).json()) as { accepted: { views: number } };
    expect(metrics.accepted.views).toBe(counted.accepted);
  });

  it('survives a client that hangs up in the middle of its body', async () => {
    const url = new URL(`${base}/collect`);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST /collect HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: text/plain\r\ncontent-length: 5000\r\n\r\n{"type":`,
        );
        setTimeout(() => {
          socket.resetAndDestroy();
          resolve();
        }, 50);
      });
      socket.on('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.9.9.7' },
      body: '{',
    });
    expect([after.status, ((await after.json()) as { field: string }).field]).toEqual([400, 'body']);
  });

  it('leaves other methods on /collect to the router: 404 with a JSON reason', async () => {
    const response = await fetch(`${base}/collect`);
    expect(response.status).toBe(404);
    expect(await response.json()).toHaveProperty('error');
  });

  it('refuses other content types with 415', async () => {
    const response = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.9.8' },
      body: 'type=view',
    });
    expect(response.status).toBe(415);
  });

  it('limits each client IP to its rate and answers 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await analytics.collect(view, READER)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    // Another reader is not affected.
    expect((await analytics.collect(view, { ...READER, ip: '95.173.136.70' })).status).toBe(202);
    counted.accepted += statuses.filter((status) => status === 202).length + 1;
    counted.limited += statuses.filter((status) => status === 429).length;
    const limited = await fetch(`${base}/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': READER.ip, 'user-agent': READER.userAgent },
      body: JSON.stringify(view),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    counted.limited += 1;
  });

  it('serves the tracking snippet', async () => {
    const response = await fetch(`${base}/byline.min.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect((await response.text()).length).toBeLessThan(2048);
  });

  it('reports counters at /metrics', async () => {
    const metrics = (await (await fetch(`${base}/metrics`)).json()) as {
      accepted: { views: number };
      rejected: Record<string, number>;
    };
    expect(metrics.accepted.views).toBe(counted.accepted);
    expect(metrics.rejected.rate_limited).toBe(counted.limited);
  });
});

describe('the tracking snippet', () => {
  const snippetFile = () => readFile(new URL('../snippet/byline.min.js', import.meta.url));

  it('is served compressed as the client asks, with an ETag, long caching and CORS for SRI', async () => {
    const file = await snippetFile();
    const answers = await Promise.all(
      ['br', 'gzip', 'gzip, deflate, br', 'identity', 'br;q=0, gzip'].map((accept) =>
        fetch(`${base}/byline.min.js`, { headers: { 'accept-encoding': accept } }),
      ),
    );
    expect(answers.map((answer) => answer.headers.get('content-encoding'))).toEqual(['br', 'gzip', 'br', null, 'gzip']);
    for (const answer of answers) {
      // fetch decompresses: every variant is the file itself.
      expect(Buffer.from(await answer.arrayBuffer()).equals(file)).toBe(true);
      expect(answer.headers.get('vary')).toContain('accept-encoding');
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(Number(/max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '')?.[1])).toBeGreaterThanOrEqual(
        86_400,
      );
    }
    const raw = await new Promise<{ length: number; encoding?: string }>((resolve, reject) => {
      const url = new URL(`${base}/byline.min.js`);
      request(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { 'accept-encoding': 'br' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ length: Buffer.concat(chunks).length, encoding: response.headers['content-encoding'] }),
          );
        },
      )
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('br');
    expect(raw.length).toBeLessThan(file.length * 0.7);
    const etag = answers[0]?.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${base}/byline.min.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('matches the integrity hash documented for the embed tag', async () => {
    const readme = await readFile(new URL('../snippet/README.md', import.meta.url), 'utf8');
    const documented = /integrity="(sha384-[A-Za-z0-9+/=]+)"/.exec(readme)?.[1];
    const served = Buffer.from(await (await fetch(`${base}/byline.min.js`)).arrayBuffer());
    expect(documented).toBe(`sha384-${createHash('sha384').update(served).digest('base64')}`);
  });
});
