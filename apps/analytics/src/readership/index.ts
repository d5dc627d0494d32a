// The readership module's table of contents: what the analytics schema is built from.
// biome-ignore-all assist/source/organizeImports: imported in the order the SDL lists the queries (type-graphql registers them as modules load)
import { ArticleReadershipResolver } from './article/article.resolver.js';
import { LiveResolver } from './live/live.resolver.js';
import { AuthorPerformanceResolver, SectionPerformanceResolver } from './performance/performance.resolver.js';
import { ArticleEntity, AuthorEntity, SectionEntity } from './shared/entities.js';
import { ReadershipResolver } from './views/readership.resolver.js';
import { TopArticlesResolver } from './top/top-articles.resolver.js';
import { ShareStatsResolver } from './shares/share-stats.resolver.js';

export { entityReferences } from './shared/entities.js';

/** One resolver per question: an article's readership, performance, grouped views, top articles, share stats, live. */
export const readershipResolvers = [
  ArticleReadershipResolver,
  SectionPerformanceResolver,
  AuthorPerformanceResolver,
  ReadershipResolver,
  TopArticlesResolver,
  ShareStatsResolver,
  LiveResolver,
] as const;

/** The content subgraph's entities this one extends with readership fields. */
export const readershipEntities = [ArticleEntity, SectionEntity, AuthorEntity] as const;
