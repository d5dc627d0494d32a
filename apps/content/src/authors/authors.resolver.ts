import { batcher, checkLimit } from '@byline/graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { publishedCounts } from '../articles/published-counts.sql.js';
import { checkWindow, PublishedWindowArgs, windowKey } from '../common/published-window.js';
import type { Context } from '../context.js';
import { Author } from './author.type.js';
import { authorBySlug, listAuthors } from './authors.sql.js';

@Resolver(() => Author)
export class AuthorsResolver {
  @Query(() => [Author], { description: 'Authors by name.' })
  authors(
    @Arg('first', () => Int, { defaultValue: 100, description: '1 to 500.' }) first: number,
    @Ctx() ctx: Context,
  ) {
    return listAuthors(ctx.db, checkLimit('first', first, 500));
  }

  @FieldResolver(() => Int, { description: 'Articles with this author in the byline published in the window.' })
  articlesPublished(
    @Root() author: Author,
    @Args(() => PublishedWindowArgs) args: PublishedWindowArgs,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const window = checkWindow(args, ctx.editions, ctx.now);
    return batcher(
      ctx.batchers,
      `published-by-author:${windowKey(window)}`,
      (ids) => publishedCounts(ctx.db, 'author', ids, window),
      0,
    ).load(author.id);
  }

  @Query(() => Author, { nullable: true })
  author(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Author | null> {
    return authorBySlug(ctx.db, slug);
  }
}
