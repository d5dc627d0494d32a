import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { IDENTITY_HEADER, type Identity, signIdentity } from '@byline/auth';
import { createAuthenticator, credentialOf } from '@byline/gateway';
import type { Target } from './target.js';

/**
 * The baseline: @apollo/gateway with default settings, a plain ApolloServer
 * on its standalone server, and a RemoteGraphQLDataSource that adds the
 * signed identity (checked with our gateway's authenticator), nothing else.
 */
export const apollo: Target = async ({ urls, secret, supergraphPath }) => {
  const authenticate = createAuthenticator({
    accountsUrl: () => urls.accounts,
    secret,
    cacheMs: 5_000,
    timeoutMs: 10_000,
  });
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<{ identity: Identity }>({
        url: urls[name as keyof typeof urls],
        willSendRequest({ request, context }) {
          request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity, secret, name));
        },
      }),
  });
  const server = new ApolloServer<{ identity: Identity }>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ identity: await authenticate(credentialOf(req.headers), { ip: '' }) }),
  });
  return { url: new URL('/graphql', url).toString(), close: () => server.stop() };
};
