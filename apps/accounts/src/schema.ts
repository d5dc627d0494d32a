import { buildFederatedSchema, subgraphTypeDefs, validateInput } from '@byline/graphql';
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { ApiTokensResolver } from './api-tokens/api-tokens.resolver.js';
import { SessionsResolver } from './sessions/sessions.resolver.js';
import { UsersResolver } from './users/users.resolver.js';

const options: BuildSchemaOptions = {
  resolvers: [UsersResolver, SessionsResolver, ApiTokensResolver],
  validateFn: validateInput,
};

export function buildAccountsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(options, {});
}

/** The SDL committed as `schema/accounts.graphql`. */
export async function printAccountsSchema(): Promise<string> {
  return (await subgraphTypeDefs(options)).sdl;
}
