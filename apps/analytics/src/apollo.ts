import type { ApolloServer } from '@apollo/server';
import { createSubgraphApollo } from '@byline/graphql';
import type { Logger } from '@byline/http';
import type { Context } from './context.js';
import { buildAnalyticsSchema } from './schema.js';

/** The analytics subgraph's Apollo server, as served and as tested. */
export async function createAnalyticsApollo(log: Logger): Promise<ApolloServer<Context>> {
  return createSubgraphApollo<Context>(await buildAnalyticsSchema(), log);
}
