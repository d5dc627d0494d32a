import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { clientIp } from '@byline/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { countryFromHeader } from './enrich/geo.js';
import { type Ingest, IngestError, type Reader } from './ingest.js';
import { parsePayload } from './payload.js';
import { SpoolFullError } from './pipeline.js';
import { createRateLimit } from './rate-limit.js';

export interface CollectOptions {
  ingest: Ingest;
  trustedProxyHeader: string;
  cdnCountryHeader: string;
  ratePerMinute: number;
}

/** The tracking snippet, served beside the collector so `data-endpoint` can be left out (src/ and dist/ alike). */
const SNIPPET = fileURLToPath(new URL('../../snippet/byline.min.js', import.meta.url));

/** Largest beacon accepted: a batch of 100 small events fits. */
const COLLECT_BODY_LIMIT = 8 * 1024;

export function readerOf(
  request: FastifyRequest,
  options: Pick<CollectOptions, 'trustedProxyHeader' | 'cdnCountryHeader'>,
): Reader {
  const header = (name: string) => {
    const value = name ? request.headers[name] : undefined;
    return Array.isArray(value) ? value[0] : value;
  };
  const country = options.cdnCountryHeader ? countryFromHeader(header(options.cdnCountryHeader)) : '';
  return {
    ip: clientIp(request.headers, request.socket.remoteAddress ?? '', options.trustedProxyHeader),
    userAgent: header('user-agent') ?? '',
    ...(country ? { country } : {}),
  };
}

/**
 * `POST /collect`: beacons as text/plain (navigator.sendBeacon) or JSON; one
 * event or a batch of up to 100. 202 once the events are on disk, 400 with
 * the field for a bad event, 429 over the rate, 503 when the spool is full.
 * Also `GET /metrics` (counters) and `GET /byline.min.js` (the snippet).
 */
export async function collectRoute(app: FastifyInstance, options: CollectOptions): Promise<void> {
  const limiter = createRateLimit(options.ratePerMinute);
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/collect', { bodyLimit: COLLECT_BODY_LIMIT }, async (request: FastifyRequest, reply: FastifyReply) => {
      const metrics = options.ingest.pipeline.metrics;
      const reader = readerOf(request, options);
      const wait = limiter.retryAfter(reader.ip);
      if (wait > 0) {
        metrics.reject('rate_limited');
        return reply.status(429).header('retry-after', String(wait)).send({ error: 'too many requests' });
      }
      const parsed = parsePayload(typeof request.body === 'string' ? request.body : '');
      if (!parsed.ok) {
        metrics.reject('invalid');
        return reply.status(400).send({ error: parsed.reason, field: parsed.field });
      }
      try {
        const result = await options.ingest.record(parsed.events, reader, parsed.form);
        return reply.status(202).send(result);
      } catch (error) {
        if (error instanceof IngestError) return reply.status(400).send({ error: error.message, field: error.field });
        if (error instanceof SpoolFullError) {
          return reply
            .status(503)
            .header('retry-after', '5')
            .send({ error: 'busy: events are not being accepted now' });
        }
        throw error;
      }
    });
  });
  app.get('/metrics', async () => options.ingest.pipeline.metrics.snapshot());
  const snippet = await readFile(SNIPPET, 'utf8');
  app.get('/byline.min.js', async (_request, reply) =>
    reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(snippet),
  );
}
