import { checkLimit } from '@byline/graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { articlesPublished, PublishedWindowArgs } from '../common/published-window.js';
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
    return articlesPublished(ctx, 'author', author.id, args);
  }

  @Query(() => Author, { nullable: true })
  author(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Author | null> {
    return authorBySlug(ctx.db, slug);
  }
}
