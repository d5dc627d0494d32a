import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientIp, type Logger } from '@byline/http';
import { countryFromHeader } from './enrich/geo.js';
import { type Ingest, IngestError, type Reader } from './ingest.js';
import { parsePayload } from './payload.js';
import { SpoolFullError } from './pipeline.js';
import { createRateLimit } from './rate-limit.js';
import { createSites, eventsPerSite } from './site.js';

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
  log: Pick<Logger, 'error'>;
}

/** Largest beacon accepted: a batch of 100 small events fits. */
const COLLECT_BODY_LIMIT = 8 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const TOO_LARGE = 'request body is too large';
const BODY_TYPES = /^(text\/plain|application\/json)\s*(;|$)/i;

type Headers = Record<string, string>;
const PREFLIGHT: Headers = {
  'access-control-allow-methods': 'POST',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};
interface Answer {
  status: number;
  body?: object;
  headers?: Headers;
}

export function readerOf(
  request: Pick<IncomingMessage, 'headers' | 'socket'>,
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
 * `POST /collect` (and its CORS preflight), served on Node's HTTP server before
 * the framework sees the request: it is the busiest route by far, and the
 * framework's routing, hooks and body parsing cost as much as the work itself.
 *
 * Beacons as text/plain (navigator.sendBeacon) or JSON; one event or a batch of
 * up to 100, for pages of the site's hosts. 202 once the events are on disk,
 * 400 with the field for a bad event, 403 for a foreign page or origin (nothing
 * of the request is written), 413 over 8 KB, 415 for other bodies, 429 over the
 * rate of the client IP or the site, 503 when the spool is full. CORS: a browser
 * on an allowed origin gets it echoed (no credentials), preflight included; any
 * other origin gets no CORS headers and its POSTs a 403, since CORS alone does
 * not stop a simple text/plain POST. Requests without `Origin` (servers) pass.
 *
 * Answers false for any other request, which the framework then serves.
 */
export function createCollectHandler(options: CollectOptions) {
  const perIp = createRateLimit(options.ratePerMinute);
  const perSite = createRateLimit(options.sitePerMinute);
  const sites = createSites(options.siteHosts);
  const allows = originCheck(options, sites.isSiteOrigin);
  const metrics = options.ingest.pipeline.metrics;

  async function collect(request: IncomingMessage, body: string): Promise<Answer> {
    const reader = readerOf(request, options);
    const wait = perIp.retryAfter(reader.ip);
    if (wait > 0) {
      metrics.reject('rate_limited');
      return { status: 429, headers: { 'retry-after': String(wait) }, body: { error: 'too many requests' } };
    }
    const parsed = parsePayload(body);
    if (!parsed.ok) {
      metrics.reject('invalid');
      return { status: 400, body: { error: parsed.reason, field: parsed.field } };
    }
    const bySite = eventsPerSite(sites, parsed.pages, parsed.form);
    if (!bySite.ok) {
      metrics.reject('foreign_host');
      return { status: 403, body: { error: `${bySite.field}: ${bySite.message}`, field: bySite.field } };
    }
    const siteWait = perSite.take(bySite.events);
    if (siteWait > 0) {
      metrics.reject('site_rate_limited', parsed.events.length);
      const error = `too many events for this site: at most ${options.sitePerMinute} a minute`;
      return { status: 429, headers: { 'retry-after': String(siteWait) }, body: { error } };
    }
    try {
      return { status: 202, body: await options.ingest.record(parsed, reader) };
    } catch (error) {
      if (error instanceof IngestError) return { status: 400, body: { error: error.message, field: error.field } };
      if (error instanceof SpoolFullError) {
        const body = { error: 'busy: events are not being accepted now' };
        return { status: 503, headers: { 'retry-after': '5' }, body };
      }
      throw error;
    }
  }

  function post(request: IncomingMessage, response: ServerResponse, cors: Headers): void {
    const type = request.headers['content-type'];
    const declared = Number(request.headers['content-length'] ?? 0);
    const hasBody = request.headers['transfer-encoding'] !== undefined || declared > 0;
    if (type === undefined ? hasBody : !BODY_TYPES.test(type)) {
      refuse(request, response, cors, 415, `unsupported media type: ${type ?? 'none'}`);
    } else if (declared > COLLECT_BODY_LIMIT) {
      refuse(request, response, cors, 413, TOO_LARGE);
    } else {
      readBody(request, (body) => answer(request, response, cors, body));
    }
  }

  function answer(request: IncomingMessage, response: ServerResponse, cors: Headers, body: string | undefined): void {
    if (body === undefined) {
      refuse(request, response, cors, 413, TOO_LARGE);
      return;
    }
    collect(request, body).then(
      (answer) => send(response, answer.status, answer.body, answer.headers ? { ...cors, ...answer.headers } : cors),
      (error: unknown) => {
        options.log.error('POST /collect', error);
        send(response, 500, { error: 'internal error' }, cors);
      },
    );
  }

  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const { url = '', method } = request;
    if (!(url === '/collect' || url.startsWith('/collect?')) || (method !== 'POST' && method !== 'OPTIONS')) {
      return false;
    }
    const origin = request.headers.origin;
    const allowed = origin !== undefined && allows(origin);
    const cors: Headers = allowed ? { vary: 'origin', 'access-control-allow-origin': origin } : { vary: 'origin' };
    if (method === 'OPTIONS') {
      send(response, 204, undefined, allowed ? { ...cors, ...PREFLIGHT } : cors);
    } else if (origin !== undefined && !allowed) {
      metrics.reject('foreign_origin');
      refuse(request, response, cors, 403, 'this origin may not send events here', 'origin');
    } else {
      post(request, response, cors);
    }
    return true;
  };
}

/** Calls back with the body as text, or undefined once it passes the limit (the rest is not read). */
function readBody(request: IncomingMessage, done: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > COLLECT_BODY_LIMIT) {
      request.removeAllListeners('data').removeAllListeners('end');
      done(undefined);
      return;
    }
    chunks.push(chunk);
  });
  // A client gone mid-body: nobody to answer, nothing was spooled.
  request.once('error', () => request.removeAllListeners('data').removeAllListeners('end'));
  request.on('end', () =>
    done(chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString()),
  );
}

/** An answer before or instead of reading the body: the connection is closed after it, so no unread body follows. */
function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  cors: Headers,
  status: number,
  error: string,
  field?: string,
): void {
  const unread = !request.readableEnded && !request.complete;
  send(response, status, field ? { error, field } : { error }, unread ? { ...cors, connection: 'close' } : cors);
  if (unread) response.once('finish', () => request.destroy());
}

function send(response: ServerResponse, status: number, body: object | undefined, headers: Headers): void {
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  response
    .writeHead(status, { ...headers, 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) })
    .end(text);
}
