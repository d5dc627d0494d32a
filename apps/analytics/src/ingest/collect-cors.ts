import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * CORS for `/collect` only: a browser on an allowed origin gets its origin echoed
 * (no credentials), preflight included; any other origin gets no CORS headers, and
 * its POSTs are refused with 403 before anything is read, since CORS alone does not
 * stop a simple text/plain POST. Requests without `Origin` (servers, curl) pass.
 */
export function collectCors(
  scope: FastifyInstance,
  allows: (origin: string) => boolean,
  onRefused: (request: FastifyRequest) => void,
): void {
  const allowedOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    return origin !== undefined && allows(origin) ? origin : undefined;
  };
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('vary', 'origin');
    const origin = allowedOrigin(request);
    if (origin) reply.header('access-control-allow-origin', origin);
    else if (request.headers.origin !== undefined && request.method === 'POST') {
      onRefused(request);
      return reply.status(403).send({ error: 'this origin may not send events here', field: 'origin' });
    }
  });
  scope.options('/collect', async (request, reply) => {
    if (allowedOrigin(request)) {
      reply
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '86400');
    }
    return reply.status(204).send();
  });
}
