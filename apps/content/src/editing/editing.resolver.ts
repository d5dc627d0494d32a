import { Arg, Authorized, Ctx, GraphQLISODateTime, ID, Mutation, Resolver } from 'type-graphql';
import { Article } from '../articles/article.type.js';
import type { Context } from '../context.js';
import { ArticleInput } from './article.input.js';
import { archiveArticle, createArticle, publishArticle, unpublishArticle, updateArticle } from './editing.js';

/** Newsroom mutations; every one needs the `content:edit` scope (editors, admins) and writes in one transaction. */
@Resolver(() => Article)
export class EditingResolver {
  @Authorized('content:edit')
  @Mutation(() => Article, { description: 'Creates a draft, optionally as a translation of another article.' })
  createArticle(
    @Arg('edition', () => String) edition: string,
    @Arg('input', () => ArticleInput) input: ArticleInput,
    @Arg('translationOf', () => ID, { nullable: true }) translationOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<Article> {
    return createArticle(ctx, edition, input, translationOf ?? null);
  }

  @Authorized('content:edit')
  @Mutation(() => Article, { description: 'Replaces the editable content of an article.' })
  updateArticle(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ArticleInput) input: ArticleInput,
    @Ctx() ctx: Context,
  ): Promise<Article> {
    return updateArticle(ctx, id, input);
  }

  @Authorized('content:edit')
  @Mutation(() => Article)
  publishArticle(
    @Arg('id', () => ID) id: string,
    @Arg('at', () => GraphQLISODateTime, { nullable: true, description: 'Default: now.' }) at: Date | null,
    @Ctx() ctx: Context,
  ): Promise<Article> {
    return publishArticle(ctx, id, at ?? null);
  }

  @Authorized('content:edit')
  @Mutation(() => Article)
  unpublishArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Article> {
    return unpublishArticle(ctx, id);
  }

  @Authorized('content:edit')
  @Mutation(() => Article)
  archiveArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Article> {
    return archiveArticle(ctx, id);
  }
}
