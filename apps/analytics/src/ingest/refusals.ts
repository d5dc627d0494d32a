import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Metrics } from './metrics.js';

/** Reasons of refusals Fastify answers before a handler runs, by status. */
const BY_STATUS: Record<number, string> = {
  400: 'invalid',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  503: 'unavailable',
};

/** Reasons of refusals Node's HTTP parser answers before Fastify sees a request. */
const BY_PARSER_CODE: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'header_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
};

export interface Refusals {
  /** Counts a refusal the route answers itself (`count` events, or one request). */
  refuse(request: FastifyRequest, reason: string, count?: number): void;
  /** Marks a refusal another part (ingest, the spool) has counted already. */
  counted(request: FastifyRequest): void;
}

/**
 * Every refusal on `scope`'s routes counted once in `/metrics` by reason: those the
 * handler names, and those Fastify raises before it (body too large, wrong content
 * type) by status; plus what Node's parser refuses on the whole server (headers too
 * large). Bodies are never decompressed, so a compressed one (a decompression bomb)
 * is refused with 415 before it is read.
 */
export function countRefusals(app: FastifyInstance, scope: FastifyInstance, metrics: Metrics): Refusals {
  const done = new WeakSet<FastifyRequest>();
  const refuse = (request: FastifyRequest, reason: string, count = 1) => {
    done.add(request);
    metrics.reject(reason, count);
  };
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      refuse(request, 'unsupported_encoding');
      return reply.status(415).send({ error: 'compressed bodies are not accepted', field: 'content-encoding' });
    }
  });
  scope.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const status = reply.statusCode;
    if (status < 400 || done.has(request)) return;
    metrics.reject(BY_STATUS[status] ?? (status >= 500 ? 'server_error' : `status_${status}`));
  });
  app.server.on('clientError', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET') return;
    metrics.reject(BY_PARSER_CODE[error.code ?? ''] ?? 'malformed_request');
  });
  return { refuse, counted: (request) => done.add(request) };
}
