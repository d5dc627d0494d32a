import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@byline/http';
import type { GraphQLSchema } from 'graphql';
import { formatErrorWith } from './format-error.js';

/** A subgraph's Apollo server, configured alike in every subgraph. */
export function createSubgraphApollo<Context extends BaseContext>(
  schema: GraphQLSchema,
  log: Logger,
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    formatError: formatErrorWith(log),
    includeStacktraceInErrorResponses: false,
    // closeOnSignals stops HTTP first, then Apollo; Apollo's own signal handler would cut that short.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: skip building federated traces on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}
