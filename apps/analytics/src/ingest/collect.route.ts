import { clientIp } from '@byline/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ArticlesUnavailableError } from './articles.js';
import { collectCors } from './collect-cors.js';
import { countryFromHeader } from './enrich/geo.js';
import { type Ingest, IngestError, type Reader } from './ingest.js';
import { metricsAccess } from './metrics-access.js';
import { parsePayload } from './payload.js';
import { SpoolFullError } from './pipeline.js';
import { createRateLimit } from './rate-limit.js';
import { countRefusals } from './refusals.js';
import { createSites, eventsPerSite } from './site.js';
import { snippetRoute } from './snippet.route.js';

export interface CollectOptions {
  ingest: Ingest;
  trustedProxyHeader: string;
  cdnCountryHeader: string;
  /** Beacons a minute from one client IP. */
  ratePerMinute: number;
  /** Events a minute for one site. */
  sitePerMinute: number;
  /** SITE_HOSTS: events for pages elsewhere are refused. */
  siteHosts: string[];
  /** Browser origins allowed; empty: http(s) pages of the sites; `*`: any. */
  corsOrigins: string[];
  /** METRICS_TOKEN: `/metrics` needs it as a bearer token; unset: loopback clients only. */
  metricsToken: string | undefined;
}

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

function originCheck(options: CollectOptions, isSiteOrigin: (origin: string) => boolean) {
  if (options.corsOrigins.includes('*')) return () => true;
  if (options.corsOrigins.length === 0) return isSiteOrigin;
  const allowed = new Set(options.corsOrigins);
  return (origin: string) => allowed.has(origin);
}

/**
 * `POST /collect`: beacons as text/plain (navigator.sendBeacon) or JSON; one
 * event or a batch of up to 100, for pages of the site's hosts. 202 once the
 * events are on disk, 400 with the field for a bad event, 403 for a foreign
 * page or origin (nothing of the request is written), 429 over the rate of
 * the client IP or the site, 503 when the spool is full.
 * Also `GET /metrics` (counters) and `GET /byline.min.js` (the snippet).
 */
export async function collectRoute(app: FastifyInstance, options: CollectOptions): Promise<void> {
  const perIp = createRateLimit(options.ratePerMinute);
  const perSite = createRateLimit(options.sitePerMinute);
  const sites = createSites(options.siteHosts);
  const metrics = options.ingest.pipeline.metrics;
  await app.register(async (scope) => {
    const refusals = countRefusals(app, scope, metrics);
    collectCors(scope, originCheck(options, sites.isSiteOrigin), (request) =>
      refusals.refuse(request, 'foreign_origin'),
    );
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(['text/plain', 'application/json'], { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/collect', { bodyLimit: COLLECT_BODY_LIMIT }, async (request: FastifyRequest, reply: FastifyReply) => {
      const reader = readerOf(request, options);
      const wait = perIp.retryAfter(reader.ip);
      if (wait > 0) {
        refusals.refuse(request, 'rate_limited');
        return reply.status(429).header('retry-after', String(wait)).send({ error: 'too many requests' });
      }
      const parsed = parsePayload(typeof request.body === 'string' ? request.body : '');
      if (!parsed.ok) {
        refusals.refuse(request, 'invalid');
        return reply.status(400).send({ error: parsed.reason, field: parsed.field });
      }
      const bySite = eventsPerSite(sites, parsed.pages, parsed.form);
      if (!bySite.ok) {
        refusals.refuse(request, 'foreign_host');
        return reply.status(403).send({ error: `${bySite.field}: ${bySite.message}`, field: bySite.field });
      }
      const siteWait = perSite.take(bySite.events);
      if (siteWait > 0) {
        refusals.refuse(request, 'site_rate_limited', parsed.events.length);
        return reply
          .status(429)
          .header('retry-after', String(siteWait))
          .send({ error: `too many events for this site: at most ${options.sitePerMinute} a minute` });
      }
      try {
        const result = await options.ingest.record(parsed, reader);
        return reply.status(202).send(result);
      } catch (error) {
        if (error instanceof ArticlesUnavailableError) {
          request.log.warn(error.message);
          refusals.refuse(request, 'articles_unavailable');
          return reply.status(503).header('retry-after', '5').send({ error: 'busy: try again in a few seconds' });
        }
        // Ingest and the spool count their own refusals.
        refusals.counted(request);
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
  app.get('/metrics', { onRequest: metricsAccess(options.metricsToken, options.trustedProxyHeader) }, async () =>
    metrics.snapshot(),
  );
  await snippetRoute(app);
}
