import { ANONYMOUS, IDENTITY_HEADER, type Identity, verifyIdentity } from '@byline/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking, as the gateway signed it; null where the service requires no signature. */
    identity: Identity | null;
  }
}

/**
 * Refuses, before any parsing, a request the gateway did not sign for this
 * service (`audience`, its name): subgraphs are not public.
 */
export function requireSignedIdentity(secret: string, audience: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[IDENTITY_HEADER];
    const identity = verifyIdentity(typeof header === 'string' ? header : undefined, secret, audience);
    if (!identity) {
      return reply.status(401).send({ error: 'requests to this service must come through the Byline gateway' });
    }
    request.identity = identity;
  };
}

/** The request's identity: the signed one, or anonymous on a service that requires none. */
export function identityOf(request: FastifyRequest): Identity {
  return request.identity ?? ANONYMOUS;
}
