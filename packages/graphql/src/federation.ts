import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { type BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import { authChecker } from './auth.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

type ReferenceResolvers = Record<string, { __resolveReference: (reference: never, context: never) => unknown }>;

/** The subgraph SDL: type-graphql's schema printed with its directives, under the federation `@link`. */
export async function subgraphTypeDefs(options: BuildSchemaOptions): Promise<{ sdl: string; schema: GraphQLSchema }> {
  const schema = await buildSchema({ authChecker, ...options });
  return { sdl: `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`, schema };
}

/**
 * Builds an Apollo Federation v2 subgraph from type-graphql resolvers:
 * type-graphql's resolvers plus the entities' `__resolveReference`.
 */
export async function buildFederatedSchema(
  options: BuildSchemaOptions,
  references: ReferenceResolvers,
): Promise<GraphQLSchema> {
  const { sdl, schema } = await subgraphTypeDefs(options);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolver] of Object.entries(references)) {
    resolvers[typeName] = { ...resolvers[typeName], ...resolver };
  }
  // biome-ignore lint/suspicious/noExplicitAny: @apollo/subgraph's resolver map type is narrower than type-graphql's
  return buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as any });
}
