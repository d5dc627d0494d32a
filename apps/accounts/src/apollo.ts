import type { ApolloServer } from '@apollo/server';
import { createSubgraphApollo } from '@byline/graphql';
import type { Logger } from '@byline/http';
import type { Context } from './context.js';
import { buildAccountsSchema } from './schema.js';

/** The accounts subgraph's Apollo server, as served and as tested. */
export async function createAccountsApollo(log: Logger): Promise<ApolloServer<Context>> {
  return createSubgraphApollo<Context>(await buildAccountsSchema(), log);
}
