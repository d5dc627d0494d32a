import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { requireSignedIdentity } from './identity.js';
import type { Logger } from './log.js';

export interface ReadyReport {
  ready: boolean;
  checks: Record<string, string>;
}

export interface GraphQLServiceOptions<Context extends BaseContext> {
  name: string;
  host: string;
  port: number;
  /** Largest request body accepted, in bytes; larger ones get a 413. */
  bodyLimitBytes: number;
  /** Allowed browser origins; `*` allows any. Unset or empty: no CORS headers (subgraphs: only the gateway calls them). */
  corsOrigins?: string[];
  apollo: ApolloServer<Context>;
  context: (request: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  /** What `/readyz` reports: the service's dependencies, checked live. */
  readiness: () => Promise<ReadyReport>;
  log: Logger;
  /** Called after the HTTP server and Apollo have stopped (close pools here). */
  onClose?: () => Promise<void>;
  /**
   * The gateway's signing secret. Set, `/graphql` answers only requests
   * carrying an identity the gateway signed (401 otherwise), and the
   * identity is on `request.identity` for the context.
   */
  internalSecret?: string;
  /** Extra routes, registered before the server starts listening. */
  routes?: (app: FastifyInstance) => void | Promise<void>;
}

export interface RunningService {
  url: string;
  port: number;
  app: FastifyInstance;
  /** Requests `/graphql` has received so far, counted before any parsing or check. */
  graphqlRequests(): number;
  close(): Promise<void>;
}

/**
 * Serves an Apollo server at `/graphql` with `/healthz` (alive), `/readyz`
 * (dependencies reachable), CORS, a body limit and graceful shutdown.
 */
export async function startGraphQLService<Context extends BaseContext>(
  options: GraphQLServiceOptions<Context>,
): Promise<RunningService> {
  const { apollo, log } = options;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes,
    // Load balancers keep idle connections for 60 s: outlive them.
    keepAliveTimeout: 72_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  let closing = false;
  app.decorateRequest('identity', null);

  const corsOrigins = options.corsOrigins ?? [];
  if (corsOrigins.length > 0) {
    await app.register(cors, {
      origin: corsOrigins.includes('*') ? true : corsOrigins,
      credentials: !corsOrigins.includes('*'),
      methods: ['GET', 'POST', 'OPTIONS'],
      maxAge: 600,
    });
  }

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) log.error(`${request.method} ${request.url}`, error);
    reply.status(status).send({
      error: status >= 500 ? 'internal error' : error.message,
      ...(status < 500 && error.code ? { code: error.code } : {}),
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: `no route ${request.method} ${request.url}` });
  });

  app.get('/healthz', async () => ({ status: 'ok', service: options.name }));
  app.get('/readyz', async (_request, reply) => {
    if (closing) return reply.status(503).send({ ready: false, checks: { service: 'shutting down' } });
    const report = await options.readiness().catch((error: unknown): ReadyReport => {
      // The error may name hosts and ports: logged, not answered.
      log.error('readiness check failed', error);
      return { ready: false, checks: { readiness: 'failed' } };
    });
    return reply.status(report.ready ? 200 : 503).send(report);
  });

  await options.routes?.(app);
  await apollo.start();
  const handler = fastifyApolloHandler(apollo, { context: options.context });
  let graphqlRequests = 0;
  const countRequest = async () => {
    graphqlRequests += 1;
  };
  app.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler,
    onRequest: options.internalSecret
      ? [countRequest, requireSignedIdentity(options.internalSecret, options.name)]
      : countRequest,
  });

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host}:${port}/graphql`;
  log.info(`${options.name} listening on ${url}`);

  return {
    url,
    port,
    app,
    graphqlRequests: () => graphqlRequests,
    close: async () => {
      if (closing) return;
      closing = true;
      await app.close();
      await apollo.stop();
      await options.onClose?.();
      log.info(`${options.name} stopped`);
    },
  };
}
