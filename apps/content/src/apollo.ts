import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@byline/http';
import type { Context } from './context.js';
import { formatErrorWith } from './common/format-error.js';
import { buildContentSchema } from './schema.js';

/** The content subgraph's Apollo server, as served and as tested. */
export async function createContentApollo(log: Logger): Promise<ApolloServer<Context>> {
  return new ApolloServer<Context>({
    schema: await buildContentSchema(),
    formatError: formatErrorWith(log),
    includeStacktraceInErrorResponses: false,
    // closeOnSignals stops HTTP first, then Apollo; Apollo's own signal handler would cut that short.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: skip building federated traces on every request.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}
