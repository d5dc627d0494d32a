import { IDENTITY_HEADER, verifyIdentity } from '@byline/auth';
import type { FastifyInstance } from 'fastify';
import type { Accounts } from '../context.js';
import { authenticate } from './authenticate.js';

/** The only caller allowed: the gateway, proving it with its signed service identity. */
const GATEWAY = 'service:gateway';
const TOKEN_MAX = 512;

/**
 * `POST /authenticate {token}` → `{identity: {sub, role, sid?} | null}`: how
 * the gateway turns a request's credential into an identity. Internal only.
 */
export function authenticateRoute(accounts: Accounts, secret: string) {
  return (app: FastifyInstance) => {
    app.post('/authenticate', { bodyLimit: 4096 }, async (request, reply) => {
      const header = request.headers[IDENTITY_HEADER];
      const caller = verifyIdentity(typeof header === 'string' ? header : undefined, secret, 'accounts');
      if (caller?.sub !== GATEWAY) {
        return reply.status(401).send({ error: 'only the Byline gateway may authenticate credentials' });
      }
      const token = (request.body as { token?: unknown } | null)?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > TOKEN_MAX) {
        return reply
          .status(400)
          .send({ error: `token: expected a string of 1 to ${TOKEN_MAX} characters`, field: 'token' });
      }
      return { identity: await authenticate(accounts, token) };
    });
  };
}
