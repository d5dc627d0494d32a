import { checkLimit } from '@byline/graphql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Tag } from './tag.type.js';
import { listTags, tagBySlug } from './tags.sql.js';

@Resolver(() => Tag)
export class TagsResolver {
  @Query(() => [Tag], { description: 'Tags by name.' })
  tags(@Arg('first', () => Int, { defaultValue: 200, description: '1 to 1000.' }) first: number, @Ctx() ctx: Context) {
    return listTags(ctx.db, checkLimit('first', first, 1000));
  }

  @Query(() => Tag, { nullable: true })
  tag(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Tag | null> {
    return tagBySlug(ctx.db, slug);
  }
}
