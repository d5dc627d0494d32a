import { createHash, timingSafeEqual } from 'node:crypto';
import { clientIp } from '@byline/http';
import type { FastifyReply, FastifyRequest } from 'fastify';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1)$/;

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Who may read `/metrics`: with a token, only requests bearing it (from anywhere);
 * without one, only loopback peers, and behind a local proxy only loopback clients (the
 * trusted proxy header), so a public request relayed by the proxy is refused.
 */
export function metricsAccess(token: string | undefined, trustedProxyHeader: string) {
  const expected = token === undefined ? undefined : digest(token);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (given !== undefined && timingSafeEqual(digest(given), expected)) return;
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'metrics need the METRICS_TOKEN bearer token' });
    }
    // Both the peer and, behind a proxy, the client it relays: a header alone could be forged.
    const peer = clientIp({}, request.socket.remoteAddress, '');
    const client = clientIp(request.headers, request.socket.remoteAddress, trustedProxyHeader);
    if (!LOOPBACK.test(peer) || !LOOPBACK.test(client)) {
      return reply.status(403).send({ error: 'metrics are served to loopback clients only' });
    }
  };
}
