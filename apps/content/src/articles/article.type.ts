import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

// Enum values equal their GraphQL names: the federated schema is rebuilt from
// SDL, where defaults are parsed by name. The database stores them lowercase.
export enum ArticleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ArticleStatus, {
  name: 'ArticleStatus',
  description: 'Drafts are seen only by the newsroom; archived articles stay readable by link but leave the feeds.',
});

@ObjectType()
export class CoverImage {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  caption!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A story in one language edition.' })
export class Article {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Unique within the edition.' })
  slug!: string;

  @Field(() => String, { description: 'Language edition code, e.g. `en`, `ru`, `az`.' })
  edition!: string;

  @Field(() => ArticleStatus)
  status!: ArticleStatus;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'The agency or outlet the story is based on.' })
  source!: string | null;

  @Field(() => String)
  lead!: string;

  /** Absent on list rows (see CARD_COLUMNS): resolved by ArticlesResolver.body. */
  @Field(() => [String], { description: 'Paragraphs, in order.' })
  body?: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;

  @Field(() => CoverImage, { nullable: true })
  coverImage!: CoverImage | null;

  @Field(() => Int, { description: 'Estimated minutes to read the body.' })
  readingMinutes!: number;

  sectionId!: string;
  /** Shared by the translations of one story. */
  storyId!: string;
  /** Feed sort key as PostgreSQL text (microseconds), used in cursors. */
  listedAt!: string;
}
