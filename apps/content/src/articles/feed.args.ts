import { ArgsType, Field, GraphQLISODateTime, InputType, Int, registerEnumType } from 'type-graphql';
import { ArticleStatus } from './article.type.js';

export enum ArticleOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
}
registerEnumType(ArticleOrder, { name: 'ArticleOrder', description: 'By publication time (drafts: creation time).' });

@InputType({ description: 'All given conditions must hold.' })
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: 'Section slug, e.g. `world`.' })
  section?: string | null;

  @Field(() => String, { nullable: true, description: 'Author slug.' })
  author?: string | null;

  @Field(() => String, { nullable: true, description: 'Tag slug.' })
  tag?: string | null;

  @Field(() => String, { nullable: true })
  edition?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Published at or after this instant.' })
  publishedAfter?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Published before this instant.' })
  publishedBefore?: Date | null;

  @Field(() => [ArticleStatus], {
    nullable: true,
    description: 'Default: published only. Drafts and archived articles need the editor role.',
  })
  status?: ArticleStatus[] | null;
}

@ArgsType()
export class ArticlesArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;

  @Field(() => ArticleFilter, { nullable: true })
  filter?: ArticleFilter | null;

  @Field(() => ArticleOrder, { defaultValue: ArticleOrder.NEWEST })
  orderBy!: ArticleOrder;
}
