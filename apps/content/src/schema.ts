import { buildFederatedSchema, subgraphTypeDefs, validateInput } from '@byline/graphql';
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { Article } from './articles/article.type.js';
import { ArticlesResolver } from './articles/articles.resolver.js';
import { visibleTo } from './articles/visibility.js';
import { AuthorsResolver } from './authors/authors.resolver.js';
import type { Context } from './context.js';
import { EditingResolver } from './editing/editing.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { SectionsResolver } from './sections/sections.resolver.js';
import { TagsResolver } from './tags/tags.resolver.js';

const options: BuildSchemaOptions = {
  resolvers: [ArticlesResolver, SearchResolver, EditingResolver, SectionsResolver, AuthorsResolver, TagsResolver],
  orphanedTypes: [Article],
  validateFn: validateInput,
};

type Reference = { id: string };

/** How the gateway resolves entity keys: batched by DataLoader, one query per type per request. */
const references = {
  Article: {
    __resolveReference: async ({ id }: Reference, ctx: Context) =>
      visibleTo(ctx.identity, await ctx.loaders.article.load(id)),
  },
  Section: { __resolveReference: ({ id }: Reference, ctx: Context) => ctx.loaders.section.load(id) },
  Author: { __resolveReference: ({ id }: Reference, ctx: Context) => ctx.loaders.author.load(id) },
  Tag: { __resolveReference: ({ id }: Reference, ctx: Context) => ctx.loaders.tag.load(id) },
};

export function buildContentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(options, references);
}

/** The SDL committed as `schema/content.graphql`. */
export async function printContentSchema(): Promise<string> {
  return (await subgraphTypeDefs(options)).sdl;
}
