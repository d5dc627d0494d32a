import { existsSync, readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { clientIp, createLogger, type Logger, type RunningService, startGraphQLService } from '@byline/http';
import { buildSchema } from 'graphql';
import { createAuthenticator } from './auth/authenticate.js';
import { credentialOf } from './auth/credential.js';
import { clientErrors } from './client-errors.js';
import type { GatewayConfig } from './config.js';
import { documentGate } from './document-gate.js';
import { limitRules } from './limits.js';
import { shedLoadWhenSaturated } from './overload.js';
import { checkSubgraphs } from './readiness.js';
import { parseCustomScalars } from './scalars.js';
import { type GatewayContext, routeSubgraphs } from './subgraphs.js';

const READINESS_TIMEOUT_MS = 2_000;

/** Serves the static supergraph (composed at build time: no runtime introspection) over the subgraphs. */
export async function startGateway(
  config: GatewayConfig,
  log: Logger = createLogger(config.logLevel),
): Promise<RunningService> {
  if (!existsSync(config.supergraphPath)) {
    throw new Error(`supergraph not found at ${config.supergraphPath} (run \`pnpm schema:compose\`)`);
  }
  const routing = routeSubgraphs(config.subgraphUrls, config.subgraphTimeoutMs, config.internalSecret, log);
  const authenticate = createAuthenticator({
    accountsUrl: () => routing.routed.get('accounts'),
    secret: config.internalSecret,
    cacheMs: config.authCacheMs,
    timeoutMs: config.subgraphTimeoutMs,
  });
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: routing.buildService,
    logger: log,
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => parseCustomScalars(apiSchema));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: log,
    // closeOnSignals stops the HTTP server first, then Apollo: Apollo's own handlers would kill the process midway.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    introspection: config.introspection,
    // Stack traces belong in logs, never in responses.
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !config.limits.fieldSuggestions,
    formatError: clientErrors(config.limits.fieldSuggestions, log),
    // No client batches (the dashboard sends one operation a request); a batch would multiply every limit.
    allowBatchedHttpRequests: false,
    // Apollo's APQ is a cache anyone can fill, not an allow-list: ids are resolved from the manifests instead.
    persistedQueries: false,
    validationRules: limitRules(config.limits),
  });

  const service = await startGraphQLService<GatewayContext>({
    name: 'gateway',
    host: config.host,
    port: config.port,
    bodyLimitBytes: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    apollo,
    context: async (request) => ({
      identity: await authenticate(credentialOf(request.headers), {
        ip: clientIp(request.headers, request.socket.remoteAddress, config.trustedProxyHeader),
        userAgent: request.headers['user-agent'],
      }),
    }),
    readiness: () => checkSubgraphs(routing.routed, READINESS_TIMEOUT_MS, config.internalSecret, log),
    routes: async (app) => {
      await shedLoadWhenSaturated(app, { maxEventLoopDelayMs: config.shedLoadDelayMs });
      app.addHook(
        'preHandler',
        documentGate({
          documents: config.trustedDocuments,
          required: config.trustedDocumentsRequired,
          limits: config.limits,
          schema: buildSchema(supergraphSdl),
        }),
      );
    },
    log,
  });
  for (const [name, url] of routing.routed) log.info(`subgraph ${name} → ${url}`);
  return service;
}
