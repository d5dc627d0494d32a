import { createServer } from 'node:http';
import { IDENTITY_HEADER, type Identity, signIdentity } from '@byline/auth';
import { createAuthenticator, credentialOf } from '@byline/gateway';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { listen } from './listen.js';
import type { Target } from './target.js';

/**
 * @graphql-hive/gateway's runtime on node:http, as its deployment docs show,
 * with production settings (NODE_ENV=production, no GraphiQL or landing
 * page, error logs only). Subgraph addresses come from `transportEntries`;
 * the identity header from `propagateHeaders.fromClientToSubgraphs`: the
 * caller's credential is checked with our gateway's own authenticator (same
 * accounts call, same 5 s cache) once per client request, then signed onto
 * every subgraph call, exactly what our gateway adds.
 */
export const hive: Target = async ({ urls, secret, supergraphPath }) => {
  const authenticate = createAuthenticator({
    accountsUrl: () => urls.accounts,
    secret,
    cacheMs: 5_000,
    timeoutMs: 10_000,
  });
  const identities = new WeakMap<Request, Promise<Identity>>();
  const identityHeader = async (request: Request, subgraph: string) => {
    let identity = identities.get(request);
    if (!identity) {
      const credential = credentialOf({
        authorization: request.headers.get('authorization') ?? undefined,
        cookie: request.headers.get('cookie') ?? undefined,
      });
      identity = authenticate(credential, { ip: '' });
      identities.set(request, identity);
    }
    return signIdentity(await identity, secret, subgraph);
  };
  const runtime = createGatewayRuntime({
    supergraph: supergraphPath,
    transportEntries: {
      content: { location: urls.content },
      analytics: { location: urls.analytics },
      accounts: { location: urls.accounts },
    },
    propagateHeaders: {
      fromClientToSubgraphs: async ({ request, subgraphName }) => ({
        [IDENTITY_HEADER]: await identityHeader(request, subgraphName),
      }),
    },
    graphiql: false,
    landingPage: false,
    logging: 'error',
  });
  const server = createServer(runtime);
  const url = await listen(server);
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await runtime.dispose();
    },
  };
};
