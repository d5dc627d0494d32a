import { buildFederatedSchema, subgraphTypeDefs, validateInput } from '@byline/graphql';
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { entityReferences, readershipEntities, readershipResolvers } from './readership/index.js';
import { RecordResolver } from './recording/record.resolver.js';

const options: BuildSchemaOptions = {
  resolvers: [...readershipResolvers, RecordResolver],
  orphanedTypes: [...readershipEntities],
  validateFn: validateInput,
};

export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(options, entityReferences);
}

/** The SDL committed as `schema/analytics.graphql`. */
export async function printAnalyticsSchema(): Promise<string> {
  return (await subgraphTypeDefs(options)).sdl;
}
