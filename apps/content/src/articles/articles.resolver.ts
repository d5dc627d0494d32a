import { badInput, bounded, checkId, checkLimit } from '@byline/graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../authors/author.type.js';
import type { Context } from '../context.js';
import { Section } from '../sections/section.type.js';
import { Tag } from '../tags/tag.type.js';
import { Article } from './article.type.js';
import { articleBySlug } from './articles.sql.js';
import { ArticleConnection } from './connection.type.js';
import { ArticlesArgs } from './feed.args.js';
import { articleFeed } from './feed.js';
import { relatedArticles } from './related.sql.js';
import { visibleTo } from './visibility.js';

@Resolver(() => Article)
export class ArticlesResolver {
  @Query(() => Article, { nullable: true, description: 'One article, by `id` or by `slug` and `edition`.' })
  async article(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Arg('edition', () => String, { nullable: true }) edition: string | null,
    @Ctx() ctx: Context,
  ): Promise<Article | null> {
    if (id !== null && id !== undefined)
      return visibleTo(ctx.identity, await ctx.loaders.article.load(checkId('id', id)));
    if (!slug || !edition) throw badInput('slug', 'give either id, or slug and edition');
    return visibleTo(ctx.identity, await articleBySlug(ctx.db, edition, slug));
  }

  @Query(() => ArticleConnection, { description: 'Newest first by default; walk pages with `after: endCursor`.' })
  articles(@Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: Context): Promise<ArticleConnection> {
    return articleFeed(ctx, args);
  }

  @Query(() => [String], { description: 'The language editions this site publishes.' })
  editions(@Ctx() ctx: Context): string[] {
    return bounded('Query.editions', [...ctx.editions.keys()]);
  }

  @FieldResolver()
  async body(@Root() article: Article, @Ctx() ctx: Context): Promise<string[]> {
    return bounded('Article.body', article.body ?? (await ctx.loaders.articleBody.load(article.id))?.body ?? []);
  }

  @FieldResolver(() => Section)
  async section(@Root() article: Article, @Ctx() ctx: Context): Promise<Section> {
    const section = await ctx.loaders.section.load(article.sectionId);
    if (!section) throw new Error(`article ${article.id} has no section ${article.sectionId}`);
    return section;
  }

  @FieldResolver(() => [Author], { description: 'The byline, in order.' })
  async authors(@Root() article: Article, @Ctx() ctx: Context): Promise<Author[]> {
    return bounded('Article.authors', await ctx.loaders.authorsOfArticle.load(article.id));
  }

  @FieldResolver(() => [Tag])
  async tags(@Root() article: Article, @Ctx() ctx: Context): Promise<Tag[]> {
    return bounded('Article.tags', await ctx.loaders.tagsOfArticle.load(article.id));
  }

  @FieldResolver(() => [Article], { description: 'The same story in the other editions.' })
  async translations(@Root() article: Article, @Ctx() ctx: Context): Promise<Article[]> {
    const story = await ctx.loaders.articlesOfStory.load(article.storyId);
    return bounded(
      'Article.translations',
      story.filter((other) => other.id !== article.id && visibleTo(ctx.identity, other)),
    );
  }

  @FieldResolver(() => [Article], {
    description: 'Published articles of the same edition sharing the most tags, then the same section.',
  })
  relatedArticles(
    @Root() article: Article,
    @Arg('first', () => Int, { defaultValue: 5, description: '1 to 20.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Article[]> {
    return relatedArticles(ctx.db, article, checkLimit('first', first, 20));
  }
}
