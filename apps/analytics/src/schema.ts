import { buildFederatedSchema, subgraphTypeDefs, validateInput } from '@byline/graphql';
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import { ArticleReadershipResolver } from './readership/article/article.resolver.js';
import { LiveResolver } from './readership/live/live.resolver.js';
import {
  AuthorPerformanceResolver,
  SectionPerformanceResolver,
} from './readership/performance/performance.resolver.js';
import { ArticleEntity, AuthorEntity, entityReferences, SectionEntity } from './readership/shared/entities.js';
import { ReadershipResolver } from './readership/views/readership.resolver.js';
import { RecordResolver } from './recording/record.resolver.js';

const options: BuildSchemaOptions = {
  resolvers: [
    ArticleReadershipResolver,
    SectionPerformanceResolver,
    AuthorPerformanceResolver,
    ReadershipResolver,
    LiveResolver,
    RecordResolver,
  ],
  orphanedTypes: [ArticleEntity, SectionEntity, AuthorEntity],
  validateFn: validateInput,
};

export function buildAnalyticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(options, entityReferences);
}

/** The SDL committed as `schema/analytics.graphql`. */
export async function printAnalyticsSchema(): Promise<string> {
  return (await subgraphTypeDefs(options)).sdl;
}
