import { checkLimit } from '@byline/graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
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

  @Query(() => Author, { nullable: true })
  author(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Author | null> {
    return authorBySlug(ctx.db, slug);
  }
}
