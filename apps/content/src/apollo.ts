import type { ApolloServer } from '@apollo/server';
import { createSubgraphApollo } from '@byline/graphql';
import type { Logger } from '@byline/http';
import type { Context } from './context.js';
import { buildContentSchema } from './schema.js';

/** The content subgraph's Apollo server, as served and as tested. */
export async function createContentApollo(log: Logger): Promise<ApolloServer<Context>> {
  return createSubgraphApollo<Context>(await buildContentSchema(), log);
}
